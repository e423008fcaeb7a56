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
    /// would store them, and the statement through EF Core's interceptors, so that the turn knows it wrote
    /// (CommitObserver). Every property must be a plain stored one, its value set by the caller.
    /// </summary>
    public static async Task<bool> InsertIfAbsentAsync<T>(GcmDbContext db, T entity, CancellationToken cancellationToken)
        where T : class
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = new List<string>();
        var values = new List<object>();
        foreach (var property in type.GetProperties())
        {
            if (property.PropertyInfo is not { } clrProperty || property.ValueGenerated != ValueGenerated.Never)
            {
                throw new InvalidOperationException($"{typeof(T).Name}.{property.Name} is not set by the caller: insert it with SaveChanges.");
            }

            var value = clrProperty.GetValue(entity);
            var converter = property.GetTypeMapping().Converter;
            columns.Add($"\"{property.GetColumnName(table)}\"");
            values.Add((value is null || converter is null ? value : converter.ConvertToProvider(value)) ?? NullParameter(db));
        }

        var placeholders = Enumerable.Range(0, values.Count).Select(i => string.Create(CultureInfo.InvariantCulture, $"{{{i}}}"));
        var name = table.Schema is null ? $"\"{table.Name}\"" : $"\"{table.Schema}\".\"{table.Name}\"";
        var sql = $"INSERT INTO {name} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", placeholders)}) ON CONFLICT DO NOTHING";
        return await db.Database.ExecuteSqlRawAsync(sql, values, cancellationToken) == 1;
    }

    /// <summary>A null for ExecuteSqlRaw, which cannot type a bare null or DBNull: the provider's own parameter.</summary>
    private static DbParameter NullParameter(GcmDbContext db)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        var parameter = command.CreateParameter();
        parameter.Value = DBNull.Value;
        return parameter;
    }
}
