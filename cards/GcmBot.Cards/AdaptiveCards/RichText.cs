namespace GcmBot.Cards.AdaptiveCards;

/// <summary>
/// Text made of runs. Unlike <see cref="TextBlock"/>, a <see cref="TextRun"/> is never read as Markdown, so text typed by
/// people (questions, names) is shown exactly as written: no links, no formatting smuggled into a shared card.
/// </summary>
public sealed record RichTextBlock(IReadOnlyList<TextRun> Inlines) : CardElement
{
    protected override string Type => "RichTextBlock";

    protected override void WriteElement(CardJson json) => json.Nodes("inlines", Inlines);
}

/// <summary>A run of plain text inside a <see cref="RichTextBlock"/>.</summary>
public sealed record TextRun(string Text) : CardNode
{
    protected override string Type => "TextRun";

    public TextSize Size { get; init; } = TextSize.Default;
    public TextWeight Weight { get; init; } = TextWeight.Default;
    public TextColor Color { get; init; } = TextColor.Default;
    public bool IsSubtle { get; init; }
    public bool Italic { get; init; }

    protected override void WriteProperties(CardJson json)
    {
        json.Set("text", Text);
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

        if (Italic)
        {
            json.Set("italic", true);
        }
    }
}
