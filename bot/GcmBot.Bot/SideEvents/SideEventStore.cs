using System.Linq.Expressions;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Registration;
using GcmBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Bot.SideEvents;

/// <summary>How a change to a proposal went.</summary>
public enum SideEventOutcome
{
    /// <summary>The change was made.</summary>
    Done,

    /// <summary>The same change had been made already (a double click, two organisers at once): nothing more was done.</summary>
    Repeated,

    /// <summary>No such proposal, or not the person's own.</summary>
    NotFound,

    /// <summary>Its status does not allow the change.</summary>
    NotAllowed,

    /// <summary>It changed since the card was shown; nothing was done.</summary>
    Stale,

    /// <summary>The person has as many open proposals as allowed.</summary>
    TooMany,
}

/// <summary>A change's outcome and the proposal as it now stands (null when not found).</summary>
public sealed record SideEventResult(SideEventOutcome Outcome, SideEventProposal? Proposal);

/// <summary>Who proposes: their stable id and the name they registered with.</summary>
public sealed record SideEventProposer(string Id, string Name);

/// <summary>An accepted side event as the public page shows it, with its catalogue event when there is one.</summary>
public sealed record PublishedSideEvent(SideEventProposal Proposal, CatalogueEvent? Event);

/// <summary>
/// Side event proposals in the database. Every change is one conditional UPDATE (status, owner and version in its
/// WHERE), so that two people acting at once, or one person clicking twice, change a proposal once.
/// </summary>
public sealed class SideEventStore(IDbContextFactory<GcmDbContext> databases, EventCatalogue catalogue, TimeProvider time)
{
    public async Task<SideEventResult> CreateAsync(string submitKey, SideEventProposer proposer, SideEventContent content, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var set = db.Set<SideEventProposal>();
        // The count and the insert hold together: two forms sent at once by one person cannot both pass the limit.
        await using var transaction = await db.Database.BeginLockedAsync("side-event-proposer:" + proposer.Id, cancellationToken);
        if (await set.AsNoTracking().FirstOrDefaultAsync(p => p.SubmitKey == submitKey, cancellationToken) is { } existing)
        {
            return Repeat(existing, proposer.Id);
        }

        var open = await set.CountAsync(
            p => p.ProposerId == proposer.Id && (p.Status == SideEventStatus.Pending || p.Status == SideEventStatus.ChangesRequested),
            cancellationToken);
        if (open >= SideEventRules.MaxOpenPerPerson)
        {
            return new SideEventResult(SideEventOutcome.TooMany, null);
        }

        var now = time.GetUtcNow();
        var proposal = new SideEventProposal
        {
            SubmitKey = submitKey,
            ProposerId = proposer.Id,
            ProposerName = proposer.Name,
            Title = content.Title,
            Organisers = content.Organisers,
            Theme = content.Theme.ToString(),
            Objectives = GcmTagRules.StoreObjectives(content.Objectives),
            Venue = content.Venue,
            TimeZoneId = content.TimeZoneId,
            Accessibility = string.Join(',', content.Accessibility),
            Description = content.Description,
            Status = SideEventStatus.Pending,
            Version = 1,
            SubmittedAt = now,
            UpdatedAt = now,
        };
        Apply(proposal, content);
        set.Add(proposal);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new SideEventResult(SideEventOutcome.Done, proposal);
        }
        catch (DbUpdateException)
        {
            // The unique key refused it: the same form was stored meanwhile, by a turn outside this person's lock.
            await transaction.RollbackAsync(cancellationToken);
            await using var again = await databases.CreateDbContextAsync(cancellationToken);
            var winner = await again.Set<SideEventProposal>().AsNoTracking().FirstOrDefaultAsync(p => p.SubmitKey == submitKey, cancellationToken);
            return winner is null ? throw new InvalidOperationException("A side event proposal could not be stored.") : Repeat(winner, proposer.Id);
        }
    }

    public async Task<SideEventProposal?> FindAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<SideEventProposal>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
    }

    /// <summary>The proposer revises their proposal; one with changes requested goes back to the organisers.</summary>
    public async Task<SideEventResult> ReviseAsync(int id, string proposerId, int version, SideEventContent content, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var objectives = GcmTagRules.StoreObjectives(content.Objectives);
        var accessibility = string.Join(',', content.Accessibility);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<SideEventProposal>()
            .Where(p => p.Id == id && p.ProposerId == proposerId && p.Version == version &&
                        (p.Status == SideEventStatus.Pending || p.Status == SideEventStatus.ChangesRequested))
            .ExecuteUpdateAsync(u => u
                .SetProperty(p => p.Title, content.Title)
                .SetProperty(p => p.Organisers, content.Organisers)
                .SetProperty(p => p.CoOrganisers, content.CoOrganisers)
                .SetProperty(p => p.Partner, content.Partner)
                .SetProperty(p => p.Theme, content.Theme.ToString())
                .SetProperty(p => p.Objectives, objectives)
                .SetProperty(p => p.Format, content.Format)
                .SetProperty(p => p.Venue, content.Venue)
                .SetProperty(p => p.StartsAt, content.StartsAt)
                .SetProperty(p => p.EndsAt, content.EndsAt)
                .SetProperty(p => p.TimeZoneId, content.TimeZoneId)
                .SetProperty(p => p.ExpectedSize, content.ExpectedSize)
                .SetProperty(p => p.Accessibility, accessibility)
                .SetProperty(p => p.AccessibilityNote, content.AccessibilityNote)
                .SetProperty(p => p.Description, content.Description)
                .SetProperty(p => p.ContactEmail, content.ContactEmail)
                .SetProperty(p => p.ContactConsent, content.ContactConsent)
                .SetProperty(p => p.Status, SideEventStatus.Pending)
                .SetProperty(p => p.Version, p => p.Version + 1)
                .SetProperty(p => p.UpdatedAt, now),
                cancellationToken);

        var current = await FindAsync(id, cancellationToken);
        if (current is null || current.ProposerId != proposerId)
        {
            return new SideEventResult(SideEventOutcome.NotFound, null);
        }

        if (rows == 1)
        {
            return new SideEventResult(SideEventOutcome.Done, current);
        }

        if (current.Version == version + 1 && current.Status == SideEventStatus.Pending && current.Title == content.Title && current.Description == content.Description)
        {
            return new SideEventResult(SideEventOutcome.Repeated, current);
        }

        return new SideEventResult(SideEventRules.CanRevise(current.Status) ? SideEventOutcome.Stale : SideEventOutcome.NotAllowed, current);
    }

    public async Task<SideEventResult> WithdrawAsync(int id, string proposerId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<SideEventProposal>()
            .Where(p => p.Id == id && p.ProposerId == proposerId && (p.Status == SideEventStatus.Pending || p.Status == SideEventStatus.ChangesRequested))
            .ExecuteUpdateAsync(u => u
                .SetProperty(p => p.Status, SideEventStatus.Withdrawn)
                .SetProperty(p => p.Version, p => p.Version + 1)
                .SetProperty(p => p.UpdatedAt, now),
                cancellationToken);

        var current = await FindAsync(id, cancellationToken);
        if (current is null || current.ProposerId != proposerId)
        {
            return new SideEventResult(SideEventOutcome.NotFound, null);
        }

        return rows == 1
            ? new SideEventResult(SideEventOutcome.Done, current)
            : new SideEventResult(current.Status == SideEventStatus.Withdrawn ? SideEventOutcome.Repeated : SideEventOutcome.NotAllowed, current);
    }

    /// <summary>
    /// An organiser's decision on the version they read. Accepting fixes the catalogue event's id in the same
    /// conditional update that accepts, then adds the event; whoever presses again (or a second organiser at the same
    /// moment) finds the decision made and at most completes the same event, never a second one.
    /// </summary>
    public async Task<SideEventResult> DecideAsync(int id, int version, SideEventDecision decision, string? comment, CancellationToken cancellationToken)
    {
        var shown = await FindAsync(id, cancellationToken);
        if (shown is null)
        {
            return new SideEventResult(SideEventOutcome.NotFound, null);
        }

        string? eventId = null;
        if (decision == SideEventDecision.Accept && shown.Status == SideEventStatus.Pending && shown.Version == version)
        {
            eventId = await FreeEventIdAsync(shown, cancellationToken);
        }

        var now = time.GetUtcNow();
        var status = SideEventRules.StatusAfter(decision);
        int rows;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            rows = await db.Set<SideEventProposal>()
                .Where(p => p.Id == id && p.Version == version && p.Status == SideEventStatus.Pending)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(p => p.Status, status)
                    .SetProperty(p => p.ReviewComment, comment)
                    .SetProperty(p => p.EventId, eventId)
                    .SetProperty(p => p.ReviewedAt, now)
                    .SetProperty(p => p.Version, p => p.Version + 1)
                    .SetProperty(p => p.UpdatedAt, now),
                    cancellationToken);
        }

        var current = await FindAsync(id, cancellationToken);
        if (current is null)
        {
            return new SideEventResult(SideEventOutcome.NotFound, null);
        }

        var repeated = rows == 0 && current.Version == version + 1 && current.Status == status;
        if (status == SideEventStatus.Accepted && (rows == 1 || repeated))
        {
            current = await EnsureEventAsync(current, cancellationToken);
        }

        if (rows == 1)
        {
            return new SideEventResult(SideEventOutcome.Done, current);
        }

        if (repeated)
        {
            return new SideEventResult(SideEventOutcome.Repeated, current);
        }

        return new SideEventResult(SideEventRules.CanReview(current.Status) ? SideEventOutcome.Stale : SideEventOutcome.NotAllowed, current);
    }

    /// <summary>A person's own proposals, newest first.</summary>
    public Task<ListPage<SideEventProposal>> MineAsync(string proposerId, int pageIndex, int pageSize, CancellationToken cancellationToken) =>
        PageAsync(p => p.ProposerId == proposerId, newestFirst: true, pageIndex, pageSize, cancellationToken);

    /// <summary>Proposals waiting for a decision, oldest first.</summary>
    public Task<ListPage<SideEventProposal>> PendingAsync(int pageIndex, int pageSize, CancellationToken cancellationToken) =>
        PageAsync(p => p.Status == SideEventStatus.Pending, newestFirst: false, pageIndex, pageSize, cancellationToken);

    public async Task<int> PendingCountAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<SideEventProposal>().CountAsync(p => p.Status == SideEventStatus.Pending, cancellationToken);
    }

    /// <summary>Accepted side events with their catalogue events (the organisers may have edited time or place), soonest first.</summary>
    public async Task<IReadOnlyList<PublishedSideEvent>> AcceptedAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var accepted = await db.Set<SideEventProposal>().AsNoTracking().Where(p => p.Status == SideEventStatus.Accepted).ToListAsync(cancellationToken);
        var ids = accepted.Where(p => p.EventId != null).Select(p => p.EventId!).ToList();
        var events = await db.Set<CatalogueEvent>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        return accepted
            .Select(p => new PublishedSideEvent(p, p.EventId is { } eventId ? events.GetValueOrDefault(eventId) : null))
            .OrderBy(s => s.Event?.StartsAt ?? s.Proposal.StartsAt)
            .ThenBy(s => s.Proposal.Id)
            .ToList();
    }

    /// <summary>
    /// "Forget me": proposals still waiting (or returned for changes) are removed; accepted and declined ones keep the
    /// event (it is in the catalogue, people registered) but lose the proposer's id, name and contact.
    /// </summary>
    public async Task EraseProposerAsync(string proposerId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var set = db.Set<SideEventProposal>();
        await set.Where(p => p.ProposerId == proposerId && (p.Status == SideEventStatus.Pending || p.Status == SideEventStatus.ChangesRequested || p.Status == SideEventStatus.Withdrawn))
            .ExecuteDeleteAsync(cancellationToken);
        await set.Where(p => p.ProposerId == proposerId)
            .ExecuteUpdateAsync(u => u
                .SetProperty(p => p.ProposerId, (string?)null)
                .SetProperty(p => p.ProposerName, (string?)null)
                .SetProperty(p => p.ContactEmail, (string?)null)
                .SetProperty(p => p.ContactConsent, ContactConsent.OrganisersOnly)
                .SetProperty(p => p.Version, p => p.Version + 1)
                .SetProperty(p => p.UpdatedAt, now),
                cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public static IReadOnlyList<int> ObjectivesOf(SideEventProposal p) => GcmTagRules.ReadObjectives(p.Objectives);

    /// <summary>What the catalogue holds for an accepted side event.</summary>
    public static EventDraft DraftOf(SideEventProposal p, string eventId) => new(
        eventId,
        p.Title,
        EventKind.SideEvent,
        p.Theme,
        p.StartsAt,
        p.EndsAt,
        p.TimeZoneId,
        p.Venue,
        p.ExpectedSize,
        null,
        null,
        ConfirmationMode.Automatic,
        p.Description);

    private async Task<string> FreeEventIdAsync(SideEventProposal p, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var candidate = SideEventRules.EventIdFor(p.Title, p.Id, attempt);
            if (await catalogue.FindAsync(candidate, cancellationToken) is null || attempt >= 50)
            {
                return candidate;
            }
        }
    }

    /// <summary>Adds the accepted proposal's event under the id the accepting update fixed (once, whoever gets here).</summary>
    private async Task<SideEventProposal> EnsureEventAsync(SideEventProposal p, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 50 && p.EventId is { } eventId; attempt++)
        {
            if (await catalogue.AddAsync(DraftOf(p, eventId), cancellationToken))
            {
                return p;
            }

            var existing = await catalogue.FindAsync(eventId, cancellationToken);
            if (existing is not null && existing.Kind == EventKind.SideEvent && existing.Title == p.Title && existing.CreatedAt >= p.ReviewedAt)
            {
                // Added by a concurrent press of the same decision.
                return p;
            }

            // An unrelated event took the id meanwhile: move this one to the next free id, if nobody did already.
            var next = await FreeEventIdAsync(p, cancellationToken);
            await using (var db = await databases.CreateDbContextAsync(cancellationToken))
            {
                await db.Set<SideEventProposal>().Where(x => x.Id == p.Id && x.EventId == eventId)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.EventId, next), cancellationToken);
            }

            p = await FindAsync(p.Id, cancellationToken) ?? p;
        }

        return p;
    }

    private static void Apply(SideEventProposal p, SideEventContent content)
    {
        p.Title = content.Title;
        p.Organisers = content.Organisers;
        p.CoOrganisers = content.CoOrganisers;
        p.Partner = content.Partner;
        p.Theme = content.Theme.ToString();
        p.Objectives = GcmTagRules.StoreObjectives(content.Objectives);
        p.Format = content.Format;
        p.Venue = content.Venue;
        p.StartsAt = content.StartsAt;
        p.EndsAt = content.EndsAt;
        p.TimeZoneId = content.TimeZoneId;
        p.ExpectedSize = content.ExpectedSize;
        p.Accessibility = string.Join(',', content.Accessibility);
        p.AccessibilityNote = content.AccessibilityNote;
        p.Description = content.Description;
        p.ContactEmail = content.ContactEmail;
        p.ContactConsent = content.ContactConsent;
    }

    private async Task<ListPage<SideEventProposal>> PageAsync(
        Expression<Func<SideEventProposal, bool>> filter, bool newestFirst, int pageIndex, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var query = db.Set<SideEventProposal>().AsNoTracking().Where(filter);
        var total = await query.CountAsync(cancellationToken);
        var index = ListPage<SideEventProposal>.Clamp(pageIndex, total, pageSize);
        var ordered = newestFirst ? query.OrderByDescending(p => p.Id) : query.OrderBy(p => p.Id);
        var items = await ordered.Skip(index * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new ListPage<SideEventProposal>(items, index, pageSize, total);
    }

    private static SideEventResult Repeat(SideEventProposal existing, string proposerId) =>
        existing.ProposerId == proposerId
            ? new SideEventResult(SideEventOutcome.Repeated, existing)
            : new SideEventResult(SideEventOutcome.NotFound, null);
}
