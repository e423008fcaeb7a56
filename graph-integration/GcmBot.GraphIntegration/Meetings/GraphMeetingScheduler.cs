using Azure.Identity;
using GcmBot.GraphIntegration.Calendar;
using GcmBot.GraphIntegration.Configuration;
using GcmBot.GraphIntegration.OnlineMeetings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace GcmBot.GraphIntegration.Meetings;

/// <summary>
/// Teams meetings through Microsoft Graph in the configured organiser mailbox. At most
/// <see cref="GraphOptions.MaxConcurrentRequests"/> calls run at once (Outlook allows 4 per app and mailbox);
/// throttling and outages are retried by Graph's own middleware as Retry-After says, then reported.
/// </summary>
public sealed partial class GraphMeetingScheduler : IMeetingScheduler, IDisposable
{
    private const string CalendarsPermission = "Calendars.ReadWrite";
    private const string OnlineMeetingsPermission = "OnlineMeetings.Read.All";
    private const string AttendancePermission = "OnlineMeetingArtifact.Read.All";

    private readonly CalendarEvents _events;
    private readonly OnlineMeetingLookup _onlineMeetings;
    private readonly AttendanceReports _attendance;
    private readonly SemaphoreSlim _concurrency;
    private readonly string _mailbox;
    private readonly ILogger<GraphMeetingScheduler> _logger;

    public GraphMeetingScheduler(GraphServiceClient graph, IOptions<GraphOptions> options, ILogger<GraphMeetingScheduler> logger)
    {
        _mailbox = options.Value.OrganiserMailbox ?? throw new InvalidOperationException("Graph:OrganiserMailbox is not configured.");
        _events = new CalendarEvents(graph, _mailbox);
        _onlineMeetings = new OnlineMeetingLookup(graph, _mailbox);
        _attendance = new AttendanceReports(graph, _mailbox, options.Value.TenantId);
        _concurrency = new SemaphoreSlim(options.Value.MaxConcurrentRequests);
        _logger = logger;
    }

    public bool IsConfigured => true;

    public Task<ScheduledMeeting> CreateAsync(MeetingDetails details, CancellationToken cancellationToken) =>
        CallAsync(GraphOperation.CreateEvent, ct => _events.CreateAsync(details, ct), cancellationToken);

    public Task<ScheduledMeeting> UpdateAsync(string eventId, MeetingDetails details, CancellationToken cancellationToken) =>
        CallAsync(GraphOperation.UpdateEvent, ct => _events.UpdateAsync(eventId, details, ct), cancellationToken);

    public async Task CancelAsync(string eventId, string comment, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync(GraphOperation.CancelEvent, async ct =>
            {
                await _events.CancelAsync(eventId, comment, ct);
                return true;
            }, cancellationToken);
        }
        catch (MeetingSchedulingException ex) when (ex.Failure == MeetingFailure.EventNotFound)
        {
            // Deleted in Outlook already: the attendees were told then. Cancelled is cancelled.
        }
    }

    public Task<MeetingChat?> FindMeetingChatAsync(string joinUrl, CancellationToken cancellationToken) =>
        CallAsync(GraphOperation.FindOnlineMeeting, ct => _onlineMeetings.FindAsync(joinUrl, ct), cancellationToken);

    public async Task<MeetingAttendance> ReadAttendanceAsync(string onlineMeetingId, CancellationToken cancellationToken)
    {
        try
        {
            return await CallAsync(GraphOperation.ReadAttendance, ct => _attendance.ReadAsync(onlineMeetingId, ct), cancellationToken);
        }
        catch (MeetingSchedulingException ex) when (ex.StatusCode == 404)
        {
            // Graph answers 404 for a meeting whose report Teams has not made yet: try later, as for an empty list.
            return MeetingAttendance.NotReadyYet;
        }
    }

    public void Dispose() => _concurrency.Dispose();

    private async Task<T> CallAsync<T>(GraphOperation operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        await _concurrency.WaitAsync(cancellationToken);
        try
        {
            return await call(cancellationToken);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            // Stopping (the host shuts down): whatever broke on the way out is no Graph failure to report.
            throw new OperationCanceledException("Stopped while calling Microsoft Graph.", ex, cancellationToken);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.LastOrDefault() is ApiException last)
        {
            // Graph's RetryHandler gave up ("too many retries") and reports every answer it got; the last one counts.
            var failure = Describe(operation, last.ResponseStatusCode, (last as ODataError)?.Error?.Code, ex);
            LogGraphFailed(_logger, operation, last.ResponseStatusCode, (last as ODataError)?.Error?.Code, failure.Failure);
            throw failure;
        }
        catch (ApiException ex)
        {
            var failure = Describe(operation, ex.ResponseStatusCode, (ex as ODataError)?.Error?.Code, ex);
            LogGraphFailed(_logger, operation, ex.ResponseStatusCode, (ex as ODataError)?.Error?.Code, failure.Failure);
            throw failure;
        }
        catch (AuthenticationFailedException ex)
        {
            LogSignInFailed(_logger, ex, operation);
            throw new MeetingSchedulingException(MeetingFailure.NotSignedIn,
                "GcmBot could not sign in to Microsoft Entra ID to call Microsoft Graph. Check Graph:TenantId, Graph:ClientId and the secret, certificate or managed identity.",
                null, ex);
        }
        catch (HttpRequestException ex)
        {
            LogUnreachable(_logger, ex, operation);
            throw new MeetingSchedulingException(MeetingFailure.Unavailable,
                "GcmBot could not reach Microsoft Graph (a network error). Nothing was lost: try again in a few minutes.", null, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(_logger, ex, operation);
            throw new MeetingSchedulingException(MeetingFailure.Unavailable,
                "Microsoft Graph did not answer in time. Nothing was lost: try again in a few minutes.", null, ex);
        }
        finally
        {
            _concurrency.Release();
        }
    }

    private MeetingSchedulingException Describe(GraphOperation operation, int status, string? code, Exception inner)
    {
        var permission = operation switch
        {
            GraphOperation.FindOnlineMeeting => OnlineMeetingsPermission,
            GraphOperation.ReadAttendance => AttendancePermission,
            _ => CalendarsPermission,
        };
        return status switch
        {
            401 => new(MeetingFailure.NotSignedIn,
                "Microsoft Graph did not accept GcmBot's sign-in (401). Check Graph:TenantId, Graph:ClientId and the secret or certificate.", status, inner),
            403 when operation is GraphOperation.FindOnlineMeeting or GraphOperation.ReadAttendance => new(MeetingFailure.PermissionDenied,
                $"Microsoft Graph refused access (403): the app needs the application permission {permission} with admin consent, and a Teams " +
                $"application access policy that covers the organiser mailbox {_mailbox}.", status, inner, permission),
            403 => new(MeetingFailure.PermissionDenied,
                $"Microsoft Graph refused access (403): the app needs the application permission {permission} with admin consent " +
                $"(and, if an Exchange application access policy limits the app, the mailbox {_mailbox} must be in its scope).", status, inner, permission),
            404 when operation is GraphOperation.UpdateEvent or GraphOperation.CancelEvent && IsItemNotFound(code) => new(MeetingFailure.EventNotFound,
                "The Teams meeting is no longer in the organiser's calendar (it may have been deleted in Outlook).", status, inner),
            404 when operation == GraphOperation.ReadAttendance => new(MeetingFailure.Rejected,
                "Microsoft Graph has no attendance report for the meeting yet (404).", status, inner),
            404 => new(MeetingFailure.MailboxNotFound,
                $"Microsoft Graph does not know the organiser mailbox {_mailbox} (404). Check Graph:OrganiserMailbox: it must be a user with an Exchange Online mailbox.", status, inner),
            429 => new(MeetingFailure.Throttled,
                "Microsoft Graph is throttling GcmBot (429) and still refused after waiting as it asked. Nothing was lost: try again in a few minutes.", status, inner),
            >= 500 => new(MeetingFailure.Unavailable,
                $"Microsoft Graph is unavailable (HTTP {status}) even after retrying. Nothing was lost: try again in a few minutes.", status, inner),
            _ => new(MeetingFailure.Rejected,
                $"Microsoft Graph refused the request (HTTP {status}{(code is null ? string.Empty : ", " + code)}).", status, inner),
        };
    }

    private static bool IsItemNotFound(string? code) =>
        code is null || code.Equals("ErrorItemNotFound", StringComparison.OrdinalIgnoreCase) || code.Equals("ItemNotFound", StringComparison.OrdinalIgnoreCase);

    private enum GraphOperation { CreateEvent, UpdateEvent, CancelEvent, FindOnlineMeeting, ReadAttendance }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph {Operation} failed with HTTP {StatusCode} ({ErrorCode}), reported as {Failure}")]
    private static partial void LogGraphFailed(ILogger logger, GraphOperation operation, int statusCode, string? errorCode, MeetingFailure failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Signing in for Graph {Operation} failed")]
    private static partial void LogSignInFailed(ILogger logger, Exception exception, GraphOperation operation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph {Operation} got no answer")]
    private static partial void LogUnreachable(ILogger logger, Exception exception, GraphOperation operation);
}
