using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.AdaptiveCards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;

namespace GcmBot.Bot.Teams;

/// <summary>
/// Routing only: turns each Teams activity into a command, a card action or a conversation event and hands it to the
/// capability registered for it. Unmatched invokes keep the SDK's 501 answer.
/// </summary>
public sealed class GcmActivityHandler(
    CommandDispatcher commands,
    CardActionDispatcher cardActions,
    IEnumerable<IConversationEventHandler> conversationEvents,
    IEnumerable<IFileConsentHandler> fileConsents,
    TimeProvider time) : TeamsActivityHandler
{
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var turn = new BotTurn(turnContext);
        if (turnContext.Activity.Value is not null)
        {
            await OnCardSubmitAsync(turn, turnContext.Activity, cancellationToken);
            return;
        }

        await commands.DispatchAsync(turn, CommandText.Normalise(turnContext.Activity), cancellationToken);
    }

    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext<IInvokeActivity> turnContext,
        AdaptiveCardInvokeValue invokeValue,
        CancellationToken cancellationToken)
    {
        var turn = new BotTurn(turnContext);
        var data = CardActionDispatcher.ParseData(invokeValue.Action?.Data) ?? [];
        var verb = invokeValue.Action?.Verb ?? string.Empty;
        var result = await cardActions.DispatchAsync(
            turn, new CardActionInput(verb, data, IsUniversalAction: true, turnContext.Activity.ReplyToId), cancellationToken);
        return result switch
        {
            ReplaceCardResult card => new AdaptiveCardInvokeResponse
            {
                StatusCode = 200,
                Type = AdaptiveCard.ContentType,
                Value = CardAttachments.ToRawJson(card.Card),
            },
            MessageResult message => new AdaptiveCardInvokeResponse
            {
                StatusCode = 200,
                Type = "application/vnd.microsoft.activity.message",
                Value = message.Text,
            },
            _ => new AdaptiveCardInvokeResponse
            {
                StatusCode = 200,
                Type = "application/vnd.microsoft.activity.message",
                Value = "Done.",
            },
        };
    }

    protected override async Task OnTeamsMembersAddedAsync(
        IList<TeamsChannelAccount> membersAdded,
        TeamInfo teamInfo,
        ITurnContext<IConversationUpdateActivity> turnContext,
        CancellationToken cancellationToken)
    {
        var botWasAdded = membersAdded.Any(m => m.Id == turnContext.Activity.Recipient?.Id);
        if (!botWasAdded)
        {
            return;
        }

        var turn = new BotTurn(turnContext);
        foreach (var handler in conversationEvents)
        {
            await handler.OnBotAddedAsync(turn, cancellationToken);
        }
    }

    protected override async Task OnTeamsMeetingStartAsync(
        MeetingStartEventDetails meeting,
        ITurnContext<IEventActivity> turnContext,
        CancellationToken cancellationToken)
    {
        var turn = new BotTurn(turnContext);
        var details = new MeetingEvent(meeting.Id ?? string.Empty, meeting.JoinUrl?.ToString(), meeting.Title, ToOffset(meeting.StartTime));
        foreach (var handler in conversationEvents)
        {
            await handler.OnMeetingStartedAsync(turn, details, cancellationToken);
        }
    }

    protected override async Task OnTeamsMeetingEndAsync(
        MeetingEndEventDetails meeting,
        ITurnContext<IEventActivity> turnContext,
        CancellationToken cancellationToken)
    {
        var turn = new BotTurn(turnContext);
        var details = new MeetingEvent(meeting.Id ?? string.Empty, meeting.JoinUrl?.ToString(), meeting.Title, ToOffset(meeting.EndTime));
        foreach (var handler in conversationEvents)
        {
            await handler.OnMeetingEndedAsync(turn, details, cancellationToken);
        }
    }

    protected override Task OnTeamsFileConsentAcceptAsync(
        ITurnContext<IInvokeActivity> turnContext, FileConsentCardResponse fileConsentCardResponse, CancellationToken cancellationToken) =>
        OnFileConsentAsync(turnContext, fileConsentCardResponse, accepted: true, cancellationToken);

    protected override Task OnTeamsFileConsentDeclineAsync(
        ITurnContext<IInvokeActivity> turnContext, FileConsentCardResponse fileConsentCardResponse, CancellationToken cancellationToken) =>
        OnFileConsentAsync(turnContext, fileConsentCardResponse, accepted: false, cancellationToken);

    private async Task OnFileConsentAsync(ITurnContext turnContext, FileConsentCardResponse response, bool accepted, CancellationToken cancellationToken)
    {
        var turn = new BotTurn(turnContext);
        var context = CardActionDispatcher.ParseData(response.Context);
        var purpose = context is null ? null : new CardActionInput(string.Empty, context, false, null).Text(IFileConsentHandler.PurposeKey);
        var handler = fileConsents.FirstOrDefault(h => h.Purpose == purpose);
        if (handler is null)
        {
            await turn.SendTextAsync(CardActionDispatcher.OutdatedCardText, cancellationToken);
            return;
        }

        var upload = response.UploadInfo is { UploadUrl: { Length: > 0 } url } info
            ? new FileUploadTarget(url, info.ContentUrl, info.Name, info.UniqueId, info.FileType)
            : null;
        await handler.HandleAsync(turn, new FileConsentAnswer(accepted, context, upload), cancellationToken);
    }

    private async Task OnCardSubmitAsync(BotTurn turn, IMessageActivity activity, CancellationToken cancellationToken)
    {
        var data = CardActionDispatcher.ParseData(activity.Value);
        var verb = data is not null ? new CardActionInput(string.Empty, data, false, null).Text(CardActionData.VerbKey) : null;
        if (data is null || string.IsNullOrEmpty(verb))
        {
            await turn.SendTextAsync(CardActionDispatcher.OutdatedCardText, cancellationToken);
            return;
        }

        data.Remove(CardActionData.VerbKey);
        var result = await cardActions.DispatchAsync(turn, new CardActionInput(verb, data, IsUniversalAction: false, activity.ReplyToId), cancellationToken);
        switch (result)
        {
            case ReplaceCardResult card when !string.IsNullOrEmpty(activity.ReplyToId):
                await turn.UpdateCardAsync(activity.ReplyToId, card.Card, cancellationToken);
                break;
            case ReplaceCardResult card:
                await turn.SendCardAsync(card.Card, cancellationToken);
                break;
            case MessageResult message:
                await turn.SendTextAsync(message.Text, cancellationToken);
                break;
        }
    }

    // Teams sends meeting times in UTC; a missing time is "now" as far as the bot can tell.
    private DateTimeOffset ToOffset(DateTime value) =>
        value == default ? time.GetUtcNow() : new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
