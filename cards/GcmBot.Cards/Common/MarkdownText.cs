using System.Text;

namespace GcmBot.Cards.Common;

/// <summary>
/// Makes text that people typed (names, topics, organisations) safe inside Markdown: Teams renders Markdown in card
/// text blocks and exports are Markdown files, so "[win](https://…)" or "**shout**" must stay literal text.
/// </summary>
public static class MarkdownText
{
    // Only what can change the rendering: emphasis, links, code, strike-through, HTML-like tags, table cells.
    // Everyday punctuation (hyphens, dots, brackets) stays unescaped so that names read naturally.
    private const string Special = "\\`*_[]~<>|";

    /// <summary>Backslash-escapes Markdown syntax, folds line breaks into spaces, and keeps a leading "1." or "-" literal.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n' or '\t')
            {
                result.Append(' ');
                continue;
            }

            if (Special.Contains(c, StringComparison.Ordinal))
            {
                result.Append('\\');
            }

            result.Append(c);
        }

        // A line starting with "-", "+", "#" or "1." would become a list or heading.
        var start = 0;
        while (start < result.Length && result[start] == ' ')
        {
            start++;
        }

        if (start < result.Length && (result[start] is '-' or '+' or '#' || LeadsWithNumberedItem(result, start)))
        {
            var digits = start;
            while (digits < result.Length && char.IsAsciiDigit(result[digits]))
            {
                digits++;
            }

            result.Insert(digits > start ? digits : start, '\\');
        }

        return result.ToString();
    }

    private static bool LeadsWithNumberedItem(StringBuilder text, int start)
    {
        var i = start;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i > start && i < text.Length && text[i] is '.' or ')';
    }
}
