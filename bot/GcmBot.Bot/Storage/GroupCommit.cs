namespace GcmBot.Bot.Storage;

/// <summary>
/// Group commit: small writes of one kind to one thing (the votes of one Q&amp;A, the floor requests of one speakers'
/// list) that arrive while an earlier write of the same key is committing wait for it, then go together in one
/// transaction. Each caller is answered when the transaction holding its write has committed, so an answered write is
/// as durable as one committed alone; a crowd pays one commit (and, on SQLite, one turn at the single writer's lock)
/// per batch instead of one per person. Nobody waits for a batch to fill: a lone write is committed at once.
/// When a batch fails, its writes are committed again one by one, so that one bad write cannot fail the others.
/// </summary>
/// <remarks>
/// In memory and per process: it orders this instance's writers only. Correctness never rests on it (the database's
/// transactions, unique indexes and version checks do that); it only decides how writes are grouped.
/// </remarks>
public sealed class GroupCommit<TKey, TItem, TResult>
    where TKey : notnull
{
    private readonly Func<TKey, IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> _commit;
    private readonly int _maxBatch;
    private readonly Dictionary<TKey, List<Pending>> _lanes = new();
    private readonly Lock _gate = new();

    /// <param name="commit">Writes a batch in one transaction; returns one result per item, in the same order.</param>
    /// <param name="maxBatch">The most writes in one transaction.</param>
    public GroupCommit(Func<TKey, IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> commit, int maxBatch = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _commit = commit;
        _maxBatch = maxBatch;
    }

    /// <summary>Queues a write; the task completes once it is committed (or has failed).</summary>
    public async Task<TResult> SubmitAsync(TKey key, TItem item)
    {
        var pending = new Pending(item);
        bool lead;
        lock (_gate)
        {
            lead = !_lanes.TryGetValue(key, out var lane);
            if (lead)
            {
                // No lane means nobody is committing for this key: this caller commits, at once and itself.
                _lanes[key] = lane = [];
            }

            lane!.Add(pending);
        }

        if (lead)
        {
            // The leader commits the first batch (its own write, and any that joined meanwhile) on its own flow: a
            // lone write pays no hand-over. Writes that arrived during that commit are handed to a pump, so that the
            // leader is answered now rather than after the batches piling up behind its own.
            if (TakeBatch(key) is { } batch)
            {
                await CommitAsync(key, batch);
            }

            if (TakeBatch(key, peekOnly: true) is not null)
            {
                _ = Task.Run(() => PumpAsync(key));
            }
        }

        return await pending.Completion.Task;
    }

    private async Task PumpAsync(TKey key)
    {
        while (TakeBatch(key) is { } batch)
        {
            await CommitAsync(key, batch);
        }
    }

    /// <summary>
    /// The next batch of a key; null when none is waiting, and then the lane is closed (the next write leads). With
    /// <paramref name="peekOnly"/>, takes nothing: says whether writes wait (non-null) or closes the lane (null).
    /// </summary>
    private List<Pending>? TakeBatch(TKey key, bool peekOnly = false)
    {
        lock (_gate)
        {
            var lane = _lanes[key];
            if (lane.Count == 0)
            {
                _lanes.Remove(key);
                return null;
            }

            if (peekOnly)
            {
                return lane;
            }

            var take = Math.Min(lane.Count, _maxBatch);
            var batch = lane.GetRange(0, take);
            lane.RemoveRange(0, take);
            return batch;
        }
    }

    private async Task CommitAsync(TKey key, List<Pending> batch)
    {
        try
        {
            var results = await _commit(key, batch.Select(p => p.Item).ToList());
            if (results.Count != batch.Count)
            {
                throw new InvalidOperationException($"A group commit returned {results.Count} results for {batch.Count} writes.");
            }

            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }
        }
        catch (Exception) when (batch.Count > 1)
        {
            // One write may have spoiled the batch (a lost race with another process, a bad row): each on its own.
            foreach (var pending in batch)
            {
                await CommitAsync(key, [pending]);
            }
        }
        catch (Exception ex)
        {
            batch[0].Completion.TrySetException(ex);
        }
    }

    private sealed class Pending(TItem item)
    {
        public TItem Item { get; } = item;

        public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
