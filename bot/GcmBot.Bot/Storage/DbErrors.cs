using Microsoft.EntityFrameworkCore;

namespace GcmBot.Bot.Storage;

/// <summary>Tells a unique-index violation (a lost race) from other database failures, on both providers.</summary>
internal static class DbErrors
{
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException is System.Data.Common.DbException inner && IsUniqueViolation(inner);

    public static bool IsUniqueViolation(System.Data.Common.DbException exception) => exception switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
