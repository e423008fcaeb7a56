using GcmBot.Bot.Questions;
using GcmBot.Cards.Questions;

namespace GcmBot.Bot.Tests.Questions;

/// <summary>Opening and closing a Q&amp;A: who may, and what the chat sees.</summary>
public sealed class QnaOpeningTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task QnaOpen_ByMeetingAttendee_IsRefusedPolitely()
    {
        var meeting = _bot.MeetingChat("attendee-open");

        var turn = await meeting.SayAsync("qna open Briefing", TestUsers.Bob);

        Assert.Contains("only the moderators", turn.Reply.Text);
        Assert.False(turn.Reply.HasCard);
    }

    [Fact]
    public async Task QnaOpen_ByMeetingPresenter_TurnsTheSetupMessageIntoTheBoard()
    {
        var meeting = _bot.MeetingChat("presenter-open");
        _bot.Connector.SetMeetingRole(TestUsers.Bob.AadObjectId, "Presenter");

        var qna = await QnaDriver.OpenAsync(_bot, meeting, "Briefing on the regional review", moderator: TestUsers.Bob);

        Assert.Contains("is open", qna.Opened.AllText);
        Assert.NotNull(CardText.ActionWithVerb(qna.Opened.InvokeCard, QnaVerbs.Export));
        var board = await qna.WaitForBoardAsync(text => text.Contains("Briefing on the regional review"));
        Assert.Null(CardText.ActionWithVerb(board.Card, QnaVerbs.Export));
        Assert.NotNull(CardText.ActionWithVerb(board.Card, QnaVerbs.Ask));
    }

    [Fact]
    public async Task OpenButton_PressedByAttendee_OpensNothing()
    {
        var meeting = _bot.MeetingChat("attendee-press");
        var setup = await meeting.SayAsync("qna open Briefing", TestUsers.Organiser);

        var turn = await meeting.PressAsync(setup.Reply.Card, QnaVerbs.Open, from: TestUsers.Alice, cardActivityId: "setup-1");

        Assert.Contains("only the moderators", turn.InvokeMessage);
        Assert.Contains("no open Q&A", (await meeting.SayAsync("ask Anything?", TestUsers.Alice)).Reply.Text);
    }

    [Fact]
    public async Task OpenButton_WithEmptyTitle_ShowsTheFormAgainWithTheProblem()
    {
        var chat = _bot.GroupChat("empty-title");
        var setup = await chat.SayAsync("qna open", TestUsers.Organiser);

        var turn = await chat.PressAsync(setup.Reply.Card, QnaVerbs.Open, new Dictionary<string, string> { [QnaKeys.Title] = "   " }, TestUsers.Organiser, "setup-2");

        Assert.Contains("Please give the Q&A a title", turn.AllText);
        Assert.NotNull(CardText.ActionWithVerb(turn.InvokeCard, QnaVerbs.Open));
    }

    [Fact]
    public async Task OpenButton_WithMalformedEventId_IsRefused()
    {
        var chat = _bot.GroupChat("bad-event");
        var setup = await chat.SayAsync("qna open Briefing", TestUsers.Organiser);

        var turn = await chat.PressAsync(setup.Reply.Card, QnaVerbs.Open, new Dictionary<string, string> { [QnaKeys.EventId] = "<script>" }, TestUsers.Organiser, "setup-3");

        Assert.Contains("short code", turn.AllText);
        Assert.Contains("no open Q&A", (await chat.SayAsync("ask Anything?", TestUsers.Alice)).Reply.Text);
    }

    [Fact]
    public async Task QnaOpen_WhileOneIsOpen_SaysSoAndOpensNoSecond()
    {
        var chat = _bot.GroupChat("second-open");
        await QnaDriver.OpenAsync(_bot, chat, "First");

        var turn = await chat.SayAsync("qna open Second", TestUsers.Organiser);

        Assert.Contains("already open", turn.Reply.Text);
        Assert.Contains("First", turn.Reply.Text);
    }

    [Fact]
    public async Task TwoModerators_PressingOpenAtOnce_OpenOneSession()
    {
        var chat = _bot.GroupChat("race-open");
        var setup = await chat.SayAsync("qna open Race", TestUsers.Organiser);

        var turns = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            chat.PressAsync(setup.Reply.Card, QnaVerbs.Open, from: TestUsers.Organiser, cardActivityId: "setup-race")));

        Assert.All(turns, t => Assert.Equal(System.Net.HttpStatusCode.OK, t.Status));
        Assert.Single(turns, t => t.AllText.Contains("is open. Participants"));
        var sessions = turns.Select(t => QnaDriver.SessionOf(t.InvokeCard!)).Distinct().ToList();
        Assert.Single(sessions);
    }

    [Fact]
    public async Task QnaClose_ClosesTheBoard_AndNewQuestionsAreRefused()
    {
        var chat = _bot.GroupChat("close");
        var qna = await QnaDriver.OpenAsync(_bot, chat);

        var closed = await chat.SayAsync("qna close", TestUsers.Organiser);
        var ask = await qna.AskAsync(TestUsers.Alice, "Too late?");

        Assert.Contains("is closed", closed.Reply.Text);
        Assert.Contains("closed", ask.AllText);
        Assert.Empty(await qna.QuestionsAsync());
        await qna.WaitForBoardAsync(text => text.Contains("This Q&A is closed"));
    }

    [Fact]
    public async Task Reopen_ByModerator_TakesQuestionsAgain()
    {
        var chat = _bot.GroupChat("reopen");
        var qna = await QnaDriver.OpenAsync(_bot, chat);
        await qna.ActAsync(QnaVerbs.Close, TestUsers.Organiser);

        var reopened = await qna.ActAsync(QnaVerbs.Reopen, TestUsers.Organiser);
        await qna.AskAsync(TestUsers.Alice, "Still open?");

        Assert.Contains("open again", reopened.AllText);
        Assert.Single(await qna.QuestionsAsync());
    }

    [Fact]
    public async Task MeetingEnd_ClosesTheMeetingsQna()
    {
        var meeting = _bot.MeetingChat("ends");
        var qna = await QnaDriver.OpenAsync(_bot, meeting);

        await meeting.MeetingEndedAsync();

        Assert.Equal(SessionStatus.Closed, (await qna.SessionAsync()).Status);
        await qna.WaitForBoardAsync(text => text.Contains("This Q&A is closed"));
    }

    [Fact]
    public async Task Qna_ByModerator_PostsTheBoardAgain_ForOthersSaysWhereItIs()
    {
        var chat = _bot.GroupChat("repost");
        var qna = await QnaDriver.OpenAsync(_bot, chat, "Repost me");
        await qna.AskAsync(TestUsers.Alice, "Is the board here?");

        var byModerator = await chat.SayAsync("qna", TestUsers.Organiser);
        var byAlice = await chat.SayAsync("qna", TestUsers.Alice);

        Assert.Contains("Is the board here?", byModerator.Reply.AllText);
        Assert.NotNull(CardText.ActionWithVerb(byModerator.Reply.Card, QnaVerbs.Vote));
        Assert.False(byAlice.Reply.HasCard);
        Assert.Contains("use its board", byAlice.Reply.Text);
    }
}
