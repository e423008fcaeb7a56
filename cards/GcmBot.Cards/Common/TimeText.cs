using System.Globalization;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Common;

/// <summary>
/// Times as a person reads them: in their own time zone (Teams sends it) and in the engagement's reference zone,
/// Indochina Time (GMT+7, Bangkok), where the regional review is held; day and month names in the person's language.
/// </summary>
public static class TimeText
{
    /// <summary>IANA id of the reference zone of the engagement.</summary>
    public const string ReferenceZoneId = "Asia/Bangkok";

    public static TimeZoneInfo ReferenceZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(ReferenceZoneId);

    /// <summary>"Wed 26 Aug 2020, 11:00 (GMT+7)"; "mer. 26 août 2020, 11:00"; "2020年8月26日（周三） 11:00".</summary>
    /// <param name="culture">The language to write day and month names in; the current formatting culture when null.</param>
    public static string Format(DateTimeOffset instant, TimeZoneInfo zone, CultureInfo? culture = null)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var (pattern, formatting) = DayAndTime(culture);
        return $"{local.ToString(pattern, formatting)} ({OffsetLabel(local.Offset)})";
    }

    /// <summary>A start–end range on one line; the end shows only its time when it is on the same day.</summary>
    public static string FormatRange(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone, CultureInfo? culture = null)
    {
        var localStart = TimeZoneInfo.ConvertTime(start, zone);
        var localEnd = TimeZoneInfo.ConvertTime(end, zone);
        var (pattern, formatting) = DayAndTime(culture);
        var endText = localStart.Date == localEnd.Date
            ? localEnd.ToString("HH:mm", CultureInfo.InvariantCulture)
            : localEnd.ToString(pattern, formatting);
        return $"{localStart.ToString(pattern, formatting)}–{endText} ({OffsetLabel(localStart.Offset)})";
    }

    /// <summary>
    /// The time for a person: in their zone and, when that differs, in GMT+7 too. Without a known zone, GMT+7 and UTC.
    /// </summary>
    public static string ForPerson(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo? personZone, CultureInfo? culture = null)
    {
        var reference = FormatRange(start, end, ReferenceZone, culture);
        if (personZone is null)
        {
            return $"{reference} · {FormatRange(start, end, TimeZoneInfo.Utc, culture)}";
        }

        var own = FormatRange(start, end, personZone, culture);
        return personZone.GetUtcOffset(start) == ReferenceZone.GetUtcOffset(start) ? own : $"{own} · {reference}";
    }

    /// <summary>
    /// One moment for a person (a link's expiry, when a report was built): in their zone and, when that differs, in
    /// GMT+7 too; without a known zone, GMT+7 and UTC. "Wed 26 Aug 2020, 12:10 (UTC) · Wed 26 Aug 2020, 19:10 (GMT+7)".
    /// </summary>
    public static string InstantForPerson(DateTimeOffset instant, TimeZoneInfo? personZone, CultureInfo? culture = null)
    {
        var reference = Format(instant, ReferenceZone, culture);
        if (personZone is null)
        {
            return $"{reference} · {Format(instant, TimeZoneInfo.Utc, culture)}";
        }

        var own = Format(instant, personZone, culture);
        return personZone.GetUtcOffset(instant) == ReferenceZone.GetUtcOffset(instant) ? own : $"{own} · {reference}";
    }

    /// <summary>The date of a moment in a zone, written for the culture ("Sat 12 Dec 2026"; "2026年12月12日 周六").</summary>
    public static string FormatDate(DateTimeOffset instant, TimeZoneInfo zone, CultureInfo? culture = null)
    {
        var formatting = Formatting(culture);
        return TimeZoneInfo.ConvertTime(instant, zone).ToString(DatePattern(formatting), formatting);
    }

    // English (and the pseudo-locale) as before; French and Russian put the same parts in the same order with their own
    // names ("sam. 12 déc. 2026", "сб 12 дек. 2026"); Chinese writes year, month and day first ("2026年12月12日 周六").
    private static CultureInfo Formatting(CultureInfo? culture) =>
        culture is null || culture.Name.Length == 0 || Words.SupportedLanguages.IsPseudo(culture) || culture.TwoLetterISOLanguageName == "en" ? CultureInfo.InvariantCulture : culture;

    private static string DatePattern(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" ? "yyyy'年'M'月'd'日' ddd" : "ddd d MMM yyyy";

    private static string DateTimePattern(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" ? "yyyy'年'M'月'd'日' ddd HH:mm" : "ddd d MMM yyyy, HH:mm";

    /// One moment for a person, e.g. when a link expires: "13:10 (UTC) · 20:10 (GMT+7)" in their zone and GMT+7 (GMT+7
    /// and UTC when their zone is unknown); the date is added when it is not <paramref name="today"/>'s in that zone.
    /// </summary>
    public static string MomentForPerson(DateTimeOffset instant, TimeZoneInfo? personZone, DateTimeOffset today, CultureInfo? culture = null)
    {
        string In(TimeZoneInfo zone)
        {
            var local = TimeZoneInfo.ConvertTime(instant, zone);
            var sameDay = TimeZoneInfo.ConvertTime(today, zone).Date == local.Date;
            return sameDay
                ? $"{local.ToString("HH:mm", CultureInfo.InvariantCulture)} ({OffsetLabel(local.Offset)})"
                : Format(instant, zone, culture);
        }

        var reference = In(ReferenceZone);
        if (personZone is null)
        {
            return $"{In(TimeZoneInfo.Utc)} · {reference}";
        }

        return personZone.GetUtcOffset(instant) == ReferenceZone.GetUtcOffset(instant) ? reference : $"{In(personZone)} · {reference}";
    }

    public static string OffsetLabel(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return abs.Minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"GMT{sign}{abs.Hours}")
            : string.Create(CultureInfo.InvariantCulture, $"GMT{sign}{abs.Hours}:{abs.Minutes:D2}");
    }

    // English (and the invariant culture) keep the engagement's usual "Wed 26 Aug 2020, 11:00"; French and Russian use
    // their own day and month names in the same order; Chinese writes the date its own way. The pseudo-locale uses
    // numbers only, so that no English word hides in its texts.
    private static (string Pattern, CultureInfo Culture) DayAndTime(CultureInfo? culture)
    {
        if (culture is null && SupportedLanguages.IsPseudo(CultureInfo.CurrentUICulture) || culture is not null && SupportedLanguages.IsPseudo(culture))
        {
            return ("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        }

        var c = culture ?? CultureInfo.CurrentCulture;
        return c.TwoLetterISOLanguageName switch
        {
            "fr" or "ru" => ("ddd d MMM yyyy, HH:mm", c),
            "zh" => ("yyyy'年'M'月'd'日' ddd HH:mm", c),
            _ => ("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture),
        };
    }
}
