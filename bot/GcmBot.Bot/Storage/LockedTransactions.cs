using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace GcmBot.Bot.Storage;

/// <summary>
/// Transactions that run one at a time among those of the same lock name, on every instance: a check and the write it
/// allows ("one panellist selected per panel", "two open proposals a person") then hold together when two people act
/// at once. On SQLite the transaction takes the database's write lock at once (Microsoft.Data.Sqlite begins
/// IMMEDIATE), which orders all writers; on PostgreSQL an advisory lock on the name, held until the commit or
/// rollback, orders those of that name only.
/// </summary>
public static class LockedTransactions
{
    public static async Task<IDbContextTransaction> BeginLockedAsync(this DatabaseFacade database, string lockName, CancellationToken cancellationToken)
    {
        var transaction = await database.BeginTransactionAsync(cancellationToken);
        if (database.IsNpgsql())
        {
            // Two names with the same hash only wait for each other: never wrong, rarely slower.
            await database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({lockName}))", cancellationToken);
        }

        return transaction;
    }
}
