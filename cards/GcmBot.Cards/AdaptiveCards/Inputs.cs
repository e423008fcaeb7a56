using System.Text.Json.Nodes;

namespace GcmBot.Cards.AdaptiveCards;

/// <summary>An input; its <see cref="CardNode.Id"/> is the key of its value in the submitted data.</summary>
public abstract record CardInput : CardElement
{
    public string? Label { get; init; }
    public bool IsRequired { get; init; }
    public string? ErrorMessage { get; init; }

    protected sealed override void WriteElement(JsonObject json)
    {
        json.SetIf("label", Label);
        if (IsRequired)
        {
            json["isRequired"] = true;
        }

        json.SetIf("errorMessage", ErrorMessage);
        WriteInput(json);
    }

    protected abstract void WriteInput(JsonObject json);
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

    protected override void WriteInput(JsonObject json)
    {
        json.SetIf("value", Value);
        json.SetIf("placeholder", Placeholder);
        if (MaxLength is { } maxLength)
        {
            json["maxLength"] = maxLength;
        }

        if (IsMultiline)
        {
            json["isMultiline"] = true;
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

    protected override void WriteInput(JsonObject json)
    {
        var choices = new JsonArray();
        foreach (var choice in Choices)
        {
            choices.Add(new JsonObject { ["title"] = choice.Title, ["value"] = choice.Value });
        }

        json["choices"] = choices;
        json.SetIf("value", Value);
        if (IsMultiSelect)
        {
            json["isMultiSelect"] = true;
        }

        if (Filtered)
        {
            json["style"] = "filtered";
        }
        else if (Expanded)
        {
            json["style"] = "expanded";
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

    protected override void WriteInput(JsonObject json)
    {
        json["title"] = Title;
        json["value"] = Value ? "true" : "false";
        json["valueOn"] = "true";
        json["valueOff"] = "false";
    }
}

/// <summary>A date picker; values are ISO dates (yyyy-MM-dd).</summary>
public sealed record DateInput : CardInput
{
    protected override string Type => "Input.Date";

    public string? Value { get; init; }
    public string? Min { get; init; }
    public string? Max { get; init; }

    protected override void WriteInput(JsonObject json)
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

    protected override void WriteInput(JsonObject json) => json.SetIf("value", Value);
}

public sealed record NumberInput : CardInput
{
    protected override string Type => "Input.Number";

    public double? Value { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }

    protected override void WriteInput(JsonObject json)
    {
        if (Value is { } value)
        {
            json["value"] = value;
        }

        if (Min is { } min)
        {
            json["min"] = min;
        }

        if (Max is { } max)
        {
            json["max"] = max;
        }
    }
}
