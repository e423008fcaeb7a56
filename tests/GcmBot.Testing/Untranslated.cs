using System.Text.RegularExpressions;

namespace GcmBot.Testing;

/// <summary>
/// Finds text that did not come from the resource files in a reply made in the pseudo-locale (<c>qps-ploc</c>), where
/// every resource text is accented and wrapped in ⟦ ⟧: any run of three or more plain ASCII letters outside those
/// brackets is English written inline, unless the test says it is data (a title the organiser typed, a name, a
/// command word such as <c>help</c>).
/// </summary>
public static partial class Untranslated
{
    public static IReadOnlyList<string> In(string text, params string[] data)
    {
        var outside = Bracketed().Replace(text, " ");
        foreach (var allowed in data.OrderByDescending(d => d.Length))
        {
            outside = outside.Replace(allowed, " ", StringComparison.OrdinalIgnoreCase);
        }

        // URLs and e-mail addresses are not sentences.
        outside = Url().Replace(outside, " ");
        return PlainWord().Matches(outside).Select(m => m.Value).Distinct().ToList();
    }

    [GeneratedRegex("⟦[^⟧]*⟧")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"(https?://\S+|\S+@\S+)")]
    private static partial Regex Url();

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex PlainWord();
}
