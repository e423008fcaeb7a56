using GcmBot.Bot.Storage;
using GcmBot.Bot.Teams.Outbound;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Bot.SpeakerQueue;

/// <summary>
/// The write side of the speakers' lists, one for the app: every change runs in a transaction that loads the list,
/// applies the change and saves it with the list's version checked. Floor requests pressed at the same moment go
/// through a <see cref="GroupCommit{TKey, TItem, TResult}"/> per list: one load, one save and one commit for all
/// the requests that arrived while the previous batch committed, each person answered once theirs is committed.
/// </summary>
public sealed class SpeakerQueueWriter
{
    private const int MaxAttempts = 5;

    private readonly IDbContextFactory<GcmDbContext> databases;
    private readonly OutboundSignal cardSignal;
    private readonly INotificationQueue notifications;
    private readonly SpeakerQueueGate gate;
    private readonly TimeProvider time;
    private readonly GroupCommit<string, FloorRequest, (QueueOutcome, QueueState?)> _requests;

    public SpeakerQueueWriter(
        IDbContextFactory<GcmDbContext> databases,
        [FromKeyedServices(SpeakerQueueService.SignalKey)] OutboundSignal cardSignal,
        INotificationQueue notifications,
        SpeakerQueueGate gate,
        TimeProvider time)
    {
        this.databases = databases;
        this.cardSignal = cardSignal;
        this.notifications = notifications;
        this.gate = gate;
        this.time = time;
        _requests = new GroupCommit<string, FloorRequest, (QueueOutcome, QueueState?)>(CommitRequestsAsync);
    }

    /// <summary>Queues a floor request; completes with its outcome and the list as committed, once it is committed.</summary>
    public Task<(QueueOutcome Outcome, QueueState? State)> RequestAsync(string conversationId, FloorRequest request) =>
        _requests.SubmitAsync(conversationId, request);

    /// <summary>A batch of floor requests of one list: one load of the list, one save, one commit.</summary>
    private async Task<IReadOnlyList<(QueueOutcome, QueueState?)>> CommitRequestsAsync(string conversationId, IReadOnlyList<FloorRequest> requests)
    {
        var (outcomes, state) = await MutateManyAsync(conversationId, (db, state) => requests.Select(r => Request(db, state, r)).ToList(), CancellationToken.None);
        return state is null
            ? requests.Select(_ => (QueueOutcome.Unchanged(SpeakerQueueService.NoQueueText), (QueueState?)null)).ToList()
            : outcomes.Select(o => (o, (QueueState?)state)).ToList();
    }

    private QueueOutcome Request(GcmDbContext db, QueueState state, FloorRequest request)
    {
        var (person, kind, topic, categories) = request;
        if (!state.Queue.IsOpen)
        {
            return QueueOutcome.Unchanged("The speakers' list is closed, so I could not add you. The chair opens it when the floor is open for requests.");
        }

        var existing = state.ActiveOf(person.StableId);
        if (existing is { Status: RequestStatus.Speaking })
        {
            return QueueOutcome.Unchanged("You have the floor now.");
        }

        if (existing is not null)
        {
            if (existing.Kind == kind && existing.Topic == topic)
            {
                return QueueOutcome.Unchanged("You are already on the list; pressing again does not add you twice.");
            }

            // A changed kind or topic updates the request and keeps its place in the order of arrival.
            existing.Kind = kind;
            existing.Topic = topic;
            state.Reorder();
            return QueueOutcome.Done($"Updated your request ({kind.Label()}).");
        }

        var added = new SpeakerRequest
        {
            QueueId = state.Queue.Id,
            UserStableId = person.StableId,
            DisplayName = person.Name,
            Kind = kind,
            Topic = topic,
            Status = RequestStatus.Waiting,
            RequestedAt = time.GetUtcNow(),
            StakeholderGroup = categories.Group,
            Subregion = categories.Subregion,
            Gender = categories.Gender,
        };
        db.Add(added);
        // Later requests of the same batch see this one (a double click within the batch is told so).
        state.Active.Add(added);
        state.Reorder();
        return QueueOutcome.Done(kind == SpeechKind.PointOfOrder
            ? "Your point of order goes to the top of the list."
            : $"You are on the list ({kind.Label()}).");
    }

    public Task<(IReadOnlyList<QueueOutcome> Outcomes, QueueState? State)> MutateManyAsync(
        string conversationId, Func<GcmDbContext, QueueState, IReadOnlyList<QueueOutcome>> changes, CancellationToken cancellationToken) =>
        MutateManyAsync(conversationId, (db, state) => Task.FromResult(changes(db, state)), cancellationToken);

    /// <summary>
    /// One transaction for one or more changes of a list, applied in order to the same loaded state; returns their
    /// outcomes and the list as committed (null when the conversation has no list).
    /// </summary>
    public async Task<(IReadOnlyList<QueueOutcome> Outcomes, QueueState? State)> MutateManyAsync(
        string conversationId, Func<GcmDbContext, QueueState, Task<IReadOnlyList<QueueOutcome>>> changes, CancellationToken cancellationToken)
    {
        using var entered = await gate.EnterAsync(conversationId, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            IReadOnlyList<QueueOutcome> outcomes;
            QueueState? state;
            await using (var db = await databases.CreateDbContextAsync(cancellationToken))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                if (db.Database.IsNpgsql())
                {
                    // This instance's writer serialises its own changes to a list; this lock (held until the commit)
                    // does the same across instances, so that several instances do not retry each other away.
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"speakers:" + conversationId}))", cancellationToken);
                }

                state = await SpeakerQueueService.LoadAsync(db, conversationId, tracking: true, cancellationToken);
                if (state is null)
                {
                    return ([], null);
                }

                outcomes = await changes(db, state);
                if (outcomes.Any(o => o.Changed))
                {
                    state.Queue.Version++;
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

                if (outcomes.Any(o => o.Changed))
                {
                    cardSignal.Notify();
                }
            }

            foreach (var notice in outcomes.SelectMany(o => o.Notices ?? []))
            {
                await notifications.EnqueueToPersonAsync(notice.UserStableId, new OutboundContent(notice.Text), notice.DeduplicationKey, cancellationToken);
            }

            // Saved: new requests have their ids now, so the order is computed afresh, once, here: a batch's callers
            // all read it, and would otherwise each compute it at the same moment.
            state.Reorder();
            _ = state.Order;
            return (outcomes, state);
        }
    }

}
