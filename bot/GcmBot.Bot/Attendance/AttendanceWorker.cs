using System.ComponentModel.DataAnnotations;
using GcmBot.Bot.Coordination;
using GcmBot.Bot.Participants;
using GcmBot.Bot.Scheduling;
using GcmBot.GraphIntegration.Meetings;

namespace GcmBot.Bot.Attendance;

public sealed class AttendanceOptions
{
    public const string SectionName = "Attendance";

    /// <summary>How long after a consultation ends its attendance is first asked for (Teams makes the report after the meeting).</summary>
    [Range(0, 24 * 60)]
    public int FirstDelayMinutes { get; set; } = 10;

    /// <summary>How long to wait before asking again while Teams has no report yet, or Graph failed.</summary>
    [Range(1, 24 * 60)]
    public int RetryMinutes { get; set; } = 30;

    /// <summary>After this many hours past the end, the bot stops asking (an organiser can still fetch now).</summary>
    [Range(1, 24 * 90)]
    public int GiveUpHours { get; set; } = 72;

    /// <summary>How often the worker looks for consultations whose attendance is due.</summary>
    [Range(1, 24 * 60)]
    public int CheckMinutes { get; set; } = 5;
}

/// <summary>Wakes the attendance worker (an organiser pressed "fetch now").</summary>
public sealed class AttendanceSignal
{
    private readonly SchedulingSignal _signal = new();

    public void Notify() => _signal.Notify();

    public Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, time, cancellationToken);
}

/// <summary>What one attempt to read a consultation's attendance came to.</summary>
public enum FetchOutcome { Recorded, NotReadyYet, GaveUp, Failed, NotAvailable, NotFound }

/// <summary>
/// Reads a consultation's attendance from its Teams meeting and stores it: matches the attendees to registered
/// stakeholders (Entra object id, else e-mail address), keeps for registrants "attended" or "invited, did not attend",
/// and for everyone else only counts by kind. Names Teams lists are dropped at once.
/// </summary>
public sealed partial class AttendanceReader(
    ConsultationStore consultations,
    AttendanceStore store,
    IMeetingScheduler scheduler,
    RegistrantSource invitations,
    IServiceScopeFactory scopes,
    Microsoft.Extensions.Options.IOptions<AttendanceOptions> options,
    TimeProvider time,
    ILogger<AttendanceReader> logger)
{
    public bool IsAvailable => scheduler.IsConfigured;

    public async Task<FetchOutcome> FetchAsync(int consultationId, CancellationToken cancellationToken)
    {
        var consultation = await consultations.FindAsync(consultationId, cancellationToken);
        if (consultation is null)
        {
            return FetchOutcome.NotFound;
        }

        if (!scheduler.IsConfigured || consultation.Teams == TeamsState.Offline)
        {
            return FetchOutcome.NotAvailable;
        }

        var meetingId = consultation.OnlineMeetingId;
        try
        {
            if (meetingId is null && consultation.JoinUrl is { } joinUrl)
            {
                meetingId = (await scheduler.FindMeetingChatAsync(joinUrl, cancellationToken))?.OnlineMeetingId;
            }

            if (meetingId is null)
            {
                return await PostponeAsync(consultation, AttendanceProblem.NoMeeting, cancellationToken);
            }

            var attendance = await scheduler.ReadAttendanceAsync(meetingId, cancellationToken);
            switch (attendance.Status)
            {
                case AttendanceReadStatus.NotAvailable:
                    return FetchOutcome.NotAvailable;
                case AttendanceReadStatus.NotReadyYet:
                    return await PostponeAsync(consultation, AttendanceProblem.NotReady, cancellationToken);
            }

            var attendees = attendance.Records.Select(r => new MeetingAttendee(r.Email, r.UserId, r.Kind switch
            {
                AttendeeIdentityKind.Member => AttendeeKind.Member,
                AttendeeIdentityKind.Guest => AttendeeKind.Guest,
                AttendeeIdentityKind.Phone => AttendeeKind.Phone,
                _ => AttendeeKind.Anonymous,
            })).ToList();
            var invited = (await invitations.InvitedToAsync(consultation, cancellationToken)).Select(r => r.UserStableId).ToList();
            var tally = AttendanceMatcher.Match(attendees, await RegistrantsAsync(cancellationToken), invited);
            await store.RecordAsync(consultation.Id, tally, attendance.Reports, cancellationToken);
            LogRecorded(logger, consultation.Id, attendance.Reports, tally.Attended.Count, tally.Total);
            return FetchOutcome.Recorded;
        }
        catch (MeetingSchedulingException ex)
        {
            LogFailed(logger, consultation.Id, ex.Failure, ex.StatusCode);
            var problem = ex.Failure switch
            {
                MeetingFailure.PermissionDenied or MeetingFailure.NotSignedIn => AttendanceProblem.PermissionDenied,
                MeetingFailure.Throttled or MeetingFailure.Unavailable => AttendanceProblem.Unavailable,
                _ => AttendanceProblem.Refused,
            };
            var outcome = await PostponeAsync(consultation, problem, cancellationToken);
            return outcome == FetchOutcome.GaveUp ? outcome : FetchOutcome.Failed;
        }
    }

    private async Task<FetchOutcome> PostponeAsync(Consultation consultation, string problem, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var o = options.Value;
        DateTimeOffset? next = now < consultation.End + TimeSpan.FromHours(o.GiveUpHours) ? now + TimeSpan.FromMinutes(o.RetryMinutes) : null;
        var row = await store.PostponeAsync(consultation.Id, problem, next, cancellationToken);
        return row.State == AttendanceState.GaveUp ? FetchOutcome.GaveUp : FetchOutcome.NotReadyYet;
    }

    /// <summary>Every registered stakeholder with their e-mail address (Registration's directory); none where there is none.</summary>
    private async Task<IReadOnlyList<KnownRegistrant>> RegistrantsAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var known = new List<KnownRegistrant>();
        if (scope.ServiceProvider.GetService<IRegisteredStakeholders>() is { } stakeholders)
        {
            known.AddRange((await stakeholders.AllStakeholdersAsync(cancellationToken)).Select(s => new KnownRegistrant(s.UserStableId, s.Email)));
        }

        if (scope.ServiceProvider.GetService<IRegistrantDirectory>() is { } registrants)
        {
            known.AddRange((await registrants.AllAsync(cancellationToken)).Select(r => new KnownRegistrant(r.UserStableId, r.Email)));
        }

        return known;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Attendance of consultation {ConsultationId} recorded from {Reports} reports: {Registrants} registrants of {Total} attendees")]
    private static partial void LogRecorded(ILogger logger, int consultationId, int reports, int registrants, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The attendance of consultation {ConsultationId} could not be read: {Failure} (HTTP {StatusCode})")]
    private static partial void LogFailed(ILogger logger, int consultationId, MeetingFailure failure, int? statusCode);
}

/// <summary>
/// Reads each consultation's attendance after it ends, in the background: every <see cref="AttendanceOptions.CheckMinutes"/>
/// or when an organiser asks, each due consultation under its lease (<c>attendance:{id}</c>) so that one instance
/// at a time reads it; a lease whose holder died expires and the next look takes it over. Reports the outcome where an
/// organiser pressed "fetch now".
/// </summary>
public sealed partial class AttendanceWorker(
    AttendanceStore store,
    AttendanceReader reader,
    AttendanceNotifier notifier,
    LeaseStore leases,
    AttendanceSignal signal,
    Microsoft.Extensions.Options.IOptions<AttendanceOptions> options,
    TimeProvider time,
    ILogger<AttendanceWorker> logger) : BackgroundService
{
    private static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!reader.IsAvailable)
        {
            // Offline: no Teams meeting, so no attendance report to read. The command says so.
            return;
        }

        var interval = TimeSpan.FromMinutes(options.Value.CheckMinutes);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var heldElsewhere = false;
                foreach (var id in await store.DueAsync(TimeSpan.FromMinutes(options.Value.FirstDelayMinutes), stoppingToken))
                {
                    heldElsewhere |= !await leases.TryRunAsync($"attendance:{id}", LeaseTime, async ct =>
                    {
                        var outcome = await reader.FetchAsync(id, ct);
                        if (await store.TakeNotifyAsync(id, ct) is { } conversation)
                        {
                            await notifier.TellAsync(conversation, id, outcome, ct);
                        }
                    }, stoppingToken);
                }

                await signal.WaitAsync(heldElsewhere && interval > SchedulingWorker.Recheck ? SchedulingWorker.Recheck : interval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException or InvalidOperationException or HttpRequestException)
            {
                LogLoopFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The attendance worker loop failed; it will continue")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
