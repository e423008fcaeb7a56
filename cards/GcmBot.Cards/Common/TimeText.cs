using System.Globalization;

namespace GcmBot.Cards.Common;

/// <summary>
/// Times as a person reads them: in their own time zone (Teams sends it) and in the engagement's reference zone,
/// Indochina Time (GMT+7, Bangkok), where the regional review is held.
/// </summary>
public static class TimeText
{
    /// <summary>IANA id of the reference zone of the engagement.</summary>
    public const string ReferenceZoneId = "Asia/Bangkok";

    public static TimeZoneInfo ReferenceZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(ReferenceZoneId);

    /// <summary>"Wed 26 Aug 2020, 11:00 (GMT+7)"; in another language its own day and month names and order.</summary>
    public static string Format(DateTimeOffset instant, TimeZoneInfo zone, CultureInfo? culture = null)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var formatting = Formatting(culture);
        return $"{local.ToString(DateTimePattern(formatting), formatting)} ({OffsetLabel(local.Offset)})";
    }

    /// <summary>A start–end range on one line; the end shows only its time when it is on the same day.</summary>
    public static string FormatRange(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone, CultureInfo? culture = null)
    {
        var formatting = Formatting(culture);
        var localStart = TimeZoneInfo.ConvertTime(start, zone);
        var localEnd = TimeZoneInfo.ConvertTime(end, zone);
        var endText = localStart.Date == localEnd.Date
            ? localEnd.ToString("HH:mm", formatting)
            : localEnd.ToString(DateTimePattern(formatting), formatting);
        return $"{localStart.ToString(DateTimePattern(formatting), formatting)}–{endText} ({OffsetLabel(localStart.Offset)})";
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
}
