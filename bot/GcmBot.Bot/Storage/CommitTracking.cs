using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GcmBot.Bot.Storage;

/// <summary>Whether a unit of work (one turn) has written anything to the database so far.</summary>
public sealed class CommitRecord
{
    private int _committed;

    public bool Committed => Volatile.Read(ref _committed) == 1;

    internal void Mark() => Volatile.Write(ref _committed, 1);
}

/// <summary>
/// Tells a unit of work whether the database took any of its writes, without the stores having to say so: the
/// <see cref="CommitInterceptor"/> marks the <see cref="CommitRecord"/> observed on the current async flow. A turn
/// uses it to know whether "nothing was changed" is true.
/// </summary>
public sealed class CommitObserver
{
    // The record travels with the async flow of the turn, the way HttpContextAccessor carries the request.
    private readonly AsyncLocal<CommitRecord?> _current = new();

    /// <summary>Writes on this async flow mark <paramref name="record"/> until the returned scope is disposed.</summary>
    public IDisposable Observe(CommitRecord? record)
    {
        var previous = _current.Value;
        _current.Value = record;
        return new Scope(this, previous);
    }

    /// <summary>Writes on this async flow mark nothing until the returned scope is disposed (the bot's own bookkeeping).</summary>
    public IDisposable Pause() => Observe(null);

    internal void OnWritten(int rows)
    {
        if (rows > 0)
        {
            _current.Value?.Mark();
        }
    }

    private sealed class Scope(CommitObserver observer, CommitRecord? previous) : IDisposable
    {
        public void Dispose() => observer._current.Value = previous;
    }
}

/// <summary>
/// Reports to the <see cref="CommitObserver"/> every write that changed rows: SaveChanges, and the commands that
/// ExecuteUpdate, ExecuteDelete and raw SQL run. A write later rolled back still counts: the turn then says that
/// something may have been saved, which is the safe mistake.
/// </summary>
internal sealed class CommitInterceptor(CommitObserver observer) : ISaveChangesInterceptor, IDbCommandInterceptor
{
    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        observer.OnWritten(result);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        observer.OnWritten(result);
        return ValueTask.FromResult(result);
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        observer.OnWritten(result);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        observer.OnWritten(result);
        return ValueTask.FromResult(result);
    }
}
