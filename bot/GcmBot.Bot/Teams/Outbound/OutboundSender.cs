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
/// Delivers queued proactive messages: paced under Teams' per-app and per-conversation limits, retrying 429, 412 and
/// 5xx with Retry-After or jittered exponential backoff, giving up visibly after a bounded number of attempts (the
/// pattern of Microsoft's Company Communicator). Every outcome is written back to the message's row.
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var appLimiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = _options.MaxPerSecond,
            TokensPerPeriod = _options.MaxPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        using var conversationLimiter = PartitionedRateLimiter.Create<string, string>(conversationId =>
            RateLimitPartition.GetTokenBucketLimiter(conversationId, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = _options.MaxPerSecondPerConversation,
                TokensPerPeriod = _options.MaxPerSecondPerConversation,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));

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

                await Parallel.ForEachAsync(
                    due,
                    new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency, CancellationToken = stoppingToken },
                    async (message, ct) =>
                    {
                        using var appLease = await appLimiter.AcquireAsync(1, ct);
                        using var conversationLease = await conversationLimiter.AcquireAsync(message.ConversationId!, 1, ct);
                        await SendAndRecordAsync(message, ct);
                    });
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

    private async Task SendAndRecordAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var conversation = await db.Set<ConversationRecord>().AsNoTracking()
            .FirstOrDefaultAsync(c => c.ConversationId == message.ConversationId, cancellationToken);
        var (outcome, statusCode, retryAfter) = conversation is null
            ? (SendOutcome.Gone, (int?)null, (TimeSpan?)null)
            : await SendAsync(conversation, message, cancellationToken);

        var now = time.GetUtcNow();
        var attempts = message.Attempts + 1;
        var (status, nextAttempt) = outcome switch
        {
            SendOutcome.Sent => (OutboundStatus.Sent, now),
            SendOutcome.Gone => (OutboundStatus.Gone, now),
            SendOutcome.Throttled when attempts < _options.MaxAttempts => (OutboundStatus.Pending, now + (retryAfter ?? Backoff(attempts))),
            _ => (OutboundStatus.Failed, now),
        };

        if (status is OutboundStatus.Failed or OutboundStatus.Gone)
        {
            LogGaveUp(logger, message.Id, status, statusCode, attempts);
        }

        await db.Set<OutboundMessage>().Where(m => m.Id == message.Id).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Status, status)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastStatusCode, statusCode)
                .SetProperty(m => m.NextAttemptAt, nextAttempt)
                .SetProperty(m => m.CompletedAt, status == OutboundStatus.Pending ? null : now),
            CancellationToken.None);
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
            // The adapter would hand a failure inside the callback to OnTurnError; it is caught here to classify it.
            await adapter.ContinueConversationAsync(
                appId,
                reference,
                async (turn, ct) =>
                {
                    try
                    {
                        await call(turn, ct);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        failure = ex;
                    }
                },
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failure = ex;
        }

        return failure switch
        {
            null => new ProactiveResult(SendOutcome.Sent, 200, null),
            ErrorResponseException { Response: not null } error =>
                new ProactiveResult(Classify(error.Response.StatusCode), (int)error.Response.StatusCode, RetryAfterOf(error.Response.Headers)),
            // No answer at all (connection refused, reset): as transient as a 503.
            HttpRequestException http => new ProactiveResult(SendOutcome.Throttled, http.StatusCode is { } status ? (int)status : null, null),
            _ => new ProactiveResult(SendOutcome.Throttled, null, null) { Unexpected = failure },
        };
    }

    public static SendOutcome Classify(HttpStatusCode status) => (int)status switch
    {
        >= 200 and < 300 => SendOutcome.Sent,
        429 or 412 or 500 or 502 or 503 or 504 => SendOutcome.Throttled,
        403 or 404 or 410 => SendOutcome.Gone,
        _ => SendOutcome.Failed,
    };

    private static TimeSpan? RetryAfterOf(IDictionary<string, IEnumerable<string>>? headers)
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
