using System.Globalization;
using System.Text;

namespace GcmBot.Cards.Words;

/// <summary>
/// Formats a resource text with its arguments. Plain placeholders are .NET's (<c>{0}</c>, <c>{1:N0}</c>); counts use
/// ICU's plural form so each language can say it its own way:
/// <c>{0, plural, one {# vote} other {# votes}}</c> (Russian adds <c>few</c> and <c>many</c>; <c>=0 {...}</c> matches
/// an exact number; <c>#</c> is the number formatted for the culture). Braces are escaped by doubling them.
/// </summary>
public static class MessageFormat
{
    public static string Format(CultureInfo culture, string pattern, params object?[] arguments)
    {
        if (arguments.Length == 0 && !pattern.Contains('{', StringComparison.Ordinal))
        {
            return pattern;
        }

        var output = new StringBuilder(pattern.Length + 16);
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '{' && i + 1 < pattern.Length && pattern[i + 1] == '{')
            {
                output.Append('{');
                i += 2;
            }
            else if (c == '}' && i + 1 < pattern.Length && pattern[i + 1] == '}')
            {
                output.Append('}');
                i += 2;
            }
            else if (c == '{')
            {
                var end = MatchingBrace(pattern, i);
                output.Append(Placeholder(culture, pattern[(i + 1)..end], arguments));
                i = end + 1;
            }
            else
            {
                output.Append(c);
                i++;
            }
        }

        return output.ToString();
    }

    private static string Placeholder(CultureInfo culture, string inside, object?[] arguments)
    {
        var comma = inside.IndexOf(',', StringComparison.Ordinal);
        var colon = inside.IndexOf(':', StringComparison.Ordinal);
        if (comma > 0 && (colon < 0 || comma < colon))
        {
            var rest = inside[(comma + 1)..].TrimStart();
            if (rest.StartsWith("plural", StringComparison.Ordinal))
            {
                var index = ParseIndex(inside[..comma]);
                var options = rest["plural".Length..].TrimStart().TrimStart(',');
                return Plural(culture, ArgumentAt(arguments, index), options, arguments);
            }
        }

        // An ordinary .NET placeholder, alignment and format included.
        return string.Format(culture, "{" + inside + "}", arguments);
    }

    private static string Plural(CultureInfo culture, object? argument, string options, object?[] arguments)
    {
        var number = Convert.ToInt64(argument ?? 0, CultureInfo.InvariantCulture);
        var category = PluralRules.Category(culture, number);
        var choices = ParseChoices(options);
        var chosen = choices.FirstOrDefault(o => o.Selector == "=" + number.ToString(CultureInfo.InvariantCulture)).Text
            ?? choices.FirstOrDefault(o => o.Selector == category).Text
            ?? choices.FirstOrDefault(o => o.Selector == "other").Text
            ?? string.Empty;
        var formattedNumber = number.ToString("N0", culture);
        // The chosen text may hold placeholders of its own; '#' is the number.
        return Format(culture, chosen.Replace("#", formattedNumber, StringComparison.Ordinal), arguments);
    }

    private static List<(string Selector, string? Text)> ParseChoices(string options)
    {
        var choices = new List<(string, string?)>();
        var i = 0;
        while (i < options.Length)
        {
            while (i < options.Length && char.IsWhiteSpace(options[i]))
            {
                i++;
            }

            var open = options.IndexOf('{', i);
            if (open < 0)
            {
                break;
            }

            var selector = options[i..open].Trim();
            var close = MatchingBrace(options, open);
            choices.Add((selector, options[(open + 1)..close]));
            i = close + 1;
        }

        return choices;
    }

    private static int MatchingBrace(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '{')
            {
                depth++;
            }
            else if (text[i] == '}' && --depth == 0)
            {
                return i;
            }
        }

        throw new FormatException("A text's braces do not match: " + text);
    }

    private static int ParseIndex(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : throw new FormatException("A plural placeholder needs an argument number: " + text);

    private static object? ArgumentAt(object?[] arguments, int index) =>
        index < arguments.Length ? arguments[index] : throw new FormatException("A text names an argument it was not given.");
}
