using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Claims;
using GcmBot.Bot.Telemetry;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Activity = Microsoft.Bot.Schema.Activity;

namespace GcmBot.Bot.Teams.Outbound;

/// <summary>
/// Proactive calls to the Bot Connector (sends and updates of the bot's own messages) outside any turn, over one
/// connector client per service URL. <c>CloudAdapter.ContinueConversationAsync</c> builds a new
/// <see cref="ConnectorClient"/> (with its Newtonsoft serializer settings and credentials) for every call: tens of
/// milliseconds of CPU each, which a thousand notices feel. The clients here are built once, with the same SDK
/// factory and credentials as the adapter's (<see cref="BotFrameworkAuthentication"/>), and kept for the app's life;
/// the credentials renew their token themselves.
/// </summary>
public sealed partial class ProactiveConnector(
    BotFrameworkAuthentication authentication,
    IOptions<BotIdentityOptions> identity,
    GcmMetrics metrics,
    ILogger<ProactiveConnector> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<IConnectorClient>>> _clients = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Posts a new message into the conversation.</summary>
    public Task<ProactiveResult> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken) =>
        CallAsync(GcmTelemetry.ProactiveSend, reference, activity, async (client, ct) =>
        {
            var answer = await client.Conversations.SendToConversationAsync(activity, ct);
            return answer?.Id;
        }, cancellationToken);

    /// <summary>Replaces one of the bot's messages (<see cref="Activity.Id"/>) in the conversation.</summary>
    public Task<ProactiveResult> UpdateAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken) =>
        CallAsync(GcmTelemetry.ProactiveUpdate, reference, activity, async (client, ct) =>
        {
            await client.Conversations.UpdateActivityAsync(activity, ct);
            return activity.Id;
        }, cancellationToken);

    private async Task<ProactiveResult> CallAsync(
        string operation,
        ConversationReference reference,
        Activity activity,
        Func<IConnectorClient, CancellationToken, Task<string?>> call,
        CancellationToken cancellationToken)
    {
        using var span = GcmTelemetry.Source.StartActivity(operation, ActivityKind.Client);
        activity.ApplyConversationReference(reference, isIncoming: false);
        Exception? failure = null;
        try
        {
            var client = await ClientForAsync(reference.ServiceUrl, cancellationToken);
            await call(client, cancellationToken);
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        var result = Classify(failure);
        if (result.Unexpected is not null)
        {
            LogUnexpected(logger, result.Unexpected, operation);
        }

        span?.SetTag(GcmTelemetry.Outcome, result.Outcome.ToString());
        if (result.StatusCode is { } status)
        {
            span?.SetTag("http.response.status_code", status);
        }

        if (result.Outcome != SendOutcome.Sent)
        {
            span?.SetStatus(ActivityStatusCode.Error, result.Outcome.ToString());
        }

        metrics.ProactiveCall(operation, result);
        return result;
    }

    /// <summary>How one call ended; the same classes as the sender's retries use.</summary>
    public static ProactiveResult Classify(Exception? failure) => failure switch
    {
        null => new ProactiveResult(SendOutcome.Sent, 200, null),
        ErrorResponseException { Response: not null } error =>
            new ProactiveResult(OutboundSender.Classify(error), (int)error.Response.StatusCode, OutboundSender.RetryAfterOf(error.Response.Headers)),
        // No answer at all (connection refused, reset): as transient as a 503.
        HttpRequestException http => new ProactiveResult(SendOutcome.Throttled, http.StatusCode is { } status ? (int)status : null, null),
        // A time-out: Teams may or may not have the message; trying again is the lesser harm.
        OperationCanceledException => new ProactiveResult(SendOutcome.Throttled, null, null),
        _ => new ProactiveResult(SendOutcome.Throttled, null, null) { Unexpected = failure },
    };

    private Task<IConnectorClient> ClientForAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        var lazy = _clients.GetOrAdd(serviceUrl, url => new Lazy<Task<IConnectorClient>>(() => CreateAsync(url)));
        var task = lazy.Value;
        if (task.IsFaulted || task.IsCanceled)
        {
            // Building a client failed (e.g. no token yet): the next call tries again.
            _clients.TryRemove(new KeyValuePair<string, Lazy<Task<IConnectorClient>>>(serviceUrl, lazy));
        }

        return task.WaitAsync(cancellationToken);
    }

    private Task<IConnectorClient> CreateAsync(string serviceUrl)
    {
        // The claims the adapter itself uses for a proactive turn of this bot (CloudAdapterBase.CreateClaimsIdentity).
        var appId = identity.Value.MicrosoftAppId ?? string.Empty;
        var claims = new ClaimsIdentity(
        [
            new Claim(AuthenticationConstants.AudienceClaim, appId),
            new Claim(AuthenticationConstants.AppIdClaim, appId),
        ]);
        return authentication.CreateConnectorFactory(claims).CreateAsync(serviceUrl, audience: null, CancellationToken.None);
    }

    public void Dispose()
    {
        foreach (var lazy in _clients.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
            {
                lazy.Value.Result.Dispose();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A proactive {Operation} failed unexpectedly; it is treated as transient")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string operation);
}
