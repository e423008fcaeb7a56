using GcmBot.GraphIntegration.Meetings;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace GcmBot.GraphIntegration.OnlineMeetings;

/// <summary>
/// A Teams meeting's attendance: <c>GET /users/{id}/onlineMeetings/{meetingId}/attendanceReports</c>, then each report's
/// <c>attendanceRecords</c>, every page through the SDK's page iterator. Teams makes a report a few minutes after each
/// time the meeting ran; until then the list is empty (or Graph answers 404), which is "not ready yet", not a failure.
/// Needs <c>OnlineMeetingArtifact.Read.All</c> and an application access policy covering the organiser mailbox.
/// </summary>
internal sealed class AttendanceReports(GraphServiceClient graph, string mailbox, string? ownTenantId)
{
    public async Task<MeetingAttendance> ReadAsync(string onlineMeetingId, CancellationToken cancellationToken)
    {
        var meeting = graph.Users[mailbox].OnlineMeetings[onlineMeetingId];
        var first = await meeting.AttendanceReports.GetAsync(cancellationToken: cancellationToken);
        var reports = new List<MeetingAttendanceReport>();
        if (first is not null)
        {
            var pages = PageIterator<MeetingAttendanceReport, MeetingAttendanceReportCollectionResponse>.CreatePageIterator(graph, first, report =>
            {
                reports.Add(report);
                return true;
            });
            await pages.IterateAsync(cancellationToken);
        }

        var ids = reports.Where(r => !string.IsNullOrEmpty(r.Id)).Select(r => r.Id!).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return MeetingAttendance.NotReadyYet;
        }

        var records = new List<MeetingAttendeeRecord>();
        foreach (var id in ids)
        {
            var page = await meeting.AttendanceReports[id].AttendanceRecords.GetAsync(cancellationToken: cancellationToken);
            if (page is null)
            {
                continue;
            }

            var iterator = PageIterator<AttendanceRecord, AttendanceRecordCollectionResponse>.CreatePageIterator(graph, page, record =>
            {
                records.Add(ToRecord(record));
                return true;
            });
            await iterator.IterateAsync(cancellationToken);
        }

        return new MeetingAttendance(AttendanceReadStatus.Read, ids.Count, records);
    }

    private MeetingAttendeeRecord ToRecord(AttendanceRecord record)
    {
        var identity = record.Identity;
        var email = string.IsNullOrWhiteSpace(record.EmailAddress) ? (identity as CommunicationsGuestIdentity)?.Email : record.EmailAddress;
        var kind = KindOf(identity, email);
        var userId = kind is AttendeeIdentityKind.Member or AttendeeIdentityKind.Guest && !string.IsNullOrWhiteSpace(identity?.Id) ? identity!.Id : null;
        return new MeetingAttendeeRecord(
            string.IsNullOrWhiteSpace(email) ? null : email.Trim(),
            userId,
            identity?.DisplayName,
            record.Role,
            Math.Max(0, record.TotalAttendanceInSeconds ?? 0),
            kind);
    }

    /// <summary>
    /// Graph types the identity (communicationsUserIdentity, communicationsGuestIdentity, communicationsPhoneIdentity,
    /// azureCommunicationServicesUserIdentity) or, in some answers, sends a plain identity with <c>tenantId</c> and
    /// <c>userIdentityType</c> alongside. A signed-in user of another tenant is a guest; someone with neither an
    /// account nor an e-mail address joined anonymously.
    /// </summary>
    private AttendeeIdentityKind KindOf(Identity? identity, string? email)
    {
        var declared = Additional(identity, "userIdentityType");
        switch (declared?.ToLowerInvariant())
        {
            case "anonymousguest":
                return AttendeeIdentityKind.Anonymous;
            case "phoneuser":
                return AttendeeIdentityKind.Phone;
            case "federateduser" or "personalmicrosoftaccountuser" or "emailuser" or "skypeuser" or "guest":
                return AttendeeIdentityKind.Guest;
        }

        switch (identity)
        {
            case CommunicationsPhoneIdentity:
                return AttendeeIdentityKind.Phone;
            case CommunicationsGuestIdentity or AzureCommunicationServicesUserIdentity:
                return AttendeeIdentityKind.Anonymous;
        }

        if (identity is null || string.IsNullOrWhiteSpace(identity.Id))
        {
            return string.IsNullOrWhiteSpace(email) ? AttendeeIdentityKind.Anonymous : AttendeeIdentityKind.Guest;
        }

        var tenant = (identity as CommunicationsUserIdentity)?.TenantId ?? Additional(identity, "tenantId");
        return ownTenantId is not null && tenant is not null && Guid.TryParse(ownTenantId, out var own) &&
            Guid.TryParse(tenant, out var theirs) && own != theirs
            ? AttendeeIdentityKind.Guest
            : AttendeeIdentityKind.Member;
    }

    private static string? Additional(Identity? identity, string key) =>
        identity?.AdditionalData is { } data && data.TryGetValue(key, out var value)
            ? value switch
            {
                string text => text,
                Microsoft.Kiota.Abstractions.Serialization.UntypedString untyped => untyped.GetValue(),
                _ => null,
            }
            : null;
}
