using System.Net;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Teams.Deduplication;
using GcmBot.Bot.Teams.Outbound;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace GcmBot.Bot.Teams.Replies;

/// <summary>
/// Delivers a turn's own replies and card updates through Teams' throttling and short outages: 429, 412 and 5xx
/// answers and lost connections are retried with Retry-After or jittered exponential backoff while the turn's budget
/// lasts; what still cannot be delivered is stored in the outbound queue, keyed by the activity and the reply's place
/// in the turn, so that <see cref="OutboundSender"/> delivers it later, once. Other failures (400, 403, 413…) are the
/// turn's to handle.
/// </summary>
public sealed partial class ReplyDelivery(
    NotificationQueue queue,
    CommitObserver commits,
    IOptions<ReplyOptions> options,
    TimeProvider time,
    ILogger<ReplyDelivery> logger)
{
    private static readonly JsonSerializerSettings Json = new() { NullValueHandling = NullValueHandling.Ignore };
    private readonly ReplyOptions _options = options.Value;

    /// <summary>A reply's answer when it was queued instead of sent: Teams has not given it an id yet.</summary>
    public const string QueuedId = "";

    /// <summary>Sends (or, with <paramref name="update"/>, replaces) one activity of the turn.</summary>
    public async Task<ResourceResponse> DeliverAsync(
        ITurnContext turnContext,
        Activity activity,
        bool update,
        Func<Task<ResourceResponse>> attempt,
        CancellationToken cancellationToken)
    {
        var record = TurnRecord.Of(turnContext);
        var index = record?.NextReplyIndex() ?? 0;
        var deadline = (record?.StartedAt ?? time.GetUtcNow()) + TimeSpan.FromMilliseconds(_options.BudgetMilliseconds);
        for (var tries = 1; ; tries++)
        {
            TimeSpan? retryAfter;
            int? status;
            try
            {
                return await attempt();
            }
            catch (ErrorResponseException error) when (error.Response is not null && OutboundSender.Classify(error.Response.StatusCode) == SendOutcome.Throttled)
            {
                status = (int)error.Response.StatusCode;
                retryAfter = OutboundSender.RetryAfterOf(error.Response.Headers);
            }
            catch (HttpRequestException lost) when (lost.StatusCode is null or >= HttpStatusCode.InternalServerError)
            {
                // No answer at all (connection refused or reset): as transient as a 503.
                status = lost.StatusCode is { } code ? (int)code : null;
                retryAfter = null;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The connector call timed out: Teams may or may not have it; trying again is the lesser harm.
                status = null;
                retryAfter = null;
            }
            catch (OperationCanceledException)
            {
                // The turn is being cancelled (the host stops): the reply must still reach the person.
                return await QueueAsync(turnContext, activity, update, index, null, time.GetUtcNow());
            }

            var wait = retryAfter ?? Backoff(tries);
            var now = time.GetUtcNow();
            if (now + wait > deadline)
            {
                return await QueueAsync(turnContext, activity, update, index, status, now + (retryAfter ?? TimeSpan.Zero));
            }

            LogRetrying(logger, update ? "update" : "reply", status, tries, wait.TotalMilliseconds);
            try
            {
                await Task.Delay(wait, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return await QueueAsync(turnContext, activity, update, index, status, time.GetUtcNow());
            }
        }
    }

    /// <summary>The outbound queue key of a turn's reply: the same activity re-delivered and re-run queues it once.</summary>
    public static string? QueueKey(IActivity incoming, int index) =>
        DeduplicationMiddleware.KeyOf(incoming) is { } key ? $"reply:{key}:{index}" : null;

    private async Task<ResourceResponse> QueueAsync(
        ITurnContext turnContext, Activity activity, bool update, int index, int? status, DateTimeOffset notBefore)
    {
        var conversationId = activity.Conversation?.Id ?? turnContext.Activity.Conversation?.Id;
        if (conversationId is null)
        {
            throw new InvalidOperationException("A reply without a conversation cannot be queued.");
        }

        // The queue row is the bot's bookkeeping, not the person's change: it must not turn the apology's
        // "nothing was changed" into "something may have been saved".
        using (commits.Pause())
        {
            await queue.EnqueueActivityAsync(
                conversationId,
                JsonConvert.SerializeObject(activity, Json),
                update ? activity.Id : null,
                QueueKey(turnContext.Activity, index),
                notBefore,
                CancellationToken.None);
        }

        LogQueued(logger, update ? "update" : "reply", status);
        return new ResourceResponse(update ? activity.Id : QueuedId);
    }

    private TimeSpan Backoff(int tries)
    {
        var exponential = _options.BaseDelayMilliseconds * Math.Pow(2, tries - 1);
        var jitter = Random.Shared.NextDouble() * _options.BaseDelayMilliseconds;
        return TimeSpan.FromMilliseconds(Math.Min(exponential + jitter, _options.MaxDelayMilliseconds));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams refused a {Kind} (HTTP {StatusCode}); attempt {Attempt} failed, retrying in {DelayMilliseconds} ms")]
    private static partial void LogRetrying(ILogger logger, string kind, int? statusCode, int attempt, double delayMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Kind} could not be delivered within the turn (last HTTP {StatusCode}); it is queued for the outbound sender")]
    private static partial void LogQueued(ILogger logger, string kind, int? statusCode);
}
