using GcmBot.Bot.Questions;
using GcmBot.Cards.Questions;

namespace GcmBot.Bot.Tests.Questions;

/// <summary>Moderators approve, dismiss, merge, answer, pin and export; everyone else is refused.</summary>
public sealed class QnaModerationTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task PreModeration_NewQuestionWaits_SeenOnlyByModeratorsAndItsAsker()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("premod"), preModeration: true);

        var asked = await qna.AskAsync(TestUsers.Alice, "Waiting question?");
        var bobsView = await qna.ActAsync(QnaVerbs.View, TestUsers.Bob);
        var moderatorsView = await qna.ActAsync(QnaVerbs.View, TestUsers.Organiser);

        Assert.Contains("once a moderator approves it", asked.AllText);
        Assert.Contains("Waiting question?", asked.AllText);
        Assert.DoesNotContain("Waiting question?", CardText.Of(bobsView.InvokeCard));
        Assert.Contains("Waiting question?", CardText.Of(moderatorsView.InvokeCard));
        Assert.Contains("Waiting for approval (1) · only moderators see these", CardText.Of(moderatorsView.InvokeCard));
        Assert.Equal(QuestionStatus.Waiting, Assert.Single(await qna.QuestionsAsync()).Status);
    }

    [Fact]
    public async Task Approve_PutsTheWaitingQuestionOnTheBoard()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("approve"), preModeration: true);
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Approve me?");

        var approved = await qna.ActAsync(QnaVerbs.Approve, TestUsers.Organiser, question);
        var again = await qna.ActAsync(QnaVerbs.Approve, TestUsers.Organiser, question);

        Assert.Contains("approved", approved.AllText);
        Assert.Contains("already on the board", again.AllText);
        Assert.Equal(QuestionStatus.Open, (await qna.QuestionAsync(question)).Status);
        await qna.WaitForBoardAsync(text => text.Contains("Approve me?"));
    }

    [Fact]
    public async Task Dismiss_TakesTheQuestionOffTheBoard()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("dismiss"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Off topic?");
        await qna.WaitForBoardAsync(text => text.Contains("Off topic?"));

        await qna.ActAsync(QnaVerbs.Dismiss, TestUsers.Organiser, question);

        Assert.Equal(QuestionStatus.Dismissed, (await qna.QuestionAsync(question)).Status);
        await qna.WaitForLatestBoardAsync(text => !text.Contains("Off topic?"));
    }

    [Fact]
    public async Task PreModerationSwitch_TurnsOnForNewQuestions()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("switch"));

        var on = await qna.ActAsync(QnaVerbs.PreModeration, TestUsers.Organiser, null, (QnaKeys.On, "1"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "After the switch?");

        Assert.Contains("Pre-moderation is on", on.AllText);
        Assert.Equal(QuestionStatus.Waiting, (await qna.QuestionAsync(question)).Status);
    }

    [Fact]
    public async Task Merge_CombinesVotes_WithoutCountingAnyoneTwice()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("merge"));
        var original = await qna.AskForIdAsync(TestUsers.Alice, "What about return and reintegration?");
        var duplicate = await qna.AskForIdAsync(TestUsers.Bob, "And reintegration after return?");
        foreach (var voter in new[] { TestUser.Numbered(1), TestUser.Numbered(2) })
        {
            await qna.VoteAsync(voter, original);
        }

        foreach (var voter in new[] { TestUser.Numbered(2), TestUser.Numbered(3), TestUser.Numbered(4) })
        {
            await qna.VoteAsync(voter, duplicate);
        }

        var merged = await qna.ActAsync(QnaVerbs.Merge, TestUsers.Organiser, duplicate, (QnaKeys.MergeInput(duplicate), "1"));

        Assert.Contains("merged into #1, which now has 4 votes", merged.AllText);
        Assert.Equal(4, (await qna.QuestionAsync(original)).VoteCount);
        Assert.Equal(4, await qna.VoteRowsAsync(original));
        var gone = await qna.QuestionAsync(duplicate);
        Assert.Equal(QuestionStatus.Merged, gone.Status);
        Assert.Equal(original, gone.MergedIntoId);
        var revote = await qna.VoteAsync(TestUser.Numbered(2), original, QnaKeys.VoteUp);
        Assert.Contains("is counted", revote.AllText);
        Assert.Equal(4, (await qna.QuestionAsync(original)).VoteCount);
    }

    [Theory]
    [InlineData("", "Type the number")]
    [InlineData("2", "cannot be merged into itself")]
    [InlineData("77", "no question #77")]
    public async Task Merge_WithBadTarget_IsRefused(string target, string expected)
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("merge-bad-" + target));
        await qna.AskForIdAsync(TestUsers.Alice, "First?");
        var second = await qna.AskForIdAsync(TestUsers.Bob, "Second?");

        var turn = await qna.ActAsync(QnaVerbs.Merge, TestUsers.Organiser, second, (QnaKeys.MergeInput(second), target));

        Assert.Contains(expected, turn.AllText);
        Assert.Equal(QuestionStatus.Open, (await qna.QuestionAsync(second)).Status);
    }

    [Fact]
    public async Task VoteOnMergedQuestion_PointsToTheOneItWasMergedInto()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("merged-vote"));
        await qna.AskForIdAsync(TestUsers.Alice, "Original?");
        var duplicate = await qna.AskForIdAsync(TestUsers.Bob, "Duplicate?");
        await qna.ActAsync(QnaVerbs.Merge, TestUsers.Organiser, duplicate, (QnaKeys.MergeInput(duplicate), "#1"));

        var turn = await qna.VoteAsync(TestUsers.Chen, duplicate);

        Assert.Contains("was merged into #1", turn.AllText);
        Assert.Equal(0, await qna.VoteRowsAsync(duplicate));
    }

    [Fact]
    public async Task MarkAnswered_WithWrittenAnswer_TellsTheAskerPersonally_Once()
    {
        var personal = _bot.PersonalChat(TestUsers.Alice);
        await personal.SayAsync("help");
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("answer"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "When is the summary report out?");

        var answered = await qna.ActAsync(QnaVerbs.Answer, TestUsers.Organiser, question, (QnaKeys.AnswerInput(question), "In November, on the ESCAP website."));
        await qna.ActAsync(QnaVerbs.Answer, TestUsers.Organiser, question, (QnaKeys.AnswerInput(question), "Again"));

        Assert.Contains("marked answered", answered.AllText);
        var calls = await _bot.Connector.WaitForAsync(all => all.Any(c => c.IsSend && c.ConversationId == personal.Id && c.Activity.AllText.Contains("In November")));
        var message = Assert.Single(calls, c => c.IsSend && c.ConversationId == personal.Id && c.Activity.AllText.Contains("was answered"));
        Assert.Contains("When is the summary report out?", message.Activity.AllText);
        var stored = await qna.QuestionAsync(question);
        Assert.Equal(QuestionStatus.Answered, stored.Status);
        Assert.Equal("In November, on the ESCAP website.", stored.Answer);
        await qna.WaitForBoardAsync(text => text.Contains("Answered recently") && text.Contains("In November"));
    }

    [Fact]
    public async Task MarkAnswered_AlsoTellsAskersOfMergedDuplicates()
    {
        var chen = _bot.PersonalChat(TestUsers.Chen);
        await chen.SayAsync("help");
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("answer-merged"));
        var original = await qna.AskForIdAsync(TestUsers.Alice, "Original about visas?");
        var duplicate = await qna.AskForIdAsync(TestUsers.Chen, "Visas again?");
        await qna.ActAsync(QnaVerbs.Merge, TestUsers.Organiser, duplicate, (QnaKeys.MergeInput(duplicate), "1"));

        await qna.ActAsync(QnaVerbs.Answer, TestUsers.Organiser, original);

        await _bot.Connector.WaitForAsync(all => all.Any(c => c.IsSend && c.ConversationId == chen.Id && c.Activity.AllText.Contains("Visas again?")));
    }

    [Fact]
    public async Task MarkAnswered_WithOversizedAnswer_IsRefused()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("answer-long"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Long answer?");

        var turn = await qna.ActAsync(QnaVerbs.Answer, TestUsers.Organiser, question, (QnaKeys.AnswerInput(question), new string('a', QnaLimits.AnswerLength + 1)));

        Assert.Contains("keep it to 500", turn.AllText);
        Assert.Equal(QuestionStatus.Open, (await qna.QuestionAsync(question)).Status);
    }

    [Fact]
    public async Task Pin_ShowsNowAnsweringOnTheBoard_AndAnsweringUnpins()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("pin"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Pin this?");

        await qna.ActAsync(QnaVerbs.Pin, TestUsers.Organiser, question);
        var pinned = await qna.WaitForBoardAsync(text => text.Contains("Now answering"));
        await qna.ActAsync(QnaVerbs.Answer, TestUsers.Organiser, question);

        Assert.Contains("Pin this?", pinned.AllText);
        Assert.Null((await qna.SessionAsync()).PinnedQuestionId);
        await qna.WaitForLatestBoardAsync(text => !text.Contains("Now answering") && text.Contains("Answered recently"));
    }

    [Fact]
    public async Task ModeratorAction_ByAttendee_IsRefusedAndChangesNothing()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("refuse"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Refuse?");

        var answer = await qna.ActAsync(QnaVerbs.Answer, TestUsers.Bob, question);
        var close = await qna.ActAsync(QnaVerbs.Close, TestUsers.Bob);
        var export = await qna.ActAsync(QnaVerbs.Export, TestUsers.Bob);

        Assert.All(new[] { answer, close, export }, t => Assert.Contains("only the moderators", t.InvokeMessage));
        Assert.Equal(QuestionStatus.Open, (await qna.QuestionAsync(question)).Status);
        Assert.Equal(SessionStatus.Open, (await qna.SessionAsync()).Status);
    }

    [Fact]
    public async Task PresenterWhoLostTheRole_IsRefusedNextTime()
    {
        var meeting = _bot.MeetingChat("demoted");
        _bot.Connector.SetMeetingRole(TestUsers.Chen.AadObjectId, "Presenter");
        var qna = await QnaDriver.OpenAsync(_bot, meeting, moderator: TestUsers.Chen);
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Demoted?");
        _bot.Connector.SetMeetingRole(TestUsers.Chen.AadObjectId, "Attendee");

        var turn = await qna.ActAsync(QnaVerbs.Dismiss, TestUsers.Chen, question);
        var view = await qna.ActAsync(QnaVerbs.View, TestUsers.Chen);

        Assert.Contains("only the moderators", turn.InvokeMessage);
        Assert.Null(CardText.ActionWithVerb(view.InvokeCard, QnaVerbs.Export));
    }

    [Fact]
    public async Task ModerateButton_ForPresenter_GivesModeratorsView_ForAttendee_TheirOwn()
    {
        var meeting = _bot.MeetingChat("moderate-button");
        var qna = await QnaDriver.OpenAsync(_bot, meeting);
        _bot.Connector.SetMeetingRole(TestUsers.Bob.AadObjectId, "Presenter");

        var bob = await qna.ActAsync(QnaVerbs.View, TestUsers.Bob, null, (QnaKeys.Moderate, "1"));
        var alice = await qna.ActAsync(QnaVerbs.View, TestUsers.Alice, null, (QnaKeys.Moderate, "1"));

        Assert.NotNull(CardText.ActionWithVerb(bob.InvokeCard, QnaVerbs.Export));
        Assert.Null(CardText.ActionWithVerb(alice.InvokeCard, QnaVerbs.Export));
        Assert.Contains("Only the moderators", alice.AllText);
    }

    [Fact]
    public async Task ModeratorsTeamsIds_AreInTheSharedBoardsRefreshList()
    {
        var meeting = _bot.MeetingChat("refresh-list");
        _bot.Connector.SetMeetingRole(TestUsers.Bob.AadObjectId, "Presenter");
        var qna = await QnaDriver.OpenAsync(_bot, meeting, moderator: TestUsers.Bob);

        var board = await qna.WaitForBoardAsync(_ => true);

        var users = board.Card["refresh"]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>());
        Assert.Contains(TestUsers.Bob.Id, users);
    }

    [Fact]
    public async Task QuestionCard_ForModerator_OffersModeration_ForOthers_OnlyVoting()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("question-card"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Open me?");

        var moderator = await qna.ActAsync(QnaVerbs.Question, TestUsers.Organiser, question);
        var asker = await qna.ActAsync(QnaVerbs.Question, TestUsers.Alice, question);
        var other = await qna.ActAsync(QnaVerbs.Question, TestUsers.Bob, question);

        Assert.NotNull(CardText.ActionWithVerb(moderator.InvokeCard, QnaVerbs.Answer));
        Assert.NotNull(CardText.ActionWithVerb(asker.InvokeCard, QnaVerbs.Edit));
        Assert.Null(CardText.ActionWithVerb(asker.InvokeCard, QnaVerbs.Answer));
        Assert.Null(CardText.ActionWithVerb(other.InvokeCard, QnaVerbs.Edit));
        Assert.NotNull(CardText.ActionWithVerb(other.InvokeCard, QnaVerbs.Vote));
    }

    [Fact]
    public async Task QuestionCard_OfSomeoneElsesWaitingQuestion_IsNotShown()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("question-hidden"), preModeration: true);
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Hidden while waiting?");

        var turn = await qna.ActAsync(QnaVerbs.Question, TestUsers.Bob, question);

        Assert.DoesNotContain("Hidden while waiting?", CardText.Of(turn.InvokeCard));
        Assert.Contains("not on the board", turn.AllText);
    }
}
