using System.Globalization;
using GcmBot.Bot.Languages;
using GcmBot.Cards.Common;
using GcmBot.Cards.Words;

namespace GcmBot.Bot.PublicForms;

/// <summary>Links that keep a public page's language (<see cref="RequestLanguage"/>), and event times as the web shows them.</summary>
public static class PublicCulture
{
    public const string QueryKey = RequestLanguage.QueryKey;

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
