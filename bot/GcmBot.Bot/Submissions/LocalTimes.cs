using System.Globalization;
using GcmBot.Cards.Common;
using GcmBot.Cards.Words;

namespace GcmBot.Bot.Submissions;

/// <summary>
/// A moment as a person reads it, in their time zone and their language: English as <see cref="TimeText.Format"/> has
/// it ("Tue 1 Dec 2026, 10:00 (GMT+7)"), other languages with their own long date ("mardi 1 décembre 2026, 10:00").
/// </summary>
internal static class LocalTimes
{
    public static string Format(DateTimeOffset instant, TimeZoneInfo? zone, CultureInfo culture)
    {
        var shownZone = zone ?? TimeText.ReferenceZone;
        if (culture.TwoLetterISOLanguageName == "en" || SupportedLanguages.IsPseudo(culture))
        {
            return TimeText.Format(instant, shownZone);
        }

        var local = TimeZoneInfo.ConvertTime(instant, shownZone);
        return $"{local.ToString("D", culture)}, {local.ToString("HH:mm", culture)} ({TimeText.OffsetLabel(local.Offset)})";
    }

    /// <summary>A date alone: "2 December 2026", "2 décembre 2026", "2 декабря 2026", "2026年12月2日".</summary>
    public static string Date(DateTimeOffset instant, TimeZoneInfo zone, CultureInfo culture)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var formatting = SupportedLanguages.IsPseudo(culture) ? SupportedLanguages.English : culture;
        var pattern = formatting.TwoLetterISOLanguageName == "zh" ? "yyyy'年'M'月'd'日'" : "d MMMM yyyy";
        return local.ToString(pattern, formatting);
    }
}
