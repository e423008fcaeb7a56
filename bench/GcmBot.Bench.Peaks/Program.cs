using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using GcmBot.Bench.Peaks;

// The peak-moments table of docs/performance.md (issue #12). Each row runs on a fresh host (ASP.NET Core on a Kestrel
// loopback port, CloudAdapter, middleware, SQLite or --postgres) with the fake Teams connector, and is measured from
// outside over HTTP beside the bare turn of the same host in the same run: an invoke (or, for the balance, a message)
// that only passes routing and middleware. Bounded: a fixed number of turns per phase.
//   dotnet run -c Release --project bench/GcmBot.Bench.Peaks [-- --postgres] [--quick] [--rows qna,floor,notices,balance]
// For a profiler or a longer look at one row: --soak upvote|bare|pair|floor <seconds> (Soak.cs).
var options = PeakOptions.Parse(args);
// The test host finds the bot's content root through MvcTestingAppManifest.json, looked up in the working directory.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
var soakAt = Array.IndexOf(args, "--soak");
if (soakAt >= 0)
{
    await Soak.RunAsync(options, args[soakAt + 1], int.Parse(args[soakAt + 2], CultureInfo.InvariantCulture));
    return;
}

var table = new Table();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"GcmBot peak moments: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
    $"{(options.Postgres ? "PostgreSQL" : "SQLite")}, {(Debugger.IsAttached ? "debugger" : "no debugger")}{(options.Quick ? ", quick" : string.Empty)}; load {Table.Load()}"));
#if DEBUG
Console.WriteLine("! Debug build: run with -c Release for figures worth quoting.");
#endif

var total = Stopwatch.StartNew();
foreach (var (key, row) in new (string, Func<PeakOptions, Table, Task>)[]
{
    ("qna", QnaRows.RunAsync),
    ("floor", FloorRow.RunAsync),
    ("notices", NoticesRow.RunAsync),
    ("balance", BalanceRow.RunAsync),
})
{
    if (options.Rows.Contains(key))
    {
        Console.WriteLine($"{key} (load {Table.Load()})");
        await row(options, table);
    }
}

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Done in {total.Elapsed.TotalMinutes:F1} min; load {Table.Load()}"));
Console.WriteLine();
table.Print();
