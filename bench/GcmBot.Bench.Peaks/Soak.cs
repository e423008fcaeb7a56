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
/// For a profiler, not for the table: one kind of turn (upvote or bare), one at a time, for a number of seconds, so
/// that a trace of the process (dotnet-trace collect) is mostly that turn. Prints when the soak starts and ends.
///   dotnet-trace collect --format speedscope -- dotnet GcmBot.Bench.Peaks.dll --soak upvote 20
/// </summary>
internal static class Soak
{
    public static async Task RunAsync(PeakOptions options, string kind, int seconds)
    {
        await using var bot = await BenchHost.StartAsync(options);
        using var wire = new Wire(bot.ServerAddress!);
        var chat = bot.MeetingChat("bench-soak");
        const string boardId = "bench-board";
        var setup = await chat.SayAsync("qna open Soak", TestUsers.Organiser);
        var opened = await chat.PressAsync(setup.Reply.Card, QnaVerbs.Open, from: TestUsers.Organiser, cardActivityId: boardId);
        var sessionId = CardText.Actions(opened.InvokeCard).Select(a => (a["data"] as JsonObject)?[QnaKeys.Session]?.GetValue<string>()).First(s => s is not null)!;
        const int questions = 40;
        for (var q = 0; q < questions; q++)
        {
            await chat.ExecuteAsync(QnaVerbs.Ask, new JsonObject { [QnaKeys.Session] = sessionId, [QnaKeys.Text] = $"Soak question {q + 1}" }, TestUser.Numbered(500_000 + q), boardId);
        }

        int[] questionIds;
        await using (var db = await bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync())
        {
            var id = int.Parse(sessionId, CultureInfo.InvariantCulture);
            questionIds = await db.Set<Question>().Where(q => q.SessionId == id).Select(q => q.Id).ToArrayAsync();
        }

        const int people = 1000;
        string Body(int k) => kind == "bare"
            ? BenchHost.BareInvoke(chat, TestUser.Numbered(k % people + 1))
            : Wire.Invoke(chat, TestUser.Numbered(k % people + 1), QnaVerbs.Vote, new JsonObject
            {
                [QnaKeys.Session] = sessionId,
                [QnaKeys.Question] = questionIds[k / people % questions].ToString(CultureInfo.InvariantCulture),
                [QnaKeys.Vote] = QnaKeys.VoteUp,
            }, boardId);
        var bodies = Enumerable.Range(0, people * questions).Select(Body).ToArray();
        var warm = await wire.PostAsync(bodies[0]);
        Console.WriteLine($"answer: {warm.Body.Length} chars");
        await wire.LoopAsync("warm-up", bodies[1..300], 1, _ => true);
        Console.WriteLine($"soak {kind} starts");
        var watch = Stopwatch.StartNew();
        var sent = 300;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var paused = GC.GetTotalPauseDuration();
        double headers = 0, body = 0;
        while (watch.Elapsed < TimeSpan.FromSeconds(seconds) && sent < bodies.Length)
        {
            var (h, b) = await wire.PostTimedAsync(bodies[sent++]);
            headers += h; body += b;
        }

        var turns = sent - 300;
        Console.WriteLine($"headers {headers / turns:F3} ms, body {body / turns:F3} ms");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"soak {kind} ends: {turns} turns in {watch.Elapsed.TotalSeconds:F1} s, {watch.Elapsed.TotalMilliseconds / turns:F2} ms a turn, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / turns:F2} ms CPU a turn, " +
            $"{(GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / turns:F0} KiB allocated a turn, GCs {GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3}, paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds / turns:F3} ms a turn"));
    }
}
