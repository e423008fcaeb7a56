using System.Globalization;

namespace GcmBot.Bot.Languages;

/// <summary>
/// Sets the language (UI texts) and formatting culture (numbers, dates) of the code that runs inside it, and restores the
/// previous ones when disposed. A turn runs in its person's language; a proactive message is built inside the
/// recipient's. The culture flows with async calls, as ASP.NET Core's request localisation does.
/// </summary>
public sealed class LanguageScope : IDisposable
{
    private readonly CultureInfo _previousCulture;
    private readonly CultureInfo _previousUiCulture;

    private LanguageScope(CultureInfo culture)
    {
        _previousCulture = CultureInfo.CurrentCulture;
        _previousUiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = FormattingCulture(culture);
        CultureInfo.CurrentUICulture = culture;
    }

    public static LanguageScope Use(CultureInfo culture) => new(culture);

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _previousCulture;
        CultureInfo.CurrentUICulture = _previousUiCulture;
    }

    // The pseudo-locale formats numbers and dates as English does.
    private static CultureInfo FormattingCulture(CultureInfo culture) =>
        GcmBot.Cards.Words.SupportedLanguages.IsPseudo(culture) ? GcmBot.Cards.Words.SupportedLanguages.English : culture;
}
