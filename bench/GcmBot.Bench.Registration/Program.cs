using System.Diagnostics;
using System.Globalization;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Registration;
using GcmBot.Testing;
using Microsoft.Extensions.DependencyInjection;

// Seeds 5,000 registrations for one event through the registration store, then times full turns of the organiser's
// `registrations <event>` (HTTP POST to /api/messages, the bot's work, its reply POSTed to the fake connector on
// loopback). Bounded in count and in time; prints a table for docs/registration.md.
const int Registrations = 5_000;
const int Capacity = 4_000;
const int WarmUp = 10;
const int Measured = 60;
var timeBudget = TimeSpan.FromSeconds(60);
const string EventId = "consult-a";

// WebApplicationFactory reads the host's content root from the manifest beside this program, relative to the
// working directory: run from the output folder whatever folder `dotnet run` was started in.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);

await using var bot = await BotApp.StartAsync(o =>
{
    o.ValidateCards = false;
    o.Settings["Logging:LogLevel:Default"] = "Error";
});

var store = bot.Services.GetRequiredService<RegistrationStore>();
var catalogue = bot.Services.GetRequiredService<EventCatalogue>();
var e = (await catalogue.FindAsync(EventId, CancellationToken.None))!;
var draft = EventForm.Validate(EventAnswers.From(e) with { }, isNew: false, e.Id, []).Valid! with { Capacity = Capacity };
await catalogue.UpdateAsync(e.Id, draft, CancellationToken.None);

var seeding = Stopwatch.StartNew();
var next = 0;
await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) <= Registrations)
    {
        var country = StakeholderReference.Countries[i % StakeholderReference.Countries.Count];
        var profile = new ProfileAnswers(
            $"Participant {i}", $"p{i}@example.org", $"Organisation {i % 400}",
            StakeholderReference.Groups[i % StakeholderReference.Groups.Count].Code, country.Code,
            StakeholderReference.Genders[i % StakeholderReference.Genders.Count].Code,
            i % 5 == 0, i % 7 == 0, "abcd"[..(1 + i % 4)], i % 3 == 0, i % 11 == 0, i % 13 == 0 ? "Captions" : null);
        await store.SubmitAsync($"bench-user-{i}", new ValidRegistration(profile, [EventId]), "Asia/Bangkok", [EventId], CancellationToken.None);
    }
}));
seeding.Stop();

var balance = await store.BalanceAsync(EventId, CancellationToken.None);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Seeded {Registrations:N0} registrations through RegistrationStore.SubmitAsync in {seeding.Elapsed.TotalSeconds:F1} s " +
    $"({Registrations / seeding.Elapsed.TotalSeconds:F0}/s, 4 writers): {balance.Count(RegistrationStatus.Confirmed):N0} confirmed, {balance.Count(RegistrationStatus.Waitlisted):N0} waitlisted."));

await store.BalanceAsync(EventId, CancellationToken.None);
var queries = new List<double>();
for (var i = 0; i < 20; i++)
{
    var query = Stopwatch.StartNew();
    await store.BalanceAsync(EventId, CancellationToken.None);
    queries.Add(query.Elapsed.TotalMilliseconds);
}

queries.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RegistrationStore.BalanceAsync alone (after one warm-up): median {queries[10]:F1} ms, slowest {queries[^1]:F1} ms of 20."));

var organiser = bot.PersonalChat(TestUsers.Organiser);
var first = await organiser.SayAsync($"registrations {EventId}");
var cardBytes = first.Reply.Card.ToJsonString().Length;
var problems = await CardSchema.ValidateAsync(first.Reply.Card);
Console.WriteLine($"Balance card: {cardBytes:N0} bytes, schema problems: {problems.Count}");

await MeasureAsync($"registrations {EventId}", "Balance card (registrations <event>)");
await MeasureAsync($"approvals {EventId}", "Approvals card, first page (approvals <event>)");
await MeasureAsync("events", "Catalogue (events)");

async Task MeasureAsync(string command, string label)
{
    for (var i = 0; i < WarmUp; i++)
    {
        await organiser.SayAsync(command);
    }

    var durations = new List<double>();
    var total = Stopwatch.StartNew();
    while (durations.Count < Measured && total.Elapsed < timeBudget)
    {
        var turn = Stopwatch.StartNew();
        var result = await organiser.SayAsync(command);
        turn.Stop();
        if (result.Replies.Count != 1)
        {
            throw new InvalidOperationException($"{command}: expected one reply, got {result.Replies.Count}.");
        }

        durations.Add(turn.Elapsed.TotalMilliseconds);
    }

    total.Stop();
    durations.Sort();
    double Percentile(double p) => durations[Math.Min(durations.Count - 1, (int)Math.Ceiling(p * durations.Count) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {label} | {durations.Count} | {Percentile(0.50):F1} | {Percentile(0.99):F1} | {durations[^1]:F1} | {durations.Count / total.Elapsed.TotalSeconds:F1} |"));
}
