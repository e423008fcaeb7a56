using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GcmBot.Bot.Storage;

/// <summary>
/// Sets up every SQLite connection as it opens (both settings belong to the connection, not to the file).
/// <para>
/// <c>synchronous = NORMAL</c>: under write-ahead logging a commit is written to the log, in the operating system's
/// hands, before it returns, and only checkpoints wait for the disk. A crash of the process (kill -9, an unhandled
/// fault) loses no acknowledged write; a power cut or a crash of the operating system may lose the last commits before
/// the disk flush, never the database's consistency. <c>FULL</c>, the default, waited for the disk on every commit,
/// which made every vote and every de-duplication claim wait for an fsync (docs/performance.md).
/// </para>
/// <para>
/// The busy handler. Without it, Microsoft.Data.Sqlite retries a statement that
/// finds another writer's lock by sleeping 150 ms at a time, so under a burst of writes (a thousand votes in a meeting)
/// each contended write waits in 150 ms steps. SQLite's handler waits 1, 2, 5, 10… ms and takes the lock as soon as it
/// is free; the limit stays the configured 30 seconds.
/// </para>
/// </summary>
internal sealed class SqliteBusyTimeoutInterceptor : DbConnectionInterceptor
{
    public static SqliteBusyTimeoutInterceptor Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Command(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection)
    {
        var command = connection.CreateCommand();
        var milliseconds = connection is Microsoft.Data.Sqlite.SqliteConnection sqlite ? sqlite.DefaultTimeout * 1000 : 30_000;
        command.CommandText = FormattableString.Invariant($"PRAGMA busy_timeout = {milliseconds}; PRAGMA synchronous = NORMAL;");
        return command;
    }
}
