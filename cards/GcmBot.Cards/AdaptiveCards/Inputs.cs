namespace GcmBot.Cards.AdaptiveCards;

/// <summary>An input; its <see cref="CardNode.Id"/> is the key of its value in the submitted data.</summary>
public abstract record CardInput : CardElement
{
    public string? Label { get; init; }
    public bool IsRequired { get; init; }
    public string? ErrorMessage { get; init; }

    protected sealed override void WriteElement(CardJson json)
    {
        json.SetIf("label", Label);
        if (IsRequired)
        {
            json.Set("isRequired", true);
        }

        json.SetIf("errorMessage", ErrorMessage);
        WriteInput(json);
    }

    protected abstract void WriteInput(CardJson json);
}

public sealed record TextInput : CardInput
{
    protected override string Type => "Input.Text";

    public string? Value { get; init; }
    public string? Placeholder { get; init; }
    public int? MaxLength { get; init; }
    public bool IsMultiline { get; init; }
    public string? Style { get; init; }
    public string? Regex { get; init; }

    protected override void WriteInput(CardJson json)
    {
        json.SetIf("value", Value);
        json.SetIf("placeholder", Placeholder);
        if (MaxLength is { } maxLength)
        {
            json.Set("maxLength", maxLength);
        }

        if (IsMultiline)
        {
            json.Set("isMultiline", true);
        }

        json.SetIf("style", Style);
        json.SetIf("regex", Regex);
    }
}

/// <summary>A pick-list; with <see cref="IsMultiSelect"/> its value is a comma-separated list.</summary>
public sealed record ChoiceSetInput(IReadOnlyList<Choice> Choices) : CardInput
{
    protected override string Type => "Input.ChoiceSet";

    public string? Value { get; init; }
    public bool IsMultiSelect { get; init; }
    public bool Expanded { get; init; }
    public string? Placeholder { get; init; }

    /// <summary>Filtered style: a type-ahead list, good for long lists such as countries.</summary>
    public bool Filtered { get; init; }

    protected override void WriteInput(CardJson json)
    {
        json.Objects("choices", Choices, (item, choice) =>
        {
            item.Set("title", choice.Title);
            item.Set("value", choice.Value);
        });
        json.SetIf("value", Value);
        if (IsMultiSelect)
        {
            json.Set("isMultiSelect", true);
        }

        if (Filtered)
        {
            json.Set("style", "filtered");
        }
        else if (Expanded)
        {
            json.Set("style", "expanded");
        }

        json.SetIf("placeholder", Placeholder);
    }
}

/// <summary>One entry of a <see cref="ChoiceSetInput"/>.</summary>
public sealed record Choice(string Title, string Value);

public sealed record ToggleInput(string Title) : CardInput
{
    protected override string Type => "Input.Toggle";

    public bool Value { get; init; }

    protected override void WriteInput(CardJson json)
    {
        json.Set("title", Title);
        json.Set("value", Value ? "true" : "false");
        json.Set("valueOn", "true");
        json.Set("valueOff", "false");
    }
}

/// <summary>A date picker; values are ISO dates (yyyy-MM-dd).</summary>
public sealed record DateInput : CardInput
{
    protected override string Type => "Input.Date";

    public string? Value { get; init; }
    public string? Min { get; init; }
    public string? Max { get; init; }

    protected override void WriteInput(CardJson json)
    {
        json.SetIf("value", Value);
        json.SetIf("min", Min);
        json.SetIf("max", Max);
    }
}

/// <summary>A time picker; values are HH:mm.</summary>
public sealed record TimeInput : CardInput
{
    protected override string Type => "Input.Time";

    public string? Value { get; init; }

    protected override void WriteInput(CardJson json) => json.SetIf("value", Value);
}

public sealed record NumberInput : CardInput
{
    protected override string Type => "Input.Number";

    public double? Value { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }

    protected override void WriteInput(CardJson json)
    {
        if (Value is { } value)
        {
            json.Set("value", value);
        }

        if (Min is { } min)
        {
            json.Set("min", min);
        }

        if (Max is { } max)
        {
            json.Set("max", max);
        }
    }
}
