using GcmBot.Bot.Participants;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Teams.Outbound;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.SpeakerQueue;

/// <summary>
/// The person acting: their stable id (for data), Teams id (for card refresh and mentions), display name, and where they
/// take part from (an anonymous meeting participant has no Entra object id and no personal chat with the bot).
/// </summary>
public sealed record QueueActor(string StableId, string TeamsId, string Name, SpeakerOrigin Origin = SpeakerOrigin.Member);

/// <summary>What an action did, as a code the Teams face turns into words.</summary>
public enum QueueResult
{
    None,
    NoQueue,
    AlreadyOnList,
    ListClosed,
    YouHaveTheFloor,
    RequestUpdated,
    Added,
    PointOfOrderAdded,
    NothingToWithdraw,
    SpeakingCannotWithdraw,
    Withdrawn,
    AlreadyOpen,
    Opened,
    AlreadyClosed,
    ClosedToNew,
    NobodyWaiting,
    TurnEndedNobodyElse,
    FloorGiven,
    NobodySpeaking,
    TurnEnded,
    NotWaiting,
    AlreadyFirst,
    AlreadyLast,
    MovedUp,
    MovedDown,
    Skipped,
    Removed,
    NothingToClear,
    Cleared,
    SettingsUnchanged,
    SettingsSaved,
    MeetingTitleUpdated,
    MeetingStarted,
    MeetingEnded,
    StaleNobody,
    StaleSpeaking,
    InRoomAdded,
    InRoomAlreadyOnList,
}

/// <summary>A person in the room, as the chair adds them: what they said of themselves.</summary>
public sealed record InRoomSpeaker(string Name, string? Organisation, SpeechKind Kind, string? Topic, SpeakerCategories Categories);

/// <summary>
/// What an action did and whom to tell. <see cref="Name"/> is the person the action concerned (a speaker, a waiting
/// person), <see cref="Count"/> a number of requests; <see cref="Kind"/>, <see cref="Policy"/> and
/// <see cref="LimitSeconds"/> what was requested or set.
/// </summary>
public sealed record QueueOutcome(bool Changed, QueueResult Result)
{
    public string? Name { get; init; }
    public int Count { get; init; }
    public SpeechKind Kind { get; init; }
    public OrderingPolicy Policy { get; init; }
    public int LimitSeconds { get; init; }
    public IReadOnlyList<SpeakerNotice> Notices { get; init; } = [];

    /// <summary>
    /// The list as the transaction holding this change left it, when the writer returns it (floor requests): the
    /// person is answered from it without reading the list again. Shared by every caller of a batch: read only.
    /// </summary>
    public QueueState? After { get; init; }

    public static QueueOutcome Done(QueueResult result) => new(true, result);

    public static QueueOutcome Unchanged(QueueResult result) => new(false, result);
}

/// <summary>A list as loaded from the database: the queue, its active requests, and who has spoken so far.</summary>
public sealed class QueueState
{
    private IReadOnlyList<QueuePlace>? _order;

    public required SpeakerQueueRecord Queue { get; init; }

    /// <summary>Waiting requests and the one with the floor.</summary>
    public required List<SpeakerRequest> Active { get; init; }

    /// <summary>Categories of every turn so far (the current one included), for the balanced policy.</summary>
    public required IReadOnlyList<SpeakerCategories> History { get; init; }

    /// <summary>Turns per person so far (the current one included), for first-time speakers.</summary>
    public required IReadOnlyDictionary<string, int> TurnsByPerson { get; init; }

    public required List<SpeakerQueueChair> Chairs { get; init; }

    public SpeakerRequest? Current => Active.FirstOrDefault(r => r.Status == RequestStatus.Speaking);

    /// <summary>The waiting requests in speaking order (computed once; call <see cref="Reorder"/> after changes).</summary>
    public IReadOnlyList<QueuePlace> Order => _order ??= QueueOrdering.Order(Waiting(), History, Queue.Policy);

    public void Reorder() => _order = null;

    public IReadOnlyList<WaitingRequest> Waiting() => Active
        .Where(r => r.Status == RequestStatus.Waiting)
        .Select(r => new WaitingRequest(
            r.Id,
            r.Kind,
            r.UserStableId is null ? 0 : TurnsByPerson.GetValueOrDefault(r.UserStableId),
            SpeakerCategories.Of(r.StakeholderGroup, r.Subregion, r.Gender),
            r.Adjustment,
            r.AdjustedSequence))
        .ToList();

    public SpeakerRequest RequestAt(QueuePlace place) => Active.First(r => r.Id == place.Request.Id);

    public SpeakerRequest? ActiveOf(string userStableId) => Active.FirstOrDefault(r => r.UserStableId == userStableId);

    public QueuePlace? PlaceOf(string userStableId) =>
        ActiveOf(userStableId) is { Status: RequestStatus.Waiting } request ? Order.First(p => p.Request.Id == request.Id) : null;

    /// <summary>
    /// A copy to apply further changes to, leaving this state as it is for those still reading it: its own list record
    /// and list of active requests (a request that changes is replaced by a changed copy, never changed in place).
    /// </summary>
    public QueueState Copy() => new()
    {
        Queue = Queue.Copy(),
        Active = [.. Active],
        History = History,
        TurnsByPerson = TurnsByPerson,
        Chairs = Chairs,
    };
}

/// <summary>
/// The speakers' list of a conversation: requests, withdrawals and the chair's actions. Each action runs in one
/// transaction that checks the list's version, so that two people acting at the same moment cannot both move it;
/// the shared card and the personal notices follow from what is stored (see <see cref="SpeakerQueueCardUpdater"/>).
/// Chair permissions are checked by the Teams handlers before they call in here.
/// </summary>
public sealed class SpeakerQueueService(
    IDbContextFactory<GcmDbContext> databases,
    IOptions<SpeakerQueueOptions> options,
    SpeakerQueueNotifier notifier,
    SpeakerQueueWriter writer,
    IServiceProvider services,
    TimeProvider time)
{
    public const string SignalKey = "speaker-queue-card";

    /// <summary>The stable id of a person in the room starts so: they have no Teams identity.</summary>
    public const string InRoomPrefix = "room:";

    /// <summary>The list of a conversation, created (closed, with the default policy and limit) if it has none.</summary>
    public async Task<SpeakerQueueRecord> EnsureAsync(string conversationId, string? meetingId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var existing = await db.Set<SpeakerQueueRecord>().AsNoTracking().FirstOrDefaultAsync(q => q.ConversationId == conversationId, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var queue = new SpeakerQueueRecord
        {
            Id = Guid.NewGuid(),
            ConversationId = conversationId,
            MeetingId = meetingId,
            Policy = SpeakerQueueText.ParsePolicy(options.Value.DefaultPolicy) ?? OrderingPolicy.FirstComeFirstServed,
            SpeakingLimitSeconds = options.Value.DefaultSpeakingLimitSeconds,
            CreatedAt = time.GetUtcNow(),
            Version = 1,
        };
        db.Add(queue);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return queue;
        }
        catch (DbUpdateException)
        {
            // Created by another turn at the same moment (unique conversation id): use that one.
            await using var again = await databases.CreateDbContextAsync(cancellationToken);
            return await again.Set<SpeakerQueueRecord>().AsNoTracking().FirstAsync(q => q.ConversationId == conversationId, cancellationToken);
        }
    }

    /// <summary>The list as it is now, or null when the conversation has none.</summary>
    public async Task<QueueState?> LoadAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await LoadAsync(db, conversationId, tracking: false, cancellationToken);
    }

    public Task<QueueOutcome> RequestAsync(
        string conversationId, QueueActor person, SpeechKind kind, string? topic, CancellationToken cancellationToken) =>
        RequestAsync(conversationId, person, kind, topic, given: null, cancellationToken);

    /// <param name="given">
    /// The group, subregion and gender a person who did not register gave in the request form (null: none given).
    /// A registered person's profile takes precedence.
    /// </param>
    public async Task<QueueOutcome> RequestAsync(
        string conversationId, QueueActor person, SpeechKind kind, string? topic, SpeakerCategories? given, CancellationToken cancellationToken)
    {
        try
        {
            // Presses of the same list at the same moment go in one transaction; this one is answered once it is in.
            return await writer.RequestAsync(conversationId, new FloorRequest(person, kind, topic, given));
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // The unique index refused a second active request of the same person (a double click racing itself).
            return QueueOutcome.Unchanged(QueueResult.AlreadyOnList);
        }
    }

    /// <summary>
    /// The chair adds a person in the room of a hybrid consultation, with what they said of themselves: they take their
    /// place, count in the balance and appear in the interventions like anyone online. The same name added again in
    /// this list is the same person (for "first-time speakers first").
    /// </summary>
    public Task<QueueOutcome> AddInRoomAsync(
        string conversationId, QueueActor chair, InRoomSpeaker speaker, CancellationToken cancellationToken) =>
        MutateAsync(conversationId, chair, async (db, state) =>
        {
            var known = await db.Set<SpeakerRequest>().AsNoTracking()
                .Where(r => r.QueueId == state.Queue.Id && r.Origin == SpeakerOrigin.InRoom && r.DisplayName == speaker.Name && r.UserStableId != null)
                .Select(r => r.UserStableId)
                .FirstOrDefaultAsync(cancellationToken);
            var id = known ?? InRoomPrefix + Guid.NewGuid().ToString("N");
            if (state.ActiveOf(id) is not null)
            {
                return QueueOutcome.Unchanged(QueueResult.InRoomAlreadyOnList) with { Name = speaker.Name };
            }

            db.Add(new SpeakerRequest
            {
                QueueId = state.Queue.Id,
                UserStableId = id,
                DisplayName = speaker.Name,
                Origin = SpeakerOrigin.InRoom,
                Kind = speaker.Kind,
                Topic = speaker.Topic,
                Status = RequestStatus.Waiting,
                RequestedAt = time.GetUtcNow(),
                Organisation = speaker.Organisation,
                StakeholderGroup = speaker.Categories.Group,
                Subregion = speaker.Categories.Subregion,
                Gender = speaker.Categories.Gender,
            });
            return QueueOutcome.Done(QueueResult.InRoomAdded) with { Name = speaker.Name, Kind = speaker.Kind };
        }, cancellationToken);

    public Task<QueueOutcome> WithdrawAsync(string conversationId, QueueActor person, CancellationToken cancellationToken) =>
        MutateAsync(conversationId, chair: null, (db, state) =>
        {
            var existing = state.ActiveOf(person.StableId);
            switch (existing)
            {
                case null:
                    return QueueOutcome.Unchanged(QueueResult.NothingToWithdraw);
                case { Status: RequestStatus.Speaking }:
                    return QueueOutcome.Unchanged(QueueResult.SpeakingCannotWithdraw);
                default:
                    db.Remove(existing);
                    return QueueOutcome.Done(QueueResult.Withdrawn);
            }
        }, cancellationToken);

    public Task<QueueOutcome> OpenAsync(string conversationId, QueueActor chair, CancellationToken cancellationToken) =>
        MutateAsync(conversationId, chair, (_, state) =>
        {
            if (state.Queue.IsOpen)
            {
                return QueueOutcome.Unchanged(QueueResult.AlreadyOpen);
            }

            state.Queue.IsOpen = true;
            return QueueOutcome.Done(QueueResult.Opened);
        }, cancellationToken);

    /// <summary>Closes the list to new requests; those already on it still get their turn (the chair can clear them).</summary>
    public Task<QueueOutcome> CloseAsync(string conversationId, QueueActor chair, CancellationToken cancellationToken) =>
        MutateAsync(conversationId, chair, (_, state) =>
        {
            if (!state.Queue.IsOpen)
            {
                return QueueOutcome.Unchanged(QueueResult.AlreadyClosed);
            }

            state.Queue.IsOpen = false;
            return QueueOutcome.Done(QueueResult.ClosedToNew);
        }, cancellationToken);

    /// <summary>
    /// Ends the current turn and gives the floor to the first waiting person. <paramref name="expectedCurrent"/> is
    /// the request the chair saw speaking (null: nobody): when the list has moved on since, nothing changes, so a
    /// double click or two chairs at once advance it only once.
    /// </summary>
    public async Task<QueueOutcome> NextAsync(string conversationId, QueueActor chair, long? expectedCurrent, CancellationToken cancellationToken)
    {
        var directory = services.GetService<IParticipantDirectory>();
        return await MutateAsync(conversationId, chair, async (_, state) =>
        {
            if (Stale(state, expectedCurrent) is { } stale)
            {
                return stale;
            }

            var ended = EndTurn(state);
            if (state.Order.Count == 0)
            {
                return ended is null
                    ? QueueOutcome.Unchanged(QueueResult.NobodyWaiting)
                    : QueueOutcome.Done(QueueResult.TurnEndedNobodyElse) with { Name = ended.DisplayName };
            }

            var next = state.RequestAt(state.Order[0]);
            var now = time.GetUtcNow();
            next.Status = RequestStatus.Speaking;
            next.StartedAt = now;
            next.TimeUpAt = state.Queue.SpeakingLimitSeconds > 0 ? now.AddSeconds(state.Queue.SpeakingLimitSeconds) : null;
            next.CalledByStableId = chair.StableId;
            if (directory is not null && next.UserStableId is not null && next.Origin == SpeakerOrigin.Member &&
                await directory.FindAsync(next.UserStableId, cancellationToken) is { } profile)
            {
                // The registration as it is when the person speaks is what the export and the balance count. Without
                // one, what the person (or the chair, for someone in the room) gave with the request stays.
                var categories = SpeakerCategories.From(profile);
                next.Organisation = Trim(profile.Organisation, 200);
                next.StakeholderGroup = categories.Group;
                next.Subregion = categories.Subregion;
                next.Gender = categories.Gender;
            }

            state.Queue.CurrentRequestId = next.Id;
            return QueueOutcome.Done(QueueResult.FloorGiven) with { Name = next.DisplayName };
        }, cancellationToken);
    }

    public Task<QueueOutcome> EndTurnAsync(string conversationId, QueueActor chair, long? expectedCurrent, CancellationToken cancellationToken) =>
        MutateAsync(conversationId, chair, (_, state) =>
        {
            if (Stale(state, expectedCurrent) is { } stale)
            {
                return stale;
            }

            var ended = EndTurn(state);
            return ended is null
                ? QueueOutcome.Unchanged(QueueResult.NobodySpeaking)
                : QueueOutcome.Done(QueueResult.TurnEnded) with { Name = ended.DisplayName };
        }, cancellationToken);

    /// <summary>Moves a waiting request <paramref name="delta"/> places (negative: up).</summary>
    public Task<QueueOutcome> MoveAsync(string conversationId, QueueActor chair, long requestId, int delta, CancellationToken cancellationToken) =>
        MutateAsync(conversationId, chair, (_, state) =>
        {
            var request = state.Active.FirstOrDefault(r => r.Id == requestId && r.Status == RequestStatus.Waiting);
            if (request is null)
            {
                return QueueOutcome.Unchanged(QueueResult.NotWaiting);
            }

            var adjustment = QueueOrdering.AdjustmentForMove(state.Waiting(), state.History, state.Queue.Policy, requestId, delta);
            if (adjustment is null)
            {
                return QueueOutcome.Unchanged(delta < 0 ? QueueResult.AlreadyFirst : QueueResult.AlreadyLast) with { Name = request.DisplayName };
            }

            request.Adjustment = adjustment.Value;
            // The list's version only grows, so it orders the chair's moves: the latest is applied last.
            request.AdjustedSequence = state.Queue.Version + 1;
            return QueueOutcome.Done(delta < 0 ? QueueResult.MovedUp : QueueResult.MovedDown) with { Name = request.DisplayName };
        }, cancellationToken);

    /// <summary>Takes a waiting request off the list; <paramref name="skipped"/>: the person was called but not there.</summary>
    public Task<QueueOutcome> TakeOffAsync(string conversationId, QueueActor chair, long requestId, bool skipped, CancellationToken cancellationToken) =>
        MutateAsync(conversationId, chair, (db, state) =>
        {
            var request = state.Active.FirstOrDefault(r => r.Id == requestId && r.Status == RequestStatus.Waiting);
            if (request is null)
            {
                return QueueOutcome.Unchanged(QueueResult.NotWaiting);
            }

            db.Remove(request);
            SpeakerNotice[] notices = request.UserStableId is null
                ? []
                : [SpeakerNotice.For(skipped ? SpeakerNoticeKind.PassedOver : SpeakerNoticeKind.TakenOff, request, state.Queue)];
            return QueueOutcome.Done(skipped ? QueueResult.Skipped : QueueResult.Removed) with { Name = request.DisplayName, Notices = notices };
        }, cancellationToken);

    public Task<QueueOutcome> ClearAsync(string conversationId, QueueActor chair, CancellationToken cancellationToken) =>
        MutateAsync(conversationId, chair, (db, state) =>
        {
            var waiting = state.Active.Where(r => r.Status == RequestStatus.Waiting).ToList();
            if (waiting.Count == 0)
            {
                return QueueOutcome.Unchanged(QueueResult.NothingToClear);
            }

            db.RemoveRange(waiting);
            return QueueOutcome.Done(QueueResult.Cleared) with { Count = waiting.Count };
        }, cancellationToken);

    /// <summary>Sets the ordering policy and the speaking-time limit (which applies to the current speaker too).</summary>
    public Task<QueueOutcome> ConfigureAsync(
        string conversationId, QueueActor chair, OrderingPolicy policy, int limitSeconds, CancellationToken cancellationToken) =>
        MutateAsync(conversationId, chair, (_, state) =>
        {
            var queue = state.Queue;
            if (queue.Policy == policy && queue.SpeakingLimitSeconds == limitSeconds)
            {
                return QueueOutcome.Unchanged(QueueResult.SettingsUnchanged);
            }

            queue.Policy = policy;
            queue.SpeakingLimitSeconds = limitSeconds;
            if (state.Current is { StartedAt: { } started } current)
            {
                current.TimeUpAt = limitSeconds > 0 ? started.AddSeconds(limitSeconds) : null;
                if (current.TimeUpAt is null || current.TimeUpAt > time.GetUtcNow())
                {
                    current.TimeUpWarnedAt = null;
                    current.NearlyUpNoticedAt = null;
                }
            }

            return QueueOutcome.Done(QueueResult.SettingsSaved) with { Policy = policy, LimitSeconds = limitSeconds };
        }, cancellationToken);

    /// <summary>Teams says the meeting started: the list opens by itself.</summary>
    public async Task<QueueOutcome> MeetingStartedAsync(string conversationId, string? meetingId, string? title, CancellationToken cancellationToken)
    {
        await EnsureAsync(conversationId, meetingId, cancellationToken);
        return await MutateAsync(conversationId, chair: null, (_, state) =>
        {
            var queue = state.Queue;
            var titleChanged = !string.IsNullOrWhiteSpace(title) && queue.Title != Trim(title, 200);
            if (titleChanged)
            {
                queue.Title = Trim(title, 200);
            }

            queue.MeetingId ??= meetingId;
            if (queue.IsOpen)
            {
                return titleChanged ? QueueOutcome.Done(QueueResult.MeetingTitleUpdated) : QueueOutcome.Unchanged(QueueResult.AlreadyOpen);
            }

            queue.IsOpen = true;
            return QueueOutcome.Done(QueueResult.MeetingStarted);
        }, cancellationToken);
    }

    /// <summary>Teams says the meeting ended: the list closes, the current turn ends and requests not reached are cleared.</summary>
    public Task<QueueOutcome> MeetingEndedAsync(string conversationId, CancellationToken cancellationToken) =>
        MutateAsync(conversationId, chair: null, (db, state) =>
        {
            var waiting = state.Active.Where(r => r.Status == RequestStatus.Waiting).ToList();
            var ended = EndTurn(state);
            if (!state.Queue.IsOpen && ended is null && waiting.Count == 0)
            {
                return QueueOutcome.Unchanged(QueueResult.AlreadyClosed);
            }

            state.Queue.IsOpen = false;
            db.RemoveRange(waiting);
            return QueueOutcome.Done(QueueResult.MeetingEnded);
        }, cancellationToken);

    /// <summary>Records the message that now holds the shared card; returns the one that held it before, if any.</summary>
    public async Task<string?> RecordCardAsync(Guid queueId, string activityId, long renderedVersion, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var queue = await db.Set<SpeakerQueueRecord>().AsTracking().FirstAsync(q => q.Id == queueId, cancellationToken);
        var previous = queue.CardActivityId;
        queue.CardActivityId = activityId;
        queue.CardPostedAt = now;
        queue.CardUpdatedAt = now;
        queue.RenderedVersion = Math.Max(queue.RenderedVersion, renderedVersion);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return previous;
    }

    /// <summary>Remembers a chair (for the card's refresh) without changing the list.</summary>
    public Task<QueueOutcome> RecordChairAsync(string conversationId, QueueActor chair, CancellationToken cancellationToken) =>
        MutateAsync(conversationId, chair, (_, _) => QueueOutcome.Unchanged(QueueResult.None), cancellationToken);

    private static QueueOutcome? Stale(QueueState state, long? expectedCurrent)
    {
        var current = state.Current;
        if (current?.Id == expectedCurrent)
        {
            return null;
        }

        return current is null
            ? QueueOutcome.Unchanged(QueueResult.StaleNobody)
            : QueueOutcome.Unchanged(QueueResult.StaleSpeaking) with { Name = current.DisplayName };
    }

    private SpeakerRequest? EndTurn(QueueState state)
    {
        var current = state.Current;
        if (current is null)
        {
            return null;
        }

        current.Status = RequestStatus.Done;
        current.EndedAt = time.GetUtcNow();
        state.Queue.CurrentRequestId = null;
        return current;
    }

    private Task<QueueOutcome> MutateAsync(
        string conversationId, QueueActor? chair, Func<GcmDbContext, QueueState, QueueOutcome> change, CancellationToken cancellationToken) =>
        MutateAsync(conversationId, chair, (db, state) => Task.FromResult(change(db, state)), cancellationToken);

    /// <summary>
    /// Applies a change to the list in its own transaction (see <see cref="SpeakerQueueWriter.MutateManyAsync"/>), then
    /// sends its notices once it is committed.
    /// </summary>
    private async Task<QueueOutcome> MutateAsync(
        string conversationId, QueueActor? chair, Func<GcmDbContext, QueueState, Task<QueueOutcome>> change, CancellationToken cancellationToken)
    {
        var (outcomes, state) = await writer.MutateManyAsync(conversationId, async (db, state) =>
        {
            var outcome = await change(db, state);
            if (chair is not null)
            {
                // A new chair joins the card's refresh list with the next change of the list, not by itself:
                // re-rendering the shared card now would only replace the controls they just opened.
                RecordChair(db, state, chair);
            }

            return [outcome];
        }, cancellationToken);
        if (state is null)
        {
            return QueueOutcome.Unchanged(QueueResult.NoQueue);
        }

        var done = outcomes[0];
        foreach (var notice in done.Notices)
        {
            await notifier.SendAsync(notice, cancellationToken);
        }

        return done;
    }

    private void RecordChair(GcmDbContext db, QueueState state, QueueActor chair)
    {
        var now = time.GetUtcNow();
        var known = state.Chairs.FirstOrDefault(c => c.UserStableId == chair.StableId);
        if (known is not null)
        {
            known.LastActedAt = now;
            known.UserTeamsId = chair.TeamsId;
            return;
        }

        var added = new SpeakerQueueChair { QueueId = state.Queue.Id, UserStableId = chair.StableId, UserTeamsId = chair.TeamsId, LastActedAt = now };
        db.Add(added);
        state.Chairs.Add(added);
    }

    internal static async Task<QueueState?> LoadAsync(GcmDbContext db, string conversationId, bool tracking, CancellationToken cancellationToken)
    {
        var queues = tracking ? db.Set<SpeakerQueueRecord>().AsTracking() : db.Set<SpeakerQueueRecord>().AsNoTracking();
        var queue = await queues.FirstOrDefaultAsync(q => q.ConversationId == conversationId, cancellationToken);
        if (queue is null)
        {
            return null;
        }

        var requests = tracking ? db.Set<SpeakerRequest>().AsTracking() : db.Set<SpeakerRequest>().AsNoTracking();
        var active = await requests
            .Where(r => r.QueueId == queue.Id && r.Status != RequestStatus.Done)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var turns = await db.Set<SpeakerRequest>().AsNoTracking()
            .Where(r => r.QueueId == queue.Id && r.StartedAt != null)
            .Select(r => new { r.UserStableId, r.StakeholderGroup, r.Subregion, r.Gender })
            .ToListAsync(cancellationToken);
        var chairs = tracking ? db.Set<SpeakerQueueChair>().AsTracking() : db.Set<SpeakerQueueChair>().AsNoTracking();
        return new QueueState
        {
            Queue = queue,
            Active = active,
            History = turns.Select(t => SpeakerCategories.Of(t.StakeholderGroup, t.Subregion, t.Gender)).ToList(),
            TurnsByPerson = turns.Where(t => t.UserStableId is not null).GroupBy(t => t.UserStableId!).ToDictionary(g => g.Key, g => g.Count()),
            Chairs = await chairs.Where(c => c.QueueId == queue.Id).ToListAsync(cancellationToken),
        };
    }

    internal static string? Trim(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var clean = new string(text.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return clean.Length <= maxLength ? clean : clean[..maxLength].TrimEnd();
    }
}

/// <summary>
/// Lets one action at a time into a list's write transaction, in this process. Correctness does not depend on it (the
/// transaction and the version check do that); it saves a crowd of 300 from queuing on SQLite's write lock, whose
/// busy handler polls with growing sleeps, instead of waiting in order here. Striped, so that memory stays bounded.
/// </summary>
public sealed class SpeakerQueueGate
{
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> EnterAsync(string conversationId, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(conversationId) % (uint)_stripes.Length)];
        await stripe.WaitAsync(cancellationToken);
        return new Release(stripe);
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}
