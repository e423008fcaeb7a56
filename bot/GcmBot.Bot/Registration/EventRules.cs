using System.Text.RegularExpressions;
using GcmBot.Bot.Engagement;

namespace GcmBot.Bot.Registration;

/// <summary>Whether a person can register for an event at a given moment.</summary>
public enum RegistrationWindow
{
    Open,
    NotYetOpen,
    Closed,
}

/// <summary>The rules of the event catalogue: when registration is open, and what status a new registration gets.</summary>
public static partial class EventRules
{
    public const int MaxIdLength = 40;
    public const int MaxTitleLength = 200;
    public const int MaxVenueLength = 200;
    public const int MaxDescriptionLength = 1000;
    public const int MaxCapacity = 100_000;

    /// <summary>Registration is open between its opening and closing dates, and never once the event has started.</summary>
    public static RegistrationWindow WindowAt(CatalogueEvent e, DateTimeOffset now)
    {
        if (e.RegistrationOpensAt is { } opens && now < opens)
        {
            return RegistrationWindow.NotYetOpen;
        }

        var closed = (e.RegistrationClosesAt is { } closes && now >= closes)
            || (e.StartsAt is { } start && now >= start)
            || (e.EndsAt is { } end && now >= end);
        return closed ? RegistrationWindow.Closed : RegistrationWindow.Open;
    }

    public static bool IsOpen(CatalogueEvent e, DateTimeOffset now) => WindowAt(e, now) == RegistrationWindow.Open;

    /// <summary>The status a new (or renewed) registration gets, given how many places are already confirmed.</summary>
    public static RegistrationStatus StatusForNewRegistration(CatalogueEvent e, int confirmed) =>
        e.Confirmation == ConfirmationMode.OrganiserApproval
            ? RegistrationStatus.Pending
            : e.Capacity is not { } capacity || confirmed < capacity
                ? RegistrationStatus.Confirmed
                : RegistrationStatus.Waitlisted;

    /// <summary>How many waitlisted people an automatic event confirms now (after a cancellation or more places).</summary>
    public static int PlacesToPromote(CatalogueEvent e, int confirmed, int waitlisted)
    {
        if (e.Confirmation != ConfirmationMode.Automatic || waitlisted == 0)
        {
            return 0;
        }

        return e.Capacity is { } capacity ? Math.Clamp(capacity - confirmed, 0, waitlisted) : waitlisted;
    }

    /// <summary>The roundtable themes an event covers or a person chose, in order.</summary>
    public static IReadOnlyList<RoundtableTheme> Themes(string codes) =>
        codes.Select(GcmReference.Theme).OfType<RoundtableTheme>().Distinct().OrderBy(t => t.Code).ToList();

    public static bool IsValidId(string id) => id.Length is >= 2 and <= MaxIdLength && IdShape().IsMatch(id);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdShape();
}
