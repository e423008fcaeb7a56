using GcmBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Bot.Scheduling;

/// <summary>How recording a new consultation ended.</summary>
public enum CreateOutcome { Created, AlreadyCreated, SlotTaken }

/// <summary>Consultations and their invitees in the database. Every change is one transaction with a revision check.</summary>
public sealed class ConsultationStore(IDbContextFactory<GcmDbContext> databases, TimeProvider time)
{
    /// <summary>Records a new consultation, unless the same form was already submitted or its slot is taken.</summary>
    public async Task<(CreateOutcome Outcome, Consultation Consultation)> CreateAsync(Consultation draft, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var existing = await FindTwinAsync(db, draft, cancellationToken);
        if (existing is not null)
        {
            return existing.Value;
        }

        draft.CreatedAt = draft.UpdatedAt = time.GetUtcNow();
        db.Add(draft);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (CreateOutcome.Created, draft);
        }
        catch (DbUpdateException)
        {
            // A double click or a second organiser won the race; the unique indexes say which.
            await using var fresh = await databases.CreateDbContextAsync(cancellationToken);
            return await FindTwinAsync(fresh, draft, cancellationToken) ?? throw new InvalidOperationException("A consultation could not be recorded.");
        }
    }

    public async Task<Consultation?> FindAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<Consultation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    /// <summary>
    /// The consultation whose Teams meeting chat this is (19:meeting_…@thread.v2), for the speaker queue and Q&amp;A
    /// running in that chat; null when the chat belongs to no consultation.
    /// </summary>
    public async Task<Consultation?> FindByChatThreadAsync(string chatThreadId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<Consultation>().AsNoTracking().FirstOrDefaultAsync(c => c.ChatThreadId == chatThreadId, cancellationToken);
    }

    /// <summary>Consultations not yet over, and any whose Teams state still needs attention, soonest first.</summary>
    public async Task<IReadOnlyList<Consultation>> ListCurrentAsync(int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var current = await db.Set<Consultation>().AsNoTracking()
            .Where(c => c.End > now || c.Teams == TeamsState.Failed || c.Teams == TeamsState.Pending)
            .ToListAsync(cancellationToken);
        return current.OrderBy(c => c.Start).Take(max).ToList();
    }

    /// <summary>Consultations whose Teams meeting must be created, changed or cancelled.</summary>
    public async Task<IReadOnlyList<int>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<Consultation>().AsNoTracking()
            .Where(c => c.Teams == TeamsState.Pending)
            .OrderBy(c => c.UpdatedAt)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Upcoming consultations that invite registrants and are settled (in Teams, or offline).</summary>
    public async Task<IReadOnlyList<Consultation>> UpcomingWithInvitationsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<Consultation>().AsNoTracking()
            .Where(c => c.Status == ConsultationStatus.Scheduled && c.Start > now &&
                (c.Teams == TeamsState.InTeams || c.Teams == TeamsState.Offline))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Applies an organiser's change in one transaction. <paramref name="change"/> returns why the change is refused, or
    /// null. A change made by someone else in between, or a slot taken meanwhile, refuses it too.
    /// </summary>
    public async Task<(Consultation? Consultation, SchedulingProblem? Refusal)> ChangeAsync(
        int id, Func<Consultation, SchedulingProblem?> change, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var consultation = await db.Set<Consultation>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (consultation is null)
        {
            return (null, SchedulingProblem.Of("Service.NotFound", id));
        }

        var refusal = change(consultation);
        if (refusal is not null)
        {
            return (consultation, refusal);
        }

        consultation.Revision++;
        consultation.UpdatedAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (consultation, null);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (null, SchedulingProblem.Of("Store.Concurrent"));
        }
        catch (DbUpdateException)
        {
            return (null, SchedulingProblem.Of("Store.SlotTaken"));
        }
    }

    /// <summary>
    /// Records what a Graph call achieved for the revision it worked from; false when the consultation changed
    /// meanwhile (the newer change is still pending and will be applied next).
    /// </summary>
    public async Task<bool> RecordAsync(int id, int revision, Action<Consultation> apply, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var consultation = await db.Set<Consultation>().FirstOrDefaultAsync(c => c.Id == id && c.Revision == revision, cancellationToken);
        if (consultation is null)
        {
            return false;
        }

        apply(consultation);
        consultation.Revision++;
        consultation.UpdatedAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    public async Task<List<ConsultationInvitee>> InviteesAsync(int consultationId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<ConsultationInvitee>().AsNoTracking().Where(i => i.ConsultationId == consultationId).ToListAsync(cancellationToken);
    }

    /// <summary>Writes the invitee list as the notifier left it: new rows added, changed ones updated, removed ones deleted.</summary>
    public async Task SaveInviteesAsync(
        IReadOnlyCollection<ConsultationInvitee> added,
        IReadOnlyCollection<ConsultationInvitee> changed,
        IReadOnlyCollection<ConsultationInvitee> removed,
        CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.AddRange(added);
        db.UpdateRange(changed);
        db.RemoveRange(removed);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another sync of the same consultation wrote first; its notifications carry the same de-duplication keys,
            // so nobody hears twice, and the next sync settles the rows.
        }
    }

    public async Task ForgetPersonAsync(string userStableId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Set<ConsultationInvitee>().Where(i => i.UserStableId == userStableId).ExecuteDeleteAsync(cancellationToken);
    }

    private static async Task<(CreateOutcome, Consultation)?> FindTwinAsync(GcmDbContext db, Consultation draft, CancellationToken cancellationToken)
    {
        if (draft.RequestKey is not null &&
            await db.Set<Consultation>().AsNoTracking().FirstOrDefaultAsync(c => c.RequestKey == draft.RequestKey, cancellationToken) is { } same)
        {
            return (CreateOutcome.AlreadyCreated, same);
        }

        var taken = await db.Set<Consultation>().AsNoTracking().FirstOrDefaultAsync(
            c => c.ThemeCode == draft.ThemeCode && c.Start == draft.Start && c.Status == ConsultationStatus.Scheduled, cancellationToken);
        return taken is null ? null : (CreateOutcome.SlotTaken, taken);
    }
}
