namespace GcmBot.Cards.AdaptiveCards;

/// <summary>Text; Teams renders a subset of Markdown in it.</summary>
public sealed record TextBlock(string Text) : CardElement
{
    protected override string Type => "TextBlock";

    public TextSize Size { get; init; } = TextSize.Default;
    public TextWeight Weight { get; init; } = TextWeight.Default;
    public TextColor Color { get; init; } = TextColor.Default;
    public bool IsSubtle { get; init; }
    public bool Wrap { get; init; } = true;
    public int? MaxLines { get; init; }
    public string? Style { get; init; }

    protected override void WriteElement(CardJson json)
    {
        json.Set("text", Text);
        if (Wrap)
        {
            json.Set("wrap", true);
        }

        if (Size != TextSize.Default)
        {
            json.Set("size", Size.ToJsonValue());
        }

        if (Weight != TextWeight.Default)
        {
            json.Set("weight", Weight.ToJsonValue());
        }

        if (Color != TextColor.Default)
        {
            json.Set("color", Color.ToJsonValue());
        }

        if (IsSubtle)
        {
            json.Set("isSubtle", true);
        }

        if (MaxLines is { } maxLines)
        {
            json.Set("maxLines", maxLines);
        }

        json.SetIf("style", Style);
    }
}

/// <summary>A group of elements, optionally styled as an emphasised block.</summary>
public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    protected override string Type => "Container";

    public ContainerStyle? Style { get; init; }
    public CardAction? SelectAction { get; init; }

    protected override void WriteElement(CardJson json)
    {
        json.Nodes("items", Items);
        json.SetIf("style", Style?.ToJsonValue());
        json.NodeIf("selectAction", SelectAction);
    }
}

/// <summary>Side-by-side columns.</summary>
public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement
{
    protected override string Type => "ColumnSet";

    protected override void WriteElement(CardJson json) => json.Nodes("columns", Columns);
}

/// <summary>One column of a <see cref="ColumnSet"/>; width is auto, stretch or a weight.</summary>
public sealed record Column(IReadOnlyList<CardElement> Items) : CardNode
{
    protected override string Type => "Column";

    public ColumnWidth Width { get; init; } = ColumnWidth.Stretch;
    public int? Weight { get; init; }
    public string? VerticalContentAlignment { get; init; }

    protected override void WriteProperties(CardJson json)
    {
        json.Nodes("items", Items);
        json.Set("width", Weight is { } weight ? weight.ToString(System.Globalization.CultureInfo.InvariantCulture) : Width.ToJsonValue());
        json.SetIf("verticalContentAlignment", VerticalContentAlignment);
    }
}

/// <summary>Label/value pairs.</summary>
public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement
{
    protected override string Type => "FactSet";

    protected override void WriteElement(CardJson json)
    {
        json.Objects("facts", Facts, (item, fact) =>
        {
            item.Set("title", fact.Title);
            item.Set("value", fact.Value);
        });
    }
}

/// <summary>One label/value pair of a <see cref="FactSet"/>.</summary>
public sealed record Fact(string Title, string Value);

/// <summary>An image by URL (https or a data: URI).</summary>
public sealed record Image(string Url) : CardElement
{
    protected override string Type => "Image";

    public string? AltText { get; init; }
    public ImageSize Size { get; init; } = ImageSize.Auto;

    protected override void WriteElement(CardJson json)
    {
        json.Set("url", Url);
        json.SetIf("altText", AltText);
        if (Size != ImageSize.Auto)
        {
            json.Set("size", Size.ToJsonValue());
        }
    }
}

/// <summary>Buttons placed inside the body.</summary>
public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement
{
    protected override string Type => "ActionSet";

    protected override void WriteElement(CardJson json) => json.Nodes("actions", Actions);
}
