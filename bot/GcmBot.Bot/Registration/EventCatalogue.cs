using System.Text.Json;
using System.Text.Json.Serialization;
using GcmBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Bot.Registration;

/// <summary>The catalogue of events people register for.</summary>
public sealed class EventCatalogue(IDbContextFactory<GcmDbContext> databases, TimeProvider time)
{
    public async Task<IReadOnlyList<CatalogueEvent>> AllAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var events = await db.Set<CatalogueEvent>().AsNoTracking().ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        // Open events first, then those not open yet, then closed ones; each by date (to be confirmed after dated ones).
        return events
            .OrderBy(e => EventRules.WindowAt(e, now) switch { RegistrationWindow.Open => 0, RegistrationWindow.NotYetOpen => 1, _ => 2 })
            .ThenBy(e => e.StartsAt ?? DateTimeOffset.MaxValue)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The event a person typed, by id (case-insensitive); null when there is none.</summary>
    public async Task<CatalogueEvent?> FindAsync(string? id, CancellationToken cancellationToken)
    {
        var key = id?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(key) || key.Length > EventRules.MaxIdLength)
        {
            return null;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<CatalogueEvent>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == key, cancellationToken);
    }

    /// <summary>Adds an event; false when its id was taken meanwhile.</summary>
    public async Task<bool> AddAsync(EventDraft draft, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var e = new CatalogueEvent { Id = draft.Id, Title = draft.Title, CreatedAt = now, UpdatedAt = now };
        draft.ApplyTo(e);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.Add(e);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    /// <summary>Updates an event; the previous version, or null when there is no such event.</summary>
    public async Task<CatalogueEvent?> UpdateAsync(string id, EventDraft draft, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var e = await db.Set<CatalogueEvent>().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (e is null)
        {
            return null;
        }

        var before = (CatalogueEvent)db.Entry(e).OriginalValues.ToObject();
        draft.ApplyTo(e);
        e.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return before;
    }

    /// <summary>Adds the seed's events that the catalogue lacks; never overwrites what organisers edited.</summary>
    public async Task<int> SeedAsync(IReadOnlyList<CatalogueEvent> seed, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var ids = seed.Select(e => e.Id).ToList();
        var existing = await db.Set<CatalogueEvent>().Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken);
        var missing = seed.Where(e => !existing.Contains(e.Id)).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        db.AddRange(missing);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance seeded at the same moment; its rows are the same seed.
            return 0;
        }

        return missing.Count;
    }
}

/// <summary>The event catalogue's seed file (<c>Registration/events.seed.json</c>), read on start-up.</summary>
public static class EventSeed
{
    public const string FileName = "events.seed.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Registration", FileName);

    public static IReadOnlyList<CatalogueEvent> Load(string json, DateTimeOffset now)
    {
        var file = JsonSerializer.Deserialize<SeedFile>(json, Options) ?? throw new InvalidDataException("The event seed is empty.");
        var events = new List<CatalogueEvent>();
        foreach (var item in file.Events)
        {
            if (!EventRules.IsValidId(item.Id) || events.Any(e => e.Id == item.Id))
            {
                throw new InvalidDataException($"The event seed has an invalid or repeated id '{item.Id}'.");
            }

            if (!TimeZoneInfo.TryFindSystemTimeZoneById(item.TimeZone, out _))
            {
                throw new InvalidDataException($"The event seed's '{item.Id}' has an unknown time zone.");
            }

            if ((item.Start is null) != (item.End is null) || item.End <= item.Start)
            {
                throw new InvalidDataException($"The event seed's '{item.Id}' needs both start and end, end after start.");
            }

            events.Add(new CatalogueEvent
            {
                Id = item.Id,
                Title = item.Title,
                Kind = item.Kind,
                Themes = string.Concat(item.Themes.Where(c => c is >= 'a' and <= 'd').Distinct().Order()),
                StartsAt = item.Start?.ToUniversalTime(),
                EndsAt = item.End?.ToUniversalTime(),
                TimeZoneId = item.TimeZone,
                Venue = item.Venue,
                Capacity = item.Capacity,
                RegistrationOpensAt = item.RegistrationOpens?.ToUniversalTime(),
                RegistrationClosesAt = item.RegistrationCloses?.ToUniversalTime(),
                Confirmation = item.Confirmation,
                Description = item.Description,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        return events;
    }

    private sealed record SeedFile(IReadOnlyList<SeedEvent> Events);

    private sealed record SeedEvent(
        string Id,
        string Title,
        EventKind Kind,
        string Themes,
        DateTimeOffset? Start,
        DateTimeOffset? End,
        string TimeZone,
        string Venue,
        int? Capacity,
        DateTimeOffset? RegistrationOpens,
        DateTimeOffset? RegistrationCloses,
        ConfirmationMode Confirmation,
        string? Description);
}

/// <summary>Seeds the event catalogue when the host starts (after the database is migrated), idempotently.</summary>
public sealed partial class EventCatalogueSeeder(EventCatalogue catalogue, TimeProvider time, ILogger<EventCatalogueSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var json = await File.ReadAllTextAsync(EventSeed.DefaultPath, cancellationToken);
        var added = await catalogue.SeedAsync(EventSeed.Load(json, time.GetUtcNow()), cancellationToken);
        if (added > 0)
        {
            LogSeeded(logger, added);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Added {Count} events from the seed to the catalogue")]
    private static partial void LogSeeded(ILogger logger, int count);
}
