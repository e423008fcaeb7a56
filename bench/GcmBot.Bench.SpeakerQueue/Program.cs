using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using GcmBot.Cards.SpeakerQueue;
using GcmBot.Testing;

// A meeting of N participants who all press "Request the floor" at the same moment, each twice (a double click),
// through the real host (ASP.NET Core, CloudAdapter, SQLite) on loopback. Bounded: a few rounds, a time limit.
var people = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));

// WebApplicationFactory looks for the host's folder next to the solution file; outside a test run it needs telling.
var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "GcmBot.sln")))
{
    root = root.Parent;
}

if (root is not null)
{
    Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_GcmBot_Bot", Path.Combine(root.FullName, "bot", "GcmBot.Bot"));
}

await using var bot = await BotApp.StartAsync(o => o.ValidateCards = false);
Console.WriteLine($"Speakers' list: {people} participants pressing twice at once, {rounds} rounds, real host on SQLite");

var latencies = new List<double>();
for (var round = 1; round <= rounds && !limit.IsCancellationRequested; round++)
{
    var chat = bot.MeetingChat($"bench-{round}");
    var shown = await chat.SayAsync("speakers", from: TestUsers.Organiser);
    var controls = await chat.PressAsync(shown.Reply.Card, SpeakerQueueCard.ChairVerb, from: TestUsers.Organiser);
    await chat.PressAsync(controls.InvokeCard!, SpeakerQueueCard.OpenVerb, from: TestUsers.Organiser);
    var updatesBefore = bot.Connector.CallsTo(chat.Id).Count(c => c.IsUpdate);

    var crowd = Enumerable.Range(1, people).Select(TestUser.Numbered).ToList();
    var total = Stopwatch.StartNew();
    var timings = await Task.WhenAll(crowd.Concat(crowd).Select(async person =>
    {
        var watch = Stopwatch.StartNew();
        var turn = await chat.ExecuteAsync(SpeakerQueueCard.RequestVerb, new JsonObject { ["kind"] = "statement" }, person);
        if (turn.InvokeCard is null)
        {
            throw new InvalidOperationException($"A request got no card: {turn.Status} {turn.Body}");
        }

        return watch.Elapsed.TotalMilliseconds;
    }));
    total.Stop();

    // Let the card updater catch up, then count how often the shared card was sent for the burst.
    await Task.Delay(TimeSpan.FromSeconds(3), limit.Token);
    var updates = bot.Connector.CallsTo(chat.Id).Count(c => c.IsUpdate) - updatesBefore;
    var check = await chat.ExecuteAsync(SpeakerQueueCard.MyPlaceVerb, new JsonObject(), crowd[^1]);
    var queued = check.AllText.Contains($"Waiting ({people})", StringComparison.Ordinal);

    latencies.AddRange(timings);
    Array.Sort(timings);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"round {round}: {timings.Length} presses in {total.Elapsed.TotalSeconds:F2} s ({timings.Length / total.Elapsed.TotalSeconds:F0}/s), " +
        $"p50 {Percentile(timings, 0.50):F0} ms, p99 {Percentile(timings, 0.99):F0} ms, max {timings[^1]:F0} ms; " +
        $"all {people} queued once: {queued}; shared card updates for the burst: {updates}"));
}

var all = latencies.ToArray();
Array.Sort(all);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"overall: {all.Length} presses, p50 {Percentile(all, 0.50):F0} ms, p99 {Percentile(all, 0.99):F0} ms"));

static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
