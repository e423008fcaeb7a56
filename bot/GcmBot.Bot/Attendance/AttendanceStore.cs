using GcmBot.Bot.Scheduling;
using GcmBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Bot.Attendance;

/// <summary>A consultation's attendance as stored: its state and counts, and the registrants who attended.</summary>
public sealed record AttendanceFigures(ConsultationAttendance Attendance, IReadOnlyList<string> Attended, int Absent)
{
    public int Total => Attended.Count + Attendance.MembersNotRegistered + Attendance.Guests + Attendance.Anonymous + Attendance.ByPhone;
}

/// <summary>Attendance rows in the database; each change is one transaction.</summary>
public sealed class AttendanceStore(IDbContextFactory<GcmDbContext> databases, TimeProvider time)
{
    /// <summary>
    /// Consultations whose attendance is due to be read: held in Teams, ended at least <paramref name="delay"/> ago, and
    /// either never tried or waiting with their next attempt due.
    /// </summary>
    public async Task<IReadOnlyList<int>> DueAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var endedBefore = now - delay;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        // Times compared in memory: SQLite stores DateTimeOffset as binary that does not order across offsets.
        var ended = (await db.Set<Consultation>().AsNoTracking()
            .Where(c => c.Status == ConsultationStatus.Scheduled && c.Teams == TeamsState.InTeams)
            .Select(c => new { c.Id, c.End })
            .ToListAsync(cancellationToken))
            .Where(c => c.End <= now)
            .ToList();
        var ids = ended.Select(c => c.Id).ToList();
        var rows = await db.Set<ConsultationAttendance>().AsNoTracking()
            .Where(a => ids.Contains(a.ConsultationId))
            .ToDictionaryAsync(a => a.ConsultationId, cancellationToken);
        // Never tried: once the first delay has passed. Waiting (retry, or an organiser's "fetch now"): when due.
        return ended
            .Where(c => rows.TryGetValue(c.Id, out var row)
                ? row.State == AttendanceState.Waiting && row.NextAttemptAt <= now
                : c.End <= endedBefore)
            .Select(c => c.Id)
            .Order()
            .ToList();
    }

    /// <summary>Scheduled consultations that have started by <paramref name="now"/>, the latest first (for the choice).</summary>
    public async Task<IReadOnlyList<Consultation>> StartedConsultationsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var scheduled = await db.Set<Consultation>().AsNoTracking()
            .Where(c => c.Status == ConsultationStatus.Scheduled)
            .ToListAsync(cancellationToken);
        return scheduled.Where(c => c.Start <= now).OrderByDescending(c => c.Start).ThenByDescending(c => c.Id).Take(max).ToList();
    }

    public async Task<ConsultationAttendance?> FindAsync(int consultationId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<ConsultationAttendance>().AsNoTracking().FirstOrDefaultAsync(a => a.ConsultationId == consultationId, cancellationToken);
    }

    /// <summary>The stored figures of a consultation; null when its attendance was never looked at.</summary>
    public async Task<AttendanceFigures?> FiguresAsync(int consultationId, CancellationToken cancellationToken) =>
        (await FiguresAsync([consultationId], cancellationToken)).GetValueOrDefault(consultationId);

    /// <summary>The stored figures of several consultations, by consultation.</summary>
    public async Task<IReadOnlyDictionary<int, AttendanceFigures>> FiguresAsync(IReadOnlyCollection<int> consultationIds, CancellationToken cancellationToken)
    {
        if (consultationIds.Count == 0)
        {
            return new Dictionary<int, AttendanceFigures>();
        }

        var ids = consultationIds.Distinct().ToList();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<ConsultationAttendance>().AsNoTracking().Where(a => ids.Contains(a.ConsultationId)).ToListAsync(cancellationToken);
        var entries = await db.Set<AttendanceEntry>().AsNoTracking().Where(e => ids.Contains(e.ConsultationId)).ToListAsync(cancellationToken);
        return rows.ToDictionary(
            r => r.ConsultationId,
            r => new AttendanceFigures(
                r,
                entries.Where(e => e.ConsultationId == r.ConsultationId && e.Attended).Select(e => e.UserStableId).Order(StringComparer.Ordinal).ToList(),
                entries.Count(e => e.ConsultationId == r.ConsultationId && !e.Attended)));
    }

    /// <summary>Stores what was read, replacing any earlier reading of the same consultation.</summary>
    public async Task<ConsultationAttendance> RecordAsync(int consultationId, AttendanceTally tally, int reports, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await RowAsync(db, consultationId, cancellationToken);
        row.State = AttendanceState.Recorded;
        row.Attempts++;
        row.RecordedAt = row.UpdatedAt = time.GetUtcNow();
        row.LastProblem = null;
        row.Reports = reports;
        row.MembersNotRegistered = tally.MembersNotRegistered;
        row.Guests = tally.Guests;
        row.Anonymous = tally.Anonymous;
        row.ByPhone = tally.ByPhone;
        await db.SaveChangesAsync(cancellationToken);
        await db.Set<AttendanceEntry>().Where(e => e.ConsultationId == consultationId).ExecuteDeleteAsync(cancellationToken);
        db.AddRange(tally.Attended.Select(id => new AttendanceEntry { ConsultationId = consultationId, UserStableId = id, Attended = true }));
        db.AddRange(tally.Absent.Select(id => new AttendanceEntry { ConsultationId = consultationId, UserStableId = id, Attended = false }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return row;
    }

    /// <summary>
    /// Notes an attempt that read nothing: tried again at <paramref name="next"/>, or given up when null. Figures read
    /// earlier stay (a "fetch now" that finds Teams unavailable does not erase them).
    /// </summary>
    public async Task<ConsultationAttendance> PostponeAsync(int consultationId, string problem, DateTimeOffset? next, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await RowAsync(db, consultationId, cancellationToken);
        row.Attempts++;
        row.LastProblem = problem;
        row.UpdatedAt = time.GetUtcNow();
        if (row.RecordedAt is not null)
        {
            row.State = AttendanceState.Recorded;
        }
        else if (next is { } at)
        {
            row.State = AttendanceState.Waiting;
            row.NextAttemptAt = at;
        }
        else
        {
            row.State = AttendanceState.GaveUp;
        }

        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    /// <summary>An organiser's "fetch now": the next attempt is due at once, and its outcome goes to their conversation.</summary>
    public async Task RequestNowAsync(int consultationId, string notifyConversationId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await RowAsync(db, consultationId, cancellationToken);
        row.State = AttendanceState.Waiting;
        row.NextAttemptAt = time.GetUtcNow();
        row.NotifyConversationId = notifyConversationId;
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Takes the conversation to tell about the attempt just made, once (null when nobody asked).</summary>
    public async Task<string?> TakeNotifyAsync(int consultationId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<ConsultationAttendance>().FirstOrDefaultAsync(a => a.ConsultationId == consultationId, cancellationToken);
        if (row?.NotifyConversationId is not { } conversation)
        {
            return null;
        }

        row.NotifyConversationId = null;
        await db.SaveChangesAsync(cancellationToken);
        return conversation;
    }

    /// <summary>"Forget me": the person's attendance rows go; the counts of others stay.</summary>
    public async Task ForgetPersonAsync(string userStableId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Set<AttendanceEntry>().Where(e => e.UserStableId == userStableId).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<ConsultationAttendance> RowAsync(GcmDbContext db, int consultationId, CancellationToken cancellationToken)
    {
        var row = await db.Set<ConsultationAttendance>().FirstOrDefaultAsync(a => a.ConsultationId == consultationId, cancellationToken);
        if (row is null)
        {
            row = new ConsultationAttendance { ConsultationId = consultationId, State = AttendanceState.Waiting, NextAttemptAt = time.GetUtcNow() };
            db.Add(row);
        }

        return row;
    }
}
