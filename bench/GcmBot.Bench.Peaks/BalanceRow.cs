using System.Diagnostics;
using System.Globalization;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Registration;
using GcmBot.Bot.Storage;
using GcmBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bench.Peaks;

/// <summary>
/// The organiser's <c>registrations &lt;event&gt;</c> with 5,000 registrations for the event (docs/registration.md),
/// one turn at a time, beside a bare message turn (echo, answered through the connector) in the same personal chat.
/// </summary>
internal static class BalanceRow
{
    private const int Registrations = 5_000;
    private const int Confirmed = 4_000;
    private const string EventId = "consult-a";

    public static async Task RunAsync(PeakOptions options, Table table)
    {
        await using var bot = await BenchHost.StartAsync(options);
        using var wire = new Wire(bot.ServerAddress!);
        await SeedAsync(bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>());
        var chat = bot.PersonalChat(TestUsers.Organiser);
        static bool Replied(Shot s) => s.Status == System.Net.HttpStatusCode.OK;
        string[] Turns(string text, int n) => Enumerable.Range(0, n).Select(_ => Wire.Message(chat, TestUsers.Organiser, text)).ToArray();

        var first = await chat.SayAsync($"registrations {EventId}");
        // 4,000 confirmed and 1,000 waitlisted: the card counts the 5,000 by status.
        if (!first.Reply.AllText.Contains("4,000", StringComparison.Ordinal) || !first.Reply.AllText.Contains("1,000", StringComparison.Ordinal))
        {
            Console.WriteLine("  ! the balance card does not show 4,000 confirmed and 1,000 waitlisted: " + first.Reply.AllText[..Math.Min(300, first.Reply.AllText.Length)]);
        }

        await wire.LoopAsync("warm-up bare", Turns("echo warm", 20), 1, Replied);
        await wire.LoopAsync("warm-up balance", Turns($"registrations {EventId}", 10), 1, Replied);
        var n = options.Scale(40);
        var bare = new List<Measured>();
        var balance = new List<Measured>();
        for (var round = 0; round < 2; round++)
        {
            bare.Add(await wire.LoopAsync("bare message", Turns("echo hello", n), 1, Replied));
            balance.Add(await wire.LoopAsync("registrations <event>", Turns($"registrations {EventId}", n), 1, Replied));
            Console.WriteLine($"  {bare[^1]}\n  {balance[^1]}");
        }

        // Where the turn's time goes: the store's counting alone, in process, beside the whole turn.
        var store = bot.Services.GetRequiredService<RegistrationStore>();
        var counting = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            await store.BalanceAsync(EventId, CancellationToken.None);
        }

        var countingMs = counting.Elapsed.TotalMilliseconds / n;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  counting alone (RegistrationStore.BalanceAsync): {countingMs:F1} ms a call"));

        var merged = Measured.Merge("balance", [.. balance]);
        table.Add("`registrations <event>` with 5,000 registrations, p50", Measured.Merge("bare", [.. bare]), merged, Metric.P50, "≤ 100 ms p50",
            string.Create(CultureInfo.InvariantCulture, $"counting alone {countingMs:F1} ms a call"));
    }

    private static ProfileAnswers Profile(int i)
    {
        var country = StakeholderReference.Countries[i % StakeholderReference.Countries.Count];
        return new ProfileAnswers(
            $"Participant {i}", $"p{i}@example.org", $"Organisation {i % 400}",
            StakeholderReference.Groups[i % StakeholderReference.Groups.Count].Code, country.Code,
            StakeholderReference.Genders[i % StakeholderReference.Genders.Count].Code,
            i % 5 == 0, i % 7 == 0, "abcd"[..(1 + i % 4)], i % 3 == 0, i % 11 == 0, i % 13 == 0 ? "Captions" : null);
    }

    // Straight into the tables, in one transaction, as bench/GcmBot.Bench.Registration does.
    private static async Task SeedAsync(IDbContextFactory<GcmDbContext> databases)
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
}
