namespace GcmBot.GraphIntegration.Meetings;

/// <summary>Why a Graph call did not succeed, in the terms an organiser can act on.</summary>
public enum MeetingFailure
{
    /// <summary>Graph is not configured (offline mode).</summary>
    NotConfigured,

    /// <summary>401, or Entra ID refused the app's credential.</summary>
    NotSignedIn,

    /// <summary>403: a permission (or an application access policy) is missing.</summary>
    PermissionDenied,

    /// <summary>404 on the mailbox: the organiser mailbox does not exist.</summary>
    MailboxNotFound,

    /// <summary>404 on the event: it was deleted (e.g. in Outlook).</summary>
    EventNotFound,

    /// <summary>429 after Graph's own retries.</summary>
    Throttled,

    /// <summary>5xx after Graph's own retries, a timeout, or no answer at all.</summary>
    Unavailable,

    /// <summary>400 and other refusals of the request itself.</summary>
    Rejected,
}

/// <summary>
/// A Graph call that failed. <see cref="Failure"/>, <see cref="StatusCode"/> and <see cref="Permission"/> say why, for the
/// bot to tell organisers in their own language and plain words; <see cref="Exception.Message"/> is an English
/// explanation for administrators and logs (no stack, no personal data), never shown to organisers as it is.
/// </summary>
public sealed class MeetingSchedulingException(
    MeetingFailure failure, string message, int? statusCode = null, Exception? inner = null, string? permission = null)
    : Exception(message, inner)
{
    public MeetingFailure Failure { get; } = failure;

    /// <summary>The HTTP status Graph answered with, when it answered.</summary>
    public int? StatusCode { get; } = statusCode;

    /// <summary>The Graph permission the app lacks (<see cref="MeetingFailure.PermissionDenied"/>), e.g. Calendars.ReadWrite.</summary>
    public string? Permission { get; } = permission;

    /// <summary>Worth trying again later without changing anything (throttling, outages).</summary>
    public bool IsTransient => Failure is MeetingFailure.Throttled or MeetingFailure.Unavailable;
}
