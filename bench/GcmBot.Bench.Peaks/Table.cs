using System.Globalization;

namespace GcmBot.Bench.Peaks;

internal enum Metric { P50, P99, P50AndThroughput }

/// <summary>The rows measured so far, printed as the Markdown table of docs/performance.md.</summary>
internal sealed class Table
{
    private readonly List<(string Measure, string Bare, string Peak, string Goal, string Met, string Notes)> _rows = [];

    public void Add(string measure, Measured bare, Measured peak, Metric metric, string goal, string notes = "")
    {
        static string Ms(double ms) => string.Create(CultureInfo.InvariantCulture, $"{ms:N1} ms");
        string bareText, peakText, met;
        switch (metric)
        {
            case Metric.P50AndThroughput:
                var ratio = peak.P50 / bare.P50;
                var share = peak.Throughput / bare.Throughput;
                bareText = string.Create(CultureInfo.InvariantCulture, $"{Ms(bare.P50)} / {bare.Throughput:F0} per s");
                peakText = string.Create(CultureInfo.InvariantCulture, $"{Ms(peak.P50)} / {peak.Throughput:F0} per s ({ratio:F2}×, {share:P0} of bare)");
                met = ratio <= 1.5 && share >= 2.0 / 3 ? "yes" : "no";
                break;
            default:
                var (b, p) = metric == Metric.P50 ? (bare.P50, peak.P50) : (bare.P99, peak.P99);
                bareText = Ms(b);
                peakText = string.Create(CultureInfo.InvariantCulture, $"{Ms(p)} ({p / b:F2}×)");
                met = goal.Contains("100 ms", StringComparison.Ordinal) ? (p <= 100 ? "yes" : "no") : (p / b <= 1.5 ? "yes" : "no");
                break;
        }

        var errors = bare.Errors + peak.Errors;
        if (errors > 0)
        {
            met = "no";
            notes = $"{errors} unexpected answers; " + notes;
        }

        // CPU per turn moves less than latency with the machine's load: it says whether a change made the work cheaper.
        notes = string.Create(CultureInfo.InvariantCulture, $"CPU a turn: bare {bare.CpuPerTurn:F1} ms, GcmBot {peak.CpuPerTurn:F1} ms; ") + notes;
        _rows.Add((measure, bareText, peakText, goal, met, notes));
        Console.WriteLine($"  => {measure}: bare {bareText}, GcmBot {peakText}; goal {goal}: {met}. {notes}");
    }

    public void AddText(string measure, string bare, string peak, string goal, string notes)
    {
        _rows.Add((measure, bare, peak, goal, "see figures", notes));
        Console.WriteLine($"  => {measure}: bare {bare}, GcmBot {peak}; goal {goal}. {notes}");
    }

    public void Print()
    {
        Console.WriteLine("| Measure (same run) | Bare turn | GcmBot | Goal | Met | Notes |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var r in _rows)
        {
            Console.WriteLine($"| {r.Measure} | {r.Bare} | {r.Peak} | {r.Goal} | {r.Met} | {r.Notes} |");
        }
    }

    /// <summary>The machine's load average (1, 5, 15 min): other helpers' builds share these cores.</summary>
    public static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
