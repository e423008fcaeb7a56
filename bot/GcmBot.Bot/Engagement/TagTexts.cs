using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.Engagement;

/// <summary>Names the resource files of the tag problems (<c>TagTexts.resx</c> and its translations).</summary>
public sealed class TagTexts;

/// <summary>Words a <see cref="TagProblem"/> in the current language, for the form field it belongs to.</summary>
public static class TagWords
{
    public static string Describe(TagProblem problem, IStringLocalizer<TagTexts> texts) => problem.Kind switch
    {
        TagProblemKind.NotATheme => texts["NotATheme", problem.Token ?? string.Empty],
        TagProblemKind.ThemeMissing => texts["ThemeMissing"],
        TagProblemKind.NotAnObjective => texts["NotAnObjective", problem.Token ?? string.Empty],
        _ => string.Join(" ", (problem.Outside ?? []).Select(o =>
                 texts["OutsideTheme", o.Objectives.Count, string.Join(", ", o.Objectives), o.Theme.ToString()].Value))
             + " " + texts["OutsideThemesFix"],
    };
}
