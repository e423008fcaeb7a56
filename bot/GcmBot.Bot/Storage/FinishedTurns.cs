using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Bot.Storage;

/// <summary>
/// The de-duplication record of one turn (Teams/Deduplication): a hash of its activity, written once the turn's work
/// is done so that a re-delivery of the activity is dropped.
/// </summary>
public sealed class FinishedTurn(string key)
{
    private int _recorded;

    public string Key => key;

    /// <summary>Whether a store already wrote the record, in the transaction that committed the turn's work.</summary>
    public bool Recorded => Volatile.Read(ref _recorded) == 1;

    internal void MarkRecorded() => Volatile.Write(ref _recorded, 1);
}

/// <summary>
/// The turn running on this async flow, for a store that commits the turn's work to write its record in the same
/// transaction: at a peak one commit per vote instead of two, and no moment between the work and its record in which
/// a crash would let a re-delivery do the work again. Domain code never sees the turn itself, only this key.
/// </summary>
public sealed class FinishedTurns
{
    private readonly AsyncLocal<FinishedTurn?> _current = new();

    /// <summary>The turn on this flow whose record is still to be written; null outside turns and once recorded.</summary>
    public FinishedTurn? Current => _current.Value is { Recorded: false } turn ? turn : null;

    /// <summary>Makes <paramref name="turn"/> the current one on this flow (and the flows it starts) until disposed.</summary>
    public IDisposable Track(FinishedTurn turn)
    {
        var previous = _current.Value;
        _current.Value = turn;
        return new Scope(this, previous);
    }

    /// <summary>The turns of a batch whose record is still to be written, each once.</summary>
    public static IReadOnlyList<FinishedTurn> Pending(IEnumerable<FinishedTurn?> turns) =>
        turns.OfType<FinishedTurn>().Where(t => !t.Recorded).Distinct().ToList();

    /// <summary>Records <paramref name="keys"/> in one statement, in the context's current transaction if it has one.</summary>
    public static async Task RecordAsync(GcmDbContext db, IEnumerable<string> keys, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder();
        var values = new List<object>();
        AppendRecord(db, sql, values, keys, finishedAt);
        if (sql.Length > 0)
        {
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), values, cancellationToken);
        }
    }

    /// <summary>
    /// Appends one statement that records <paramref name="keys"/> (each once) and cannot fail on a duplicate (both
    /// SQLite and PostgreSQL know ON CONFLICT DO NOTHING), with its values as <c>{n}</c> placeholders added to
    /// <paramref name="values"/> (for ExecuteSqlRaw). Appends nothing when there is no key.
    /// </summary>
    public static void AppendRecord(GcmDbContext db, StringBuilder sql, List<object> values, IEnumerable<string> keys, DateTimeOffset finishedAt) =>
        AppendRecord(db, sql, value =>
        {
            values.Add(value);
            return string.Create(CultureInfo.InvariantCulture, $"{{{values.Count - 1}}}");
        }, keys, finishedAt);

    /// <summary>
    /// The same, with each value put where <paramref name="parameter"/> says (it adds the value to a command and
    /// returns how the SQL names it). The time goes through the model's converter, as EF Core would store it.
    /// </summary>
    public static void AppendRecord(GcmDbContext db, StringBuilder sql, Func<object, string> parameter, IEnumerable<string> keys, DateTimeOffset finishedAt)
    {
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return;
        }

        var converter = db.Model.FindEntityType(typeof(Teams.Deduplication.ProcessedActivity))!
            .FindProperty(nameof(Teams.Deduplication.ProcessedActivity.ReceivedAt))!.GetTypeMapping().Converter;
        var at = parameter(converter is null ? finishedAt : converter.ConvertToProvider(finishedAt)!);
        sql.Append(" INSERT INTO \"ProcessedActivities\" (\"Key\", \"ReceivedAt\") VALUES ");
        var first = true;
        foreach (var key in distinct)
        {
            sql.Append(first ? "(" : ", (").Append(parameter(key)).Append(", ").Append(at).Append(')');
            first = false;
        }

        sql.Append(" ON CONFLICT DO NOTHING;");
    }

    /// <summary>Marks turns whose record a committed transaction wrote.</summary>
    public static void Recorded(IEnumerable<FinishedTurn> turns)
    {
        foreach (var turn in turns)
        {
            turn.MarkRecorded();
        }
    }

    private sealed class Scope(FinishedTurns owner, FinishedTurn? previous) : IDisposable
    {
        public void Dispose() => owner._current.Value = previous;
    }
}
