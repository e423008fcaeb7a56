using GcmBot.Cards.AdaptiveCards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace GcmBot.Bot.Teams;

/// <summary>Wraps cards built in cards/ (System.Text.Json) into Bot Framework attachments (Newtonsoft).</summary>
public static class CardAttachments
{
    public static Attachment ToAttachment(AdaptiveCard card) => new()
    {
        ContentType = AdaptiveCard.ContentType,
        Content = ToJObject(card),
    };

    public static Activity ToActivity(AdaptiveCard card)
    {
        var activity = (Activity)MessageFactory.Attachment(ToAttachment(card));
        activity.Summary = card.FallbackText;
        return activity;
    }

    public static JObject ToJObject(AdaptiveCard card) => JObject.Parse(card.ToJsonString());

    /// <summary>
    /// The card as JSON that Newtonsoft writes as it is, for a value that is only serialised (an invoke's answer): no
    /// parse into a token tree per answer, which a crowd pressing a card pays hundreds of times at once.
    /// </summary>
    public static JRaw ToRawJson(AdaptiveCard card) => new(card.ToJsonString());
}
