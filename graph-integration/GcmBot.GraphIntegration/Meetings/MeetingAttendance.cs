namespace GcmBot.GraphIntegration.Meetings;

/// <summary>How a person took part in a Teams meeting, as far as the attendance report tells.</summary>
public enum AttendeeIdentityKind
{
    /// <summary>Signed in with an Entra account of the organiser's tenant.</summary>
    Member,

    /// <summary>Signed in with an account of another organisation (a guest or an external, federated user).</summary>
    Guest,

    /// <summary>Joined from the meeting link without signing in (Teams' anonymous participants).</summary>
    Anonymous,

    /// <summary>Dialled in by telephone.</summary>
    Phone,
}

/// <summary>
/// One line of a Teams meeting's attendance report, reduced to what matching needs. <see cref="DisplayName"/> is what
/// Teams shows; callers use it transiently and never store it.
/// </summary>
/// <param name="Email">The attendee's e-mail address, when Teams knows one.</param>
/// <param name="UserId">The Entra object id of a signed-in attendee (null for anonymous and phone attendees).</param>
/// <param name="Role">Organizer, Presenter, Attendee or None, as Graph says.</param>
public sealed record MeetingAttendeeRecord(
    string? Email,
    string? UserId,
    string? DisplayName,
    string? Role,
    int TotalSeconds,
    AttendeeIdentityKind Kind);

/// <summary>Whether a meeting's attendance could be read.</summary>
public enum AttendanceReadStatus
{
    /// <summary>Read: <see cref="MeetingAttendance.Records"/> holds everyone the reports list.</summary>
    Read,

    /// <summary>Teams has no attendance report yet (the meeting has not ended, or the report is still being made): try later.</summary>
    NotReadyYet,

    /// <summary>Graph is not configured: there is no Teams meeting to read.</summary>
    NotAvailable,
}

/// <summary>
/// The attendance of one Teams meeting: the records of all its attendance reports (one per time the meeting ran),
/// one line per person as Graph lists them.
/// </summary>
public sealed record MeetingAttendance(AttendanceReadStatus Status, int Reports, IReadOnlyList<MeetingAttendeeRecord> Records)
{
    public static MeetingAttendance NotReadyYet { get; } = new(AttendanceReadStatus.NotReadyYet, 0, []);

    public static MeetingAttendance NotAvailable { get; } = new(AttendanceReadStatus.NotAvailable, 0, []);
}
