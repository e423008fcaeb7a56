using System.Globalization;

namespace GcmBot.Cards.Words;

/// <summary>
/// CLDR plural categories of whole numbers for the languages GcmBot speaks (cardinal rules). A language not listed here
/// uses "one" for 1 and "other" for the rest, which suits most.
/// </summary>
public static class PluralRules
{
    public static string Category(CultureInfo culture, long number)
    {
        var n = Math.Abs(number);
        var language = SupportedLanguages.IsPseudo(culture) ? "en" : culture.TwoLetterISOLanguageName;
        return language switch
        {
            // Chinese has no plural forms.
            "zh" => "other",
            // French: 0 and 1 are singular.
            "fr" => n is 0 or 1 ? "one" : "other",
            "ru" => Russian(n),
            _ => n == 1 ? "one" : "other",
        };
    }

    private static string Russian(long n)
    {
        var lastDigit = n % 10;
        var lastTwo = n % 100;
        if (lastDigit == 1 && lastTwo != 11)
        {
            return "one";
        }

        if (lastDigit is >= 2 and <= 4 && lastTwo is < 12 or > 14)
        {
            return "few";
        }

        return "many";
    }
}
