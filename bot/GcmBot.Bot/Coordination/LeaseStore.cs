using GcmBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Bot.Coordination;

/// <summary>A lease this instance holds, and the earliest moment its work may run.</summary>
public sealed record HeldLease(string Name, DateTimeOffset NotBefore);

/// <summary>
/// Takes and gives back <see cref="WorkLease"/>s. One statement each, the same on SQLite and PostgreSQL
/// (<c>INSERT … ON CONFLICT DO UPDATE … WHERE</c>): the row is taken only when it is free, expired, or already ours,
/// so two instances never hold the same lease at once. No home-made cluster: the database decides.
/// </summary>
public sealed class LeaseStore(IDbContextFactory<GcmDbContext> databases, InstanceIdentity instance, TimeProvider time)
{
    /// <summary>Takes the lease for <paramref name="duration"/>, or returns null when another instance holds it.</summary>
    public async Task<HeldLease?> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = Micros(time.GetUtcNow());
        var until = now + (long)duration.TotalMicroseconds;
        var owner = instance.Id;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var notBefore = await db.Database.SqlQuery<long>($"""
            INSERT INTO "WorkLeases" ("Name", "Owner", "UntilMicros", "NotBeforeMicros") VALUES ({name}, {owner}, {until}, 0)
            ON CONFLICT ("Name") DO UPDATE SET "Owner" = excluded."Owner", "UntilMicros" = excluded."UntilMicros"
            WHERE "WorkLeases"."UntilMicros" < {now} OR "WorkLeases"."Owner" = {owner}
            RETURNING "NotBeforeMicros" AS "Value"
            """).ToListAsync(cancellationToken);
        return notBefore.Count == 0 ? null : new HeldLease(name, FromMicros(notBefore[0]));
    }

    /// <summary>Gives the lease back at once, and says when the work may run next (whoever takes it).</summary>
    public async Task ReleaseAsync(HeldLease lease, DateTimeOffset? notBefore, CancellationToken cancellationToken)
    {
        var owner = instance.Id;
        var next = notBefore is { } at ? Micros(at) : Micros(lease.NotBefore);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "WorkLeases" SET "UntilMicros" = 0, "NotBeforeMicros" = {next}
            WHERE "Name" = {lease.Name} AND "Owner" = {owner}
            """, cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> under the lease when it can be had; false when another instance holds it.</summary>
    public async Task<bool> TryRunAsync(string name, TimeSpan duration, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var lease = await TryAcquireAsync(name, duration, cancellationToken);
        if (lease is null)
        {
            return false;
        }

        try
        {
            await work(cancellationToken);
        }
        finally
        {
            // Given back even when the work failed: another instance (or this one) may try again at once.
            await ReleaseAsync(lease, null, CancellationToken.None);
        }

        return true;
    }

    internal static long Micros(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    internal static DateTimeOffset FromMicros(long micros) => DateTimeOffset.UnixEpoch.AddTicks(micros * 10);
}
