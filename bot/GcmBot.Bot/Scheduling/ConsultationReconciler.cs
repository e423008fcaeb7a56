using System.Globalization;
using GcmBot.Bot.Participants;
using GcmBot.Cards.Words;
using GcmBot.GraphIntegration.Meetings;

namespace GcmBot.Bot.Scheduling;

/// <summary>What one reconciliation left: the consultation as stored now, and its invitation figures.</summary>
public sealed record ReconcileResult(Consultation Consultation, InvitationFigures Figures);

/// <summary>
/// Makes Teams match what the organisers decided: creates, changes or cancels the Graph event of a pending
/// consultation (with the current registrants as attendees), finds its meeting chat, then tells the invitees. A Graph
/// failure leaves the consultation "not yet in Teams" with the reason, for an organiser to retry; nothing is half-done
/// silently. Works from the revision it read: a change made meanwhile stays pending and is applied next.
/// </summary>
public sealed partial class ConsultationReconciler(
    ConsultationStore store,
    IMeetingScheduler scheduler,
    RegistrantSource registrants,
    ConsultationNotifier notifier,
    ConversationLanguages languages,
    ConceptNotes.ConceptNoteViews conceptNotes,
    ILogger<ConsultationReconciler> logger)
{
    /// <summary>What Graph tells the attendees of a cancelled meeting, in the language of the organiser who cancelled it.</summary>
    public static string CancellationComment(CultureInfo culture) => TextResources.For<SchedulingTexts>(culture)["Agenda.Cancelled"];

    /// <summary>Null when the consultation is gone or changed meanwhile (the newer change is still pending).</summary>
    public async Task<ReconcileResult?> ReconcileAsync(int id, CancellationToken cancellationToken)
    {
        var consultation = await store.FindAsync(id, cancellationToken);
        if (consultation is null)
        {
            return null;
        }

        var invited = await registrants.InvitedToAsync(consultation, cancellationToken);
        if (consultation.Teams == TeamsState.Pending)
        {
            if (!await ApplyToTeamsAsync(consultation, invited, cancellationToken))
            {
                return null;
            }

            consultation = await store.FindAsync(id, cancellationToken);
            if (consultation is null)
            {
                return null;
            }

            if (consultation.Teams == TeamsState.Failed)
            {
                // Nobody is told about a meeting that Teams does not have yet.
                return new ReconcileResult(consultation, await notifier.CountAsync(invited, cancellationToken));
            }
        }

        var figures = await notifier.SyncAsync(consultation, invited, consultation.Teams == TeamsState.InTeams, cancellationToken);
        return new ReconcileResult(consultation, figures);
    }

    /// <summary>Looks for the meeting chat of a consultation in Teams whose chat is not known yet.</summary>
    public async Task FindChatAsync(Consultation consultation, CancellationToken cancellationToken)
    {
        if (consultation.JoinUrl is null || consultation.ChatThreadId is not null || !scheduler.IsConfigured)
        {
            return;
        }

        try
        {
            var chat = await scheduler.FindMeetingChatAsync(consultation.JoinUrl, cancellationToken);
            if (chat is not null)
            {
                await store.RecordAsync(consultation.Id, consultation.Revision, c =>
                {
                    c.OnlineMeetingId = chat.OnlineMeetingId;
                    c.ChatThreadId = chat.ChatThreadId;
                }, cancellationToken);
            }
        }
        catch (MeetingSchedulingException ex)
        {
            // The meeting itself exists; the chat link is tried again at the next invitation sync.
            LogChatLookupFailed(logger, consultation.Id, ex.Failure, ex.StatusCode);
        }
    }

    private async Task<bool> ApplyToTeamsAsync(Consultation consultation, IReadOnlyList<Registrant> invited, CancellationToken cancellationToken)
    {
        if (!scheduler.IsConfigured)
        {
            // Graph was switched off since the change was recorded: the consultation stays, offline.
            return await store.RecordAsync(consultation.Id, consultation.Revision, c => c.Teams = TeamsState.Offline, cancellationToken);
        }

        // The invitation (agenda, cancellation note) goes to every attendee in one language: that of the organiser who
        // made the change, as the report back to them is.
        var culture = await languages.OfConversationAsync(consultation.ReportConversationId, cancellationToken);
        try
        {
            ScheduledMeeting? meeting = null;
            if (consultation.Status == ConsultationStatus.Scheduled)
            {
                var details = Details(consultation, await conceptNotes.AgendaAsync(consultation, withPageLink: true, cancellationToken), invited, culture);
                meeting = consultation.EventId is null
                    ? await scheduler.CreateAsync(details, cancellationToken)
                    : await scheduler.UpdateAsync(consultation.EventId, details, cancellationToken);
            }
            else if (consultation.EventId is not null)
            {
                await scheduler.CancelAsync(consultation.EventId, CancellationComment(culture), cancellationToken);
            }

            var recorded = await store.RecordAsync(consultation.Id, consultation.Revision, c =>
            {
                c.Teams = TeamsState.InTeams;
                c.TeamsFailure = null;
                c.FailureCount = 0;
                if (meeting is not null)
                {
                    c.EventId = meeting.EventId;
                    c.JoinUrl = meeting.JoinUrl ?? c.JoinUrl;
                }
            }, cancellationToken);
            if (recorded && meeting is not null && await store.FindAsync(consultation.Id, cancellationToken) is { } stored)
            {
                await FindChatAsync(stored, cancellationToken);
            }

            return recorded;
        }
        catch (MeetingSchedulingException ex)
        {
            LogTeamsChangeFailed(logger, consultation.Id, ex.Failure, ex.StatusCode);
            return await store.RecordAsync(consultation.Id, consultation.Revision, c =>
            {
                c.Teams = TeamsState.Failed;
                c.TeamsFailure = TeamsFailureCode.Encode(ex);
                c.FailureCount++;
                if (ex.Failure == MeetingFailure.EventNotFound && c.Status == ConsultationStatus.Scheduled)
                {
                    // Deleted in Outlook: a retry creates a new meeting, as a new Graph transaction.
                    c.EventId = null;
                    c.JoinUrl = null;
                    c.OnlineMeetingId = null;
                    c.ChatThreadId = null;
                    c.EventGeneration++;
                }
            }, cancellationToken);
        }
    }

    // The body links the concept note's public page, which always shows the current resource list.
    private static MeetingDetails Details(Consultation consultation, AgendaModel agenda, IReadOnlyList<Registrant> invited, CultureInfo culture) => new(
        consultation.Title,
        AgendaTemplate.Html(agenda, culture),
        consultation.Start,
        consultation.End,
        consultation.TimeZoneId,
        invited
            .Where(r => System.Net.Mail.MailAddress.TryCreate(r.Email, out var address) && address.Address == r.Email)
            .Select(r => new MeetingAttendee(r.Email, r.Name))
            .ToList(),
        consultation.TransactionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consultation {ConsultationId} could not be brought up to date in Teams: {Failure} (HTTP {StatusCode})")]
    private static partial void LogTeamsChangeFailed(ILogger logger, int consultationId, MeetingFailure failure, int? statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The meeting chat of consultation {ConsultationId} could not be looked up: {Failure} (HTTP {StatusCode})")]
    private static partial void LogChatLookupFailed(ILogger logger, int consultationId, MeetingFailure failure, int? statusCode);
}
