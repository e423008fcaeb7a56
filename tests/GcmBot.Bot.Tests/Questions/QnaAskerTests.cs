using GcmBot.Bot.Questions;
using GcmBot.Cards.Questions;

namespace GcmBot.Bot.Tests.Questions;

/// <summary>Askers edit or withdraw their own questions until answered, and follow them from our personal chat.</summary>
public sealed class QnaAskerTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Edit_OwnQuestion_ChangesItsText()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("edit"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Typo in my questoin?");
        var card = await qna.ActAsync(QnaVerbs.Question, TestUsers.Alice, question);

        var edited = await qna.Chat.PressAsync(card.InvokeCard!, QnaVerbs.Edit, new Dictionary<string, string> { [QnaKeys.EditInput(question)] = "No typo in my question?" }, TestUsers.Alice);

        Assert.Contains("is changed", edited.AllText);
        Assert.Equal("No typo in my question?", (await qna.QuestionAsync(question)).Text);
        await qna.WaitForBoardAsync(text => text.Contains("No typo in my question?"));
    }

    [Fact]
    public async Task Edit_SomeoneElsesQuestion_IsRefused()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("edit-other"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Alice's question?");

        var turn = await qna.ActAsync(QnaVerbs.Edit, TestUsers.Bob, question, (QnaKeys.EditInput(question), "Bob was here"));

        Assert.Contains("only change your own", turn.AllText);
        Assert.Equal("Alice's question?", (await qna.QuestionAsync(question)).Text);
    }

    [Fact]
    public async Task Edit_AfterAnswered_IsRefused()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("edit-answered"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Answered already?");
        await qna.ActAsync(QnaVerbs.Answer, TestUsers.Organiser, question);

        var turn = await qna.ActAsync(QnaVerbs.Edit, TestUsers.Alice, question, (QnaKeys.EditInput(question), "Changed after the answer"));

        Assert.Contains("can no longer change", turn.AllText);
        Assert.Equal("Answered already?", (await qna.QuestionAsync(question)).Text);
    }

    [Fact]
    public async Task Edit_WithPreModeration_SendsTheQuestionBackToTheQueue()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("edit-premod"), preModeration: true);
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Innocent question?");
        await qna.ActAsync(QnaVerbs.Approve, TestUsers.Organiser, question);

        var turn = await qna.ActAsync(QnaVerbs.Edit, TestUsers.Alice, question, (QnaKeys.EditInput(question), "Something else entirely"));

        Assert.Contains("waits for a moderator's approval again", turn.AllText);
        Assert.Equal(QuestionStatus.Waiting, (await qna.QuestionAsync(question)).Status);
    }

    [Fact]
    public async Task Edit_Oversized_IsRefused()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("edit-long"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Short?");

        var turn = await qna.ActAsync(QnaVerbs.Edit, TestUsers.Alice, question, (QnaKeys.EditInput(question), new string('y', 2000)));

        Assert.Contains("keep it to 500", turn.InvokeMessage);
        Assert.Equal("Short?", (await qna.QuestionAsync(question)).Text);
    }

    [Fact]
    public async Task Withdraw_OwnQuestion_TakesItOffTheBoard_AndItMayBeAskedAgain()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("withdraw"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Never mind?");

        var turn = await qna.ActAsync(QnaVerbs.Withdraw, TestUsers.Alice, question);
        var again = await qna.AskAsync(TestUsers.Alice, "Never mind?");

        Assert.Contains("withdrawn", turn.AllText);
        Assert.Equal(QuestionStatus.Withdrawn, (await qna.QuestionAsync(question)).Status);
        Assert.Contains("Your question is #2", again.AllText);
    }

    [Fact]
    public async Task Withdraw_SomeoneElsesQuestion_IsRefused()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("withdraw-other"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Mine to withdraw?");

        var turn = await qna.ActAsync(QnaVerbs.Withdraw, TestUsers.Bob, question);

        Assert.Contains("only change your own", turn.AllText);
        Assert.Equal(QuestionStatus.Open, (await qna.QuestionAsync(question)).Status);
    }

    [Fact]
    public async Task MyQuestions_ListsStatusVotesAndAnswers_AndEditsFromPersonalChat()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("mine"), "Briefing");
        var answered = await qna.AskForIdAsync(TestUsers.Alice, "What is the GCM?");
        var open = await qna.AskForIdAsync(TestUsers.Alice, "Who takes part?");
        await qna.VoteAsync(TestUsers.Bob, open);
        await qna.ActAsync(QnaVerbs.Answer, TestUsers.Organiser, answered, (QnaKeys.AnswerInput(answered), "The Global Compact for Migration."));
        var personal = _bot.PersonalChat(TestUsers.Alice);

        var list = await personal.SayAsync("my questions");
        var edited = await personal.PressAsync(list.Reply.Card, QnaVerbs.Edit, new Dictionary<string, string> { [QnaKeys.EditInput(open)] = "Who can take part?" }, TestUsers.Alice);

        Assert.Contains("The Global Compact for Migration.", list.Reply.AllText);
        Assert.Contains("1 vote · open", list.Reply.AllText);
        Assert.Contains("is changed", edited.AllText);
        Assert.Contains("Who can take part?", edited.AllText);
        Assert.Equal("Who can take part?", (await qna.QuestionAsync(open)).Text);
    }

    [Fact]
    public async Task PersonalChatVote_IsSentBackToTheBoard()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("personal-vote"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Vote from afar?");

        var turn = await _bot.PersonalChat(TestUsers.Bob).ExecuteAsync(QnaVerbs.Vote, qna.Data(question, (QnaKeys.Vote, QnaKeys.VoteUp)), TestUsers.Bob);

        Assert.Contains("on the Q&A board", turn.InvokeMessage);
        Assert.Equal(0, (await qna.QuestionAsync(question)).VoteCount);
    }
}
