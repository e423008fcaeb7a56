using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;

namespace GcmBot.Bot.Teams.Routing;

/// <summary>Turns what Teams sends as message text into the plain command text a person meant.</summary>
public static partial class CommandText
{
    /// <summary>Longer messages are refused before any parsing: no command needs more.</summary>
    public const int MaxLength = 4000;

    public static string Normalise(IMessageActivity activity)
    {
        var text = activity.Text ?? string.Empty;
        // In shared conversations the text carries "<at>GcmBot</at>"; Teams may add other mentions and entities too.
        text = MentionTag().Replace(text, " ");
        text = HtmlTag().Replace(text, " ");
        text = WebUtility.HtmlDecode(text);
        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex("<at[^>]*>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex MentionTag();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
