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

    /// <summary>"Wed 26 Aug 2020, 11:00 (GMT+7)".</summary>
    public static string Format(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return string.Create(CultureInfo.InvariantCulture, $"{local:ddd d MMM yyyy, HH:mm} ({OffsetLabel(local.Offset)})");
    }

    /// <summary>A start–end range on one line; the end shows only its time when it is on the same day.</summary>
    public static string FormatRange(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone)
    {
        var localStart = TimeZoneInfo.ConvertTime(start, zone);
        var localEnd = TimeZoneInfo.ConvertTime(end, zone);
        var endText = localStart.Date == localEnd.Date
            ? localEnd.ToString("HH:mm", CultureInfo.InvariantCulture)
            : localEnd.ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{localStart:ddd d MMM yyyy, HH:mm}–{endText} ({OffsetLabel(localStart.Offset)})");
    }

    /// <summary>
    /// The time for a person: in their zone and, when that differs, in GMT+7 too. Without a known zone, GMT+7 and UTC.
    /// </summary>
    public static string ForPerson(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo? personZone)
    {
        var reference = FormatRange(start, end, ReferenceZone);
        if (personZone is null)
        {
            return $"{reference} · {FormatRange(start, end, TimeZoneInfo.Utc)}";
        }

        var own = FormatRange(start, end, personZone);
        return personZone.GetUtcOffset(start) == ReferenceZone.GetUtcOffset(start) ? own : $"{own} · {reference}";
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
}
