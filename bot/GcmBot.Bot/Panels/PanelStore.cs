using GcmBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Bot.Panels;

/// <summary>How a change to a proposal went.</summary>
public enum PanelOutcome
{
    Done,

    /// <summary>The same change had been made already (a double click, a re-delivered form).</summary>
    Repeated,

    NotFound,

    /// <summary>Its status does not allow the change.</summary>
    NotAllowed,

    /// <summary>It changed since the card was shown; nothing was done.</summary>
    Stale,

    /// <summary>The person has as many open proposals on this panel as allowed.</summary>
    TooMany,

    /// <summary>The panel has as many selected panellists as allowed.</summary>
    PanelFull,
}

/// <summary>A change's outcome and the proposal as it now stands (null when not found).</summary>
public sealed record PanelResult(PanelOutcome Outcome, PanelProposal? Proposal);

/// <summary>How an endorsement went.</summary>
public enum EndorseOutcome
{
    /// <summary>Counted.</summary>
    Endorsed,

    /// <summary>The person's endorsement on this panel moved here from another proposal.</summary>
    Moved,

    /// <summary>The person already endorses this proposal: nothing changed.</summary>
    Already,

    /// <summary>No such proposal, or it was withdrawn.</summary>
    NotFound,

    /// <summary>One's own proposal is not endorsed by oneself.</summary>
    OwnProposal,
}

/// <summary>An endorsement's outcome; <paramref name="MovedFrom"/> is the proposal the endorsement left.</summary>
public sealed record EndorseResult(EndorseOutcome Outcome, PanelProposal? Proposal, PanelProposal? MovedFrom = null);

/// <summary>A proposal with how many endorse it and who (ids only: the views turn them into a balance, never names).</summary>
public sealed record ProposalStanding(PanelProposal Proposal, IReadOnlyList<string> EndorserIds)
{
    public int Endorsements => EndorserIds.Count;
}

/// <summary>What publishing a panel did: the proposals now public and those of the panel not selected.</summary>
public sealed record PublishResult(bool NothingSelected, IReadOnlyList<PanelProposal> NewlyPublished, IReadOnlyList<PanelProposal> NotSelected);

/// <summary>A published panellist as the public page shows them: the name only with consent.</summary>
public sealed record PublishedPanellist(char Panel, string? Name, string? Organisation, string Group, string Country, string Expertise, string Languages, DateTimeOffset PublishedAt);

/// <summary>
/// Panellist proposals and endorsements in the database. Changes are single conditional statements (status and version
/// in the WHERE) and endorsements rest on a unique key per person and panel, so that double clicks, re-deliveries and
/// several instances count once.
/// </summary>
public sealed class PanelStore(IDbContextFactory<GcmDbContext> databases, TimeProvider time)
{
    public async Task<PanelResult> ProposeAsync(string submitKey, string proposerId, PanelContent content, int maxPerPanel, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var set = db.Set<PanelProposal>();
        var panel = content.Panel.ToString();
        // The count and the insert hold together: two forms sent at once by one person cannot both pass the limit.
        await using var transaction = await db.Database.BeginLockedAsync($"panel-proposer:{panel}:{proposerId}", cancellationToken);
        if (await set.AsNoTracking().FirstOrDefaultAsync(p => p.SubmitKey == submitKey, cancellationToken) is { } existing)
        {
            return existing.ProposerId == proposerId ? new PanelResult(PanelOutcome.Repeated, existing) : new PanelResult(PanelOutcome.NotFound, null);
        }

        var open = await set.CountAsync(p => p.ProposerId == proposerId && p.Panel == panel && p.Status != ProposalStatus.Withdrawn, cancellationToken);
        if (open >= maxPerPanel)
        {
            return new PanelResult(PanelOutcome.TooMany, null);
        }

        var now = time.GetUtcNow();
        var proposal = new PanelProposal
        {
            SubmitKey = submitKey,
            Panel = panel,
            ProposerId = proposerId,
            NomineeName = content.NomineeName,
            NomineeOrganisation = content.Organisation,
            NomineeGroup = content.Group,
            NomineeCountry = content.Country,
            Expertise = content.Expertise,
            Languages = content.Languages,
            Position = content.Position,
            NomineeEmail = content.Email,
            NamedWithConsent = content.NamedWithConsent,
            Status = ProposalStatus.Proposed,
            Version = 1,
            ProposedAt = now,
            UpdatedAt = now,
        };
        set.Add(proposal);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new PanelResult(PanelOutcome.Done, proposal);
        }
        catch (DbUpdateException)
        {
            // The unique key refused it: the same form was stored meanwhile, by a turn outside this person's lock.
            await transaction.RollbackAsync(cancellationToken);
            await using var again = await databases.CreateDbContextAsync(cancellationToken);
            var winner = await again.Set<PanelProposal>().AsNoTracking().FirstOrDefaultAsync(p => p.SubmitKey == submitKey, cancellationToken);
            return winner?.ProposerId == proposerId ? new PanelResult(PanelOutcome.Repeated, winner) : throw new InvalidOperationException("A proposal could not be stored.");
        }
    }

    /// <summary>Remembers who the nominee is in GcmBot (found by their e-mail), so that they can be told.</summary>
    public async Task SetNomineeUserAsync(int id, string userStableId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Set<PanelProposal>().Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.NomineeUserId, userStableId), cancellationToken);
    }

    public async Task<PanelProposal?> FindAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<PanelProposal>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
    }

    /// <summary>The open proposals of a panel with their endorsers, most endorsed first, then oldest first.</summary>
    public async Task<IReadOnlyList<ProposalStanding>> PanelAsync(char panel, CancellationToken cancellationToken)
    {
        var code = panel.ToString();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var proposals = await db.Set<PanelProposal>().AsNoTracking()
            .Where(p => p.Panel == code && p.Status != ProposalStatus.Withdrawn)
            .OrderBy(p => p.Id)
            .ToListAsync(cancellationToken);
        var endorsements = await db.Set<PanelEndorsement>().AsNoTracking()
            .Where(e => e.Panel == code)
            .Select(e => new { e.ProposalId, e.EndorserId })
            .ToListAsync(cancellationToken);
        var byProposal = endorsements.GroupBy(e => e.ProposalId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(e => e.EndorserId).ToList());
        return proposals
            .Select(p => new ProposalStanding(p, byProposal.GetValueOrDefault(p.Id) ?? []))
            .OrderByDescending(s => s.Endorsements)
            .ThenBy(s => s.Proposal.Id)
            .ToList();
    }

    /// <summary>How many open proposals each panel has, and how many are selected.</summary>
    public async Task<IReadOnlyDictionary<char, (int Proposals, int Selected, int Published)>> CountsAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<PanelProposal>().AsNoTracking()
            .Where(p => p.Status != ProposalStatus.Withdrawn)
            .Select(p => new { p.Panel, p.Status, Published = p.PublishedAt != null })
            .ToListAsync(cancellationToken);
        return PanelRules.Panels.ToDictionary(
            c => c,
            c =>
            {
                var mine = rows.Where(r => r.Panel == c.ToString()).ToList();
                return (mine.Count, mine.Count(r => r.Status == ProposalStatus.Selected), mine.Count(r => r.Published));
            });
    }

    /// <summary>The proposal a person endorses on a panel, if any.</summary>
    public async Task<int?> EndorsedByAsync(string personId, char panel, CancellationToken cancellationToken)
    {
        var code = panel.ToString();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<PanelEndorsement>().AsNoTracking()
            .Where(e => e.Panel == code && e.EndorserId == personId)
            .Select(e => (int?)e.ProposalId)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Endorses a proposal: one endorsement per person and panel, so endorsing another proposal of the same panel moves
    /// the endorsement. Concurrent presses by one person end as one endorsement (the unique key).
    /// </summary>
    public async Task<EndorseResult> EndorseAsync(string personId, int proposalId, CancellationToken cancellationToken)
    {
        var proposal = await FindAsync(proposalId, cancellationToken);
        if (proposal is null || !PanelRules.IsOpen(proposal.Status))
        {
            return new EndorseResult(EndorseOutcome.NotFound, null);
        }

        if (proposal.ProposerId == personId)
        {
            return new EndorseResult(EndorseOutcome.OwnProposal, proposal);
        }

        var now = time.GetUtcNow();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var set = db.Set<PanelEndorsement>();
            var current = await set.AsNoTracking().FirstOrDefaultAsync(e => e.Panel == proposal.Panel && e.EndorserId == personId, cancellationToken);
            if (current is not null)
            {
                if (current.ProposalId == proposalId)
                {
                    return new EndorseResult(EndorseOutcome.Already, proposal);
                }

                var moved = await set
                    .Where(e => e.Id == current.Id && e.ProposalId == current.ProposalId)
                    .ExecuteUpdateAsync(u => u.SetProperty(e => e.ProposalId, proposalId).SetProperty(e => e.EndorsedAt, now), cancellationToken);
                if (moved == 1)
                {
                    return new EndorseResult(EndorseOutcome.Moved, proposal, await FindAsync(current.ProposalId, cancellationToken));
                }

                continue;
            }

            set.Add(new PanelEndorsement { Panel = proposal.Panel, EndorserId = personId, ProposalId = proposalId, EndorsedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new EndorseResult(EndorseOutcome.Endorsed, proposal);
            }
            catch (DbUpdateException)
            {
                // Another press by the same person got in first: look again.
            }
        }

        return new EndorseResult(EndorseOutcome.Already, proposal);
    }

    /// <summary>Takes a person's endorsement on a panel back; false when they had none.</summary>
    public async Task<bool> UnendorseAsync(string personId, char panel, CancellationToken cancellationToken)
    {
        var code = panel.ToString();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<PanelEndorsement>().Where(e => e.Panel == code && e.EndorserId == personId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>A person's own proposals with their endorsers, newest first (withdrawn ones left out).</summary>
    public async Task<IReadOnlyList<ProposalStanding>> MineAsync(string proposerId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var proposals = await db.Set<PanelProposal>().AsNoTracking()
            .Where(p => p.ProposerId == proposerId && p.Status != ProposalStatus.Withdrawn)
            .OrderByDescending(p => p.Id)
            .ToListAsync(cancellationToken);
        var ids = proposals.Select(p => p.Id).ToList();
        var endorsements = await db.Set<PanelEndorsement>().AsNoTracking()
            .Where(e => ids.Contains(e.ProposalId))
            .Select(e => new { e.ProposalId, e.EndorserId })
            .ToListAsync(cancellationToken);
        return proposals
            .Select(p => new ProposalStanding(p, endorsements.Where(e => e.ProposalId == p.Id).Select(e => e.EndorserId).ToList()))
            .ToList();
    }

    /// <summary>The proposer takes their proposal back: off the lists and the public page, its endorsements released.</summary>
    public async Task<PanelResult> WithdrawAsync(int id, string proposerId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await db.Set<PanelProposal>()
            .Where(p => p.Id == id && p.ProposerId == proposerId && p.Status != ProposalStatus.Withdrawn)
            .ExecuteUpdateAsync(u => u
                .SetProperty(p => p.Status, ProposalStatus.Withdrawn)
                .SetProperty(p => p.PublishedAt, (DateTimeOffset?)null)
                .SetProperty(p => p.Version, p => p.Version + 1)
                .SetProperty(p => p.UpdatedAt, now),
                cancellationToken);
        await db.Set<PanelEndorsement>().Where(e => e.ProposalId == id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var current = await FindAsync(id, cancellationToken);
        return current is null || current.ProposerId != proposerId
            ? new PanelResult(PanelOutcome.NotFound, null)
            : new PanelResult(rows == 1 ? PanelOutcome.Done : PanelOutcome.Repeated, current);
    }

    /// <summary>An organiser's decision on the version they saw. Unselecting takes the proposal off the public page.</summary>
    public async Task<PanelResult> DecideAsync(int id, int version, PanelDecision decision, int maxSelected, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var status = PanelRules.StatusAfter(decision);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var set = db.Set<PanelProposal>();
        var panel = await set.AsNoTracking().Where(p => p.Id == id).Select(p => p.Panel).FirstOrDefaultAsync(cancellationToken);
        if (panel is null)
        {
            return new PanelResult(PanelOutcome.NotFound, null);
        }

        // The panel's selections one at a time: two organisers selecting different people at once cannot both pass the
        // limit. The proposal is read again under the lock, so the check sees what the update will change.
        await using var transaction = await db.Database.BeginLockedAsync("panel-selection:" + panel, cancellationToken);
        var current = await set.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (current is null)
        {
            return new PanelResult(PanelOutcome.NotFound, null);
        }

        if (decision == PanelDecision.Select && current.Version == version && PanelRules.Allows(current.Status, decision))
        {
            var selected = await set.CountAsync(p => p.Panel == current.Panel && p.Status == ProposalStatus.Selected, cancellationToken);
            if (selected >= maxSelected)
            {
                return new PanelResult(PanelOutcome.PanelFull, current);
            }
        }

        var allowed = Enum.GetValues<ProposalStatus>().Where(s => PanelRules.Allows(s, decision)).ToList();
        var rows = await set
            .Where(p => p.Id == id && p.Version == version && allowed.Contains(p.Status))
            .ExecuteUpdateAsync(u => u
                .SetProperty(p => p.Status, status)
                .SetProperty(p => p.PublishedAt, p => decision == PanelDecision.Unselect ? (DateTimeOffset?)null : p.PublishedAt)
                .SetProperty(p => p.Version, p => p.Version + 1)
                .SetProperty(p => p.UpdatedAt, now),
                cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var after = await FindAsync(id, cancellationToken);
        if (after is null)
        {
            return new PanelResult(PanelOutcome.NotFound, null);
        }

        if (rows == 1)
        {
            return new PanelResult(PanelOutcome.Done, after);
        }

        if (after.Version == version + 1 && after.Status == status)
        {
            return new PanelResult(PanelOutcome.Repeated, after);
        }

        return new PanelResult(PanelRules.Allows(after.Status, decision) ? PanelOutcome.Stale : PanelOutcome.NotAllowed, after);
    }

    /// <summary>
    /// Publishes a panel's selection: its selected proposals become public (each newly published one moves on a
    /// version, which keys its notice), the others are not public.
    /// </summary>
    public async Task<PublishResult> PublishAsync(char panel, CancellationToken cancellationToken)
    {
        var code = panel.ToString();
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var set = db.Set<PanelProposal>();
        var newly = await set.AsNoTracking()
            .Where(p => p.Panel == code && p.Status == ProposalStatus.Selected && p.PublishedAt == null)
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
        var anySelected = await set.AnyAsync(p => p.Panel == code && p.Status == ProposalStatus.Selected, cancellationToken);
        if (!anySelected)
        {
            return new PublishResult(true, [], []);
        }

        await set.Where(p => newly.Contains(p.Id))
            .ExecuteUpdateAsync(u => u
                .SetProperty(p => p.PublishedAt, now)
                .SetProperty(p => p.Version, p => p.Version + 1)
                .SetProperty(p => p.UpdatedAt, now),
                cancellationToken);
        await set.Where(p => p.Panel == code && p.Status != ProposalStatus.Selected && p.PublishedAt != null)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.PublishedAt, (DateTimeOffset?)null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var published = await set.AsNoTracking().Where(p => newly.Contains(p.Id)).ToListAsync(cancellationToken);
        var others = newly.Count == 0
            ? []
            : await set.AsNoTracking()
                .Where(p => p.Panel == code && (p.Status == ProposalStatus.Proposed || p.Status == ProposalStatus.Shortlisted))
                .ToListAsync(cancellationToken);
        return new PublishResult(false, published, others);
    }

    /// <summary>What the public page shows: published panellists, named only with the nominee's consent.</summary>
    public async Task<IReadOnlyList<PublishedPanellist>> PublishedAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<PanelProposal>().AsNoTracking()
            .Where(p => p.Status == ProposalStatus.Selected && p.PublishedAt != null)
            .OrderBy(p => p.Panel).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(p => new PublishedPanellist(
            p.Panel[0],
            p.NamedWithConsent ? p.NomineeName : null,
            p.NamedWithConsent ? p.NomineeOrganisation : null,
            p.NomineeGroup,
            p.NomineeCountry,
            p.Expertise,
            p.Languages,
            p.PublishedAt!.Value)).ToList();
    }

    /// <summary>"Forget me": the person's proposals (as proposer or nominee) and endorsements are deleted.</summary>
    public async Task EraseAsync(string personId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var theirs = db.Set<PanelProposal>().Where(p => p.ProposerId == personId || p.NomineeUserId == personId).Select(p => p.Id);
        await db.Set<PanelEndorsement>().Where(e => e.EndorserId == personId || theirs.Contains(e.ProposalId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<PanelProposal>().Where(p => p.ProposerId == personId || p.NomineeUserId == personId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
