using System.Globalization;
using GcmBot.Cards.Common;
using GcmBot.Cards.Words;
using Microsoft.Net.Http.Headers;

namespace GcmBot.Bot.PublicForms;

/// <summary>
/// The language of a public page: the one the person picked in the language switch (<c>?lang=fr</c>), else the first
/// supported one their browser asks for (<c>Accept-Language</c>, by preference), else English.
/// </summary>
public static class PublicCulture
{
    public const string QueryKey = "lang";

    public static CultureInfo Of(HttpRequest request)
    {
        if (SupportedLanguages.Match(request.Query[QueryKey].ToString()) is { } picked)
        {
            return picked;
        }

        var asked = request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => SupportedLanguages.Match(l.Value.Value))
            .FirstOrDefault(c => c is not null);
        return asked ?? SupportedLanguages.English;
    }

    /// <summary>A path that keeps the page's language (the switch's choice) when followed or posted to.</summary>
    public static string Keep(string path, CultureInfo culture) =>
        path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + QueryKey + "=" + SupportedLanguages.TagOf(culture);

    /// <summary>An event's time as people on the web read it: the date and hour in Bangkok (GMT+7), the review's time.</summary>
    public static string EventTime(DateTimeOffset start, CultureInfo culture)
    {
        var local = TimeZoneInfo.ConvertTime(start, TimeText.ReferenceZone);
        return local.ToString("D", culture) + ", " + local.ToString("t", culture) + " (" + TimeText.OffsetLabel(local.Offset) + ")";
    }
}
