namespace GcmBot.Bot.Attendance;

/// <summary>How a person took part, as the meeting's attendance report tells (no name kept).</summary>
public enum AttendeeKind { Member, Guest, Anonymous, Phone }

/// <summary>One attendee of the meeting as matching needs them: transient, never stored.</summary>
public sealed record MeetingAttendee(string? Email, string? UserId, AttendeeKind Kind);

/// <summary>A registered stakeholder as matching knows them: their id and e-mail address.</summary>
public sealed record KnownRegistrant(string UserStableId, string? Email);

/// <summary>
/// What matching found: registrants who attended, invited registrants who did not, and the people who attended without
/// being registered, counted by kind.
/// </summary>
public sealed record AttendanceTally(
    IReadOnlyList<string> Attended,
    IReadOnlyList<string> Absent,
    int MembersNotRegistered,
    int Guests,
    int Anonymous,
    int ByPhone)
{
    public int Total => Attended.Count + MembersNotRegistered + Guests + Anonymous + ByPhone;
}

/// <summary>Why attendance could not be read (yet), as codes the Teams face words.</summary>
public static class AttendanceProblem
{
    public const string NotReady = "NotReady";
    public const string NoMeeting = "NoMeeting";
    public const string PermissionDenied = "PermissionDenied";
    public const string Unavailable = "Unavailable";
    public const string Refused = "Refused";
}

/// <summary>Matches a meeting's attendees to registrants: by Entra object id first, else by e-mail address.</summary>
public static class AttendanceMatcher
{
    public static AttendanceTally Match(
        IReadOnlyList<MeetingAttendee> attendees, IReadOnlyList<KnownRegistrant> registrants, IReadOnlyCollection<string> invited)
    {
        var byId = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var byEmail = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in registrants)
        {
            byId.TryAdd(r.UserStableId, r.UserStableId);
            if (Normalise(r.Email) is { } email)
            {
                byEmail.TryAdd(email, r.UserStableId);
            }
        }

        var attended = new HashSet<string>(StringComparer.Ordinal);
        // The same unregistered person may be listed in several reports (the meeting ran twice): counted once.
        var members = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var guests = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int anonymous = 0, phone = 0;
        foreach (var a in attendees)
        {
            var email = Normalise(a.Email);
            if ((a.UserId is { Length: > 0 } id && byId.TryGetValue(id, out var matched)) ||
                (email is not null && byEmail.TryGetValue(email, out matched)))
            {
                attended.Add(matched);
                continue;
            }

            var key = a.UserId is { Length: > 0 } ? a.UserId : email;
            switch (a.Kind)
            {
                case AttendeeKind.Member when key is not null:
                    members.Add(key);
                    break;
                case AttendeeKind.Guest when key is not null:
                    guests.Add(key);
                    break;
                case AttendeeKind.Phone:
                    phone++;
                    break;
                default:
                    anonymous++;
                    break;
            }
        }

        var absent = invited.Where(id => !attended.Contains(id)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new AttendanceTally(attended.Order(StringComparer.Ordinal).ToList(), absent, members.Count, guests.Count, anonymous, phone);
    }

    private static string? Normalise(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim();
}
