using GcmBot.Bot.Languages;
using GcmBot.Bot.Teams.Outbound;
using GcmBot.Cards.SpeakerQueue;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.SpeakerQueue;

/// <summary>What the list tells one person on their own.</summary>
public enum SpeakerNoticeKind
{
    /// <summary>The chair called them but they were not there.</summary>
    PassedOver,

    /// <summary>The chair took their request off the list.</summary>
    TakenOff,

    /// <summary>They have the floor.</summary>
    Floor,

    /// <summary>They are next, nobody is speaking.</summary>
    Next,

    /// <summary>They are next, after the current speaker.</summary>
    NextAfterCurrent,

    /// <summary>Their speaking time is nearly up.</summary>
    NearlyUp,
}

/// <summary>A notice to one person about their request, with what is needed to reach them and to word it.</summary>
/// <param name="UserTeamsId">The id a mention in the meeting chat needs (an anonymous participant's stable id).</param>
public sealed record SpeakerNotice(
    SpeakerNoticeKind Kind,
    long RequestId,
    string UserStableId,
    SpeakerOrigin Origin,
    string Name,
    string ConversationId,
    string? MeetingTitle,
    int LimitSeconds)
{
    public static SpeakerNotice For(SpeakerNoticeKind kind, SpeakerRequest request, SpeakerQueueRecord queue) => new(
        kind, request.Id, request.UserStableId ?? string.Empty, request.Origin, request.DisplayName, queue.ConversationId, queue.Title, queue.SpeakingLimitSeconds);
}

/// <summary>
/// Tells a person about their request in their own language, whoever caused it. A person with a personal chat with the
/// bot gets it there. An anonymous meeting participant cannot have one (Teams refuses to create it, permanently), and a
/// guest or member may never have opened one: what they must not miss — "you have the floor", "your time is nearly
/// up" — comes as a short message in the meeting chat that mentions them, and their own card says it when they press.
/// Nobody is told anything about a person in the room: the chair speaks to them.
/// </summary>
public sealed class SpeakerQueueNotifier(INotificationQueue notifications, LanguageStore languages, IStringLocalizer<SpeakerQueueTexts> texts)
{
    public async Task SendAsync(SpeakerNotice notice, CancellationToken cancellationToken)
    {
        if (notice.Origin == SpeakerOrigin.InRoom || string.IsNullOrEmpty(notice.UserStableId))
        {
            return;
        }

        var culture = await languages.OfPersonAsync(notice.UserStableId, cancellationToken);
        using var scope = LanguageScope.Use(culture);
        var key = $"speakerqueue:{notice.Kind}:{notice.RequestId}";
        if (notice.Origin == SpeakerOrigin.Member)
        {
            var where = string.IsNullOrWhiteSpace(notice.MeetingTitle) ? texts["TheMeeting"].Value : texts["Quoted", notice.MeetingTitle].Value;
            var text = notice.LimitSeconds > 0 && notice.Kind is SpeakerNoticeKind.Floor
                ? texts["Notice.FloorWithLimit", where, SpeakerQueueWords.Span(texts, notice.LimitSeconds)].Value
                : texts[$"Notice.{notice.Kind}", where].Value;
            var status = await notifications.EnqueueToPersonAsync(notice.UserStableId, new OutboundContent(text), key, cancellationToken);
            if (status != OutboundStatus.Unreachable)
            {
                return;
            }
        }

        if (notice.Kind is not (SpeakerNoticeKind.Floor or SpeakerNoticeKind.NearlyUp))
        {
            // The rest they see on the list's card; a message in the meeting chat for each would drown it.
            return;
        }

        var mention = SpeakerMentionCard.MentionText(notice.Name);
        var line = notice.Kind == SpeakerNoticeKind.Floor
            ? texts["Mention.Floor", mention].Value
            : texts["Mention.NearlyUp", mention].Value;
        var card = SpeakerMentionCard.Build(new SpeakerMentionModel(line, notice.UserStableId, notice.Name), culture);
        await notifications.EnqueueToConversationAsync(notice.ConversationId, new OutboundContent(card.FallbackText, card), key + ":chat", cancellationToken);
    }
}
