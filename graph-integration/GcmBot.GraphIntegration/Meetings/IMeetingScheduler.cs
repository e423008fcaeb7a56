namespace GcmBot.GraphIntegration.Meetings;

/// <summary>Someone invited to a meeting; Graph sends the invitation to this address.</summary>
public sealed record MeetingAttendee(string Email, string Name);

/// <summary>
/// Everything a Teams meeting in the organiser's calendar needs. <see cref="TimeZoneId"/> is an IANA id (e.g.
/// Asia/Bangkok): the meeting is shown to the organiser's calendar in that zone. <see cref="TransactionId"/> makes
/// creation idempotent: Graph returns the same event when a create is repeated (after a timeout or a crash).
/// </summary>
public sealed record MeetingDetails(
    string Subject,
    string BodyHtml,
    DateTimeOffset Start,
    DateTimeOffset End,
    string TimeZoneId,
    IReadOnlyList<MeetingAttendee> Attendees,
    string TransactionId);

/// <summary>A calendar event with its Teams meeting.</summary>
public sealed record ScheduledMeeting(string EventId, string? JoinUrl);

/// <summary>The online meeting behind an event and its chat (the meeting chat's thread id, e.g. 19:meeting_…@thread.v2).</summary>
public sealed record MeetingChat(string OnlineMeetingId, string? ChatThreadId);

/// <summary>
/// Creates, changes and cancels Teams meetings in the configured organiser mailbox. Failures are
/// <see cref="MeetingSchedulingException"/>s that say why (<see cref="MeetingSchedulingException.Failure"/>).
/// </summary>
public interface IMeetingScheduler
{
    /// <summary>False when Graph is not configured: nothing can be created in Teams (offline mode).</summary>
    bool IsConfigured { get; }

    /// <summary>Creates the event with a Teams meeting; Graph invites the attendees.</summary>
    Task<ScheduledMeeting> CreateAsync(MeetingDetails details, CancellationToken cancellationToken);

    /// <summary>Replaces the event's subject, body, time and attendees; Graph tells the attendees.</summary>
    Task<ScheduledMeeting> UpdateAsync(string eventId, MeetingDetails details, CancellationToken cancellationToken);

    /// <summary>Cancels the event; Graph sends the attendees the cancellation. An event already gone counts as cancelled.</summary>
    Task CancelAsync(string eventId, string comment, CancellationToken cancellationToken);

    /// <summary>The online meeting (and its chat) behind a join link; null when Graph has none (yet).</summary>
    Task<MeetingChat?> FindMeetingChatAsync(string joinUrl, CancellationToken cancellationToken);

    /// <summary>
    /// Who attended the online meeting, from Teams' attendance reports: <see cref="AttendanceReadStatus.NotReadyYet"/>
    /// until Teams has made one (it does a few minutes after the meeting ends), <see cref="AttendanceReadStatus.NotAvailable"/>
    /// when Graph is not configured. Other failures are <see cref="MeetingSchedulingException"/>s.
    /// </summary>
    Task<MeetingAttendance> ReadAttendanceAsync(string onlineMeetingId, CancellationToken cancellationToken);
}
