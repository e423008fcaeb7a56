using GcmBot.Bot.Participants;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Teams.Outbound;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GcmBot.Bot.SpeakerQueue;

/// <summary>
/// A floor request as the writer applies it: who, what kind, on what, and the group, subregion and gender a person who
/// did not register gave in the request form (null: none given). A registered person's profile takes precedence.
/// </summary>
public sealed record FloorRequest(QueueActor Person, SpeechKind Kind, string? Topic, SpeakerCategories? Given, FinishedTurn? Turn = null);

/// <summary>
/// The write side of the speakers' lists, one for the app (the service is scoped, the batching must not be). Every
/// change runs in a transaction that takes the list's lock (the gate in this process, an advisory lock on PostgreSQL
/// across instances), loads the list, applies the change and saves it with the list's version checked. Floor requests
/// pressed at the same moment go through a <see cref="GroupCommit{TKey, TItem, TResult}"/> per list: a few hand-written
/// statements and one commit for all the requests that arrived while the previous batch committed, starting from the state the
/// previous batch left when nothing else changed the list since; each person is answered once the transaction holding
/// their request has committed, with the list as that transaction left it.
/// </summary>
public sealed class SpeakerQueueWriter
{
    private const int MaxAttempts = 5;

    private readonly IDbContextFactory<GcmDbContext> _databases;
    private readonly OutboundSignal _cardSignal;
    private readonly SpeakerQueueGate _gate;
    private readonly TimeProvider _time;
    private readonly FinishedTurns _finishedTurns;
    private readonly IServiceProvider _services;
    private readonly GroupCommit<string, FloorRequest, QueueOutcome> _requests;

    /// <summary>Each list as the last batch of floor requests committed it.</summary>
    private readonly RecentStates _lastCommitted = new();

    public SpeakerQueueWriter(
        IDbContextFactory<GcmDbContext> databases,
        [FromKeyedServices(SpeakerQueueService.SignalKey)] OutboundSignal cardSignal,
        SpeakerQueueGate gate,
        TimeProvider time,
        FinishedTurns finishedTurns,
        IServiceProvider services)
    {
        _finishedTurns = finishedTurns;
        _services = services;
        _databases = databases;
        _cardSignal = cardSignal;
        _gate = gate;
        _time = time;
        _requests = new GroupCommit<string, FloorRequest, QueueOutcome>(CommitRequestsAsync);
    }

    /// <summary>
    /// Queues a floor request; completes with its outcome (and, in <see cref="QueueOutcome.After"/>, the list as
    /// committed) once it is committed. A request refused by the database (a second active request of the same
    /// person, raced from elsewhere) fails with the <see cref="DbUpdateException"/>.
    /// </summary>
    public Task<QueueOutcome> RequestAsync(string conversationId, FloorRequest request) =>
        _requests.SubmitAsync(conversationId, request with { Turn = _finishedTurns.Current });

    /// <summary>
    /// A batch of floor requests of one list, in order of arrival, in one transaction: one read of the list's version,
    /// the batch's statements (<see cref="FloorRequestSql"/>), one commit. The list is loaded only when it changed since
    /// this writer last committed a batch of it; else the batch starts from that batch's state.
    /// </summary>
    private async Task<IReadOnlyList<QueueOutcome>> CommitRequestsAsync(string conversationId, IReadOnlyList<FloorRequest> requests)
    {
        // Not the callers' tokens: one caller giving up must not fail the others' writes.
        var cancellationToken = CancellationToken.None;
        var profiles = await ProfilesAsync(requests);
        using var entered = await _gate.EnterAsync(conversationId, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await _databases.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginLockedAsync("speakers:" + conversationId, cancellationToken);
            var current = await FloorRequestSql.VersionAsync(db, conversationId, cancellationToken);
            var before = current is not { } at
                ? null
                : _lastCommitted.Get(conversationId) is { } last && last.Queue.Id == at.Id && last.Queue.Version == at.Version
                    ? last
                    : await SpeakerQueueService.LoadAsync(db, conversationId, tracking: false, cancellationToken);
            if (before is null)
            {
                return requests.Select(_ => QueueOutcome.Unchanged(QueueResult.NoQueue)).ToList();
            }

            // The turns' de-duplication records are claimed in the batch's transaction: a re-delivered press is found
            // here (its record is there) and changes nothing; the others' records commit with the batch.
            var claimed = await FinishedTurns.ClaimAsync(db, FinishedTurns.Pending(requests.Select(r => r.Turn)), _time.GetUtcNow(), cancellationToken);

            // Earlier batches' callers may still be reading their state: this batch changes a copy.
            var after = before.Copy();
            var (inserts, updates) = (new List<SpeakerRequest>(), new List<SpeakerRequest>());
            var outcomes = requests.Select(r => Apply(after, r, profiles, inserts, updates)).ToList();
            if (outcomes.Any(o => o.Changed))
            {
                after.Queue.Version++;
            }

            var written = await FloorRequestSql.WriteAsync(
                db, after.Queue.Id, before.Queue.Version, after.Queue.Version, inserts, updates, cancellationToken);
            if (!written)
            {
                // Changed from elsewhere since the read (an instance or a background job that does not take the lock).
                _lastCommitted.Forget(conversationId);
                if (attempt < MaxAttempts)
                {
                    continue;
                }

                throw new DbUpdateConcurrencyException("The speakers' list kept changing while floor requests were written.");
            }

            await transaction.CommitAsync(cancellationToken);
            FinishedTurns.Recorded(claimed);
            if (after.Queue.Version != before.Queue.Version)
            {
                _cardSignal.Notify();
            }

            // The order is computed once, here, before the state is shared: every caller of the batch reads it.
            _ = after.Order;
            _lastCommitted.Remember(conversationId, after);
            return outcomes.Select(o => o with { After = after }).ToList();
        }
    }

    /// <summary>
    /// The registered profiles of a batch's members, in one read before the transaction: the directory is another
    /// capability's store, and may not be there at all (then everybody counts as "unknown").
    /// </summary>
    private async Task<IReadOnlyDictionary<string, ParticipantProfile>> ProfilesAsync(IReadOnlyList<FloorRequest> requests)
    {
        var members = requests.Where(r => r.Person.Origin == SpeakerOrigin.Member).Select(r => r.Person.StableId).Distinct(StringComparer.Ordinal).ToList();
        return members.Count == 0 || _services.GetService<IParticipantDirectory>() is not { } directory
            ? new Dictionary<string, ParticipantProfile>()
            : await directory.FindManyAsync(members, CancellationToken.None);
    }

    private QueueOutcome Apply(
        QueueState state, FloorRequest request, IReadOnlyDictionary<string, ParticipantProfile> profiles, List<SpeakerRequest> inserts, List<SpeakerRequest> updates)
    {
        var (person, kind, topic, given, turn) = request;
        if (turn is { IsRedelivery: true })
        {
            // This very press was handled before (Teams re-delivered it): it changes nothing, and the
            // de-duplication middleware answers it as a re-delivery.
            return QueueOutcome.Unchanged(QueueResult.None);
        }

        if (!state.Queue.IsOpen)
        {
            return QueueOutcome.Unchanged(QueueResult.ListClosed);
        }

        var existing = state.ActiveOf(person.StableId);
        if (existing is { Status: RequestStatus.Speaking })
        {
            return QueueOutcome.Unchanged(QueueResult.YouHaveTheFloor);
        }

        if (existing is not null)
        {
            if (existing.Kind == kind && existing.Topic == topic)
            {
                return QueueOutcome.Unchanged(QueueResult.AlreadyOnList);
            }

            // A changed kind or topic updates the request and keeps its place in the order of arrival.
            var changed = existing.Copy();
            changed.Kind = kind;
            changed.Topic = topic;
            state.Active[state.Active.IndexOf(existing)] = changed;
            if (changed.Id > 0)
            {
                // Changed twice in one batch: the last change is the one written.
                updates.RemoveAll(u => u.Id == changed.Id);
                updates.Add(changed);
            }
            else
            {
                // Asked for and changed within the same batch: it is inserted as it ends up.
                inserts[inserts.IndexOf(existing)] = changed;
            }

            return QueueOutcome.Done(QueueResult.RequestUpdated) with { Kind = kind };
        }

        // A registered person's profile decides; someone who did not register (an anonymous participant, a guest) may
        // have said it in the request form; else nothing is known.
        var categories = person.Origin == SpeakerOrigin.Member && profiles.TryGetValue(person.StableId, out var profile)
            ? SpeakerCategories.From(profile)
            : given ?? SpeakerCategories.Unknown;
        var added = new SpeakerRequest
        {
            QueueId = state.Queue.Id,
            UserStableId = person.StableId,
            DisplayName = person.Name,
            Origin = person.Origin,
            Kind = kind,
            Topic = topic,
            Status = RequestStatus.Waiting,
            RequestedAt = _time.GetUtcNow(),
            StakeholderGroup = categories.Group,
            Subregion = categories.Subregion,
            Gender = categories.Gender,
        };
        inserts.Add(added);
        // Later requests of the same batch see this one: a double click within the batch is told it is on the list.
        state.Active.Add(added);
        return QueueOutcome.Done(kind == SpeechKind.PointOfOrder ? QueueResult.PointOfOrderAdded : QueueResult.Added) with { Kind = kind };
    }

    /// <summary>
    /// One transaction for one or more changes of a list, applied in order to the same loaded state, under the list's
    /// lock (<see cref="LockedTransactions"/>); the version check retries the changes on the new state if anything
    /// slipped past.
    /// Returns the outcomes and the list as committed, its order computed (null when the conversation has no list).
    /// </summary>
    public async Task<(IReadOnlyList<QueueOutcome> Outcomes, QueueState? State)> MutateManyAsync(
        string conversationId,
        Func<GcmDbContext, QueueState, Task<IReadOnlyList<QueueOutcome>>> changes,
        CancellationToken cancellationToken)
    {
        using var entered = await _gate.EnterAsync(conversationId, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await _databases.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginLockedAsync("speakers:" + conversationId, cancellationToken);
            var state = await SpeakerQueueService.LoadAsync(db, conversationId, tracking: true, cancellationToken);
            if (state is null)
            {
                return ([], null);
            }

            var outcomes = await changes(db, state);
            var changed = outcomes.Any(o => o.Changed);
            if (changed)
            {
                state.Queue.Version++;
                db.Entry(state.Queue).Property(q => q.Version).IsModified = true;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                continue;
            }

            if (changed)
            {
                _cardSignal.Notify();
            }

            // Saved: new requests have their ids now, so the order is computed afresh, once, here, before the state
            // is shared: every caller of a batch reads it, none writes it.
            state.Reorder();
            _ = state.Order;
            return (outcomes, state);
        }
    }
}

/// <summary>
/// The states the last request batches committed, for the next batch of the same list to start from when the list's
/// version says nothing else changed it. A handful of lists are live at once; more than that, and all are forgotten.
/// </summary>
internal sealed class RecentStates
{
    private const int MaxLists = 32;
    private readonly Dictionary<string, QueueState> _states = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public QueueState? Get(string conversationId)
    {
        lock (_lock)
        {
            return _states.GetValueOrDefault(conversationId);
        }
    }

    public void Remember(string conversationId, QueueState state)
    {
        lock (_lock)
        {
            if (_states.Count >= MaxLists && !_states.ContainsKey(conversationId))
            {
                _states.Clear();
            }

            _states[conversationId] = state;
        }
    }

    public void Forget(string conversationId)
    {
        lock (_lock)
        {
            _states.Remove(conversationId);
        }
    }
}
