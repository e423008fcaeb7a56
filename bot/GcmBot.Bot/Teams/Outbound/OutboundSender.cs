using System.Diagnostics;
using System.Net;
using System.Threading.Channels;
using GcmBot.Bot.Coordination;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Teams.Conversations;
using GcmBot.Bot.Telemetry;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Activity = Microsoft.Bot.Schema.Activity;

namespace GcmBot.Bot.Teams.Outbound;

/// <summary>How one send attempt ended.</summary>
public enum SendOutcome { Sent, Throttled, Gone, Failed }

/// <summary>How one proactive call ended: its class, HTTP status, and the wait Teams asked for.</summary>
public sealed record ProactiveResult(SendOutcome Outcome, int? StatusCode, TimeSpan? RetryAfter)
{
    public Exception? Unexpected { get; init; }
}

/// <summary>
/// Delivers queued proactive messages, on as many instances as run, each message once:
/// <list type="bullet">
/// <item>an instance claims a second's worth of due messages with a lease (<c>FOR UPDATE SKIP LOCKED</c> on
/// PostgreSQL, so instances never wait for each other's rows); a lease that its holder did not finish (it died)
/// expires and another instance claims the messages again;</item>
/// <item>every send takes a slot of the app's and the conversation's shared schedules (<see cref="TeamsRateGate"/>),
/// so all instances together stay under Teams' 50 a second per app and 7 per conversation; a slot missed by more than
/// a few milliseconds is given up for a fresh one rather than sent late into the next sends' second;</item>
/// <item>429, 412 and 5xx are retried after Retry-After or a jittered exponential backoff, up to a bounded number of
/// attempts, and a 429 slows the whole app's schedule (the pattern of Microsoft's Company Communicator);</item>
/// <item>each outcome is written to the message's row as soon as it is known, so that an instance that stops (or
/// dies) leaves as little as possible sent but unrecorded; a send once started is finished and recorded even when the
/// host is stopping.</item>
/// </list>
/// </summary>
public sealed partial class OutboundSender(
    IDbContextFactory<GcmDbContext> databases,
    ProactiveConnector connector,
    TeamsRateGate rates,
    InstanceIdentity instance,
    GcmMetrics metrics,
    IOptions<OutboundOptions> options,
    OutboundSignal signal,
    TimeProvider time,
    ILogger<OutboundSender> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CountEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ForgetEvery = TimeSpan.FromMinutes(5);

    /// <summary>How late after its slot a send may still go; later, it takes a new slot.</summary>
    private static readonly TimeSpan LateTolerance = TimeSpan.FromMilliseconds(40);

    private readonly OutboundOptions _options = options.Value;
    private long _claims;
    private int _inFlight;

    /// <summary>Stopwatch timestamp until which this instance starts no send: Teams answered it 429.</summary>
    private long _pausedUntil;

    /// <summary>Sends started whose outcome is not yet recorded.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The claimer keeps about a second's worth of claimed messages ahead of the senders, so that the shared
        // schedule never waits for a claim; the senders take them one by one.
        var claimed = Channel.CreateBounded<OutboundMessage>(new BoundedChannelOptions(_options.MaxPerSecond)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var senders = Enumerable.Range(0, _options.Concurrency).Select(_ => SendLoopAsync(claimed.Reader, stoppingToken)).ToList();
        try
        {
            await ClaimLoopAsync(claimed.Writer, stoppingToken);
        }
        finally
        {
            claimed.Writer.TryComplete();
            await Task.WhenAll(senders);
            // Claimed but never started (the host is stopping): back to the queue at once, for any instance.
            var left = new List<OutboundMessage>();
            while (claimed.Reader.TryRead(out var message))
            {
                left.Add(message);
            }

            await ReleaseAsync(left, CancellationToken.None);
        }
    }

    private async Task ClaimLoopAsync(ChannelWriter<OutboundMessage> claimed, CancellationToken stoppingToken)
    {
        var nextCount = 0L;
        var nextForget = Stopwatch.GetTimestamp() + (long)(ForgetEvery.TotalSeconds * Stopwatch.Frequency);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (Stopwatch.GetTimestamp() >= nextCount)
                {
                    nextCount = Stopwatch.GetTimestamp() + (long)(CountEvery.TotalSeconds * Stopwatch.Frequency);
                    await CountQueueAsync(stoppingToken);
                }

                if (Stopwatch.GetTimestamp() >= nextForget)
                {
                    nextForget = Stopwatch.GetTimestamp() + (long)(ForgetEvery.TotalSeconds * Stopwatch.Frequency);
                    await rates.ForgetIdleAsync(stoppingToken);
                }

                // Waits while a second's worth is still ahead of the senders.
                await claimed.WaitToWriteAsync(stoppingToken);
                var batch = await ClaimAsync(stoppingToken);
                if (batch.Count == 0)
                {
                    await signal.WaitAsync(IdlePoll, stoppingToken);
                    continue;
                }

                for (var i = 0; i < batch.Count; i++)
                {
                    if (!claimed.TryWrite(batch[i]))
                    {
                        try
                        {
                            await claimed.WriteAsync(batch[i], stoppingToken);
                        }
                        catch (OperationCanceledException)
                        {
                            await ReleaseAsync(batch.Skip(i).ToList(), CancellationToken.None);
                            throw;
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                LogLoopFailed(logger, ex);
                await Task.Delay(IdlePoll, time, stoppingToken);
            }
        }
    }

    private async Task SendLoopAsync(ChannelReader<OutboundMessage> claimed, CancellationToken stoppingToken)
    {
        try
        {
            while (await claimed.WaitToReadAsync(stoppingToken))
            {
                if (!claimed.TryRead(out var message))
                {
                    continue;
                }

                var done = false;
                try
                {
                    done = await DeliverAsync(message, stoppingToken);
                }
                catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
                {
                    LogLoopFailed(logger, ex);
                }
                finally
                {
                    if (!done)
                    {
                        // Not sent (stopping, its lease ran short, or the database failed): back to the queue.
                        await ReleaseAsync([message], CancellationToken.None);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still claimed is released by ExecuteAsync.
        }
    }

    /// <summary>
    /// Takes up to a second's worth of due messages that nobody holds. On PostgreSQL the candidates are locked with
    /// <c>FOR UPDATE SKIP LOCKED</c>, so several instances claiming at once get different rows without waiting; on
    /// SQLite (one writer) the same conditional update decides.
    /// </summary>
    private async Task<List<OutboundMessage>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + TimeSpan.FromSeconds(_options.LeaseSeconds);
        var owner = $"{instance.Id}/{Interlocked.Increment(ref _claims)}";
        var take = _options.MaxPerSecond;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var ids = db.Database.IsNpgsql()
                ? await db.Database.SqlQuery<Guid>($"""
                    SELECT "Id" AS "Value" FROM "OutboundMessages"
                    WHERE "Status" = 'Pending' AND "NextAttemptAt" <= {now} AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {now})
                    ORDER BY "NextAttemptAt" LIMIT {take}
                    FOR UPDATE SKIP LOCKED
                    """).ToListAsync(cancellationToken)
                : await Due(db, now).OrderBy(m => m.NextAttemptAt).Take(take).Select(m => m.Id).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return [];
            }

            await Due(db, now).Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.LeaseOwner, owner).SetProperty(m => m.LeaseUntil, until), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await db.Set<OutboundMessage>().AsNoTracking()
            .Where(m => m.LeaseOwner == owner)
            .OrderBy(m => m.NextAttemptAt)
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<OutboundMessage> Due(GcmDbContext db, DateTimeOffset now) =>
        db.Set<OutboundMessage>().Where(m =>
            m.Status == OutboundStatus.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now));

    private async Task ReleaseAsync(IReadOnlyList<OutboundMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        var ids = messages.Select(m => m.Id).ToList();
        var owners = messages.Select(m => m.LeaseOwner).Distinct().ToList();
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            await db.Set<OutboundMessage>().Where(m => ids.Contains(m.Id) && owners.Contains(m.LeaseOwner) && m.Status == OutboundStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            // The leases expire by themselves; the messages are only later.
            LogLoopFailed(logger, ex);
        }
    }

    /// <summary>
    /// Paces, sends and records one message; false when it was left for later (not sent, to be released), true when it
    /// is done here (sent and recorded, or no longer this instance's to send).
    /// </summary>
    private async Task<bool> DeliverAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var sendTimeout = TimeSpan.FromSeconds(_options.SendTimeoutSeconds);
        // Read before the slot is taken: between the slot and the wire there is nothing left to wait for, so sends
        // leave at their slots' pace even when the database is slow (a read after the slot bunched them up).
        if (await FindConversationAsync(message.ConversationId!, cancellationToken) is not { } conversation)
        {
            await RecordAsync(message, new ProactiveResult(SendOutcome.Gone, null, null), CancellationToken.None);
            return true;
        }

        for (var attempt = 0; ; attempt++)
        {
            // Never start a send that could outlast the lease: another instance may claim the message after it.
            if (time.GetUtcNow() + sendTimeout >= message.LeaseUntil)
            {
                return false;
            }

            // The claim is renewed before the slot is taken, and only if it is still ours: a message whose lease ran
            // out while it waited (a slow database, a long pause) may have been claimed, and sent, by another instance.
            if (!await RenewAsync(message, cancellationToken))
            {
                return true;
            }

            // The slot's time is counted from when it was asked for: a reservation whose answer came back late (a stall
            // of this instance or of the database) makes the send late by as much, and a late send takes a new slot.
            var asked = Stopwatch.GetTimestamp();
            var slot = await rates.ReserveAsync(message.ConversationId!, cancellationToken);
            var due = asked + (long)(slot.Delay.TotalSeconds * Stopwatch.Frequency);
            if (slot.Delay > TimeSpan.Zero)
            {
                await Task.Delay(slot.Delay, cancellationToken);
            }

            var paused = Volatile.Read(ref _pausedUntil) - Stopwatch.GetTimestamp();
            if (paused > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)paused / Stopwatch.Frequency), cancellationToken);
                continue;
            }

            if (Stopwatch.GetElapsedTime(due) <= LateTolerance || attempt >= 3)
            {
                break;
            }
        }

        Interlocked.Increment(ref _inFlight);
        try
        {
            // Once started, a send finishes even when the host is stopping: cancelled half-way it may already have
            // reached Teams, and would be sent a second time by whoever claims it next.
            using var timeout = new CancellationTokenSource(sendTimeout);
            var result = await SendAsync(message, conversation, timeout.Token);
            if (result.StatusCode == 429)
            {
                var wait = result.RetryAfter ?? Backoff(1);
                PauseHere(wait);
                await rates.ThrottledAsync(wait, CancellationToken.None);
            }

            await RecordAsync(message, result, CancellationToken.None);
            return true;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task<bool> RenewAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + TimeSpan.FromSeconds(_options.LeaseSeconds);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<OutboundMessage>()
            .Where(m => m.Id == message.Id && m.LeaseOwner == message.LeaseOwner && m.Status == OutboundStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, until), cancellationToken) == 1;
    }

    private void PauseHere(TimeSpan wait)
    {
        var until = Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency);
        long seen;
        while ((seen = Volatile.Read(ref _pausedUntil)) < until && Interlocked.CompareExchange(ref _pausedUntil, until, seen) != seen)
        {
        }
    }

    private async Task<ConversationRecord?> FindConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<ConversationRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.ConversationId == conversationId, cancellationToken);
    }

    private Task<ProactiveResult> SendAsync(OutboundMessage message, ConversationRecord conversation, CancellationToken cancellationToken) =>
        message.ReplacesActivityId is null
            ? connector.SendAsync(ConversationStore.ToReference(conversation), ToActivity(message), cancellationToken)
            : connector.UpdateAsync(ConversationStore.ToReference(conversation), ToActivity(message), cancellationToken);

    /// <summary>Writes one outcome (and gives the lease back) right after the send.</summary>
    private async Task RecordAsync(OutboundMessage message, ProactiveResult result, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var attempt = message.Attempts + 1;
        var (status, nextAttempt) = result.Outcome switch
        {
            SendOutcome.Sent => (OutboundStatus.Sent, now),
            SendOutcome.Gone => (OutboundStatus.Gone, now),
            SendOutcome.Throttled when attempt < _options.MaxAttempts => (OutboundStatus.Pending, now + (result.RetryAfter ?? Backoff(attempt))),
            _ => (OutboundStatus.Failed, now),
        };

        if (status is OutboundStatus.Failed or OutboundStatus.Gone)
        {
            LogGaveUp(logger, message.Id, status, result.StatusCode, attempt);
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Set<OutboundMessage>().Where(m => m.Id == message.Id && m.Status == OutboundStatus.Pending).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Status, status)
                .SetProperty(m => m.Attempts, attempt)
                .SetProperty(m => m.LastStatusCode, result.StatusCode)
                .SetProperty(m => m.NextAttemptAt, nextAttempt)
                .SetProperty(m => m.CompletedAt, status == OutboundStatus.Pending ? null : now)
                .SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null),
            cancellationToken);
    }

    private async Task CountQueueAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var pending = db.Set<OutboundMessage>().Where(m => m.Status == OutboundStatus.Pending);
        var depth = await pending.CountAsync(cancellationToken);
        var oldest = depth == 0 ? (DateTimeOffset?)null : await pending.OrderBy(m => m.CreatedAt).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        metrics.OutboundQueue(depth, oldest is { } at ? time.GetUtcNow() - at : TimeSpan.Zero);
    }

    /// <summary>
    /// The turn of a proactive send (ContinueConversation), which the bot makes itself: the inbound middleware
    /// (de-duplication, conversation capture) has nothing to do there, and its database writes would slow every send.
    /// </summary>
    public static bool IsProactive(IActivity activity) =>
        activity.Type == ActivityTypes.Event && (activity as IEventActivity)?.Name == ActivityEventNames.ContinueConversation;

    public static SendOutcome Classify(HttpStatusCode status) => (int)status switch
    {
        >= 200 and < 300 => SendOutcome.Sent,
        429 or 412 or 500 or 502 or 503 or 504 => SendOutcome.Throttled,
        403 or 404 or 410 => SendOutcome.Gone,
        _ => SendOutcome.Failed,
    };

    /// <summary>
    /// How an error answer ends a send: by its status, except that Teams answers 400 <c>BadArgument</c> "Bot cannot
    /// create a conversation with an anonymous user" to a one-to-one chat with an anonymous meeting participant, which
    /// no retry will ever change: gone, like 403 and 404.
    /// </summary>
    public static SendOutcome Classify(ErrorResponseException error) =>
        error.Response?.StatusCode == HttpStatusCode.BadRequest && IsAnonymousUserRefusal(error)
            ? SendOutcome.Gone
            : Classify(error.Response?.StatusCode ?? 0);

    private static bool IsAnonymousUserRefusal(ErrorResponseException error)
    {
        var code = error.Body?.Error?.Code;
        var message = error.Body?.Error?.Message ?? error.Response?.Content;
        return (code is null || string.Equals(code, "BadArgument", StringComparison.OrdinalIgnoreCase))
            && message?.Contains("anonymous user", StringComparison.OrdinalIgnoreCase) == true;
    }

    internal static TimeSpan? RetryAfterOf(IDictionary<string, IEnumerable<string>>? headers)
    {
        if (headers is null)
        {
            return null;
        }

        var value = headers.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        return double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 300))
            : null;
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = _options.BaseRetryDelayMilliseconds * Math.Pow(2, attempt - 1);
        var jitter = Random.Shared.NextDouble() * _options.BaseRetryDelayMilliseconds;
        return TimeSpan.FromMilliseconds(Math.Min(exponential + jitter, 120_000));
    }

    private static Activity ToActivity(OutboundMessage message)
    {
        if (message.ActivityJson is not null)
        {
            // A turn's reply, kept whole (attachments, mentions, reply-to) so that it arrives as the turn meant it.
            var reply = Newtonsoft.Json.JsonConvert.DeserializeObject<Activity>(message.ActivityJson)!;
            reply.Id = message.ReplacesActivityId;
            return reply;
        }

        var activity = (Activity)MessageFactory.Text(message.Text ?? string.Empty);
        if (message.CardJson is not null)
        {
            activity.Attachments = [new Attachment { ContentType = Cards.AdaptiveCards.AdaptiveCard.ContentType, Content = JObject.Parse(message.CardJson) }];
            activity.Summary = message.Text;
            activity.Text = null;
        }

        return activity;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbound message {MessageId} ended as {Status} (HTTP {StatusCode}) after {Attempts} attempt(s)")]
    private static partial void LogGaveUp(ILogger logger, Guid messageId, OutboundStatus status, int? statusCode, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbound sender loop failed; it will continue")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
