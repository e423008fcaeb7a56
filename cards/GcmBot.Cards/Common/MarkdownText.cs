using System.Text;

namespace GcmBot.Cards.Common;

/// <summary>
/// Text a person typed (a name, an organisation), made safe to show in a TextBlock or FactSet, which Teams renders as
/// Markdown: a registrant must not be able to turn their name into a link or emphasis on an organiser's card.
/// </summary>
public static class MarkdownText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '[' or ']' or '*' or '_' or '`' or '<' or '>')
            {
                result.Append('\\');
            }

            result.Append(c);
        }

        return result.ToString();
    }
}
