using System.Text.Json;
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

    public JsonObject ToJson() => ToJson(nested: false);

    /// <summary>Serialises exactly as sent to Teams.</summary>
    public string ToJsonString() => ToJson().ToJsonString(SerializerOptions);

    internal JsonObject ToJson(bool nested)
    {
        var json = new JsonObject { ["type"] = "AdaptiveCard" };
        if (!nested)
        {
            json["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json";
            json["version"] = Version;
        }

        json["body"] = Body.ToJsonArray();
        if (Actions.Count > 0)
        {
            json["actions"] = Actions.ToJsonArray();
        }

        json.SetIf("fallbackText", FallbackText);
        // The card schema wants a two-letter language (ISO 639-1): "zh", not "zh-Hans".
        json.SetIf("lang", Lang?.Split('-')[0]);
        if (Refresh is not null)
        {
            json["refresh"] = Refresh.ToJson();
        }

        if ((FullWidth || Mentions.Count > 0) && !nested)
        {
            var teams = new JsonObject();
            if (FullWidth)
            {
                teams["width"] = "Full";
            }

            if (Mentions.Count > 0)
            {
                teams["entities"] = new JsonArray(Mentions.Select(m => (JsonNode)new JsonObject
                {
                    ["type"] = "mention",
                    ["text"] = CardMention.Tag(m.Name),
                    ["mentioned"] = new JsonObject { ["id"] = m.UserId, ["name"] = m.Name },
                }).ToArray());
            }

            json["msteams"] = teams;
        }

        return json;
    }

    // As the Bot Framework puts it on the wire (Newtonsoft, UTF-8): letters of every script as they are, not as \uXXXX
    // escapes that would triple the size of a Russian or Chinese card. The card is JSON for Teams, never HTML.
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>
/// Asks Teams to refresh the card automatically for the listed users (at most 60 in Teams) with an Action.Execute.
/// </summary>
public sealed record CardRefresh(ExecuteAction Action, IReadOnlyList<string> UserIds)
{
    public const int MaxUserIds = 60;

    internal JsonObject ToJson()
    {
        var users = new JsonArray();
        foreach (var id in UserIds.Take(MaxUserIds))
        {
            users.Add(id);
        }

        return new JsonObject { ["action"] = Action.ToJson(), ["userIds"] = users };
    }
}

/// <summary>A Teams @mention in a card: the person's Teams id and the name shown.</summary>
public sealed record CardMention(string UserId, string Name)
{
    /// <summary>The text that stands for the mention in a text block.</summary>
    public static string Tag(string name) => $"<at>{name}</at>";
}
