using System.Collections.Concurrent;
using System.Net;
using System.Threading.RateLimiting;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Teams.Conversations;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace GcmBot.Bot.Teams.Outbound;

/// <summary>How one send attempt ended.</summary>
public enum SendOutcome { Sent, Throttled, Gone, Failed }

/// <summary>How one proactive call ended: its class, HTTP status, and the wait Teams asked for.</summary>
public sealed record ProactiveResult(SendOutcome Outcome, int? StatusCode, TimeSpan? RetryAfter)
{
    public Exception? Unexpected { get; init; }
}

/// <summary>
/// Delivers queued proactive messages: paced under Teams' per-app and per-conversation limits (smoothly, not in
/// once-a-second bursts), retrying 429, 412 and 5xx with Retry-After or jittered exponential backoff, pausing every
/// send when Teams answers 429, giving up visibly after a bounded number of attempts (the pattern of Microsoft's
/// Company Communicator). Every outcome is written back to the message's row; a send that has started is finished
/// and recorded even when the host stops, so that a restart neither loses nor repeats messages.
/// </summary>
public sealed partial class OutboundSender(
    IDbContextFactory<GcmDbContext> databases,
    IBotFrameworkHttpAdapter httpAdapter,
    IOptions<OutboundOptions> options,
    IOptions<BotIdentityOptions> identity,
    OutboundSignal signal,
    TimeProvider time,
    ILogger<OutboundSender> logger) : BackgroundService
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    private readonly OutboundOptions _options = options.Value;

    /// <summary>UTC ticks until which no send starts: Teams answered 429, so the whole app waits as it asked.</summary>
    private long _pausedUntilTicks;

    /// <summary>One send attempt and how it ended.</summary>
    private sealed record Attempt(OutboundMessage Message, SendOutcome Outcome, int? StatusCode, TimeSpan? RetryAfter);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var appLimiter = new TokenBucketRateLimiter(Smooth(_options.MaxPerSecond));
        using var conversationLimiter = PartitionedRateLimiter.Create<string, string>(conversationId =>
            RateLimitPartition.GetTokenBucketLimiter(conversationId, _ => Smooth(_options.MaxPerSecondPerConversation)));

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var due = await LoadDueAsync(stoppingToken);
                if (due.Count == 0)
                {
                    await signal.WaitAsync(IdlePoll, stoppingToken);
                    continue;
                }

                var attempts = new ConcurrentQueue<Attempt>();
                try
                {
                    await Parallel.ForEachAsync(
                        due,
                        new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency, CancellationToken = stoppingToken },
                        async (message, ct) =>
                        {
                            using var appLease = await appLimiter.AcquireAsync(1, ct);
                            using var conversationLease = await conversationLimiter.AcquireAsync(message.ConversationId!, 1, ct);
                            await WhilePausedAsync(ct);
                            // Once started, a send finishes even when the host is stopping: cancelled half-way it may
                            // already have reached Teams, and would be sent a second time after the restart.
                            attempts.Enqueue(await SendAsync(message, CancellationToken.None));
                        });
                }
                finally
                {
                    // Also when stopping: what was sent is recorded, what was not stays pending for the next start.
                    await RecordAsync(attempts, CancellationToken.None);
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

    /// <summary>
    /// A token bucket that refills a little at a time (a tenth of the rate, or one token), so that no one-second window
    /// sees much more than the rate; a bucket refilled once a second lets up to twice the rate through around a refill.
    /// </summary>
    internal static TokenBucketRateLimiterOptions Smooth(int perSecond)
    {
        var tokensPerPeriod = Math.Max(1, perSecond / 10);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokensPerPeriod,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds((double)tokensPerPeriod / perSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        };
    }

    private async Task<List<OutboundMessage>> LoadDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<OutboundMessage>().AsNoTracking()
            .Where(m => m.Status == OutboundStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt)
            .Take(_options.Concurrency * 8)
            .ToListAsync(cancellationToken);
    }

    private async Task WhilePausedAsync(CancellationToken cancellationToken)
    {
        var wait = new DateTimeOffset(Interlocked.Read(ref _pausedUntilTicks), TimeSpan.Zero) - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private void PauseAll(TimeSpan wait)
    {
        var until = (time.GetUtcNow() + wait).UtcTicks;
        long seen;
        while ((seen = Interlocked.Read(ref _pausedUntilTicks)) < until && Interlocked.CompareExchange(ref _pausedUntilTicks, until, seen) != seen)
        {
        }
    }

    /// <summary>
    /// Writes a batch's outcomes in one transaction: SQLite has one writer, and a commit per message from parallel
    /// sends makes them queue for it.
    /// </summary>
    private async Task RecordAsync(IReadOnlyCollection<Attempt> attempts, CancellationToken cancellationToken)
    {
        if (attempts.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (message, outcome, statusCode, retryAfter) in attempts)
        {
            var attempt = message.Attempts + 1;
            var (status, nextAttempt) = outcome switch
            {
                SendOutcome.Sent => (OutboundStatus.Sent, now),
                SendOutcome.Gone => (OutboundStatus.Gone, now),
                SendOutcome.Throttled when attempt < _options.MaxAttempts => (OutboundStatus.Pending, now + (retryAfter ?? Backoff(attempt))),
                _ => (OutboundStatus.Failed, now),
            };

            if (status is OutboundStatus.Failed or OutboundStatus.Gone)
            {
                LogGaveUp(logger, message.Id, status, statusCode, attempt);
            }

            await db.Set<OutboundMessage>().Where(m => m.Id == message.Id).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, status)
                    .SetProperty(m => m.Attempts, attempt)
                    .SetProperty(m => m.LastStatusCode, statusCode)
                    .SetProperty(m => m.NextAttemptAt, nextAttempt)
                    .SetProperty(m => m.CompletedAt, status == OutboundStatus.Pending ? null : now),
                cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<Attempt> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var conversation = await db.Set<ConversationRecord>().AsNoTracking()
            .FirstOrDefaultAsync(c => c.ConversationId == message.ConversationId, cancellationToken);
        if (conversation is null)
        {
            return new Attempt(message, SendOutcome.Gone, null, null);
        }

        var (outcome, statusCode, retryAfter) = await SendAsync(conversation, message, cancellationToken);
        if (statusCode == 429)
        {
            PauseAll(retryAfter ?? Backoff(1));
        }

        return new Attempt(message, outcome, statusCode, retryAfter);
    }

    private async Task<(SendOutcome Outcome, int? StatusCode, TimeSpan? RetryAfter)> SendAsync(
        ConversationRecord conversation, OutboundMessage message, CancellationToken cancellationToken)
    {
        var activity = ToActivity(message);
        var result = await ContinueAsync(
            (BotAdapter)httpAdapter,
            identity.Value.MicrosoftAppId ?? string.Empty,
            ConversationStore.ToReference(conversation),
            (turn, ct) => turn.SendActivityAsync(activity, ct),
            cancellationToken);
        if (result.Unexpected is not null)
        {
            LogUnexpectedSendFailure(logger, result.Unexpected, message.Id);
        }

        return (result.Outcome, result.StatusCode, result.RetryAfter);
    }

    /// <summary>
    /// Runs one proactive call (a send or an update) in a conversation and classifies how it ended, for callers that
    /// retry on throttling. <see cref="ProactiveResult.Unexpected"/> holds a failure that was neither an HTTP error
    /// nor a lost connection (treated as transient, but worth logging).
    /// </summary>
    public static async Task<ProactiveResult> ContinueAsync(
        BotAdapter adapter,
        string appId,
        ConversationReference reference,
        Func<ITurnContext, CancellationToken, Task> call,
        CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            // The adapter would hand a failure inside the callback to OnTurnError (and report success); it is caught
            // here, cancellations (time-outs) included, to classify it.
            await adapter.ContinueConversationAsync(
                appId,
                reference,
                async (turn, ct) =>
                {
                    try
                    {
                        await call(turn, ct);
                    }
                    catch (Exception ex)
                    {
                        failure = ex;
                    }
                },
                cancellationToken);
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        return failure switch
        {
            null => new ProactiveResult(SendOutcome.Sent, 200, null),
            ErrorResponseException { Response: not null } error =>
                new ProactiveResult(Classify(error), (int)error.Response.StatusCode, RetryAfterOf(error.Response.Headers)),
            // No answer at all (connection refused, reset): as transient as a 503.
            HttpRequestException http => new ProactiveResult(SendOutcome.Throttled, http.StatusCode is { } status ? (int)status : null, null),
            // A time-out: Teams may or may not have the message; trying again is the lesser harm.
            OperationCanceledException => new ProactiveResult(SendOutcome.Throttled, null, null),
            _ => new ProactiveResult(SendOutcome.Throttled, null, null) { Unexpected = failure },
        };
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending outbound message {MessageId} failed unexpectedly; it will be retried")]
    private static partial void LogUnexpectedSendFailure(ILogger logger, Exception exception, Guid messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbound sender loop failed; it will continue")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
