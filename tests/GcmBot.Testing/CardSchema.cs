using System.Text.Json.Nodes;
using NJsonSchema;

namespace GcmBot.Testing;

/// <summary>Validates card JSON against the official Adaptive Card 1.5 schema in ../shared/schemas.</summary>
public static class CardSchema
{
    private static readonly Lazy<Task<JsonSchema?>> Schema = new(LoadAsync);

    public static bool IsAvailable => SharedFolder.File("schemas", "adaptive-card-1.5.json") is not null;

    /// <summary>The schema violations of a card; empty when it is valid (or when the schema is not available).</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(JsonObject card)
    {
        var schema = await Schema.Value;
        if (schema is null)
        {
            return [];
        }

        // "msteams" (width, @mention entities) is Teams' own extension of the root, outside the Adaptive Cards schema:
        // it is checked by the Teams rules below and the rest of the card against the schema.
        var schemaPart = card.DeepClone().AsObject();
        schemaPart.Remove("msteams");
        var errors = schema.Validate(schemaPart.ToJsonString());
        var problems = errors.Select(e => $"{e.Path}: {e.Kind}").ToList();
        problems.AddRange(TeamsRules(card));
        return problems;
    }

    /// <summary>Throws with every violation listed when a card is invalid.</summary>
    public static async Task AssertValidAsync(JsonObject card)
    {
        var problems = await ValidateAsync(card);
        if (problems.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"Card does not validate against Adaptive Card 1.5:\n{string.Join("\n", problems)}\n{card.ToJsonString()}");
        }
    }

    private static readonly System.Text.Json.JsonSerializerOptions WireFormat = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // Rules Teams enforces beyond the schema: the version it renders, and the size of a message.
    private static IEnumerable<string> TeamsRules(JsonObject card)
    {
        if (card["version"]?.GetValue<string>() is not "1.5")
        {
            yield return "version: Teams cards must declare version 1.5";
        }

        if (card["msteams"] is JsonObject teams)
        {
            foreach (var key in teams.Select(p => p.Key).Where(k => k is not ("width" or "entities")))
            {
                yield return $"msteams.{key}: Teams knows only width and entities here";
            }

            foreach (var mention in teams["entities"]?.AsArray() ?? [])
            {
                var text = mention?["text"]?.GetValue<string>();
                if (mention?["type"]?.GetValue<string>() != "mention" || mention["mentioned"]?["id"] is null ||
                    text is null || !card["body"]!.ToJsonString().Contains(System.Text.Json.JsonSerializer.Serialize(text)[1..^1], StringComparison.Ordinal))
                {
                    yield return $"msteams.entities: a mention needs type, mentioned.id, and its text in a text block ({text})";
                }
            }
        }

        // Bytes as sent: UTF-8, letters of every script unescaped (Russian and Chinese cards are measured fairly).
        var size = System.Text.Encoding.UTF8.GetByteCount(card.ToJsonString(WireFormat));
        if (size > 28 * 1024)
        {
            yield return $"size: {size} bytes; keep cards well under Teams' ~28 KB card and 80 KB message limits";
        }
    }

    private static async Task<JsonSchema?> LoadAsync()
    {
        var file = SharedFolder.File("schemas", "adaptive-card-1.5.json");
        if (file is null)
        {
            return null;
        }

        // The official schema's "id" points at adaptivecards.io; removed so nothing is fetched (see shared/schemas/README.md).
        var json = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject();
        json.Remove("id");
        json.Remove("$schema");
        return await JsonSchema.FromJsonAsync(json.ToJsonString());
    }
}
