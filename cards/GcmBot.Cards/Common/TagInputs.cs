using GcmBot.Cards.AdaptiveCards;

namespace GcmBot.Cards.Common;

/// <summary>The roundtable themes (tick boxes, at least one) and GCM objectives (a pick-list) of a form.</summary>
internal static class TagInputs
{
    public const string Themes = "themes";
    public const string Objectives = "objectives";

    public static void Add(
        List<CardElement> body,
        IReadOnlyDictionary<string, string> errors,
        IReadOnlyList<Choice> themes,
        IReadOnlyList<Choice> objectives,
        IReadOnlyDictionary<string, string?> values)
    {
        FormField.Add(body, errors, new ChoiceSetInput(themes)
        {
            Id = Themes,
            Label = "Roundtable theme(s)",
            IsRequired = true,
            IsMultiSelect = true,
            Expanded = true,
            ErrorMessage = "Please choose at least one theme.",
            Value = values.GetValueOrDefault(Themes),
        });
        FormField.Add(body, errors, new ChoiceSetInput(objectives)
        {
            Id = Objectives,
            Label = "GCM objectives addressed (under the themes chosen)",
            IsMultiSelect = true,
            Placeholder = "Choose objectives",
            Value = values.GetValueOrDefault(Objectives),
        });
    }
}
