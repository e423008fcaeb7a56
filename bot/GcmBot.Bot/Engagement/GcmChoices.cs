using System.Globalization;
using GcmBot.Cards.AdaptiveCards;

namespace GcmBot.Bot.Engagement;

/// <summary>The roundtable themes and GCM objectives as choices on a form, titled in the language of the turn.</summary>
public static class GcmChoices
{
    public static IReadOnlyList<Choice> Themes() =>
        GcmReference.Themes.Select(t => new Choice(t.LabelIn(), t.Code.ToString())).ToList();

    /// <summary>
    /// Every objective, titled with its theme; those of the chosen themes first, so that the list starts with what fits.
    /// (A card cannot change its choices as themes are ticked; the server checks the fit when the form is sent.)
    /// </summary>
    public static IReadOnlyList<Choice> Objectives(IReadOnlyList<char> chosenThemes) =>
        GcmReference.Themes
            .OrderBy(t => chosenThemes.Contains(t.Code) ? 0 : 1)
            .ThenBy(t => t.Code)
            .SelectMany(t => t.Objectives.Order().Select(n => new Choice(
                EngagementTexts.Current["ObjectiveChoice", t.Code.ToString(), n, GcmReference.Objective(n)!.TitleIn()],
                n.ToString(CultureInfo.InvariantCulture))))
            .ToList();

    /// <summary>The themes a form's answer names, for ordering its objectives; nothing when the answer is unreadable.</summary>
    public static IReadOnlyList<char> ChosenThemes(string? answer) => GcmTagRules.ParseThemes(answer, required: false).Value;
}
