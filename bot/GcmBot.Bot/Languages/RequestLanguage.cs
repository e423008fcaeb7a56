using System.Globalization;
using GcmBot.Cards.Words;
using Microsoft.Net.Http.Headers;

namespace GcmBot.Bot.Languages;

/// <summary>
/// The language of a web page GcmBot serves (public pages, downloads): the one the page's language switch chose
/// (<c>?lang=fr</c>), else the first supported language of the browser's <c>Accept-Language</c> by preference, else
/// English. The pseudo-locale is only ever chosen explicitly, never taken from a browser.
/// </summary>
public static class RequestLanguage
{
    public const string QueryKey = "lang";

    public static CultureInfo Of(HttpRequest request) =>
        Of(request.Query[QueryKey].FirstOrDefault(), request.GetTypedHeaders().AcceptLanguage);

    public static CultureInfo Of(string? chosen, IEnumerable<StringWithQualityHeaderValue> acceptLanguage)
    {
        if (SupportedLanguages.Match(chosen) is { } language)
        {
            return language;
        }

        return acceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => SupportedLanguages.Match(l.Value.Value))
            .FirstOrDefault(l => l is not null && !SupportedLanguages.IsPseudo(l)) ?? SupportedLanguages.English;
    }
}
