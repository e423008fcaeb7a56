using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using GcmBot.Bot.Questions;
using GcmBot.Bot.Storage;
using GcmBot.Cards.Questions;
using GcmBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bench.Peaks;

/// <summary>
/// The Q&amp;A rows: upvotes one at a time, 200 in flight, and 1,000 people voting at the same moment, each beside
/// bare invokes in the same meeting chat of the same host. Every upvote adds a vote (a person votes for a question
/// at most once), and the counts, the vote rows and the shared board are checked afterwards.
/// </summary>
internal static class QnaRows
{
    private const int Participants = 1000;
    private const int Questions = 20;
    private const int WarmUp = 2000;

    public static async Task RunAsync(PeakOptions options, Table table)
    {
        var clock = new UpdateClock();
        await using var bot = await BenchHost.StartAsync(options);
        bot.Connector.Interceptor = clock.Record;
        using var wire = new Wire(bot.ServerAddress!);
        var chat = bot.MeetingChat("bench-qna");
        const string boardId = "bench-board";
        var (sessionId, questionIds) = await OpenAsync(bot, chat, boardId, "Peak moments", Questions);
        var databases = bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>();

        // Vote k is participant k % 1000 for question k / 1000: every pair at most once, so every press adds a vote.
        var nextVote = 0;
        string[] Votes(int count) => Enumerable.Range(Interlocked.Add(ref nextVote, count) - count, count).Select(k =>
            Wire.Invoke(chat, TestUser.Numbered(k % Participants + 1), QnaVerbs.Vote, new JsonObject
            {
                [QnaKeys.Session] = sessionId,
                [QnaKeys.Question] = questionIds[k / Participants % Questions].ToString(CultureInfo.InvariantCulture),
                [QnaKeys.Vote] = QnaKeys.VoteUp,
            }, boardId)).ToArray();
        string[] Bare(int count) => Enumerable.Range(0, count).Select(i => BenchHost.BareInvoke(chat, TestUser.Numbered(i % Participants + 1))).ToArray();
        static bool Counted(Shot s) => s.Status == System.Net.HttpStatusCode.OK && s.Body.Contains("is counted", StringComparison.Ordinal);

        // Warm-up: JIT, pools, and a connection per client that the bursts will use.
        // 2,000 of each: both paths measured at the JIT's final tier. With a few hundred, the vote's code (more of it
        // the app's own, compiled on first use, where the bare turn is mostly shared or precompiled framework code) was
        // still partly at the first tiers, and the one-at-a-time row measured the JIT as much as the vote.
        await wire.LoopAsync("warm-up bare", Bare(options.Scale(WarmUp)), 8, BenchHost.IsEcho);
        await wire.LoopAsync("warm-up votes", Votes(options.Scale(WarmUp)), 8, Counted);
        await wire.BurstAsync("warm-up connections", Bare(Participants), BenchHost.IsEcho);
        await Task.Delay(1500);

        // One at a time, alternating so that a neighbour's build hurts both columns alike.
        var sequential = options.Scale(200);
        var seqBare = new List<Measured>();
        var seqVote = new List<Measured>();
        for (var round = 0; round < 2; round++)
        {
            seqBare.Add(Report(await wire.LoopAsync("bare invoke, one at a time", Bare(sequential), 1, BenchHost.IsEcho)));
            seqVote.Add(Report(await wire.LoopAsync("upvote, one at a time", Votes(sequential), 1, Counted)));
        }

        table.Add("Q&A upvote, one at a time, p50", Measured.Merge("bare", [.. seqBare]), Measured.Merge("upvote", [.. seqVote]), Metric.P50, "≤ 1.5× bare");
        await Task.Delay(1500);

        var inFlight = options.Scale(1000);
        var loopBare = new List<Measured>();
        var loopVote = new List<Measured>();
        for (var round = 0; round < 2; round++)
        {
            loopBare.Add(Report(await wire.LoopAsync("bare invoke, 200 in flight", Bare(inFlight), 200, BenchHost.IsEcho)));
            await Task.Delay(1500);
            loopVote.Add(Report(await wire.LoopAsync("upvote, 200 in flight", Votes(inFlight), 200, Counted)));
            await Task.Delay(1500);
        }

        table.Add("Q&A upvote, 200 in flight, p50 / throughput", Measured.Merge("bare", [.. loopBare]), Measured.Merge("upvote", [.. loopVote]), Metric.P50AndThroughput, "≤ 1.5× bare p50; ≥ 2/3 bare throughput");

        // 1,000 people at the same moment, each voting for the same question (a round starts on a fresh question).
        var burstBare = new List<Measured>();
        var burstVote = new List<Measured>();
        var convergence = new List<double>();
        for (var round = 0; round < 2; round++)
        {
            burstBare.Add(Report(await wire.BurstAsync("bare invoke, 1,000 at once", Bare(Participants), BenchHost.IsEcho)));
            await Task.Delay(1500);
            nextVote = (nextVote + Participants - 1) / Participants * Participants;
            var question = questionIds[nextVote / Participants % Questions];
            var burst = Report(await wire.BurstAsync("upvote, 1,000 at once", Votes(Participants), Counted));
            var lastAnswer = Stopwatch.GetTimestamp();
            burstVote.Add(burst);
            convergence.Add(await ConvergedAfterAsync(bot, databases, clock, boardId, question, lastAnswer));
            await Task.Delay(1500);
        }

        var updates = bot.Connector.Calls.Where(c => c.IsUpdate && c.ActivityId == boardId).ToList();
        var shortestGap = clock.ShortestGap(updates);
        var (counted, rows, answered) = await CountAsync(databases, questionIds, [.. seqVote, .. loopVote, .. burstVote]);
        var correct = counted == rows && rows == answered + options.Scale(WarmUp) && shortestGap >= 900;
        table.Add("1,000 people vote at the same moment, p99", Measured.Merge("bare", [.. burstBare]), Measured.Merge("upvote", [.. burstVote]), Metric.P99, "≤ 1.5× bare",
            string.Create(CultureInfo.InvariantCulture,
                $"votes counted {counted:N0} = vote rows {rows:N0} = upvotes answered {answered:N0} + warm-up; board updates {updates.Count}, at least {shortestGap:F0} ms apart; board showed the last vote {convergence.Max():F0} ms after its answer{(correct ? string.Empty : " — CHECK FAILED")}"));
    }

    /// <summary>Opens a Q&amp;A on the board message and asks its questions; the session id and the question ids.</summary>
    public static async Task<(string SessionId, int[] QuestionIds)> OpenAsync(BotApp bot, TeamsConversation chat, string boardId, string title, int questions)
    {
        var setup = await chat.SayAsync("qna open " + title, TestUsers.Organiser);
        var opened = await chat.PressAsync(setup.Reply.Card, QnaVerbs.Open, from: TestUsers.Organiser, cardActivityId: boardId);
        var sessionId = CardText.Actions(opened.InvokeCard).Select(a => (a["data"] as JsonObject)?[QnaKeys.Session]?.GetValue<string>()).First(s => s is not null)!;
        for (var q = 0; q < questions; q++)
        {
            await chat.ExecuteAsync(QnaVerbs.Ask, new JsonObject { [QnaKeys.Session] = sessionId, [QnaKeys.Text] = $"{title} question {q + 1}" }, TestUser.Numbered(500_000 + q), boardId);
        }

        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        var id = int.Parse(sessionId, CultureInfo.InvariantCulture);
        return (sessionId, await db.Set<Question>().Where(q => q.SessionId == id).OrderBy(q => q.Number).Select(q => q.Id).ToArrayAsync());
    }

    private static Measured Report(Measured measured)
    {
        Console.WriteLine("  " + measured);
        return measured;
    }

    private static async Task<(int Counted, int Rows, int Answered)> CountAsync(IDbContextFactory<GcmDbContext> databases, int[] questionIds, Measured[] votes)
    {
        await using var db = await databases.CreateDbContextAsync();
        var counted = await db.Set<Question>().Where(q => questionIds.Contains(q.Id)).SumAsync(q => q.VoteCount);
        var rows = await db.Set<QuestionVote>().CountAsync(v => questionIds.Contains(v.QuestionId));
        return (counted, rows, votes.Sum(v => v.Count - v.Errors));
    }

    /// <summary>Milliseconds from the last vote's answer until the shared board showed the question's stored count.</summary>
    private static async Task<double> ConvergedAfterAsync(
        BotApp bot, IDbContextFactory<GcmDbContext> databases, UpdateClock clock, string boardId, int questionId, long lastAnswer)
    {
        int truth;
        await using (var db = await databases.CreateDbContextAsync())
        {
            truth = await db.Set<Question>().Where(q => q.Id == questionId).Select(q => q.VoteCount).SingleAsync();
        }

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            var shown = bot.Connector.Calls.Where(c => c.IsUpdate && c.ActivityId == boardId)
                .FirstOrDefault(c => ShownVotes(c.Body?["attachments"]?[0]?["content"] as JsonObject, questionId) == truth);
            if (shown is not null && clock.At(shown) is { } at)
            {
                return Stopwatch.GetElapsedTime(lastAnswer, at).TotalMilliseconds;
            }

            await Task.Delay(50);
        }

        return double.PositiveInfinity;
    }

    /// <summary>The count a board card shows for a question: the "▲ n" line in the block holding its vote button.</summary>
    private static int? ShownVotes(JsonNode? node, int questionId)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"]?.GetValue<string>() == "Container" &&
                    CardText.Actions(obj["items"]).Any(a => a["verb"]?.GetValue<string>() == QnaVerbs.Vote && a["data"]?[QnaKeys.Question]?.GetValue<string>() == questionId.ToString(CultureInfo.InvariantCulture)) &&
                    CardText.Of(obj["items"]).FirstOrDefault(t => t.StartsWith("▲ ", StringComparison.Ordinal)) is { } line)
                {
                    return int.Parse(line[2..].Split(' ')[0].Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
                }

                foreach (var (_, child) in obj)
                {
                    if (ShownVotes(child, questionId) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (ShownVotes(item, questionId) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
