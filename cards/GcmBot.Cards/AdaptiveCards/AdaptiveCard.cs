using System.Text.Json.Nodes;

namespace GcmBot.Cards.AdaptiveCards;

/// <summary>The root of a card: schema 1.5, the version Teams renders.</summary>
public sealed record AdaptiveCard(IReadOnlyList<CardElement> Body)
{
    public const string Version = "1.5";
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public IReadOnlyList<CardAction> Actions { get; init; } = [];

    /// <summary>Shown by clients that cannot render the card, and in notifications.</summary>
    public string? FallbackText { get; init; }

    /// <summary>Set for cards whose Universal Actions refresh them (Action.Execute with a refresh action).</summary>
    public CardRefresh? Refresh { get; init; }

    /// <summary>Teams: let the card use the full width of the chat (tables and boards need it).</summary>
    public bool FullWidth { get; init; }

    /// <summary>The language of the card's text (BCP 47), so that clients and screen readers pronounce it right.</summary>
    public string? Lang { get; init; }

    /// <summary>Teams: people the card @mentions; each one's <c>&lt;at&gt;name&lt;/at&gt;</c> must appear in a text block.</summary>
    public IReadOnlyList<CardMention> Mentions { get; init; } = [];

    public JsonObject ToJson() => CardJson.Node(json => Write(json, nested: false));

    /// <summary>Serialises exactly as sent to Teams.</summary>
    public string ToJsonString() => CardJson.Text(json => Write(json, nested: false));

    internal void Write(CardJson json, bool nested)
    {
        json.StartObject();
        json.Set("type", "AdaptiveCard");
        if (!nested)
        {
            json.Set("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
            json.Set("version", Version);
        }

        json.Nodes("body", Body);
        if (Actions.Count > 0)
        {
            json.Nodes("actions", Actions);
        }

        json.SetIf("fallbackText", FallbackText);
        // The card schema wants a two-letter language (ISO 639-1): "zh", not "zh-Hans".
        json.SetIf("lang", Lang?.Split('-')[0]);
        if (Refresh is not null)
        {
            json.Property("refresh", Refresh.Write);
        }

        if ((FullWidth || Mentions.Count > 0) && !nested)
        {
            json.Object("msteams", teams =>
            {
                if (FullWidth)
                {
                    teams.Set("width", "Full");
                }

                if (Mentions.Count > 0)
                {
                    teams.Objects("entities", Mentions, (entity, m) =>
                    {
                        entity.Set("type", "mention");
                        entity.Set("text", CardMention.Tag(m.Name));
                        entity.Object("mentioned", mentioned =>
                        {
                            mentioned.Set("id", m.UserId);
                            mentioned.Set("name", m.Name);
                        });
                    });
                }
            });
        }

        json.EndObject();
    }
}
/// <summary>
/// Asks Teams to refresh the card automatically for the listed users (at most 60 in Teams) with an Action.Execute.
/// </summary>
public sealed record CardRefresh(ExecuteAction Action, IReadOnlyList<string> UserIds)
{
    public const int MaxUserIds = 60;

    internal void Write(CardJson json)
    {
        json.StartObject();
        json.NodeIf("action", Action);
        json.Strings("userIds", UserIds.Take(MaxUserIds));
        json.EndObject();
    }
}

/// <summary>A Teams @mention in a card: the person's Teams id and the name shown.</summary>
public sealed record CardMention(string UserId, string Name)
{
    /// <summary>The text that stands for the mention in a text block.</summary>
    public static string Tag(string name) => $"<at>{name}</at>";
}
