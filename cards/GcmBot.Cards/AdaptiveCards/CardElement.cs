using System.Text.Json.Nodes;

namespace GcmBot.Cards.AdaptiveCards;

/// <summary>An Adaptive Card element or action that knows how to write itself as schema 1.5 JSON.</summary>
public abstract record CardNode
{
    /// <summary>The schema's <c>type</c> discriminator, e.g. <c>TextBlock</c>.</summary>
    protected abstract string Type { get; }

    /// <summary>The element's <c>id</c>; inputs need one, other elements only when something targets them.</summary>
    public string? Id { get; init; }

    /// <summary>The node as JSON, with <c>type</c> first and unset optional properties left out.</summary>
    public JsonObject ToJson() => CardJson.Node(Write);

    /// <summary>Writes the node as one JSON object.</summary>
    internal void Write(CardJson json)
    {
        json.StartObject();
        json.Set("type", Type);
        if (Id is not null)
        {
            json.Set("id", Id);
        }

        WriteProperties(json);
        json.EndObject();
    }

    /// <summary>Adds the node's own properties.</summary>
    protected abstract void WriteProperties(CardJson json);
}

/// <summary>A body element (anything that can stand in a card body or a container).</summary>
public abstract record CardElement : CardNode
{
    public Spacing? Spacing { get; init; }
    public bool Separator { get; init; }
    public bool IsVisible { get; init; } = true;

    protected sealed override void WriteProperties(CardJson json)
    {
        WriteElement(json);
        json.SetIf("spacing", Spacing?.ToJsonValue());
        if (Separator)
        {
            json.Set("separator", true);
        }

        if (!IsVisible)
        {
            json.Set("isVisible", false);
        }
    }

    protected abstract void WriteElement(CardJson json);
}

/// <summary>An action (a button).</summary>
public abstract record CardAction : CardNode
{
    public required string Title { get; init; }
    public ActionStyle Style { get; init; } = ActionStyle.Default;
    public string? Tooltip { get; init; }

    protected sealed override void WriteProperties(CardJson json)
    {
        json.Set("title", Title);
        if (Style != ActionStyle.Default)
        {
            json.Set("style", Style.ToJsonValue());
        }

        json.SetIf("tooltip", Tooltip);
        WriteAction(json);
    }

    protected abstract void WriteAction(CardJson json);
}
