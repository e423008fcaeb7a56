using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.AdaptiveCards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;

namespace GcmBot.Bot.Teams;

/// <summary>The person who acted: their Teams id, their Entra object id (when Teams sends it) and display name.</summary>
public sealed record TurnUser(string Id, string? AadObjectId, string Name)
{
    /// <summary>The id to key personal data by: the Entra object id when known, else the Teams id.</summary>
    public string StableId => AadObjectId ?? Id;
}

/// <summary>
/// One incoming activity as capabilities see it: who, where, in which time zone, and how to answer. Wraps the Bot
/// Framework turn so that capability handlers need no Bot Framework plumbing of their own.
/// </summary>
public sealed class BotTurn
{
    public BotTurn(ITurnContext context)
    {
        Context = context;
        var activity = context.Activity;
        User = new TurnUser(
            activity.From?.Id ?? string.Empty,
            string.IsNullOrEmpty(activity.From?.AadObjectId) ? null : activity.From.AadObjectId,
            activity.From?.Name ?? string.Empty);
        ConversationId = activity.Conversation?.Id ?? string.Empty;
        TenantId = activity.Conversation?.TenantId ?? SafeTeamsChannelData(activity)?.Tenant?.Id;
        MeetingId = SafeTeamsChannelData(activity)?.Meeting?.Id;
        Scope = ScopeOf(activity, MeetingId);
        TimeZone = ResolveTimeZone(activity.LocalTimezone);
    }

    /// <summary>The Bot Framework turn, for the Teams face of a capability only.</summary>
    public ITurnContext Context { get; }

    public TurnUser User { get; }

    public string ConversationId { get; }

    public string? TenantId { get; }

    /// <summary>The Teams meeting id when this conversation is a meeting chat.</summary>
    public string? MeetingId { get; }

    public ConversationScopes Scope { get; }

    /// <summary>The person's time zone as Teams reports it; null when Teams did not say or the zone is unknown here.</summary>
    public TimeZoneInfo? TimeZone { get; }

    internal const string CultureKey = "gcm.culture";
    internal const string ChatCultureKey = "gcm.chatCulture";

    /// <summary>
    /// The language of the person who acted: their choice, else their Teams client's, else English. What they alone read
    /// (confirmations, their own view) is written in it. The turn's current UI culture is this one too.
    /// </summary>
    public System.Globalization.CultureInfo Culture =>
        Context.TurnState.Get<System.Globalization.CultureInfo>(CultureKey) ?? GcmBot.Cards.Words.SupportedLanguages.English;

    /// <summary>The language of the chat's shared cards (the Q&amp;A board, the speakers' list): set by a moderator, else English.</summary>
    public System.Globalization.CultureInfo ChatCulture =>
        Context.TurnState.Get<System.Globalization.CultureInfo>(ChatCultureKey) ?? GcmBot.Cards.Words.SupportedLanguages.English;

    public Task SendTextAsync(string text, CancellationToken cancellationToken) =>
        Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken);

    /// <summary>Sends a card; returns the message id, needed to update the card in place later.</summary>
    public async Task<string?> SendCardAsync(AdaptiveCard card, CancellationToken cancellationToken)
    {
        var response = await Context.SendActivityAsync(CardAttachments.ToActivity(card), cancellationToken);
        return response?.Id;
    }

    /// <summary>Replaces a card the bot sent earlier in this conversation.</summary>
    public Task UpdateCardAsync(string activityId, AdaptiveCard card, CancellationToken cancellationToken)
    {
        var activity = CardAttachments.ToActivity(card);
        activity.Id = activityId;
        return Context.UpdateActivityAsync(activity, cancellationToken);
    }

    internal static ConversationScopes ScopeOf(IActivity activity, string? meetingId)
    {
        if (!string.IsNullOrEmpty(meetingId))
        {
            return ConversationScopes.Meeting;
        }

        return activity.Conversation?.ConversationType switch
        {
            "personal" => ConversationScopes.Personal,
            "channel" => ConversationScopes.Channel,
            "groupChat" => activity.Conversation.Id?.StartsWith("19:meeting_", StringComparison.Ordinal) == true
                ? ConversationScopes.Meeting
                : ConversationScopes.GroupChat,
            // Clients that send no conversation type (e.g. some emulators) are one-to-one.
            _ => activity.Conversation?.IsGroup == true ? ConversationScopes.GroupChat : ConversationScopes.Personal,
        };
    }

    private static TeamsChannelData? SafeTeamsChannelData(IActivity activity)
    {
        try
        {
            return activity.ChannelData is null ? null : activity.GetChannelData<TeamsChannelData>();
        }
        catch (Newtonsoft.Json.JsonException)
        {
            // Malformed channel data from a client is not worth failing the turn over.
            return null;
        }
    }

    private static TimeZoneInfo? ResolveTimeZone(string? ianaId) =>
        !string.IsNullOrWhiteSpace(ianaId) && TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var zone) ? zone : null;
}
