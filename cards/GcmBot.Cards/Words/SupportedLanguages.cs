using System.Globalization;

namespace GcmBot.Cards.Words;

/// <summary>
/// The languages GcmBot speaks: English (the neutral resources), French, Russian and Simplified Chinese, ESCAP's working
/// languages. Adding one means adding its resource files and its tag here.
/// </summary>
public static class SupportedLanguages
{
    /// <summary>Resource files of a language carry this suffix (e.g. <c>QuestionsTexts.fr.resx</c>).</summary>
    public static IReadOnlyList<string> Tags { get; } = ["en", "fr", "ru", "zh-Hans"];

    /// <summary>The pseudo-locale: English texts accented and lengthened, to find text that bypasses the resources.</summary>
    public const string PseudoTag = "qps-ploc";

    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");

    /// <summary>Every supported language, in the order a choice lists them.</summary>
    public static IReadOnlyList<CultureInfo> All { get; } = Tags.Select(CultureInfo.GetCultureInfo).ToList();

    /// <summary>
    /// The supported language closest to a tag as Teams or a browser sends it ("fr-FR", "zh-CN", "ru"); null when none
    /// is supported. Chinese in any script maps to Simplified Chinese, the one ESCAP uses.
    /// </summary>
    public static CultureInfo? Match(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var trimmed = tag.Trim();
        if (string.Equals(trimmed, PseudoTag, StringComparison.OrdinalIgnoreCase))
        {
            return CultureInfo.GetCultureInfo(PseudoTag);
        }

        var language = trimmed.Split('-', '_')[0].ToLowerInvariant();
        return language switch
        {
            "en" => English,
            "fr" => CultureInfo.GetCultureInfo("fr"),
            "ru" => CultureInfo.GetCultureInfo("ru"),
            "zh" => CultureInfo.GetCultureInfo("zh-Hans"),
            _ => null,
        };
    }

    /// <summary>The language of a culture as it names itself ("Français", "中文"), for a language choice.</summary>
    public static string NativeName(CultureInfo culture) => culture.Name switch
    {
        "en" => "English",
        "fr" => "Français",
        "ru" => "Русский",
        "zh-Hans" => "中文",
        _ => culture.NativeName,
    };

    /// <summary>The tag a card's <c>lang</c> and a page's <c>lang</c> attribute carry.</summary>
    public static string TagOf(CultureInfo culture) => IsPseudo(culture) ? "en" : culture.Name;

    public static bool IsPseudo(CultureInfo culture) => string.Equals(culture.Name, PseudoTag, StringComparison.OrdinalIgnoreCase);
}
