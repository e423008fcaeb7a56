using System.Globalization;
using System.Net.Mail;
using System.Text;

namespace GcmBot.Bot.Scheduling;

/// <summary>One event of an .ics file.</summary>
public sealed record CalendarEntry(
    string Uid,
    int Sequence,
    DateTimeOffset Stamp,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Summary,
    string Description,
    string? Url,
    bool Cancelled,
    IReadOnlyList<(string Name, string Email)> Attendees);

/// <summary>
/// An iCalendar (RFC 5545) file of one event: CRLF line ends, lines folded at 75 octets without splitting a UTF-8
/// character, TEXT values escaped (backslash, semicolon, comma, newline), times in UTC so that no VTIMEZONE is needed.
/// </summary>
public static class CalendarFile
{
    public const string ContentType = "text/calendar; charset=utf-8";

    private const int MaxOctetsPerLine = 75;

    public static byte[] Build(CalendarEntry entry) => Encoding.UTF8.GetBytes(BuildText(entry));

    public static string BuildText(CalendarEntry entry)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//UN Regional Network on Migration for Asia and the Pacific//GcmBot//EN",
            "CALSCALE:GREGORIAN",
            "BEGIN:VEVENT",
            "UID:" + EscapeText(entry.Uid),
            "SEQUENCE:" + entry.Sequence.ToString(CultureInfo.InvariantCulture),
            "DTSTAMP:" + Utc(entry.Stamp),
            "DTSTART:" + Utc(entry.Start),
            "DTEND:" + Utc(entry.End),
            "SUMMARY:" + EscapeText(entry.Summary),
            "DESCRIPTION:" + EscapeText(entry.Description),
            "STATUS:" + (entry.Cancelled ? "CANCELLED" : "CONFIRMED"),
        };
        if (entry.Url is not null && Uri.TryCreate(entry.Url, UriKind.Absolute, out var url))
        {
            lines.Add("URL:" + url.AbsoluteUri);
        }

        foreach (var (name, email) in entry.Attendees)
        {
            if (MailAddress.TryCreate(email, out var address) && address.Address == email)
            {
                lines.Add($"ATTENDEE;CN={ParameterValue(name)};ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{address.Address}");
            }
        }

        lines.Add("END:VEVENT");
        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(text, line);
        }

        return text.ToString();
    }

    /// <summary>RFC 5545 §3.3.11: backslash, semicolon and comma escaped; line breaks as \n.</summary>
    public static string EscapeText(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace("\r", "\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>A parameter value (e.g. CN): quoted, without the quotes and control characters it may not hold.</summary>
    public static string ParameterValue(string value)
    {
        var clean = new string(value.Where(c => c != '"' && !char.IsControl(c)).ToArray());
        return "\"" + clean + "\"";
    }

    private static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    // §3.1: lines longer than 75 octets continue on the next line after CRLF and one space.
    private static void Fold(StringBuilder text, string line)
    {
        var octets = 0;
        var limit = MaxOctetsPerLine;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                text.Append("\r\n ");
                octets = 0;
                limit = MaxOctetsPerLine - 1;
            }

            text.Append(rune.ToString());
            octets += size;
        }

        text.Append("\r\n");
    }
}
