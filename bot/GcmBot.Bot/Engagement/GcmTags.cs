using System.Globalization;

namespace GcmBot.Bot.Engagement;

/// <summary>The roundtable themes (a–d) and GCM objectives (1–23) that a piece of input addresses.</summary>
public sealed record GcmTags(IReadOnlyList<char> Themes, IReadOnlyList<int> Objectives)
{
    /// <summary>"a, c" for people to read.</summary>
    public string ThemesText => string.Join(", ", Themes);

    /// <summary>"2, 5, 12" for people to read.</summary>
    public string ObjectivesText => string.Join(", ", Objectives);
}

/// <summary>What is wrong with themes or objectives as typed.</summary>
public enum TagProblemKind
{
    /// <summary><see cref="TagProblem.Token"/> is not one of the themes a–d.</summary>
    NotATheme,

    /// <summary>No theme was given where one is needed.</summary>
    ThemeMissing,

    /// <summary><see cref="TagProblem.Token"/> is not a GCM objective number (1–23).</summary>
    NotAnObjective,

    /// <summary>Objectives that belong to themes not chosen (<see cref="TagProblem.Outside"/>).</summary>
    OutsideThemes,
}

/// <summary>
/// Why themes or objectives could not be read: a typed outcome that the Teams face words in the person's language
/// (<see cref="TagWords"/>).
/// </summary>
/// <param name="Token">What the person typed, shortened (for <see cref="TagProblemKind.NotATheme"/> and <see cref="TagProblemKind.NotAnObjective"/>).</param>
/// <param name="Outside">For <see cref="TagProblemKind.OutsideThemes"/>: each theme with the chosen objectives that belong to it.</param>
public sealed record TagProblem(TagProblemKind Kind, string? Token = null, IReadOnlyList<(char Theme, IReadOnlyList<int> Objectives)>? Outside = null);

/// <summary>A parsed value, or the reason it could not be read.</summary>
public sealed record TagParse<T>(T Value, TagProblem? Problem)
{
    public bool IsValid => Problem is null;
}

/// <summary>Themes and objectives as a form gave them: the tags, or what is wrong with each field.</summary>
public sealed record TagCheck(GcmTags? Tags, TagProblem? ThemesProblem, TagProblem? ObjectivesProblem);

/// <summary>
/// Reads and checks themes and objectives as people give them ("a,b", "ab", "a b"; "2, 5 12") and stores them in a form
/// the database can search with a plain LIKE: themes as "ab", objectives as ",2,5,12,".
/// </summary>
public static class GcmTagRules
{
    private static readonly char[] Separators = [',', ';', ' ', '\t', '\n', '\r'];

    /// <summary>Theme codes in any of the usual spellings; each must be a–d. Sorted, without repeats.</summary>
    public static TagParse<IReadOnlyList<char>> ParseThemes(string? raw, bool required)
    {
        var tokens = (raw ?? string.Empty).Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var themes = new SortedSet<char>();
        foreach (var token in tokens)
        {
            // "ab" is two themes; "theme-a", "e" or a word that happens to be made of a–d ("bad") are not.
            var lower = token.ToLowerInvariant();
            var isThemeList = lower.Zip(lower.Skip(1)).All(pair => pair.First < pair.Second);
            foreach (var c in lower)
            {
                if (!isThemeList || GcmReference.Theme(c) is not { } theme)
                {
                    return new([], new TagProblem(TagProblemKind.NotATheme, Shorten(token)));
                }

                themes.Add(theme.Code);
            }
        }

        if (required && themes.Count == 0)
        {
            return new([], new TagProblem(TagProblemKind.ThemeMissing));
        }

        return new(themes.ToList(), null);
    }

    /// <summary>Objective numbers 1–23, separated by commas or spaces. Sorted, without repeats.</summary>
    public static TagParse<IReadOnlyList<int>> ParseObjectives(string? raw)
    {
        var tokens = (raw ?? string.Empty).Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var objectives = new SortedSet<int>();
        foreach (var token in tokens)
        {
            if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || GcmReference.Objective(number) is null)
            {
                return new([], new TagProblem(TagProblemKind.NotAnObjective, Shorten(token)));
            }

            objectives.Add(number);
        }

        return new(objectives.ToList(), null);
    }

    /// <summary>
    /// The seed document assigns each objective to exactly one roundtable theme; an objective outside the chosen themes
    /// would file the input under a theme it was not tagged with, so the person is asked to add the theme or drop it.
    /// </summary>
    public static TagProblem? ObjectivesOutsideThemes(IReadOnlyList<char> themes, IReadOnlyList<int> objectives)
    {
        var outside = objectives.Where(o => !themes.Contains(ThemeOf(o))).ToList();
        if (outside.Count == 0)
        {
            return null;
        }

        return new TagProblem(
            TagProblemKind.OutsideThemes,
            Outside: outside.GroupBy(ThemeOf).Select(g => (g.Key, (IReadOnlyList<int>)g.ToList())).ToList());
    }

    /// <summary>
    /// The themes (at least one) and objectives of a form, checked together; a problem per field, so that each can be
    /// shown next to its input. <see cref="TagCheck.Tags"/> is set only when both are right.
    /// </summary>
    public static TagCheck Check(string? themes, string? objectives)
    {
        var parsedThemes = ParseThemes(themes, required: true);
        var parsedObjectives = ParseObjectives(objectives);
        var objectivesProblem = parsedObjectives.Problem ??
            (parsedThemes.IsValid ? ObjectivesOutsideThemes(parsedThemes.Value, parsedObjectives.Value) : null);
        var tags = parsedThemes.IsValid && objectivesProblem is null ? new GcmTags(parsedThemes.Value, parsedObjectives.Value) : null;
        return new TagCheck(tags, parsedThemes.Problem, objectivesProblem);
    }

    /// <summary>The theme an objective is discussed under (every objective has exactly one).</summary>
    public static char ThemeOf(int objective) =>
        GcmReference.Themes.First(t => t.Objectives.Contains(objective)).Code;

    /// <summary>Themes as stored: "ab".</summary>
    public static string StoreThemes(IEnumerable<char> themes) => new(themes.Distinct().Order().ToArray());

    /// <summary>Objectives as stored: ",2,5,12," (empty: ","), so that <see cref="StoredObjectivePattern"/> finds one with LIKE.</summary>
    public static string StoreObjectives(IEnumerable<int> objectives) =>
        "," + string.Concat(objectives.Distinct().Order().Select(o => o.ToString(CultureInfo.InvariantCulture) + ","));

    /// <summary>The LIKE pattern that finds one objective in a stored list.</summary>
    public static string StoredObjectivePattern(int objective) => $"%,{objective.ToString(CultureInfo.InvariantCulture)},%";

    public static IReadOnlyList<char> ReadThemes(string? stored) =>
        (stored ?? string.Empty).Where(c => GcmReference.Theme(c) is not null).Distinct().Order().ToList();

    public static IReadOnlyList<int> ReadObjectives(string? stored) =>
        (stored ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(n => GcmReference.Objective(n) is not null)
            .Distinct()
            .Order()
            .ToList();

    public static GcmTags Read(string? storedThemes, string? storedObjectives) => new(ReadThemes(storedThemes), ReadObjectives(storedObjectives));

    private static string Shorten(string token) => token.Length <= 12 ? token : token[..12] + "…";
}

/// <summary>Names the resource files of this folder (<c>EngagementTexts.resx</c> and its translations).</summary>
public sealed class EngagementTexts
{
    internal static GcmBot.Cards.Words.TextResources Current => GcmBot.Cards.Words.TextResources.For<EngagementTexts>(CultureInfo.CurrentUICulture);
}
