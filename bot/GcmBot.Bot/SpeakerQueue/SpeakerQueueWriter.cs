using GcmBot.Bot.Participants;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Teams.Outbound;
using Microsoft.EntityFrameworkCore;

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
/// pressed at the same moment go through a <see cref="GroupCommit{TKey, TItem, TResult}"/> per list: one load, one
/// save and one commit for all the requests that arrived while the previous batch committed; each person is answered
/// once the transaction holding their request has committed, with the list as that transaction left it.
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

    /// <summary>A batch of floor requests of one list, in order of arrival: one load of the list, one save, one commit.</summary>
    private async Task<IReadOnlyList<QueueOutcome>> CommitRequestsAsync(string conversationId, IReadOnlyList<FloorRequest> requests)
    {
        // Not the callers' tokens: one caller giving up must not fail the others' writes.
        var profiles = await ProfilesAsync(requests);
        var (outcomes, state) = await MutateManyAsync(
            conversationId,
            (db, state) =>
            {
                // Every change of a request batch is marked where it is made (Apply), so the save need not compare
                // each of the list's tracked requests (hundreds in a crowd) with its snapshot.
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                return Task.FromResult<IReadOnlyList<QueueOutcome>>(requests.Select(r => Apply(db, state, r, profiles)).ToList());
            },
            CancellationToken.None,
            FinishedTurns.Pending(requests.Select(r => r.Turn)));
        return state is null
            ? requests.Select(_ => QueueOutcome.Unchanged(QueueResult.NoQueue)).ToList()
            : outcomes.Select(o => o with { After = state }).ToList();
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

    private QueueOutcome Apply(GcmDbContext db, QueueState state, FloorRequest request, IReadOnlyDictionary<string, ParticipantProfile> profiles)
    {
        var (person, kind, topic, given, _) = request;
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
            existing.Kind = kind;
            existing.Topic = topic;
            db.Entry(existing).Property(r => r.Kind).IsModified = true;
            db.Entry(existing).Property(r => r.Topic).IsModified = true;
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
        db.Add(added);
        // Later requests of the same batch see this one: a double click within the batch is told it is on the list.
        state.Active.Add(added);
        return QueueOutcome.Done(kind == SpeechKind.PointOfOrder ? QueueResult.PointOfOrderAdded : QueueResult.Added) with { Kind = kind };
    }

    /// <summary>
    /// One transaction for one or more changes of a list, applied in order to the same loaded state: on SQLite the
    /// transaction takes the write lock at once, on PostgreSQL an advisory lock on the list (held until the commit)
    /// orders the instances, and the version check retries the changes on the new state if anything slipped past.
    /// Returns the outcomes and the list as committed, its order computed (null when the conversation has no list).
    /// The <paramref name="finished"/> turns' de-duplication records commit in the same transaction.
    /// </summary>
    public async Task<(IReadOnlyList<QueueOutcome> Outcomes, QueueState? State)> MutateManyAsync(
        string conversationId,
        Func<GcmDbContext, QueueState, Task<IReadOnlyList<QueueOutcome>>> changes,
        CancellationToken cancellationToken,
        IReadOnlyCollection<FinishedTurn>? finished = null)
    {
        using var entered = await _gate.EnterAsync(conversationId, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await _databases.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                // The gate serialises one instance's changes to a list; this lock (held until the commit) does the
                // same across instances, so that several instances do not retry each other away.
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"speakers:" + conversationId}))", cancellationToken);
            }

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
                if (finished is not null)
                {
                    // The presses' de-duplication records commit with them: one commit a batch, not two (FinishedTurns).
                    await FinishedTurns.RecordAsync(db, finished.Select(t => t.Key), _time.GetUtcNow(), cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                continue;
            }

            if (finished is not null)
            {
                FinishedTurns.Recorded(finished);
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
