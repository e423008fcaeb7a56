using GcmBot.Bot.Questions;
using GcmBot.Bot.Storage;
using GcmBot.Cards.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Questions;

/// <summary>
/// The shared board: updated in place, at most once per interval per chat however many votes arrive, always re-rendered
/// from the database (so a restart or a throttled update loses nothing), and small however many questions there are.
/// The host's clock is fake here: the interval passes only when a test advances it.
/// </summary>
public sealed class QnaBoardTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync(o => o.FakeTimeStart = Start);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task BurstOfVotes_WithinOneInterval_UpdatesTheBoardAtMostTwice_WithTheTrueCount()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("burst"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Burst?");
        await AdvanceUntilBoardAsync(qna, text => text.Contains("Burst?"));
        var before = qna.BoardUpdates().Count;

        // The clock is stopped: all 60 votes arrive within one interval.
        var votes = await Task.WhenAll(Enumerable.Range(1, 60).Select(i => qna.VoteAsync(TestUser.Numbered(i), question)));

        Assert.All(votes, v => Assert.Contains("is counted", v.AllText));
        var after = await AdvanceUntilBoardAsync(qna, text => text.Contains("60 votes"));
        // At most the first change at once and everything else together at the end of the interval.
        Assert.InRange(qna.BoardUpdates().Count - before, 1, 2);
        Assert.Contains("60 votes", after.AllText);
    }

    [Fact]
    public async Task Votes_AfterTheIntervalPassed_GoOutAtOnce_ThenCoalesceAgain()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("leading"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Leading edge?");
        await AdvanceUntilBoardAsync(qna, text => text.Contains("Leading edge?"));
        _bot.Time!.Advance(TimeSpan.FromSeconds(5));
        var before = qna.BoardUpdates().Count;

        await qna.VoteAsync(TestUsers.Bob, question);
        await qna.WaitForLatestBoardAsync(text => text.Contains("▲ 1 vote"));
        await qna.VoteAsync(TestUsers.Chen, question);
        await qna.VoteAsync(TestUsers.Organiser, question);

        Assert.Equal(1, qna.BoardUpdates().Count - before);
        await AdvanceUntilBoardAsync(qna, text => text.Contains("3 votes"));
        Assert.Equal(2, qna.BoardUpdates().Count - before);
    }

    [Fact]
    public async Task TwoChats_AreRateLimitedSeparately()
    {
        var first = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("chat-a"), "A");
        var second = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("chat-b"), "B");

        await first.WaitForBoardAsync(text => text.Contains("Q&A · "));
        await second.WaitForBoardAsync(text => text.Contains("Q&A · "));
    }

    [Fact]
    public async Task Restart_WithTheBoardBehind_CatchesUpFromTheDatabase()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("restart"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Survives a restart?");
        await AdvanceUntilBoardAsync(qna, text => text.Contains("Survives a restart?"));
        // Teams fails the board updates: the votes are stored, the board falls behind them.
        _bot.Connector.Interceptor = call => call.IsUpdate && call.ActivityId == qna.BoardActivityId ? new ConnectorAnswer(503) : null;
        await qna.VoteAsync(TestUsers.Bob, question);
        await qna.VoteAsync(TestUsers.Chen, question);
        await AdvanceUntilAsync(() => _bot.Connector.Rejected.Any(c => c.ActivityId == qna.BoardActivityId));
        var behind = await qna.SessionAsync();
        Assert.True(behind.Version > behind.RenderedVersion);
        _bot.Connector.Interceptor = null;

        await _bot.RestartAsync();

        await AdvanceUntilBoardAsync(qna, text => text.Contains("2 votes"));
        // The board records what it shows right after Teams took the update.
        await AdvanceUntilAsync(async () => await qna.SessionAsync() is { } session && session.Version == session.RenderedVersion);
    }

    [Fact]
    public async Task ThrottledBoardUpdate_IsRetried_AndTheBoardConverges()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("throttled"));
        await qna.WaitForBoardAsync(_ => true);
        var rejected = 0;
        _bot.Connector.Interceptor = call =>
            call.IsUpdate && call.ActivityId == qna.BoardActivityId && Interlocked.Increment(ref rejected) <= 2
                ? new ConnectorAnswer(429, Headers: new Dictionary<string, string> { ["Retry-After"] = "2" })
                : null;

        await qna.AskAsync(TestUsers.Alice, "Throttled?");

        await AdvanceUntilBoardAsync(qna, text => text.Contains("Throttled?"));
        Assert.Equal(2, _bot.Connector.Rejected.Count(c => c.ActivityId == qna.BoardActivityId));
    }

    [Fact]
    public async Task DeletedBoardMessage_IsNoLongerUpdated_UntilAModeratorPostsItAgain()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("deleted"));
        await qna.WaitForBoardAsync(_ => true);
        _bot.Connector.Interceptor = call => call.IsUpdate && call.ActivityId == qna.BoardActivityId ? new ConnectorAnswer(404) : null;

        await qna.AskAsync(TestUsers.Alice, "Where did the board go?");
        await AdvanceUntilAsync(() => _bot.Connector.Rejected.Any(c => c.ActivityId == qna.BoardActivityId));
        await AdvanceUntilAsync(async () => (await qna.SessionAsync()).BoardActivityId is null);
        var reposted = await qna.Chat.SayAsync("qna", TestUsers.Organiser);

        Assert.Contains("Where did the board go?", reposted.Reply.AllText);
    }

    [Fact]
    public async Task Board_With500Questions_StaysSmall_AndShowAllPages()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("five-hundred"), moderatorsSeeNames: true);
        await SeedQuestionsAsync(qna.SessionId, 500);
        await qna.AskAsync(TestUsers.Alice, "The 501st question?");

        var board = await AdvanceUntilBoardAsync(qna, text => text.Contains("501 open"));
        var moderator = await qna.ActAsync(QnaVerbs.View, TestUsers.Organiser);
        var lastPage = await qna.ActAsync(QnaVerbs.View, TestUsers.Bob, null, (QnaKeys.Page, "62"));

        Assert.True(board.Card.ToJsonString().Length < 20 * 1024, $"Board is {board.Card.ToJsonString().Length} characters");
        Assert.True(moderator.Body.Length < 24 * 1024, $"Moderators' view is {moderator.Body.Length} characters");
        Assert.Contains("All questions · page 63 of 63", CardText.Of(lastPage.InvokeCard));
        Assert.NotNull(CardText.ActionWithVerb(board.Card, QnaVerbs.View));
    }

    /// <summary>
    /// Moves the stopped clock on a second at a time until the shared board shows what is expected. One big step could
    /// land between the refresher reading the clock and starting its wait; small steps cannot miss it.
    /// </summary>
    private async Task<ReceivedActivity> AdvanceUntilBoardAsync(QnaDriver qna, Func<string, bool> shows)
    {
        await AdvanceUntilAsync(() => qna.BoardUpdates() is { Count: > 0 } updates && shows(updates[^1].Activity.AllText));
        return qna.BoardUpdates()[^1].Activity;
    }

    private Task AdvanceUntilAsync(Func<bool> condition) => AdvanceUntilAsync(() => Task.FromResult(condition()));

    private async Task AdvanceUntilAsync(Func<Task<bool>> condition)
    {
        // Bounded by real time, generous for a loaded machine: the fake clock moves a second per step.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (await condition())
            {
                return;
            }

            _bot.Time!.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(200);
        }

        Assert.Fail("The board never reached the expected state.");
    }

    private async Task SeedQuestionsAsync(int sessionId, int count)
    {
        // Straight into the database: this test is about the board's size, not about asking 500 times.
        var longText = string.Concat(Enumerable.Repeat("How will the review protect migrant workers in the informal economy? ", 10))[..QnaLimits.QuestionLength];
        await using var db = await _bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        for (var n = 1; n <= count; n++)
        {
            db.Add(new Question
            {
                SessionId = sessionId,
                Number = n,
                Text = $"{n}: {longText}"[..QnaLimits.QuestionLength],
                Status = QuestionStatus.Open,
                AuthorId = $"seed-{n}",
                AuthorName = new string('N', 200),
                VoteCount = n % 50,
                AskedAt = Start,
                UpdatedAt = Start,
            });
        }

        await db.SaveChangesAsync();
        await db.Set<QnaSession>().Where(s => s.Id == sessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastNumber, count).SetProperty(x => x.Version, x => x.Version + 1));
    }
}
