using GcmBot.Bot.Languages;
using GcmBot.Bot.Teams.Conversations;
using GcmBot.Bot.Teams.Deduplication;
using GcmBot.Bot.Teams.Outbound;
using GcmBot.Bot.Teams.Replies;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.Teams;

/// <summary>
/// The Bot Framework <see cref="CloudAdapter"/> with GcmBot's middleware (de-duplication, conversation capture, the
/// person's language, turn tracking), its one turn error handler, replies that ride out Teams' throttling (<see cref="ReplyDelivery"/>), and a
/// request front door that answers a refused token 401 and a malformed request 400 instead of 500.
/// </summary>
public sealed partial class GcmAdapter : CloudAdapter, IBotFrameworkHttpAdapter
{
    private readonly ReplyDelivery _replies;
    private readonly ILogger<GcmAdapter> _logger;

    public GcmAdapter(
        BotFrameworkAuthentication authentication,
        DeduplicationMiddleware deduplication,
        ConversationCaptureMiddleware conversationCapture,
        Languages.LanguageMiddleware language,
        TurnTrackingMiddleware turnTracking,
        ReplyDelivery replies,
        IStringLocalizer<TeamsTexts> texts,
        ILogger<GcmAdapter> logger)
        : base(authentication, logger)
    {
        _replies = replies;
        _logger = logger;
        Use(deduplication);
        Use(conversationCapture);
        Use(language);
        Use(turnTracking);
        OnTurnError = async (turnContext, exception) =>
        {
            // Structured, and without message text or names: activities carry personal data.
            LogTurnFailed(logger, exception, turnContext.Activity.Type, turnContext.Activity.ChannelId);
            try
            {
                if (turnContext.Activity.Type == ActivityTypes.Invoke)
                {
                    await turnContext.SendActivityAsync(new Activity
                    {
                        Type = ActivityTypesEx.InvokeResponse,
                        Value = new InvokeResponse { Status = 500 },
                    });
                }
                else if (turnContext.Activity.Type == ActivityTypes.Message)
                {
                    // "Nothing was changed" only when it is true: the turn's own writes are observed (TurnRecord).
                    var changed = TurnRecord.Of(turnContext)?.Commits.Committed ?? false;
                    string apology;
                    using (LanguageScope.Use(new BotTurn(turnContext).Culture))
                    {
                        apology = changed ? texts["Apology.AfterChange"] : texts["Apology.NothingChanged"];
                    }

                    await turnContext.SendActivityAsync(MessageFactory.Text(apology));
                }
            }
            catch (Exception sendFailure) when (sendFailure is not OperationCanceledException)
            {
                LogApologyFailed(logger, sendFailure);
            }
        };
    }

    /// <summary>
    /// POST /api/messages. The SDK's own version lets every authentication failure other than its own
    /// UnauthorizedAccessException (a malformed token, an unknown key, a bad signature…) escape as a 500, and a missing
    /// serviceUrl fail deep inside as one too.
    /// </summary>
    public async Task ProcessRequestAsync(HttpRequest httpRequest, HttpResponse httpResponse, IBot bot, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(httpRequest.Method))
        {
            httpResponse.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        Activity? activity;
        try
        {
            activity = await HttpHelper.ReadRequestAsync<Activity>(httpRequest);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            activity = null;
        }

        if (string.IsNullOrEmpty(activity?.Type) || !IsServiceUrl(activity.ServiceUrl))
        {
            LogMalformedRequest(_logger);
            httpResponse.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        AuthenticateRequestResult authentication;
        try
        {
            authentication = await BotFrameworkAuthentication.AuthenticateRequestAsync(activity, httpRequest.Headers.Authorization.ToString(), cancellationToken);
        }
        catch (Exception refused) when (refused is not OperationCanceledException)
        {
            // Fails closed: whatever went wrong while checking the token, the request is not the bot's to run. The
            // exception's type is enough for the operator; its message can quote the token.
            LogRefused(_logger, refused.GetType().Name);
            httpResponse.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var invokeResponse = await ProcessActivityAsync(authentication, activity, bot.OnTurnAsync, cancellationToken);
        if (invokeResponse?.Body is AdaptiveCardInvokeResponse { Value: Newtonsoft.Json.Linq.JRaw card } answer)
        {
            // A card answer (every button press): the card's JSON is written as it is, not parsed and re-serialised.
            httpResponse.StatusCode = invokeResponse.Status;
            httpResponse.ContentType = "application/json; charset=utf-8";
            await httpResponse.WriteAsync(
                $"{{\"statusCode\":{answer.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)},\"type\":{System.Text.Json.JsonSerializer.Serialize(answer.Type)},\"value\":{(string)card.Value!}}}",
                cancellationToken);
            return;
        }

        await HttpHelper.WriteResponseAsync(httpResponse, invokeResponse);
    }

    // The SDK's ProcessAsync cannot be overridden; whoever holds the adapter as IBotFrameworkHttpAdapter gets this one.
    Task IBotFrameworkHttpAdapter.ProcessAsync(HttpRequest httpRequest, HttpResponse httpResponse, IBot bot, CancellationToken cancellationToken) =>
        ProcessRequestAsync(httpRequest, httpResponse, bot, cancellationToken);

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        // Proactive sends have the outbound queue's own retries, which need the raw outcome.
        if (OutboundSender.IsProactive(turnContext.Activity))
        {
            return await base.SendActivitiesAsync(turnContext, activities, cancellationToken);
        }

        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            if (activity.Type is ActivityTypesEx.InvokeResponse or ActivityTypesEx.Delay or ActivityTypes.Trace)
            {
                responses[i] = (await base.SendActivitiesAsync(turnContext, [activity], cancellationToken))[0];
                continue;
            }

            responses[i] = await _replies.DeliverAsync(
                turnContext,
                activity,
                update: false,
                async () => (await base.SendActivitiesAsync(turnContext, [activity], cancellationToken))[0],
                cancellationToken);
        }

        return responses;
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        OutboundSender.IsProactive(turnContext.Activity)
            ? base.UpdateActivityAsync(turnContext, activity, cancellationToken)
            : _replies.DeliverAsync(turnContext, activity, update: true, () => base.UpdateActivityAsync(turnContext, activity, cancellationToken), cancellationToken);

    /// <summary>Replies go to the activity's serviceUrl: without a usable one, there is nothing the bot could answer.</summary>
    internal static bool IsServiceUrl(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host);

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed for a {ActivityType} activity on {ChannelId}")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string activityType, string channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the apology after a failed turn")]
    private static partial void LogApologyFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a request to /api/messages: its token did not validate ({Failure})")]
    private static partial void LogRefused(ILogger logger, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a malformed request to /api/messages (no activity type or no usable serviceUrl)")]
    private static partial void LogMalformedRequest(ILogger logger);
}
