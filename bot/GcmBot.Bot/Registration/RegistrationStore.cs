using GcmBot.Bot.Participants;
using GcmBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Bot.Registration;

/// <summary>Why a person's registration changed without them acting: each is announced to them proactively.</summary>
public enum ChangeReason
{
    PromotedFromWaitlist,
    Approved,
    Declined,
}

/// <summary>A registration that changed because of someone else (a cancellation, an organiser, more places).</summary>
public sealed record StatusChange(long RegistrationId, string UserStableId, CatalogueEvent Event, RegistrationStatus Status, int Version, ChangeReason Reason);

/// <summary>A registration with its event, and where it stands in the waitlist.</summary>
public sealed record RegistrationView(EventRegistration Registration, CatalogueEvent Event, int? WaitlistPosition);

/// <summary>What is stored about a person: their answers (null if none) and their registrations.</summary>
public sealed record PersonRegistrations(StakeholderProfile? Profile, IReadOnlyList<RegistrationView> Registrations)
{
    public IEnumerable<RegistrationView> Active => Registrations.Where(r => RegistrationStore.IsActive(r.Registration.Status));
}

/// <summary>A registration waiting for a place or a decision, with the person's answers.</summary>
public sealed record Candidate(EventRegistration Registration, StakeholderProfile? Profile);

/// <summary>How an organiser's decision went.</summary>
public enum DecisionOutcome
{
    Done,
    NotFound,

    /// <summary>Someone (another organiser, a cancellation) changed the registration since the card was shown.</summary>
    Stale,
}

public sealed record DecisionResult(DecisionOutcome Outcome, RegistrationStatus? Status, IReadOnlyList<StatusChange> Changes);

/// <summary>
/// Registrations and stakeholder profiles. Every change runs in a transaction that first locks the rows of the
/// events it touches (by bumping their revision), so that two people taking the last place, a double click and an
/// organiser's decision at the same moment are applied one after the other; the unique (person, event) index makes a
/// repeated submission update the same registration, and a lost race is retried against what the winner stored.
/// </summary>
public sealed class RegistrationStore(
    IDbContextFactory<GcmDbContext> databases,
    TimeProvider time,
    IEnumerable<IRegistrantsChangedListener> registrantsChanged)
{
    private const int Attempts = 3;

    public static bool IsActive(RegistrationStatus status) =>
        status is RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted or RegistrationStatus.Pending;

    /// <summary>
    /// Stores a valid registration: updates the person's answers, registers them for the events they want (a
    /// registration they already hold keeps its place) and cancels those they unticked among the events the form offered.
    /// </summary>
    public Task<IReadOnlyList<StatusChange>> SubmitAsync(
        string userStableId,
        ValidRegistration registration,
        string? timeZoneId,
        IReadOnlyCollection<string> offeredEventIds,
        CancellationToken cancellationToken) =>
        SubmitAsync(userStableId, registration, timeZoneId, offeredEventIds, updateProfile: true, cancellationToken);

    /// <summary>
    /// Registers a person for the events of a valid form and nothing else: their stored answers stay as they are and no
    /// registration is cancelled. A web form sent with an address that is registered already may add events, never
    /// change someone's answers.
    /// </summary>
    public Task<IReadOnlyList<StatusChange>> AddEventsAsync(string userStableId, ValidRegistration registration, CancellationToken cancellationToken) =>
        SubmitAsync(userStableId, registration, timeZoneId: null, offeredEventIds: [], updateProfile: false, cancellationToken);

    private Task<IReadOnlyList<StatusChange>> SubmitAsync(
        string userStableId,
        ValidRegistration registration,
        string? timeZoneId,
        IReadOnlyCollection<string> offeredEventIds,
        bool updateProfile,
        CancellationToken cancellationToken) =>
        InTransactionAsync<IReadOnlyList<StatusChange>>(async db =>
        {
            var now = time.GetUtcNow();
            var existing = await db.Set<EventRegistration>().Where(r => r.UserStableId == userStableId).ToListAsync(cancellationToken);
            var wanted = registration.EventIds.ToHashSet(StringComparer.Ordinal);
            var unticked = existing
                .Where(r => IsActive(r.Status) && !wanted.Contains(r.EventId) && offeredEventIds.Contains(r.EventId))
                .ToList();
            var events = await LockEventsAsync(db, wanted.Concat(unticked.Select(r => r.EventId)), cancellationToken);

            if (updateProfile)
            {
                await UpsertProfileAsync(db, userStableId, registration.Profile, timeZoneId, now, cancellationToken);
            }

            foreach (var eventId in wanted.Order(StringComparer.Ordinal))
            {
                var e = events[eventId];
                var current = existing.FirstOrDefault(r => r.EventId == eventId);
                if (current is not null && current.Status != RegistrationStatus.Cancelled)
                {
                    // Already registered (or declined by an organiser): a repeated submission changes nothing.
                    continue;
                }

                var confirmed = await CountAsync(db, eventId, RegistrationStatus.Confirmed, cancellationToken);
                var status = EventRules.StatusForNewRegistration(e, confirmed);
                if (current is null)
                {
                    db.Add(new EventRegistration
                    {
                        EventId = eventId,
                        UserStableId = userStableId,
                        Status = status,
                        QueuedAt = now,
                        CreatedAt = now,
                        UpdatedAt = now,
                        Version = 1,
                    });
                }
                else
                {
                    SetStatus(current, status, now);
                    current.QueuedAt = now;
                }

                await db.SaveChangesAsync(cancellationToken);
            }

            return await CancelAndPromoteAsync(db, unticked, events, now, cancellationToken);
        }, cancellationToken);

    /// <summary>Cancels a person's active registrations (one event, or all when <paramref name="eventId"/> is null).</summary>
    public Task<(IReadOnlyList<string> Cancelled, IReadOnlyList<StatusChange> Changes)> CancelAsync(
        string userStableId, string? eventId, CancellationToken cancellationToken) =>
        InTransactionAsync<(IReadOnlyList<string>, IReadOnlyList<StatusChange>)>(async db =>
        {
            var now = time.GetUtcNow();
            var active = await ActiveOfAsync(db, userStableId, eventId, cancellationToken);
            var events = await LockEventsAsync(db, active.Select(r => r.EventId), cancellationToken);
            // Re-read after the lock: a concurrent cancellation or decision may have changed them.
            active = await ActiveOfAsync(db, userStableId, eventId, cancellationToken);
            var changes = await CancelAndPromoteAsync(db, active, events, now, cancellationToken);
            return (active.Select(r => r.EventId).ToList(), changes);
        }, cancellationToken);

    /// <summary>An organiser approves or declines a pending or waitlisted registration, if it still stands as shown.</summary>
    public Task<DecisionResult> DecideAsync(long registrationId, bool approve, RegistrationStatus shownStatus, CancellationToken cancellationToken) =>
        InTransactionAsync(async db =>
        {
            var eventId = await db.Set<EventRegistration>().Where(r => r.Id == registrationId).Select(r => r.EventId).FirstOrDefaultAsync(cancellationToken);
            if (eventId is null)
            {
                return new DecisionResult(DecisionOutcome.NotFound, null, []);
            }

            var events = await LockEventsAsync(db, [eventId], cancellationToken);
            var registration = await db.Set<EventRegistration>().FirstAsync(r => r.Id == registrationId, cancellationToken);
            if (registration.Status != shownStatus || registration.Status is not (RegistrationStatus.Pending or RegistrationStatus.Waitlisted))
            {
                return new DecisionResult(DecisionOutcome.Stale, registration.Status, []);
            }

            var status = approve ? RegistrationStatus.Confirmed : RegistrationStatus.Declined;
            SetStatus(registration, status, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            var change = new StatusChange(registration.Id, registration.UserStableId, events[eventId], status, registration.Version,
                approve ? ChangeReason.Approved : ChangeReason.Declined);
            return new DecisionResult(DecisionOutcome.Done, status, [change]);
        }, cancellationToken);

    /// <summary>Confirms waitlisted people while an automatic event has free places (after its capacity was raised).</summary>
    public Task<IReadOnlyList<StatusChange>> FillPlacesAsync(string eventId, CancellationToken cancellationToken) =>
        InTransactionAsync<IReadOnlyList<StatusChange>>(async db =>
        {
            var events = await LockEventsAsync(db, [eventId], cancellationToken);
            return await PromoteAsync(db, events[eventId], time.GetUtcNow(), cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// "Forget me": cancels the person's places (the waitlist moves up), deletes their answers, and keeps each of their
    /// registrations only as an anonymous count (status Erased, the person replaced by a random token).
    /// </summary>
    public Task<(int Erased, IReadOnlyList<StatusChange> Changes)> EraseAsync(string userStableId, CancellationToken cancellationToken) =>
        InTransactionAsync<(int, IReadOnlyList<StatusChange>)>(async db =>
        {
            var now = time.GetUtcNow();
            var mine = await db.Set<EventRegistration>().Where(r => r.UserStableId == userStableId).ToListAsync(cancellationToken);
            var events = await LockEventsAsync(db, mine.Where(r => IsActive(r.Status)).Select(r => r.EventId), cancellationToken);
            var active = await ActiveOfAsync(db, userStableId, null, cancellationToken);
            var changes = await CancelAndPromoteAsync(db, active, events, now, cancellationToken);

            mine = await db.Set<EventRegistration>().Where(r => r.UserStableId == userStableId).ToListAsync(cancellationToken);
            foreach (var registration in mine)
            {
                registration.UserStableId = "erased:" + Guid.NewGuid().ToString("N");
                SetStatus(registration, RegistrationStatus.Erased, now);
            }

            await db.Set<StakeholderProfile>().Where(p => p.UserStableId == userStableId).ExecuteDeleteAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return (mine.Count, changes);
        }, cancellationToken);

    public async Task<PersonRegistrations> PersonAsync(string userStableId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var profile = await db.Set<StakeholderProfile>().AsNoTracking().FirstOrDefaultAsync(p => p.UserStableId == userStableId, cancellationToken);
        var rows = await (
                from r in db.Set<EventRegistration>().AsNoTracking()
                join e in db.Set<CatalogueEvent>().AsNoTracking() on r.EventId equals e.Id
                where r.UserStableId == userStableId
                select new { r, e })
            .ToListAsync(cancellationToken);
        var views = new List<RegistrationView>();
        foreach (var row in rows)
        {
            int? position = null;
            if (row.r.Status == RegistrationStatus.Waitlisted)
            {
                var queuedAt = row.r.QueuedAt;
                var id = row.r.Id;
                position = 1 + await db.Set<EventRegistration>().CountAsync(
                    x => x.EventId == row.r.EventId && x.Status == RegistrationStatus.Waitlisted
                        && (x.QueuedAt < queuedAt || (x.QueuedAt == queuedAt && x.Id < id)),
                    cancellationToken);
            }

            views.Add(new RegistrationView(row.r, row.e, position));
        }

        return new PersonRegistrations(profile, views.OrderBy(v => v.Event.StartsAt ?? DateTimeOffset.MaxValue).ThenBy(v => v.Event.Id, StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// The balance of an event: counts by status (on the event/status index), then one pass over the confirmed and
    /// waitlisted people's answers (a few short columns each), counted here. Six grouped queries over the same join
    /// cost six scans of it; 5,000 registrations made the organiser's <c>registrations</c> wait about 70 ms of CPU
    /// (docs/performance.md). Both lists only hold people with answers: a person who is forgotten leaves them.
    /// </summary>
    public async Task<RegistrationBalance> BalanceAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var statuses = await db.Set<EventRegistration>()
            .Where(r => r.EventId == eventId)
            .GroupBy(r => r.Status)
            .Select(g => new AnswerCount(g.Key, null, g.Count()))
            .ToListAsync(cancellationToken);
        var rows = await db.Set<EventRegistration>()
            .Where(r => r.EventId == eventId && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Waitlisted))
            .Join(db.Set<StakeholderProfile>(), r => r.UserStableId, p => p.UserStableId, (r, p) => new BalanceRow(
                r.Status, p.StakeholderGroup, p.CountryCode, p.Gender, p.Themes,
                p.IsMigrant, p.SpeaksForMigrantsInVulnerableSituations, p.WishesToSpeak, p.OffersAsPanellist, p.AccessibilityNeeds != null))
            .ToListAsync(cancellationToken);
        return RegistrationBalance.Compute(BalanceRow.Count(statuses, rows));
    }

    /// <summary>Pending registrations, then the waitlist, each in order of arrival; one page of them and how many in all.</summary>
    public async Task<(IReadOnlyList<Candidate> Page, int Total)> CandidatesAsync(string eventId, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var waiting = db.Set<EventRegistration>().AsNoTracking()
            .Where(r => r.EventId == eventId && (r.Status == RegistrationStatus.Pending || r.Status == RegistrationStatus.Waitlisted));
        var total = await waiting.CountAsync(cancellationToken);
        var page = await (
                from r in waiting
                join p in db.Set<StakeholderProfile>().AsNoTracking() on r.UserStableId equals p.UserStableId into profiles
                from p in profiles.DefaultIfEmpty()
                orderby r.Status == RegistrationStatus.Pending descending, r.QueuedAt, r.Id
                select new Candidate(r, p))
            .Skip(skip)
            .Take(take)
            .ToListAsync(cancellationToken);
        return (page, total);
    }

    /// <summary>Every registration of an event with the person's answers, for the organisers' export (erased ones left out).</summary>
    public async Task<IReadOnlyList<Candidate>> ExportAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from r in db.Set<EventRegistration>().AsNoTracking()
                where r.EventId == eventId && r.Status != RegistrationStatus.Erased
                join p in db.Set<StakeholderProfile>().AsNoTracking() on r.UserStableId equals p.UserStableId into profiles
                from p in profiles.DefaultIfEmpty()
                select new Candidate(r, p))
            .ToListAsync(cancellationToken);
        // Statuses are stored as text: ordered here in their meaning's order (confirmed first), then by arrival.
        return rows.OrderBy(c => c.Registration.Status).ThenBy(c => c.Registration.QueuedAt).ThenBy(c => c.Registration.Id).ToList();
    }

    /// <summary>How many registrations each event has, by status.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<RegistrationStatus, int>>> CountsAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<EventRegistration>()
            .GroupBy(r => new { r.EventId, r.Status })
            .Select(g => new { g.Key.EventId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.EventId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<RegistrationStatus, int>)g.ToDictionary(x => x.Status, x => x.Count));
    }

    public async Task<StakeholderProfile?> ProfileAsync(string userStableId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<StakeholderProfile>().AsNoTracking().FirstOrDefaultAsync(p => p.UserStableId == userStableId, cancellationToken);
    }

    public async Task<IReadOnlyList<StakeholderProfile>> ProfilesAsync(IReadOnlyCollection<string> userStableIds, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<StakeholderProfile>().AsNoTracking().Where(p => userStableIds.Contains(p.UserStableId)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StakeholderProfile>> AllProfilesAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<StakeholderProfile>().AsNoTracking().OrderBy(p => p.UserStableId).ToListAsync(cancellationToken);
    }

    /// <summary>Every confirmed registration with the person's answers and the event.</summary>
    public async Task<IReadOnlyList<(EventRegistration Registration, StakeholderProfile Profile, CatalogueEvent Event)>> ConfirmedAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from r in db.Set<EventRegistration>().AsNoTracking()
                where r.Status == RegistrationStatus.Confirmed
                join p in db.Set<StakeholderProfile>().AsNoTracking() on r.UserStableId equals p.UserStableId
                join e in db.Set<CatalogueEvent>().AsNoTracking() on r.EventId equals e.Id
                select new { r, p, e })
            .ToListAsync(cancellationToken);
        return rows.Select(x => (x.r, x.p, x.e)).ToList();
    }

    private static void SetStatus(EventRegistration registration, RegistrationStatus status, DateTimeOffset now)
    {
        registration.Status = status;
        registration.UpdatedAt = now;
        registration.Version++;
    }

    private static Task<int> CountAsync(GcmDbContext db, string eventId, RegistrationStatus status, CancellationToken cancellationToken) =>
        db.Set<EventRegistration>().CountAsync(r => r.EventId == eventId && r.Status == status, cancellationToken);

    private static Task<List<EventRegistration>> ActiveOfAsync(GcmDbContext db, string userStableId, string? eventId, CancellationToken cancellationToken) =>
        db.Set<EventRegistration>()
            .Where(r => r.UserStableId == userStableId && (eventId == null || r.EventId == eventId)
                && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Waitlisted || r.Status == RegistrationStatus.Pending))
            .ToListAsync(cancellationToken);

    private async Task<IReadOnlyList<StatusChange>> CancelAndPromoteAsync(
        GcmDbContext db, IReadOnlyList<EventRegistration> registrations, IReadOnlyDictionary<string, CatalogueEvent> events, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var registration in registrations)
        {
            SetStatus(registration, RegistrationStatus.Cancelled, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        var changes = new List<StatusChange>();
        foreach (var eventId in registrations.Select(r => r.EventId).Distinct())
        {
            changes.AddRange(await PromoteAsync(db, events[eventId], now, cancellationToken));
        }

        return changes;
    }

    private static async Task<IReadOnlyList<StatusChange>> PromoteAsync(GcmDbContext db, CatalogueEvent e, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var confirmed = await CountAsync(db, e.Id, RegistrationStatus.Confirmed, cancellationToken);
        var waitlisted = await CountAsync(db, e.Id, RegistrationStatus.Waitlisted, cancellationToken);
        var places = EventRules.PlacesToPromote(e, confirmed, waitlisted);
        if (places == 0)
        {
            return [];
        }

        var next = await db.Set<EventRegistration>()
            .Where(r => r.EventId == e.Id && r.Status == RegistrationStatus.Waitlisted)
            .OrderBy(r => r.QueuedAt).ThenBy(r => r.Id)
            .Take(places)
            .ToListAsync(cancellationToken);
        foreach (var registration in next)
        {
            SetStatus(registration, RegistrationStatus.Confirmed, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return next.Select(r => new StatusChange(r.Id, r.UserStableId, e, r.Status, r.Version, ChangeReason.PromotedFromWaitlist)).ToList();
    }

    private static async Task UpsertProfileAsync(
        GcmDbContext db, string userStableId, ProfileAnswers answers, string? timeZoneId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var profile = await db.Set<StakeholderProfile>().FirstOrDefaultAsync(p => p.UserStableId == userStableId, cancellationToken);
        if (profile is null)
        {
            profile = new StakeholderProfile
            {
                UserStableId = userStableId,
                Name = answers.Name,
                Email = answers.Email,
                StakeholderGroup = answers.StakeholderGroup,
                CountryCode = answers.CountryCode,
                ConsentVersion = RegistrationLimits.ConsentVersion,
            };
            db.Add(profile);
        }

        profile.Name = answers.Name;
        profile.Email = answers.Email;
        profile.Organisation = answers.Organisation;
        profile.StakeholderGroup = answers.StakeholderGroup;
        profile.CountryCode = answers.CountryCode;
        profile.Gender = answers.Gender;
        profile.IsMigrant = answers.IsMigrant;
        profile.SpeaksForMigrantsInVulnerableSituations = answers.SpeaksForMigrantsInVulnerableSituations;
        profile.Themes = answers.Themes;
        profile.WishesToSpeak = answers.WishesToSpeak;
        profile.OffersAsPanellist = answers.OffersAsPanellist;
        profile.AccessibilityNeeds = answers.AccessibilityNeeds;
        profile.TimeZoneId = timeZoneId ?? profile.TimeZoneId;
        profile.ConsentVersion = RegistrationLimits.ConsentVersion;
        profile.ConsentedAt = now;
        profile.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Locks the events' rows in a fixed order (no deadlocks) and returns them as they stand under the lock.</summary>
    private static async Task<IReadOnlyDictionary<string, CatalogueEvent>> LockEventsAsync(GcmDbContext db, IEnumerable<string> eventIds, CancellationToken cancellationToken)
    {
        var ids = eventIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var id in ids)
        {
            await db.Set<CatalogueEvent>().Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Revision, e => e.Revision + 1), cancellationToken);
        }

        var events = await db.Set<CatalogueEvent>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(cancellationToken);
        return events.ToDictionary(e => e.Id, StringComparer.Ordinal);
    }

    private async Task<T> InTransactionAsync<T>(Func<GcmDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            // On SQLite this takes the write lock at once (BEGIN IMMEDIATE): writers queue instead of deadlocking.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var result = await work(db);
                await transaction.CommitAsync(cancellationToken);
                // Every committed change may alter who is confirmed: listeners (Scheduling's meeting invitations)
                // only note that work is due, so telling them once too often costs nothing.
                foreach (var listener in registrantsChanged)
                {
                    listener.OnRegistrantsChanged();
                }

                return result;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // A concurrent first insert of the same person or (person, event) won the unique index: retrying sees
                // what it stored and applies this request on top, idempotently.
                await transaction.RollbackAsync(cancellationToken);
            }
        }
    }
}
