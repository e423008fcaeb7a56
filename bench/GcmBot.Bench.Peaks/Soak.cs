using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using GcmBot.Cards.Questions;
using GcmBot.Testing;

namespace GcmBot.Bench.Peaks;

/// <summary>
/// For a profiler, not for the table: one kind of turn (upvote or bare), one at a time, for a number of seconds, so
/// that a trace of the process (dotnet-trace collect) is mostly that turn; or (floor) 300 floor requests at once on a
/// fresh list, round after round. Prints when the soak starts and ends.
///   dotnet-trace collect --format speedscope -- dotnet GcmBot.Bench.Peaks.dll --soak upvote 20
/// </summary>
internal static class Soak
{
    public static async Task RunAsync(PeakOptions options, string kind, int seconds)
    {
        if (kind == "floor")
        {
            await FloorAsync(options, seconds);
            return;
        }

        await using var bot = await BenchHost.StartAsync(options);
        using var wire = new Wire(bot.ServerAddress!);
        var chat = bot.MeetingChat("bench-soak");
        const string boardId = "bench-board";
        const int questions = 40;
        var (sessionId, questionIds) = await QnaRows.OpenAsync(bot, chat, boardId, "Soak", questions);

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
        await wire.LoopAsync("warm-up", bodies[..300], 1, _ => true);
        Console.WriteLine($"soak {kind} starts");
        var watch = Stopwatch.StartNew();
        var sent = 300;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var paused = GC.GetTotalPauseDuration();
        while (watch.Elapsed < TimeSpan.FromSeconds(seconds) && sent < bodies.Length)
        {
            await wire.PostAsync(bodies[sent++]);
        }

        var turns = sent - 300;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"soak {kind} ends: {turns} turns in {watch.Elapsed.TotalSeconds:F1} s, {watch.Elapsed.TotalMilliseconds / turns:F2} ms a turn, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / turns:F2} ms CPU a turn, " +
            $"{(GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / turns:F0} KiB allocated a turn, GCs {GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3}, paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds / turns:F3} ms a turn"));
    }

    private static async Task FloorAsync(PeakOptions options, int seconds)
    {
        await using var bot = await BenchHost.StartAsync(options);
        using var wire = new Wire(bot.ServerAddress!);
        var crowd = Enumerable.Range(1, 300).Select(TestUser.Numbered).ToList();
        // Tiered compilation and its profile-guided tier take thousands of requests to settle (docs/performance.md):
        // warm up for as long as the soak, then measure.
        var warming = Stopwatch.StartNew();
        var watch = new Stopwatch(); // wall time since the measured rounds started
        var (rounds, turns, cpu, bareCpu) = (0, 0, TimeSpan.Zero, TimeSpan.Zero);
        var (floorP99, bareP99) = (new List<double>(), new List<double>());
        for (var round = 0; watch.Elapsed < TimeSpan.FromSeconds(seconds); round++)
        {
            var (chat, requests) = await FloorRow.OpenListAsync(bot, $"soak-floor-{round}", crowd);
            // The bare turn at the same moment in the same state, for the ratio.
            var bare = await wire.BurstAsync("bare", crowd.Select(p => BenchHost.BareInvoke(chat, p)).ToList(), _ => true);
            await Task.Delay(300);
            var measuring = warming.Elapsed >= TimeSpan.FromSeconds(seconds);
            if (measuring && rounds == 0)
            {
                Console.WriteLine("soak floor starts");
            }

            if (measuring)
            {
                watch.Start();
            }

            var burst = await wire.BurstAsync("floor", requests, _ => true);
            if (measuring)
            {
                (rounds, turns, cpu, bareCpu) = (rounds + 1, turns + requests.Count, cpu + burst.Cpu, bareCpu + bare.Cpu);
                floorP99.Add(burst.P99);
                bareP99.Add(bare.P99);
                Console.WriteLine("  " + bare);
                Console.WriteLine("  " + burst);
            }

            await Task.Delay(300);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"soak floor ends: {rounds} rounds; CPU a turn: bare {bareCpu.TotalMilliseconds / turns:F2} ms, floor {cpu.TotalMilliseconds / turns:F2} ms; median p99: bare {Median(bareP99):F1} ms, floor {Median(floorP99):F1} ms ({Median(floorP99) / Median(bareP99):F2}×)"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
