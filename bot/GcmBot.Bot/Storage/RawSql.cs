using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GcmBot.Bot.Storage;

/// <summary>
/// Commands written by hand on a context's connection, in its current transaction, for the few hot writes that EF
/// Core's LINQ and change tracker made too slow (votes, floor requests; docs/performance.md).
/// </summary>
internal static class RawSql
{
    public static DbCommand Command(GcmDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    public static void AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Adds a value under the next free name and returns the name.</summary>
    public static string AddParameter(this DbCommand command, object? value)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"@p{command.Parameters.Count}");
        command.AddParameter(name, value);
        return name;
    }
}
