using System.Text.Json.Nodes;

namespace GcmBot.Cards.AdaptiveCards;

/// <summary>An Adaptive Card element or action that knows how to write itself as schema 1.5 JSON.</summary>
public abstract record CardNode
{
    /// <summary>The schema's <c>type</c> discriminator, e.g. <c>TextBlock</c>.</summary>
    protected abstract string Type { get; }

    /// <summary>The element's <c>id</c>; inputs need one, other elements only when something targets them.</summary>
    public string? Id { get; init; }

    /// <summary>Writes the node as JSON, with <c>type</c> first and unset optional properties left out.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = Type };
        if (Id is not null)
        {
            json["id"] = Id;
        }

        WriteProperties(json);
        return json;
    }

    /// <summary>Adds the node's own properties.</summary>
    protected abstract void WriteProperties(JsonObject json);
}

/// <summary>A body element (anything that can stand in a card body or a container).</summary>
public abstract record CardElement : CardNode
{
    public Spacing? Spacing { get; init; }
    public bool Separator { get; init; }
    public bool IsVisible { get; init; } = true;

    protected sealed override void WriteProperties(JsonObject json)
    {
        WriteElement(json);
        json.SetIf("spacing", Spacing?.ToJsonValue());
        if (Separator)
        {
            json["separator"] = true;
        }

        if (!IsVisible)
        {
            json["isVisible"] = false;
        }
    }

    protected abstract void WriteElement(JsonObject json);
}

/// <summary>An action (a button).</summary>
public abstract record CardAction : CardNode
{
    public required string Title { get; init; }
    public ActionStyle Style { get; init; } = ActionStyle.Default;
    public string? Tooltip { get; init; }

    protected sealed override void WriteProperties(JsonObject json)
    {
        json["title"] = Title;
        if (Style != ActionStyle.Default)
        {
            json["style"] = Style.ToJsonValue();
        }

        json.SetIf("tooltip", Tooltip);
        WriteAction(json);
    }

    protected abstract void WriteAction(JsonObject json);
}

internal static class JsonObjectExtensions
{
    public static void SetIf(this JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    public static void SetIf(this JsonObject json, string name, JsonNode? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    public static JsonArray ToJsonArray<T>(this IEnumerable<T> nodes)
        where T : CardNode
    {
        var array = new JsonArray();
        foreach (var node in nodes)
        {
            array.Add(node.ToJson());
        }

        return array;
    }
}
