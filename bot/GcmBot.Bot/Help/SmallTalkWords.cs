using System.Globalization;
using System.Text;

namespace GcmBot.Bot.Help;

/// <summary>What a short message that is no command says.</summary>
public enum SmallTalkKind { Greeting, Thanks, Help }

/// <summary>
/// Recognises greetings and thanks in the four languages (and a few everyday extras), so that "hi", "bonjour",
/// "привет", "你好" or "thanks!" get the home card instead of "I don't know that command". The word for help in each
/// language ("aide", "помощь", "帮助") does what <c>help</c> does: command words are English, a person's first try is not.
/// </summary>
public static class SmallTalkWords
{
    private static readonly HashSet<string> Greetings = new(StringComparer.Ordinal)
    {
        "hi", "hello", "hey", "hiya", "good morning", "good afternoon", "good evening", "greetings", "start", "menu", "home",
        "bonjour", "salut", "bonsoir", "coucou",
        "привет", "здравствуйте", "здравствуй", "добрый день", "доброе утро", "добрый вечер",
        "你好", "您好", "嗨", "早上好", "下午好", "晚上好",
    };

    private static readonly HashSet<string> Thanks = new(StringComparer.Ordinal)
    {
        "thanks", "thank you", "thank you very much", "thanks a lot", "thx", "ty", "cheers",
        "merci", "merci beaucoup",
        "спасибо", "спасибо большое", "благодарю",
        "谢谢", "多谢", "谢谢你", "谢谢您", "非常感谢",
    };

    private static readonly HashSet<string> HelpWords = new(StringComparer.Ordinal)
    {
        "help me", "what can you do", "commands",
        "aide", "à l aide", "aidez moi", "au secours",
        "помощь", "помоги", "помогите", "справка", "меню",
        "帮助", "帮忙", "菜单", "救命", "求助",
    };

    /// <summary>The kind of small talk, or null when the text is something else.</summary>
    public static SmallTalkKind? Classify(string text)
    {
        var plain = Plain(text);
        if (plain.Length == 0)
        {
            return SmallTalkKind.Greeting;
        }

        if (plain.Length > 40)
        {
            return null;
        }

        if (HelpWords.Contains(plain))
        {
            return SmallTalkKind.Help;
        }

        if (Thanks.Contains(plain) || Thanks.Any(t => plain.StartsWith(t + " ", StringComparison.Ordinal)))
        {
            return SmallTalkKind.Thanks;
        }

        // "hello", "hi there", "bonjour GcmBot": a greeting followed by at most two words.
        var words = plain.Split(' ');
        for (var take = Math.Min(3, words.Length); take >= 1; take--)
        {
            if (Greetings.Contains(string.Join(' ', words.Take(take))) && words.Length - take <= 2)
            {
                return SmallTalkKind.Greeting;
            }
        }

        return null;
    }

    // Lower case, punctuation and emoji dropped, spaces folded: "Hello!! 👋" is "hello".
    private static string Plain(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text.ToLower(CultureInfo.InvariantCulture).Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                result.Append(c);
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '\'')
            {
                result.Append(' ');
            }
        }

        return string.Join(' ', result.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
