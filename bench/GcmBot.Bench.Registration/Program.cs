using System.Diagnostics;
using System.Globalization;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Registration;
using GcmBot.Bot.Storage;
using GcmBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Puts 5,000 registrations for one event straight into the database, then times full turns of the organiser's
// `registrations <event>` (HTTP POST to /api/messages, the bot's work, its reply POSTed to the fake connector on
// loopback), and the registration write path (RegistrationStore.SubmitAsync). Bounded in count and in time; prints
// the figures for docs/registration.md. CPU time per turn is printed too: on a shared machine it varies far less
// than wall-clock time.
const int Registrations = 5_000;
const int Confirmed = 4_000;
const int Writes = 300;
const int WarmUp = 10;
const int Measured = 60;
var timeBudget = TimeSpan.FromSeconds(30);
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
var seeding = Stopwatch.StartNew();
await SeedAsync(bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>());
seeding.Stop();
var balance = await store.BalanceAsync(EventId, CancellationToken.None);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Seeded {Registrations:N0} registrations for {EventId} in {seeding.Elapsed.TotalSeconds:F1} s: " +
    $"{balance.Count(RegistrationStatus.Confirmed):N0} confirmed, {balance.Count(RegistrationStatus.Waitlisted):N0} waitlisted."));

var writes = new List<double>();
var writing = Stopwatch.StartNew();
for (var i = 1; i <= Writes; i++)
{
    var write = Stopwatch.StartNew();
    await store.SubmitAsync($"writer-{i}", new ValidRegistration(Profile(Registrations + i), ["consult-b"]), "Asia/Bangkok", ["consult-b"], CancellationToken.None);
    writes.Add(write.Elapsed.TotalMilliseconds);
}

writing.Stop();
writes.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RegistrationStore.SubmitAsync, {Writes} new registrations one after another: {Writes / writing.Elapsed.TotalSeconds:F0}/s, " +
    $"p50 {writes[Writes / 2]:F1} ms, p99 {writes[(int)(Writes * 0.99)]:F1} ms."));

await store.BalanceAsync(EventId, CancellationToken.None);
var queries = new List<double>();
for (var i = 0; i < 20; i++)
{
    var query = Stopwatch.StartNew();
    await store.BalanceAsync(EventId, CancellationToken.None);
    queries.Add(query.Elapsed.TotalMilliseconds);
}

queries.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RegistrationStore.BalanceAsync alone: median {queries[10]:F1} ms, slowest {queries[^1]:F1} ms of 20."));

var organiser = bot.PersonalChat(TestUsers.Organiser);
var first = await organiser.SayAsync($"registrations {EventId}");
var problems = await CardSchema.ValidateAsync(first.Reply.Card);
Console.WriteLine($"Balance card: {first.Reply.Card.ToJsonString().Length:N0} bytes, schema problems: {problems.Count}");
Console.WriteLine("| Turn | turns | p50 ms | p99 ms | max ms | turns/s | CPU ms/turn |");
Console.WriteLine("|---|---|---|---|---|---|---|");
await MeasureAsync($"registrations {EventId}", "`registrations <event>` (balance card)");
await MeasureAsync($"approvals {EventId}", "`approvals <event>` (first page)");
await MeasureAsync("events", "`events` (catalogue, for comparison)");

async Task MeasureAsync(string command, string label)
{
    for (var i = 0; i < WarmUp; i++)
    {
        await organiser.SayAsync(command);
    }

    var durations = new List<double>();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
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
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / durations.Count;
    durations.Sort();
    double Percentile(double p) => durations[Math.Min(durations.Count - 1, (int)Math.Ceiling(p * durations.Count) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {label} | {durations.Count} | {Percentile(0.50):F1} | {Percentile(0.99):F1} | {durations[^1]:F1} | {durations.Count / total.Elapsed.TotalSeconds:F1} | {cpu:F1} |"));
}

// Varied answers, so that every dimension of the balance has many categories filled.
static ProfileAnswers Profile(int i)
{
    var country = StakeholderReference.Countries[i % StakeholderReference.Countries.Count];
    return new ProfileAnswers(
        $"Participant {i}", $"p{i}@example.org", $"Organisation {i % 400}",
        StakeholderReference.Groups[i % StakeholderReference.Groups.Count].Code, country.Code,
        StakeholderReference.Genders[i % StakeholderReference.Genders.Count].Code,
        i % 5 == 0, i % 7 == 0, "abcd"[..(1 + i % 4)], i % 3 == 0, i % 11 == 0, i % 13 == 0 ? "Captions" : null);
}

// Straight into the tables, in one transaction: 5,000 registrations through chat turns would take minutes and
// measure the wrong thing. The write path is measured separately above.
static async Task SeedAsync(IDbContextFactory<GcmDbContext> databases)
{
    var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    await using var db = await databases.CreateDbContextAsync();
    for (var i = 1; i <= Registrations; i++)
    {
        var p = Profile(i);
        var at = start.AddSeconds(i);
        db.Add(new StakeholderProfile
        {
            UserStableId = $"bench-user-{i}",
            Name = p.Name,
            Email = p.Email,
            Organisation = p.Organisation,
            StakeholderGroup = p.StakeholderGroup,
            CountryCode = p.CountryCode,
            Gender = p.Gender,
            IsMigrant = p.IsMigrant,
            SpeaksForMigrantsInVulnerableSituations = p.SpeaksForMigrantsInVulnerableSituations,
            Themes = p.Themes,
            WishesToSpeak = p.WishesToSpeak,
            OffersAsPanellist = p.OffersAsPanellist,
            AccessibilityNeeds = p.AccessibilityNeeds,
            ConsentVersion = RegistrationLimits.ConsentVersion,
            ConsentedAt = at,
            UpdatedAt = at,
        });
        db.Add(new EventRegistration
        {
            EventId = EventId,
            UserStableId = $"bench-user-{i}",
            Status = i <= Confirmed ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted,
            QueuedAt = at,
            CreatedAt = at,
            UpdatedAt = at,
            Version = 1,
        });
    }

    await db.Set<CatalogueEvent>().Where(e => e.Id == EventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Capacity, Confirmed));
    await db.SaveChangesAsync();
}
