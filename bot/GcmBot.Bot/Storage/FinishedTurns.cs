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
    private int _redelivery;

    public string Key => key;

    /// <summary>Whether a store already wrote the record, in the transaction that committed the turn's work.</summary>
    public bool Recorded => Volatile.Read(ref _recorded) == 1;

    /// <summary>
    /// Whether a store found the record there already when it claimed it (<see cref="FinishedTurns.ClaimAsync"/>): the
    /// activity was handled before, this is a re-delivery, and its work was skipped.
    /// </summary>
    public bool IsRedelivery => Volatile.Read(ref _redelivery) == 1;

    internal void MarkRecorded() => Volatile.Write(ref _recorded, 1);

    internal void MarkRedelivery() => Volatile.Write(ref _redelivery, 1);
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
        turns.OfType<FinishedTurn>().Where(t => !t.Recorded && !t.IsRedelivery).Distinct().ToList();

    /// <summary>
    /// Claims the turns' records in the context's current transaction, before their work, in one <c>INSERT … ON
    /// CONFLICT DO NOTHING RETURNING</c>. A turn whose record is there already (committed: SQLite has one writer, and
    /// PostgreSQL makes the insert wait for a transaction inserting the same key) is a re-delivery of an activity that
    /// was handled before: it is marked (<see cref="FinishedTurn.IsRedelivery"/>) and its work must be skipped. Returns
    /// the turns claimed, to mark <see cref="Recorded"/> once the transaction has committed; a rollback takes the claims
    /// back with the work. This is what lets the de-duplication middleware skip its read before such turns.
    /// </summary>
    public static async Task<IReadOnlyList<FinishedTurn>> ClaimAsync(GcmDbContext db, IReadOnlyList<FinishedTurn> turns, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (turns.Count == 0)
        {
            return [];
        }

        await using var command = RawSql.Command(db, string.Empty);
        var sql = new StringBuilder();
        AppendInsert(db, sql, value => command.AddParameter(value), turns.Select(t => t.Key), at);
        command.CommandText = sql.Append(" RETURNING \"Key\"").ToString();
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                inserted.Add(reader.GetString(0));
            }
        }

        var claimed = new List<FinishedTurn>(turns.Count);
        foreach (var turn in turns)
        {
            if (inserted.Contains(turn.Key))
            {
                claimed.Add(turn);
            }
            else
            {
                turn.MarkRedelivery();
            }
        }

        return claimed;
    }

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
    private static void AppendRecord(GcmDbContext db, StringBuilder sql, List<object> values, IEnumerable<string> keys, DateTimeOffset finishedAt)
    {
        var appended = AppendInsert(db, sql, value =>
        {
            values.Add(value);
            return string.Create(CultureInfo.InvariantCulture, $"{{{values.Count - 1}}}");
        }, keys, finishedAt);
        if (appended)
        {
            sql.Append(';');
        }
    }

    /// <summary>
    /// The insert of the records without its end, with each value put where <paramref name="parameter"/> says (it adds
    /// the value to a command and returns how the SQL names it). The time goes through the model's converter, as EF
    /// Core would store it. False (nothing appended) when there is no key.
    /// </summary>
    private static bool AppendInsert(GcmDbContext db, StringBuilder sql, Func<object, string> parameter, IEnumerable<string> keys, DateTimeOffset finishedAt)
    {
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0)
        {
            return false;
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

        sql.Append(" ON CONFLICT DO NOTHING");
        return true;
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
