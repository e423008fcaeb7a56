using GcmBot.GraphIntegration.Configuration;

namespace GcmBot.GraphIntegration.Meetings;

/// <summary>Stands in when Graph is not configured: says so, and never pretends a meeting exists.</summary>
public sealed class OfflineMeetingScheduler : IMeetingScheduler
{
    public const string NotConfiguredText =
        "Microsoft Graph is not configured, so no Teams meeting was created. To create Teams meetings, set " + GraphOptions.RequiredSettingsText + ".";

    public bool IsConfigured => false;

    public Task<ScheduledMeeting> CreateAsync(MeetingDetails details, CancellationToken cancellationToken) => throw NotConfigured();

    public Task<ScheduledMeeting> UpdateAsync(string eventId, MeetingDetails details, CancellationToken cancellationToken) => throw NotConfigured();

    public Task CancelAsync(string eventId, string comment, CancellationToken cancellationToken) => throw NotConfigured();

    public Task<MeetingChat?> FindMeetingChatAsync(string joinUrl, CancellationToken cancellationToken) => throw NotConfigured();

    /// <summary>No Teams meeting, so no attendance report: "not available", never an invented attendance.</summary>
    public Task<MeetingAttendance> ReadAttendanceAsync(string onlineMeetingId, CancellationToken cancellationToken) =>
        Task.FromResult(MeetingAttendance.NotAvailable);

    private static MeetingSchedulingException NotConfigured() => new(MeetingFailure.NotConfigured, NotConfiguredText);
}
