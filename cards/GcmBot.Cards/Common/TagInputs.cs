using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Words;

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
        IReadOnlyDictionary<string, string?> values,
        CultureInfo culture)
    {
        var t = TextResources.For<TagInputTexts>(culture);
        FormField.Add(body, errors, new ChoiceSetInput(themes)
        {
            Id = Themes,
            Label = t["Themes"],
            IsRequired = true,
            IsMultiSelect = true,
            Expanded = true,
            ErrorMessage = t["Themes.Error"],
            Value = values.GetValueOrDefault(Themes),
        });
        FormField.Add(body, errors, new ChoiceSetInput(objectives)
        {
            Id = Objectives,
            Label = t["Objectives"],
            IsMultiSelect = true,
            Placeholder = t["Objectives.Placeholder"],
            Value = values.GetValueOrDefault(Objectives),
        });
    }
}

/// <summary>Names the resource files of the theme and objective inputs (<c>TagInputTexts.resx</c> and its translations).</summary>
public sealed class TagInputTexts;
