using GcmBot.Bot.Coordination;
using GcmBot.Bot.Languages;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Conversations;
using GcmBot.Bot.Teams.Outbound;
using GcmBot.Bot.Telemetry;
using GcmBot.Cards.SpeakerQueue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.SpeakerQueue;

/// <summary>
/// Keeps each shared card in step with its list, coalesced: however many people act, a chat's card is updated at
/// most once per <see cref="SpeakerQueueOptions.CardUpdateIntervalMilliseconds"/> (Teams throttles a bot's sends per
/// chat), always with the latest state. It also sends the personal notices that follow from the list: "you have the
/// floor" and "you are next". Everything it needs is stored (versions, notice flags, the card's last update), so a
/// restart loses nothing. With several instances, a list is handled under its chat's lease ("speakers:{chat}", a
/// <see cref="WorkLease"/>): one instance at a time reads it, sends its notices and updates its card, and the stored
/// time of the last update keeps the pace whichever instance does it.
/// </summary>
public sealed partial class SpeakerQueueCardUpdater(
    IDbContextFactory<GcmDbContext> databases,
    ConversationStore conversations,
    ProactiveConnector connector,
    LeaseStore leases,
    GcmMetrics metrics,
    SpeakerQueueNotifier notifier,
    LanguageStore languages,
    IStringLocalizer<SpeakerQueueTexts> texts,
    IOptions<SpeakerQueueOptions> options,
    [FromKeyedServices(SpeakerQueueService.SignalKey)] OutboundSignal signal,
    TimeProvider time,
    ILogger<SpeakerQueueCardUpdater> logger) : BackgroundService
{
    /// <summary>How long a list's lease holds if its holder dies in the middle of a pass.</summary>
    private static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(30);

    /// <summary>How soon to look again at a list another instance was handling.</summary>
    private static readonly TimeSpan LeaseRetry = TimeSpan.FromMilliseconds(150);

    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan PassSpacing = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan DefaultRetry = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = IdlePoll;
            var waitingForDueCard = false;
            try
            {
                (wait, waitingForDueCard) = await PassAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                LogPassFailed(logger, ex);
            }

            try
            {
                // Paced in real time as well: during a burst every request signals, and a pass reads the whole list.
                await Task.Delay(PassSpacing, stoppingToken);
                if (waitingForDueCard)
                {
                    // A list changed since its card was updated less than an interval ago: nothing to do before its
                    // card is due, however many presses signal meanwhile (a pass takes a lease and reads the list, and
                    // on SQLite its writes queue with the presses'). Its notices go out with that pass.
                    await Task.Delay(wait, stoppingToken);
                }
                else
                {
                    await signal.WaitAsync(wait, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Handles every list whose card is behind; returns how long to wait before the next pass.</summary>
    /// <summary>One pass over the lists whose card is behind; how long until the next, and whether a card is waiting to be due.</summary>
    private async Task<(TimeSpan Wait, bool WaitingForDueCard)> PassAsync(CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.CardUpdateIntervalMilliseconds);
        List<string> behind;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            behind = await db.Set<SpeakerQueueRecord>().AsNoTracking()
                .Where(q => q.Version > q.RenderedVersion)
                .Select(q => q.ConversationId)
                .ToListAsync(cancellationToken);
        }

        var wait = IdlePoll;
        var waitingForDueCard = false;
        foreach (var conversationId in behind)
        {
            var remaining = IdlePoll;
            var handled = await leases.TryRunAsync(
                "speakers:" + conversationId,
                LeaseTime,
                async ct => remaining = await HandleAsync(conversationId, interval, ct),
                cancellationToken);
            if (!handled)
            {
                remaining = LeaseRetry;
            }

            waitingForDueCard |= handled && remaining < IdlePoll;
            wait = remaining < wait ? remaining : wait;
        }

        return (wait < MinimumWait ? MinimumWait : wait, waitingForDueCard);
    }

    /// <summary>One list, under its lease: notices, then the card if its interval has passed; returns the time left.</summary>
    private async Task<TimeSpan> HandleAsync(string conversationId, TimeSpan interval, CancellationToken cancellationToken)
    {
        QueueState? state;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            state = await SpeakerQueueService.LoadAsync(db, conversationId, tracking: false, cancellationToken);
        }

        if (state is null || state.Queue.Version <= state.Queue.RenderedVersion)
        {
            // Gone, or another instance brought it up to date since the list of lists behind was read.
            return IdlePoll;
        }

        await SendNoticesAsync(state, cancellationToken);
        var queue = state.Queue;
        var now = time.GetUtcNow();
        var dueAt = (queue.CardUpdatedAt ?? DateTimeOffset.MinValue) + interval;
        if (queue.CardActivityId is not null && now < dueAt)
        {
            return dueAt - now;
        }

        await UpdateCardAsync(state, now, cancellationToken);
        return IdlePoll;
    }

    private async Task UpdateCardAsync(QueueState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var queue = state.Queue;
        var conversation = queue.CardActivityId is null ? null : await conversations.FindAsync(queue.ConversationId, cancellationToken);
        if (queue.CardActivityId is null || conversation is null)
        {
            // No card to update (not posted yet, or Teams lost it): the next "speakers" posts a fresh one.
            await MarkAsync(queue, q => q.SetProperty(x => x.RenderedVersion, queue.Version), cancellationToken);
            return;
        }

        // The shared card speaks the chat's language (a moderator's "chat language"), whoever changed the list.
        var culture = await languages.OfChatAsync(queue.ConversationId, cancellationToken);
        Cards.AdaptiveCards.AdaptiveCard card;
        using (LanguageScope.Use(culture))
        {
            card = SpeakerQueueCard.Build(SpeakerQueueViews.Shared(state, options.Value, now, texts), culture);
        }

        var activity = CardAttachments.ToActivity(card);
        activity.Id = queue.CardActivityId;
        var result = await connector.UpdateAsync(ConversationStore.ToReference(conversation), activity, cancellationToken);

        switch (result.Outcome)
        {
            case SendOutcome.Sent:
                metrics.CardUpdated("speakers-list");
                // The pace counts from when Teams took the update: a slow send must not bring the next one closer.
                var sentAt = time.GetUtcNow();
                await MarkAsync(queue, q => q.SetProperty(x => x.RenderedVersion, queue.Version).SetProperty(x => x.CardUpdatedAt, sentAt), cancellationToken);
                break;
            case SendOutcome.Throttled:
                // Try again after the wait Teams asked for; the version stays behind, so the latest state goes then.
                LogThrottled(logger, result.StatusCode);
                var retryAt = now + (result.RetryAfter ?? DefaultRetry);
                await MarkAsync(queue, q => q.SetProperty(x => x.CardUpdatedAt, retryAt), cancellationToken);
                break;
            case SendOutcome.Gone:
                LogCardGone(logger, result.StatusCode);
                await MarkAsync(queue, q => q.SetProperty(x => x.RenderedVersion, queue.Version).SetProperty(x => x.CardActivityId, (string?)null), cancellationToken);
                break;
            default:
                LogCardFailed(logger, result.StatusCode);
                await MarkAsync(queue, q => q.SetProperty(x => x.RenderedVersion, queue.Version).SetProperty(x => x.CardUpdatedAt, now), cancellationToken);
                break;
        }
    }

    /// <summary>
    /// "You have the floor" to the current speaker and "you are next" to the first waiting, once each, each in their own
    /// language (see <see cref="SpeakerQueueNotifier"/> for those the bot cannot write to alone).
    /// </summary>
    private async Task SendNoticesAsync(QueueState state, CancellationToken cancellationToken)
    {
        if (state.Current is { FloorNoticeSent: false, UserStableId: not null } current)
        {
            await notifier.SendAsync(SpeakerNotice.For(SpeakerNoticeKind.Floor, current, state.Queue), cancellationToken);
            await SetFlagAsync(current.Id, r => r.SetProperty(x => x.FloorNoticeSent, true), cancellationToken);
        }

        if (state.Order.Count > 0 && state.RequestAt(state.Order[0]) is { NextNoticeSent: false, UserStableId: not null } first)
        {
            var kind = state.Current is null ? SpeakerNoticeKind.Next : SpeakerNoticeKind.NextAfterCurrent;
            await notifier.SendAsync(SpeakerNotice.For(kind, first, state.Queue), cancellationToken);
            await SetFlagAsync(first.Id, r => r.SetProperty(x => x.NextNoticeSent, true), cancellationToken);
        }
    }

    private async Task SetFlagAsync(
        long requestId,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<SpeakerRequest>> set,
        CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Set<SpeakerRequest>().Where(r => r.Id == requestId).ExecuteUpdateAsync(set, cancellationToken);
    }

    private async Task MarkAsync(
        SpeakerQueueRecord queue,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<SpeakerQueueRecord>> set,
        CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        // Only ever moves forward: a slower pass must not mark an older version as the one shown.
        await db.Set<SpeakerQueueRecord>().Where(q => q.Id == queue.Id && q.RenderedVersion < queue.Version).ExecuteUpdateAsync(set, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Updating speakers' list cards failed; will try again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "A speakers' list card update was throttled (HTTP {StatusCode}); retrying later")]
    private static partial void LogThrottled(ILogger logger, int? statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A speakers' list card is gone (HTTP {StatusCode}); it will be posted anew when asked")]
    private static partial void LogCardGone(ILogger logger, int? statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A speakers' list card update failed (HTTP {StatusCode}); the next change will try again")]
    private static partial void LogCardFailed(ILogger logger, int? statusCode);
}

/// <summary>
/// Warns the chair when a speaker's time is up. Runs on the app's <see cref="TimeProvider"/> and reads the deadlines
/// from the database, so a warning due during a restart is sent right after it; a claim on the row sends it once.
/// </summary>
public sealed partial class SpeakingTimeWatcher(
    IDbContextFactory<GcmDbContext> databases,
    INotificationQueue notifications,
    SpeakerQueueNotifier notifier,
    LanguageStore languages,
    IStringLocalizer<SpeakerQueueTexts> texts,
    IOptions<SpeakerQueueOptions> options,
    [FromKeyedServices(SpeakerQueueService.SignalKey)] OutboundSignal cardSignal,
    TimeProvider time,
    ILogger<SpeakingTimeWatcher> logger) : BackgroundService
{
    // Created with the service, as the host starts: ExecuteAsync runs a moment later on another thread, and a timer
    // created then would miss a clock that moved in between (a fake clock in tests only moves when told to).
    private readonly PeriodicTimer _timer = new(TimeSpan.FromSeconds(options.Value.TimeCheckSeconds), time);

    public override void Dispose()
    {
        _timer.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timer = _timer;
        do
        {
            try
            {
                await WarnDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                LogCheckFailed(logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task WarnDueAsync(CancellationToken cancellationToken)
    {
        await NoticeNearlyUpAsync(cancellationToken);
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var due = await db.Set<SpeakerRequest>().AsNoTracking()
            .Where(r => r.Status == RequestStatus.Speaking && r.TimeUpAt != null && r.TimeUpAt <= now && r.TimeUpWarnedAt == null)
            .Join(db.Set<SpeakerQueueRecord>(), r => r.QueueId, q => q.Id, (r, q) => new { Request = r, q.ConversationId, q.SpeakingLimitSeconds, q.Title })
            .ToListAsync(cancellationToken);
        foreach (var item in due)
        {
            var claimed = await db.Set<SpeakerRequest>()
                .Where(r => r.Id == item.Request.Id && r.TimeUpWarnedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.TimeUpWarnedAt, now), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            // The card shows "time is up" from the next update on.
            await db.Set<SpeakerQueueRecord>().Where(q => q.Id == item.Request.QueueId)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.Version, q => q.Version + 1), cancellationToken);
            cardSignal.Notify();

            var key = $"speakerqueue:timeup:{item.Request.Id}";
            var status = OutboundStatus.Unreachable;
            if (item.Request.CalledByStableId is { } chair)
            {
                // In the chair's language, whoever is speaking.
                using var scope = LanguageScope.Use(await languages.OfPersonAsync(chair, cancellationToken));
                var where = string.IsNullOrWhiteSpace(item.Title) ? texts["TheMeeting"].Value : texts["Quoted", item.Title].Value;
                status = await notifications.EnqueueToPersonAsync(
                    chair,
                    new OutboundContent(texts["TimeUp.Chair", item.Request.DisplayName, where, SpeakerQueueWords.Span(texts, item.SpeakingLimitSeconds)]),
                    key,
                    cancellationToken);
            }

            if (status == OutboundStatus.Unreachable)
            {
                // The chair never opened a personal chat with the bot: tell the meeting chat instead, without a name,
                // in the chat's language.
                using var scope = LanguageScope.Use(await languages.OfChatAsync(item.ConversationId, cancellationToken));
                await notifications.EnqueueToConversationAsync(
                    item.ConversationId,
                    new OutboundContent(texts["TimeUp.Chat", SpeakerQueueWords.Span(texts, item.SpeakingLimitSeconds)]),
                    key + ":chat",
                    cancellationToken);
            }

            LogWarned(logger);
        }
    }

    /// <summary>
    /// Tells each speaker, once, that their time is nearly up (<see cref="SpeakerQueueOptions.NearlyUpSeconds"/> before
    /// the limit), in their own language; a claim on the row sends it once.
    /// </summary>
    private async Task NoticeNearlyUpAsync(CancellationToken cancellationToken)
    {
        var before = options.Value.NearlyUpSeconds;
        if (before <= 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var horizon = now.AddSeconds(before);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var due = await db.Set<SpeakerRequest>().AsNoTracking()
            .Where(r => r.Status == RequestStatus.Speaking && r.TimeUpAt != null && r.TimeUpAt <= horizon && r.NearlyUpNoticedAt == null)
            .Join(db.Set<SpeakerQueueRecord>(), r => r.QueueId, q => q.Id, (r, q) => new { Request = r, Queue = q })
            .ToListAsync(cancellationToken);
        foreach (var item in due)
        {
            var claimed = await db.Set<SpeakerRequest>()
                .Where(r => r.Id == item.Request.Id && r.NearlyUpNoticedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.NearlyUpNoticedAt, now), cancellationToken);

            // A limit shorter than twice the notice would warn almost at once: the chair's "time is up" is enough then.
            if (claimed == 0 || item.Queue.SpeakingLimitSeconds < 2 * before || item.Request.TimeUpAt <= now || item.Request.UserStableId is null)
            {
                continue;
            }

            await notifier.SendAsync(SpeakerNotice.For(SpeakerNoticeKind.NearlyUp, item.Request, item.Queue), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warned a chair that a speaker's time is up")]
    private static partial void LogWarned(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking speaking times failed; will try again")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
