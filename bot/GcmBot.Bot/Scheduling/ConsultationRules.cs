using System.Globalization;
using System.Text.RegularExpressions;
using GcmBot.Bot.Engagement;
using GcmBot.Cards.Common;

namespace GcmBot.Bot.Scheduling;

/// <summary>A value read from untrusted input, or why it could not be read (a typed outcome the Teams face words).</summary>
public sealed record Parsed<T>(T? Value, SchedulingProblem? Error)
{
    public bool Ok => Error is null;

    public static Parsed<T> Success(T value) => new(value, null);

    public static Parsed<T> Fail(SchedulingProblem error) => new(default, error);

    public static Parsed<T> Fail(string key, params object[] arguments) => new(default, SchedulingProblem.Of(key, arguments));
}

/// <summary>What an organiser asked for, before it is checked against the clock.</summary>
public sealed record ScheduleInput(RoundtableTheme Theme, DateOnly Date, TimeOnly Time, int DurationMinutes, TimeZoneInfo Zone, string? Title);

/// <summary>A new time for consultation <see cref="Number"/>; the duration stays unless given.</summary>
public sealed record RescheduleInput(int Number, DateOnly Date, TimeOnly Time, int? DurationMinutes);

/// <summary>
/// The strict rules for dates, times, durations, titles and links of consultations. Ambiguous input is refused with an
/// example of what works, never guessed: "03/04" is 3 April in Manila and 4 March in Dhaka.
/// </summary>
public static partial class ConsultationRules
{
    public const int MaxTitleLength = 200;
    public const int MaxTypedTitleLength = 120;
    public const int MaxUrlLength = 500;
    public const int MinDurationMinutes = 15;
    public const int MaxDurationMinutes = 8 * 60;
    public const int DefaultDurationMinutes = 120;
    public const int MaxDaysAhead = 730;

    private static readonly string[] NamedDateFormats = ["d MMM yyyy", "d MMMM yyyy", "d MMM, yyyy", "d MMMM, yyyy"];

    /// <summary>
    /// Reads a date at <paramref name="index"/>: one ISO token (2026-12-12) or three (12 Dec 2026). Moves the index past it.
    /// </summary>
    public static Parsed<DateOnly> ParseDate(IReadOnlyList<string> tokens, ref int index)
    {
        if (index >= tokens.Count)
        {
            return Parsed<DateOnly>.Fail("Rules.DateMissing");
        }

        var token = tokens[index];
        if (IsoDate().IsMatch(token))
        {
            if (DateOnly.TryParseExact(token, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
            {
                index++;
                return Parsed<DateOnly>.Success(iso);
            }

            return Parsed<DateOnly>.Fail("Rules.DateNotExists", token);
        }

        if (NumericDate().IsMatch(token))
        {
            return Parsed<DateOnly>.Fail("Rules.DateAmbiguous", token);
        }

        if (index + 2 < tokens.Count)
        {
            var named = $"{tokens[index]} {tokens[index + 1]} {tokens[index + 2]}";
            if (DateOnly.TryParseExact(named, NamedDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                index += 3;
                return Parsed<DateOnly>.Success(date);
            }
        }

        return Parsed<DateOnly>.Fail("Rules.DateUnreadable", token);
    }

    /// <summary>24-hour "14:00" / "9:30", or "2pm" / "2:30 pm" (the latter as one token).</summary>
    public static Parsed<TimeOnly> ParseTime(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return Parsed<TimeOnly>.Fail("Rules.TimeMissing");
        }

        var h24 = Time24().Match(token);
        if (h24.Success)
        {
            return Parsed<TimeOnly>.Success(new TimeOnly(int.Parse(h24.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(h24.Groups[2].Value, CultureInfo.InvariantCulture)));
        }

        var h12 = Time12().Match(token);
        if (h12.Success)
        {
            var hour = int.Parse(h12.Groups[1].Value, CultureInfo.InvariantCulture) % 12;
            var minute = h12.Groups[2].Success ? int.Parse(h12.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
            if (h12.Groups[3].Value.Equals("pm", StringComparison.OrdinalIgnoreCase))
            {
                hour += 12;
            }

            return Parsed<TimeOnly>.Success(new TimeOnly(hour, minute));
        }

        return Parsed<TimeOnly>.Fail("Rules.TimeUnreadable", token);
    }

    /// <summary>"90m", "90 min", "2h", "1.5h", "1h30"; null when the token does not look like a duration at all.</summary>
    public static Parsed<int>? ParseDuration(string token)
    {
        var minutes = Minutes().Match(token);
        var hours = Hours().Match(token);
        int value;
        if (minutes.Success)
        {
            value = int.Parse(minutes.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        else if (hours.Success)
        {
            value = (int)(decimal.Parse(hours.Groups[1].Value, CultureInfo.InvariantCulture) * 60)
                + (hours.Groups[2].Success ? int.Parse(hours.Groups[2].Value, CultureInfo.InvariantCulture) : 0);
        }
        else
        {
            return null;
        }

        return CheckDuration(value);
    }

    public static Parsed<int> CheckDuration(int minutes) =>
        minutes is >= MinDurationMinutes and <= MaxDurationMinutes
            ? Parsed<int>.Success(minutes)
            : Parsed<int>.Fail("Rules.Duration", MinDurationMinutes, MaxDurationMinutes / 60);

    /// <summary>
    /// The instants a local date and time mean in a zone, refused when they are in the past, too far ahead, or do not
    /// exist or happen twice there (clock changes).
    /// </summary>
    public static Parsed<(DateTimeOffset Start, DateTimeOffset End)> Resolve(
        DateOnly date, TimeOnly time, int durationMinutes, TimeZoneInfo zone, DateTimeOffset now)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return Parsed<(DateTimeOffset, DateTimeOffset)>.Fail("Rules.TimeDoesNotExist", time, date, zone.Id);
        }

        if (zone.IsAmbiguousTime(local))
        {
            return Parsed<(DateTimeOffset, DateTimeOffset)>.Fail("Rules.TimeTwice", time, date, zone.Id);
        }

        var start = new DateTimeOffset(local, zone.GetUtcOffset(local));
        if (start <= now)
        {
            return Parsed<(DateTimeOffset, DateTimeOffset)>.Fail("Rules.Past", new ZonedTime(start, zone), new ZonedTime(now, zone));
        }

        if (start > now.AddDays(MaxDaysAhead))
        {
            return Parsed<(DateTimeOffset, DateTimeOffset)>.Fail("Rules.TooFar", MaxDaysAhead / 365);
        }

        return Parsed<(DateTimeOffset, DateTimeOffset)>.Success((start, start.AddMinutes(durationMinutes)));
    }

    /// <summary>A typed title: trimmed, single-line, at most <see cref="MaxTypedTitleLength"/> characters; null for none.</summary>
    public static Parsed<string?> ParseTitle(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return Parsed<string?>.Success(null);
        }

        var title = Whitespace().Replace(new string(raw.Where(c => !char.IsControl(c) || c is '\n' or '\t').ToArray()), " ").Trim();
        return title.Length > MaxTypedTitleLength
            ? Parsed<string?>.Fail("Rules.TitleTooLong", title.Length, MaxTypedTitleLength)
            : Parsed<string?>.Success(title.Length == 0 ? null : title);
    }

    /// <summary>An optional https link (a concept note); anything else is refused.</summary>
    public static Parsed<string?> ParseLink(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return Parsed<string?>.Success(null);
        }

        var text = raw.Trim();
        return text.Length <= MaxUrlLength && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host)
            ? Parsed<string?>.Success(uri.AbsoluteUri)
            : Parsed<string?>.Fail("Rules.Link", MaxUrlLength);
    }


    public static Parsed<RoundtableTheme> ParseTheme(string? token) =>
        token is { Length: 1 } && GcmReference.Theme(token[0]) is { } theme
            ? Parsed<RoundtableTheme>.Success(theme)
            : Parsed<RoundtableTheme>.Fail("Rules.Theme");

    /// <summary><c>schedule &lt;theme&gt; &lt;date&gt; &lt;time&gt; [zone] [duration] [title]</c>; the zone is an IANA id such as Asia/Kathmandu.</summary>
    public static Parsed<ScheduleInput> ParseSchedule(string arguments, TimeZoneInfo defaultZone)
    {
        var tokens = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var index = 0;
        if (index < tokens.Length && tokens[index].Equals("theme", StringComparison.OrdinalIgnoreCase))
        {
            index++;
        }

        var theme = ParseTheme(index < tokens.Length ? tokens[index] : null);
        if (!theme.Ok)
        {
            return Parsed<ScheduleInput>.Fail(theme.Error!);
        }

        index++;
        var date = ParseDate(tokens, ref index);
        if (!date.Ok)
        {
            return Parsed<ScheduleInput>.Fail(date.Error!);
        }

        var (time, consumed) = ReadTime(tokens, index);
        if (!time.Ok)
        {
            return Parsed<ScheduleInput>.Fail(time.Error!);
        }

        index += consumed;
        var zone = defaultZone;
        if (index < tokens.Length && tokens[index].Contains('/', StringComparison.Ordinal))
        {
            if (!ConsultationZones.TryFind(tokens[index], out var named))
            {
                return Parsed<ScheduleInput>.Fail("Rules.Zone", tokens[index]);
            }

            zone = named;
            index++;
        }

        var duration = ConsultationRules.DefaultDurationMinutes;
        if (index < tokens.Length && ParseDuration(tokens[index]) is { } parsedDuration)
        {
            if (!parsedDuration.Ok)
            {
                return Parsed<ScheduleInput>.Fail(parsedDuration.Error!);
            }

            duration = parsedDuration.Value;
            index++;
        }

        var title = ParseTitle(string.Join(' ', tokens.Skip(index)));
        return title.Ok
            ? Parsed<ScheduleInput>.Success(new ScheduleInput(theme.Value!, date.Value, time.Value, duration, zone, title.Value))
            : Parsed<ScheduleInput>.Fail(title.Error!);
    }

    /// <summary><c>reschedule &lt;number&gt; &lt;date&gt; &lt;time&gt; [duration]</c>.</summary>
    public static Parsed<RescheduleInput> ParseReschedule(string arguments)
    {
        var tokens = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var number = ParseNumber(tokens.FirstOrDefault());
        if (!number.Ok)
        {
            return Parsed<RescheduleInput>.Fail(number.Error!);
        }

        var index = 1;
        var date = ParseDate(tokens, ref index);
        if (!date.Ok)
        {
            return Parsed<RescheduleInput>.Fail(date.Error!);
        }

        var (time, consumed) = ReadTime(tokens, index);
        if (!time.Ok)
        {
            return Parsed<RescheduleInput>.Fail(time.Error!);
        }

        index += consumed;
        int? duration = null;
        if (index < tokens.Length)
        {
            if (ParseDuration(tokens[index]) is not { } parsed)
            {
                return Parsed<RescheduleInput>.Fail("Rules.DurationUnreadable", tokens[index]);
            }

            if (!parsed.Ok)
            {
                return Parsed<RescheduleInput>.Fail(parsed.Error!);
            }

            duration = parsed.Value;
            index++;
        }

        return index < tokens.Length
            ? Parsed<RescheduleInput>.Fail("Rules.TooManyWords")
            : Parsed<RescheduleInput>.Success(new RescheduleInput(number.Value, date.Value, time.Value, duration));
    }

    /// <summary>A consultation number as organisers type it ("3" or "#3").</summary>
    public static Parsed<int> ParseNumber(string? token)
    {
        var text = token?.TrimStart('#');
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? Parsed<int>.Success(number)
            : Parsed<int>.Fail("Rules.Number");
    }

    // "2:30 pm" arrives as two tokens; everything else as one.
    private static (Parsed<TimeOnly> Time, int Consumed) ReadTime(IReadOnlyList<string> tokens, int index)
    {
        if (index + 1 < tokens.Count && tokens[index + 1] is { } next && (next.Equals("am", StringComparison.OrdinalIgnoreCase) || next.Equals("pm", StringComparison.OrdinalIgnoreCase)))
        {
            return (ParseTime(tokens[index] + next), 2);
        }

        return (ParseTime(index < tokens.Count ? tokens[index] : null), 1);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^\d{1,4}[/.\-]\d{1,2}([/.\-]\d{1,4})?$")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"^([01]?\d|2[0-3]):([0-5]\d)$")]
    private static partial Regex Time24();

    [GeneratedRegex(@"^(1[0-2]|0?[1-9])(?::([0-5]\d))?(am|pm)$", RegexOptions.IgnoreCase)]
    private static partial Regex Time12();

    [GeneratedRegex(@"^(\d{1,3})(?:m|min|mins|minutes)$", RegexOptions.IgnoreCase)]
    private static partial Regex Minutes();

    [GeneratedRegex(@"^(\d{1,2}(?:\.5)?)h(?:(\d{2})m?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Hours();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>The time zones the schedule form offers; typed IANA ids are accepted too when Graph can name them.</summary>
public static class ConsultationZones
{
    /// <summary>GMT+7 first: the engagement's reference zone.</summary>
    public static IReadOnlyList<string> Offered { get; } =
    [
        TimeText.ReferenceZoneId, "UTC", "Asia/Kabul", "Asia/Almaty", "Asia/Dhaka", "Asia/Kathmandu",
        "Asia/Kolkata", "Asia/Karachi", "Asia/Manila", "Asia/Seoul", "Asia/Tashkent", "Asia/Tokyo", "Asia/Yangon",
        "Australia/Sydney", "Pacific/Auckland", "Pacific/Fiji", "Europe/Zurich", "America/New_York",
    ];

    /// <summary>An IANA zone this machine knows and Graph can name (it needs a Windows zone name).</summary>
    public static bool TryFind(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ||
            (id != "UTC" && !TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out _)))
        {
            return false;
        }

        zone = found;
        return true;
    }

    public static TimeZoneInfo OrReference(string? id) => TryFind(id, out var zone) ? zone : TimeText.ReferenceZone;
}
