using GcmBot.Bot.Teams.Conversations;
using GcmBot.Bot.Teams.Deduplication;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace GcmBot.Bot.Teams;

/// <summary>
/// The Bot Framework <see cref="CloudAdapter"/> with GcmBot's middleware (de-duplication first, then conversation
/// capture) and its one turn error handler.
/// </summary>
public sealed partial class GcmAdapter : CloudAdapter
{
    public const string ApologyText = "Sorry, something went wrong on my side and I could not finish that. Nothing was changed; please try again in a moment.";

    public GcmAdapter(
        BotFrameworkAuthentication authentication,
        DeduplicationMiddleware deduplication,
        ConversationCaptureMiddleware conversationCapture,
        Languages.LanguageMiddleware language,
        ILogger<GcmAdapter> logger)
        : base(authentication, logger)
    {
        Use(deduplication);
        Use(conversationCapture);
        Use(language);
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
                    await turnContext.SendActivityAsync(MessageFactory.Text(ApologyText));
                }
            }
            catch (Exception sendFailure) when (sendFailure is not OperationCanceledException)
            {
                LogApologyFailed(logger, sendFailure);
            }
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed for a {ActivityType} activity on {ChannelId}")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string activityType, string channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the apology after a failed turn")]
    private static partial void LogApologyFailed(ILogger logger, Exception exception);
}
