using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using GcmBot.Bot.Questions;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Questions;
using GcmBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Measures full HTTP turns through the real host (ASP.NET Core, CloudAdapter, middleware, SQLite) in process, with the
// fake Teams connector on loopback: a bare echo (message and invoke) beside Q&A ask and upvote, in the same run.
// Bounded: a fixed number of turns per phase, and each phase stops at its time limit.
var options = BenchOptions.Parse(args);
// The test host finds the bot's content root through MvcTestingAppManifest.json, looked up in the working directory.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
Console.WriteLine($"GcmBot Q&A benchmark: {options.Turns} turns per phase, {options.Concurrency} at a time, {options.Participants} participants, {options.Questions} questions; {Environment.ProcessorCount} cores");

await using var bot = await BotApp.StartAsync(o =>
{
    o.ValidateCards = false;
    o.Settings["Logging:LogLevel:Default"] = "Error";
    // The echo routes exist only in this benchmark: the baseline turn on the same adapter.
    o.Services.Add(services =>
    {
        services.AddBotCommand<EchoCommand>("echo", "Benchmark baseline", ConversationScopes.All);
        services.AddCardAction<EchoAction>(EchoAction.Verb);
    });
});

var meeting = bot.MeetingChat("bench");
var setup = await meeting.SayAsync("qna open Benchmark", TestUsers.Organiser);
var opened = await meeting.PressAsync(setup.Reply.Card, QnaVerbs.Open, from: TestUsers.Organiser, cardActivityId: "bench-board");
var sessionId = CardText.Actions(opened.InvokeCard).Select(a => (a["data"] as JsonObject)?[QnaKeys.Session]?.GetValue<string>()).First(s => s is not null)!;

JsonObject Data(params (string Key, string Value)[] pairs)
{
    var data = new JsonObject { [QnaKeys.Session] = sessionId };
    foreach (var (key, value) in pairs)
    {
        data[key] = value;
    }

    return data;
}

// Warm-up: JIT and connection pools, not measured.
for (var i = 0; i < 20; i++)
{
    await meeting.SayAsync("echo warm", TestUser.Numbered(900_000 + i));
    await meeting.ExecuteAsync(EchoAction.Verb, Data(), TestUser.Numbered(900_000 + i));
}

for (var q = 0; q < options.Questions; q++)
{
    await meeting.ExecuteAsync(QnaVerbs.Ask, Data((QnaKeys.Text, $"Seed question {q}")), TestUser.Numbered(800_000 + q));
}

int[] questionIds;
await using (var db = await bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync())
{
    var id = int.Parse(sessionId, CultureInfo.InvariantCulture);
    questionIds = await db.Set<Question>().Where(q => q.SessionId == id).OrderBy(q => q.Number).Select(q => q.Id).ToArrayAsync();
}

var results = new List<PhaseResult>
{
    await Phase.RunAsync("echo (message, reply via connector)", options, i => meeting.SayAsync("echo " + i, TestUser.Numbered(i % options.Participants + 1))),
    await Phase.RunAsync("echo (invoke, answered in body)", options, i => meeting.ExecuteAsync(EchoAction.Verb, Data(), TestUser.Numbered(i % options.Participants + 1))),
    await Phase.RunAsync("Q&A ask (invoke)", options, i => meeting.ExecuteAsync(QnaVerbs.Ask, Data((QnaKeys.Text, $"Benchmark question {i}")), TestUser.Numbered(i % options.Participants + 1))),
    await Phase.RunAsync("Q&A upvote (invoke)", options, i =>
    {
        // Participant p votes for question q: every pair at most once, so each press adds a vote.
        var participant = i % options.Participants + 1;
        var question = questionIds[i / options.Participants % questionIds.Length];
        return meeting.ExecuteAsync(QnaVerbs.Vote, Data((QnaKeys.Question, question.ToString(CultureInfo.InvariantCulture)), (QnaKeys.Vote, QnaKeys.VoteUp)), TestUser.Numbered(participant));
    }),
};

Console.WriteLine();
Console.WriteLine("| Turn | Turns | Errors | Throughput (turns/s) | p50 (ms) | p99 (ms) |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var r in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Turns} | {r.Errors} | {r.Throughput:F0} | {r.P50:F1} | {r.P99:F1} |"));
}

await using (var db = await bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync())
{
    var counted = await db.Set<Question>().Where(q => questionIds.Contains(q.Id)).SumAsync(q => q.VoteCount);
    var rows = await db.Set<QuestionVote>().CountAsync(v => questionIds.Contains(v.QuestionId));
    Console.WriteLine();
    Console.WriteLine($"Votes counted: {counted} (vote rows {rows}; upvote turns {results[^1].Turns - results[^1].Errors}).");
    var boards = bot.Connector.Calls.Count(c => c.IsUpdate && c.ActivityId == "bench-board");
    Console.WriteLine($"Board updates sent during the run: {boards}.");
}

return results.Any(r => r.Errors > 0) ? 1 : 0;

internal sealed record BenchOptions(int Turns, int Concurrency, int Participants, int Questions, TimeSpan PhaseLimit)
{
    public static BenchOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var at = Array.IndexOf(args, "--" + name);
            return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
        }

        var turns = Math.Clamp(Get("turns", 2000), 10, 100_000);
        return new BenchOptions(
            turns,
            Math.Clamp(Get("concurrency", 32), 1, 1024),
            Math.Clamp(Get("participants", 1000), 1, 100_000),
            Math.Clamp(Get("questions", 20), 1, 500),
            TimeSpan.FromSeconds(Math.Clamp(Get("seconds", 120), 5, 600)));
    }
}

internal sealed record PhaseResult(string Name, int Turns, int Errors, double Throughput, double P50, double P99);

internal static class Phase
{
    public static async Task<PhaseResult> RunAsync(string name, BenchOptions options, Func<int, Task<Turn>> turn)
    {
        var latencies = new double[options.Turns];
        var completed = 0;
        var errors = 0;
        var next = -1;
        using var limit = new CancellationTokenSource(options.PhaseLimit);
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            int i;
            while (!limit.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < options.Turns)
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    var result = await turn(i);
                    if (result.Status != HttpStatusCode.OK || result.Body.Contains("\"Status\":500", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[i] = watch.Elapsed.TotalMilliseconds;
                Interlocked.Increment(ref completed);
            }
        }).ToList();
        await Task.WhenAll(workers);
        total.Stop();
        var measured = latencies.Take(Math.Min(completed, options.Turns)).Where(l => l > 0).Order().ToArray();
        double Percentile(double p) => measured.Length == 0 ? 0 : measured[Math.Min(measured.Length - 1, (int)Math.Ceiling(p * measured.Length) - 1)];
        var result = new PhaseResult(name, completed, errors, completed / total.Elapsed.TotalSeconds, Percentile(0.50), Percentile(0.99));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {completed} turns in {total.Elapsed.TotalSeconds:F1} s"));
        return result;
    }
}

/// <summary>The baseline: a message answered with its own text.</summary>
internal sealed class EchoCommand : ICommandHandler
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken) =>
        turn.SendTextAsync(input.Arguments, cancellationToken);
}

/// <summary>The baseline for invokes: a Universal Action answered in the HTTP body, touching nothing.</summary>
internal sealed class EchoAction : ICardActionHandler
{
    public const string Verb = "bench.echo";

    public Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken) =>
        Task.FromResult(CardActionResult.Message("echo"));
}
