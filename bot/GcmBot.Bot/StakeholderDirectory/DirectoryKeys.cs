using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace GcmBot.Bot.StakeholderDirectory;

/// <summary>
/// The keys duplicates are found by. Organisation names are compared folded: lower case, accents and punctuation
/// dropped, "&amp;" read as "and", a leading "the" and trailing legal-form suffixes (Inc., Ltd, Pvt. Ltd., LLC …) ignored,
/// so that "Migrant Forum Asia, Inc." and "migrant forum asia" are one organisation. E-mail addresses compare without
/// regard to case.
/// </summary>
public static class DirectoryKeys
{
    private static readonly HashSet<string> LegalSuffixes = new(StringComparer.Ordinal)
    {
        "inc", "incorporated", "ltd", "limited", "llc", "llp", "plc", "co", "corp", "corporation", "company",
        "pte", "pvt", "pty", "private", "gmbh", "sa", "bhd", "sdn", "tbk", "pt",
    };

    /// <summary>The folded form of an organisation name; empty when nothing meaningful remains.</summary>
    public static string Organisation(string? name)
    {
        var words = Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0] == "the")
        {
            words.RemoveAt(0);
        }

        // "Pvt. Ltd." and "Sdn Bhd" are two suffix words; a name that is only suffixes ("Company") keeps its last word.
        while (words.Count > 1 && LegalSuffixes.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words);
    }

    /// <summary>An e-mail address as compared: trimmed, lower case.</summary>
    public static string Email(string email) => email.Trim().ToLowerInvariant();

    /// <summary>A plausible single e-mail address (name@domain.tld, no display name, no spaces).</summary>
    public static bool IsValidEmail(string email) =>
        email.Length <= 254 &&
        !email.Any(char.IsWhiteSpace) &&
        MailAddress.TryCreate(email, out var address) &&
        address.Address == email &&
        address.Host.Contains('.', StringComparison.Ordinal) &&
        !address.Host.StartsWith('.') && !address.Host.EndsWith('.');

    /// <summary>
    /// Text folded for comparison and search: lower case, diacritics removed (ā → a), "&amp;" → "and", every other
    /// non-letter, non-digit character a single space.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var result = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (c == '&')
            {
                Append(result, "and", ref pendingSpace);
                pendingSpace = true;
            }
            else if (Unaccented(c) is { } plain)
            {
                Append(result, plain, ref pendingSpace);
            }
            else if (char.IsLetterOrDigit(c))
            {
                Append(result, char.ToLowerInvariant(c).ToString(), ref pendingSpace);
            }
            else if (c is '\'' or '’')
            {
                // "Workers' Union" and "Workers Union" are the same name.
                continue;
            }
            else
            {
                pendingSpace = result.Length > 0;
            }
        }

        return result.ToString();
    }

    /// <summary>Letters that Unicode does not decompose into a base letter and an accent (Vietnamese đ, Polish ł …).</summary>
    private static string? Unaccented(char c) => char.ToLowerInvariant(c) switch
    {
        'đ' => "d",
        'ł' => "l",
        'ø' => "o",
        'ħ' => "h",
        'ı' => "i",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        _ => null,
    };

    private static void Append(StringBuilder result, string text, ref bool pendingSpace)
    {
        if (pendingSpace && result.Length > 0)
        {
            result.Append(' ');
        }

        pendingSpace = false;
        result.Append(text);
    }
}
