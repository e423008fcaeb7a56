using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using GcmBot.Cards.Questions;
using GcmBot.Testing;

namespace GcmBot.Bench.Peaks;

/// <summary>
/// For a profiler, not for the table: one kind of turn (upvote or bare), one at a time, for a number of seconds, so
/// that a trace of the process (dotnet-trace collect) is mostly that turn; or (floor) 300 floor requests at once on a
/// fresh list, round after round; or (pair) the one-at-a-time row for longer. Prints when the soak starts and ends.
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

        if (kind == "pair")
        {
            await PairAsync(options, seconds);
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

    /// <summary>
    /// The one-at-a-time row for longer: after 2,000 turns of each, blocks of 200 bare invokes and 200 upvotes, one at
    /// a time, alternating for the given seconds; prints both p50s, their ratio and the median of the blocks' ratios.
    /// </summary>
    private static async Task PairAsync(PeakOptions options, int seconds)
    {
        await using var bot = await BenchHost.StartAsync(options);
        using var wire = new Wire(bot.ServerAddress!);
        var chat = bot.MeetingChat("bench-pair");
        const string boardId = "bench-board";
        const int questions = 40, people = 1000, block = 200;
        var (sessionId, questionIds) = await QnaRows.OpenAsync(bot, chat, boardId, "Pair", questions);
        var votes = Enumerable.Range(0, people * questions).Select(k => Wire.Invoke(chat, TestUser.Numbered(k % people + 1), QnaVerbs.Vote, new JsonObject
        {
            [QnaKeys.Session] = sessionId,
            [QnaKeys.Question] = questionIds[k / people % questions].ToString(CultureInfo.InvariantCulture),
            [QnaKeys.Vote] = QnaKeys.VoteUp,
        }, boardId)).ToArray();
        var bare = 0;
        string[] Bare(int count) => Enumerable.Range(bare, count).Select(i => BenchHost.BareInvoke(chat, TestUser.Numbered(i % people + 1))).ToArray();
        await wire.LoopAsync("warm-up bare", Bare(2000), 1, _ => true);
        await wire.LoopAsync("warm-up votes", votes[..2000], 1, _ => true);
        Console.WriteLine("soak pair starts");
        var watch = Stopwatch.StartNew();
        var (bareShots, voteShots, ratios) = (new List<double>(), new List<double>(), new List<double>());
        for (var sent = 2000; watch.Elapsed < TimeSpan.FromSeconds(seconds) && sent + block <= votes.Length; sent += block)
        {
            var b = await wire.LoopAsync("bare", Bare(block), 1, _ => true);
            var v = await wire.LoopAsync("upvote", votes[sent..(sent + block)], 1, _ => true);
            bareShots.AddRange(b.Sorted);
            voteShots.AddRange(v.Sorted);
            ratios.Add(v.P50 / b.P50);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"soak pair ends: {ratios.Count} blocks of {block}; p50 bare {Median(bareShots):F3} ms, upvote {Median(voteShots):F3} ms ({Median(voteShots) / Median(bareShots):F2}×); blocks' ratios: median {Median(ratios):F2}×, from {ratios.Min():F2}× to {ratios.Max():F2}×"));
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
