using System.Text.Json.Nodes;

namespace GcmBot.Testing;

/// <summary>An activity the bot sent, with helpers to read its text and cards.</summary>
public sealed class ReceivedActivity(JsonObject json, ConnectorCall? call = null)
{
    public JsonObject Json { get; } = json;

    public ConnectorCall? Call { get; } = call;

    public string? Type => Json["type"]?.GetValue<string>();

    public string? Text => Json["text"]?.GetValue<string>();

    /// <summary>The Adaptive Cards attached, as sent.</summary>
    public IReadOnlyList<JsonObject> Cards =>
        (Json["attachments"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(a => a["contentType"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive")
            .Select(a => a["content"] as JsonObject)
            .OfType<JsonObject>()
            .ToList();

    public JsonObject Card => Cards.Count == 1 ? Cards[0] : throw new InvalidOperationException($"Expected one card, found {Cards.Count}. Text: {Text}");

    public bool HasCard => Cards.Count > 0;

    /// <summary>The message text plus every text shown on its cards (TextBlocks, facts, titles), for assertions.</summary>
    public string AllText => string.Join("\n", new[] { Text }.Concat(Cards.SelectMany(CardText.Of)).Where(t => !string.IsNullOrEmpty(t)));

    public override string ToString() => AllText;
}

/// <summary>Reads what a person would see on a card.</summary>
public static class CardText
{
    public static IEnumerable<string> Of(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in new[] { "text", "title", "value", "label", "placeholder", "altText", "errorMessage" })
                {
                    if (obj[key] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        yield return text;
                    }
                }

                foreach (var (key, child) in obj)
                {
                    if (key is not "data" && child is JsonObject or JsonArray)
                    {
                        foreach (var text in Of(child))
                        {
                            yield return text;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var text in Of(item))
                    {
                        yield return text;
                    }
                }

                break;
        }
    }

    /// <summary>All actions (buttons) anywhere on a card, nested ones included.</summary>
    public static IEnumerable<JsonObject> Actions(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"]?.GetValue<string>() is { } type && type.StartsWith("Action.", StringComparison.Ordinal))
                {
                    yield return obj;
                }

                foreach (var (_, child) in obj)
                {
                    foreach (var action in Actions(child))
                    {
                        yield return action;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var action in Actions(item))
                    {
                        yield return action;
                    }
                }

                break;
        }
    }

    /// <summary>The first action with a given verb (Action.Execute verb, or Action.Submit data.verb).</summary>
    public static JsonObject? ActionWithVerb(JsonNode? card, string verb) =>
        Actions(card).FirstOrDefault(a =>
            a["verb"]?.GetValue<string>() == verb || (a["data"] as JsonObject)?["verb"]?.GetValue<string>() == verb);

    /// <summary>Every input element (Input.*) on a card, by id.</summary>
    public static IReadOnlyDictionary<string, JsonObject> Inputs(JsonNode? card)
    {
        var inputs = new Dictionary<string, JsonObject>();
        Collect(card);
        return inputs;

        void Collect(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    if (obj["type"]?.GetValue<string>() is { } type && type.StartsWith("Input.", StringComparison.Ordinal) && obj["id"]?.GetValue<string>() is { } id)
                    {
                        inputs[id] = obj;
                    }

                    foreach (var (_, child) in obj)
                    {
                        Collect(child);
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Collect(item);
                    }

                    break;
            }
        }
    }
}
