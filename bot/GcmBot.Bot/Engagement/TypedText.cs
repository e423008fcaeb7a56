using System.Text;

namespace GcmBot.Bot.Engagement;

/// <summary>Text people typed, tidied before it is checked and stored: no control characters, no stray whitespace.</summary>
public static class TypedText
{
    /// <summary>One line: whitespace and control characters folded into single spaces.</summary>
    public static string SingleLine(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return string.Empty;
        }

        var result = new StringBuilder(raw.Length);
        var pendingSpace = false;
        foreach (var c in raw)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>
    /// Paragraph text: line breaks kept (as \n), tabs and runs of spaces folded into one space, other control
    /// characters dropped, at most one blank line in a row.
    /// </summary>
    public static string MultiLine(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return string.Empty;
        }

        var lines = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var result = new StringBuilder(raw.Length);
        var blank = 0;
        foreach (var line in lines)
        {
            var tidy = SingleLine(line);
            blank = tidy.Length == 0 ? blank + 1 : 0;
            if (blank > 1)
            {
                continue;
            }

            result.Append(tidy).Append('\n');
        }

        return result.ToString().Trim();
    }
}
