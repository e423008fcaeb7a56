using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
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

    /// <summary>
    /// Inserts an entity unless a row with its key is there already (ON CONFLICT DO NOTHING, on SQLite and PostgreSQL);
    /// true when it was inserted. For inserts that race by design, such as the first messages of a new chat arriving
    /// together, which EF Core's SaveChanges would log as failed. Values go through the model's converters, as EF Core
    /// would store them.
    /// </summary>
    public static async Task<bool> InsertIfAbsentAsync<T>(GcmDbContext db, T entity, CancellationToken cancellationToken)
        where T : class
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        await using var command = Command(db, string.Empty);
        var columns = new List<string>();
        var values = new List<string>();
        foreach (var property in type.GetProperties())
        {
            var value = property.PropertyInfo!.GetValue(entity);
            var converter = property.GetTypeMapping().Converter;
            columns.Add($"\"{property.GetColumnName(table)}\"");
            values.Add(command.AddParameter(value is null || converter is null ? value : converter.ConvertToProvider(value)));
        }

        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns)}) VALUES ({string.Join(", ", values)}) ON CONFLICT DO NOTHING";
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
