using System.Net;
using GcmBot.Cards.Questions;

namespace GcmBot.Bot.Tests.Questions;

/// <summary>A thousand participants voting on the same questions at the same moment, through the real host.</summary>
public sealed class QnaLoadTests
{
    private const int Participants = 1000;
    private const int Questions = 5;
    private const int InFlight = 48;

    [Fact]
    public async Task ThousandParticipantsVotingAtOnce_EveryVoteCountsOnce_AndTheBoardConverges()
    {
        // The cards themselves are schema-checked by the other tests; here the harness need not check 1,400 of them.
        await using var bot = await BotApp.StartAsync(o => o.ValidateCards = false);
        await ThousandVotersAsync(bot);
    }

    [SkippableFact]
    public async Task Postgres_ThousandParticipantsVotingAtOnce_EveryVoteCountsOnce_AndTheBoardConverges()
    {
        Skip.IfNot(PostgresTestServer.IsAvailable, PostgresTestServer.MissingReason);
        await using var bot = await BotApp.StartAsync(o =>
        {
            o.ValidateCards = false;
            o.UsePostgres = true;
        });
        await ThousandVotersAsync(bot);
    }

    private static async Task ThousandVotersAsync(BotApp bot)
    {
        var qna = await QnaDriver.OpenAsync(bot, bot.MeetingChat("thousand"));
        var questions = new int[Questions];
        for (var q = 0; q < Questions; q++)
        {
            questions[q] = await qna.AskForIdAsync(TestUser.Numbered(100_000 + q), $"Load question {q + 1}");
        }

        // Everyone votes for one question, every fourth for a second one too; every tenth double-clicks (two presses at once).
        var expected = new int[Questions];
        var presses = new List<(TestUser Voter, int Question)>();
        for (var n = 1; n <= Participants; n++)
        {
            var voter = TestUser.Numbered(n);
            var chosen = n % 4 == 0 ? new[] { n % Questions, (n + 2) % Questions } : [n % Questions];
            foreach (var q in chosen)
            {
                expected[q]++;
                presses.Add((voter, questions[q]));
            }

            if (n % 10 == 0)
            {
                presses.Add((voter, questions[chosen[0]]));
            }
        }

        var random = new Random(42);
        var shuffled = presses.OrderBy(_ => random.Next()).ToList();

        // All presses start together; like Teams' front end, at most InFlight requests are open at once, so none waits
        // longer than an HTTP client allows on a busy two-core machine.
        using var inFlight = new SemaphoreSlim(InFlight);
        var turns = await Task.WhenAll(shuffled.Select(async p =>
        {
            await inFlight.WaitAsync();
            try
            {
                return await qna.VoteAsync(p.Voter, p.Question, QnaKeys.VoteUp);
            }
            finally
            {
                inFlight.Release();
            }
        }));

        Assert.All(turns, t =>
        {
            Assert.Equal(HttpStatusCode.OK, t.Status);
            Assert.Contains("is counted", t.AllText);
        });
        for (var q = 0; q < Questions; q++)
        {
            Assert.Equal(expected[q], (await qna.QuestionAsync(questions[q])).VoteCount);
            Assert.Equal(expected[q], await qna.VoteRowsAsync(questions[q]));
        }

        var truth = Enumerable.Range(0, Questions).ToDictionary(q => questions[q], q => expected[q]);
        var board = await qna.WaitForLatestBoardAsync(_ => QnaDriver.ShownVotes(BoardCard()).OrderBy(kv => kv.Key).SequenceEqual(truth.OrderBy(kv => kv.Key)), TimeSpan.FromSeconds(60));
        Assert.Equal(truth.OrderBy(kv => kv.Key), QnaDriver.ShownVotes(board.Card).OrderBy(kv => kv.Key));

        System.Text.Json.Nodes.JsonObject BoardCard() => qna.BoardUpdates()[^1].Activity.Card;
    }
}
