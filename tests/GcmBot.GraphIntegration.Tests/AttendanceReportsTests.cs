using System.Text.Json.Nodes;
using GcmBot.GraphIntegration.Meetings;

namespace GcmBot.GraphIntegration.Tests;

/// <summary>Reading a Teams meeting's attendance reports through the real GraphServiceClient against the strict fake Graph.</summary>
public sealed class AttendanceReportsTests : IAsyncLifetime
{
    private const string MeetingId = "MSpkYzE3Njc0Yy04MWQ5LTRhZGItYmZiMi04ZjZhNDQyZTQ2MjIqMCoqMTk6bWVldGluZw";
    private const string OwnTenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string OtherTenant = "9b1d3c2a-0000-4000-8000-000000000042";
    private const string Reports = "/v1.0/users/" + FakeGraphServer.Mailbox + "/onlineMeetings/" + MeetingId + "/attendanceReports";

    private GraphTestHost _host = null!;

    public async Task InitializeAsync() => _host = await GraphTestHost.StartAsync(s => s["Graph:TenantId"] = OwnTenant);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ReadAttendanceAsync_TwoPagesOfRecords_ReadsEveryPageAndClassifiesEachPerson()
    {
        _host.Graph.On("GET", Reports, new GraphAnswer(200, Page([Report("report-1")])));
        _host.Graph.On("GET", Reports + "/report-1/attendanceRecords", r => r.Query("$skiptoken") is null
            ? new GraphAnswer(200, Page(
                [
                    Record("amina@migrant-forum.example.org", User("a11ce000-0000-0000-0000-000000000001", "Amina Rahman", OwnTenant), "Attendee", 3540),
                    Record(null, User("b0b00000-0000-0000-0000-000000000002", "Guest Person", OtherTenant), "Attendee", 1200),
                ],
                _host.Graph.BaseUrl + "/users/" + FakeGraphServer.Mailbox + "/onlineMeetings/" + MeetingId + "/attendanceReports/report-1/attendanceRecords?$skiptoken=page2"))
            : new GraphAnswer(200, Page(
                [
                    Record(null, new JsonObject { ["@odata.type"] = "#microsoft.graph.communicationsGuestIdentity", ["id"] = "anon-7", ["displayName"] = "Visitor" }, "Attendee", 600),
                    Record(null, new JsonObject { ["@odata.type"] = "#microsoft.graph.communicationsPhoneIdentity", ["id"] = "+6621234567", ["displayName"] = "+66 2 123 4567" }, "Attendee", 300),
                    Record(null, new JsonObject { ["id"] = "", ["displayName"] = "Someone", ["userIdentityType"] = "anonymousGuest" }, "Attendee", 90),
                ])));

        var attendance = await _host.Scheduler.ReadAttendanceAsync(MeetingId, CancellationToken.None);

        Assert.Equal(AttendanceReadStatus.Read, attendance.Status);
        Assert.Equal(1, attendance.Reports);
        Assert.Equal(
            [
                new MeetingAttendeeRecord("amina@migrant-forum.example.org", "a11ce000-0000-0000-0000-000000000001", "Amina Rahman", "Attendee", 3540, AttendeeIdentityKind.Member),
                new MeetingAttendeeRecord(null, "b0b00000-0000-0000-0000-000000000002", "Guest Person", "Attendee", 1200, AttendeeIdentityKind.Guest),
                new MeetingAttendeeRecord(null, null, "Visitor", "Attendee", 600, AttendeeIdentityKind.Anonymous),
                new MeetingAttendeeRecord(null, null, "+66 2 123 4567", "Attendee", 300, AttendeeIdentityKind.Phone),
                new MeetingAttendeeRecord(null, null, "Someone", "Attendee", 90, AttendeeIdentityKind.Anonymous),
            ],
            attendance.Records);
        var pages = _host.Graph.RequestsTo("GET", Reports + "/report-1/attendanceRecords");
        Assert.Equal(2, pages.Count);
        Assert.Null(pages[0].Query("$skiptoken"));
        Assert.Equal("page2", pages[1].Query("$skiptoken"));
        Assert.All(_host.Graph.Requests, r => Assert.Equal("Bearer " + FakeGraphServer.Token, r.Header("Authorization")));
        Assert.Empty(_host.Graph.Unmatched);
    }

    [Fact]
    public async Task ReadAttendanceAsync_TwoReports_ReadsTheRecordsOfBoth()
    {
        _host.Graph.On("GET", Reports, new GraphAnswer(200, Page([Report("r1"), Report("r2")])));
        _host.Graph.On("GET", Reports + "/r1/attendanceRecords", new GraphAnswer(200, Page([Record("a@example.org", User("11111111-0000-0000-0000-000000000001", "A", OwnTenant), "Organizer", 10)])));
        _host.Graph.On("GET", Reports + "/r2/attendanceRecords", new GraphAnswer(200, Page([Record("b@example.org", User("11111111-0000-0000-0000-000000000002", "B", OwnTenant), "Attendee", 20)])));

        var attendance = await _host.Scheduler.ReadAttendanceAsync(MeetingId, CancellationToken.None);

        Assert.Equal(2, attendance.Reports);
        Assert.Equal(["a@example.org", "b@example.org"], attendance.Records.Select(r => r.Email));
        Assert.Empty(_host.Graph.Unmatched);
    }

    [Fact]
    public async Task ReadAttendanceAsync_NoReportYet_IsNotReadyYet()
    {
        _host.Graph.On("GET", Reports, new GraphAnswer(200, Page([])));

        var attendance = await _host.Scheduler.ReadAttendanceAsync(MeetingId, CancellationToken.None);

        Assert.Equal(AttendanceReadStatus.NotReadyYet, attendance.Status);
        Assert.Empty(attendance.Records);
        Assert.Single(_host.Graph.Requests);
    }

    [Fact]
    public async Task ReadAttendanceAsync_404_IsNotReadyYet()
    {
        _host.Graph.On("GET", Reports, GraphAnswer.Error(404, "NotFound", "The meeting has no attendance report."));

        var attendance = await _host.Scheduler.ReadAttendanceAsync(MeetingId, CancellationToken.None);

        Assert.Equal(AttendanceReadStatus.NotReadyYet, attendance.Status);
    }

    [Fact]
    public async Task ReadAttendanceAsync_403_NamesTheArtifactPermission()
    {
        _host.Graph.On("GET", Reports, GraphAnswer.Error(403, "Forbidden", "No application access policy."));

        var failure = await Assert.ThrowsAsync<MeetingSchedulingException>(() => _host.Scheduler.ReadAttendanceAsync(MeetingId, CancellationToken.None));

        Assert.Equal(MeetingFailure.PermissionDenied, failure.Failure);
        Assert.Equal("OnlineMeetingArtifact.Read.All", failure.Permission);
        Assert.False(failure.IsTransient);
    }

    [Fact]
    public async Task ReadAttendanceAsync_503ThenRecords_IsRetriedByGraphsMiddleware()
    {
        _host.Graph.On("GET", Reports,
            GraphAnswer.Error(503, "ServiceUnavailable", "Try later.", retryAfter: "0"),
            new GraphAnswer(200, Page([Report("r1")])));
        _host.Graph.On("GET", Reports + "/r1/attendanceRecords", new GraphAnswer(200, Page([Record("a@example.org", User("11111111-0000-0000-0000-000000000001", "A", OwnTenant), "Attendee", 10)])));

        var attendance = await _host.Scheduler.ReadAttendanceAsync(MeetingId, CancellationToken.None);

        Assert.Equal(AttendanceReadStatus.Read, attendance.Status);
        Assert.Equal(2, _host.Graph.RequestsTo("GET", Reports).Count);
    }

    [Fact]
    public async Task ReadAttendanceAsync_StillUnavailable_IsATransientFailure()
    {
        _host.Graph.On("GET", Reports, GraphAnswer.Error(503, "ServiceUnavailable", "Try later.", retryAfter: "0"));

        var failure = await Assert.ThrowsAsync<MeetingSchedulingException>(() => _host.Scheduler.ReadAttendanceAsync(MeetingId, CancellationToken.None));

        Assert.Equal(MeetingFailure.Unavailable, failure.Failure);
        Assert.True(failure.IsTransient);
    }

    [Fact]
    public async Task OfflineScheduler_ReadAttendance_IsNotAvailable()
    {
        var attendance = await new OfflineMeetingScheduler().ReadAttendanceAsync(MeetingId, CancellationToken.None);

        Assert.Equal(AttendanceReadStatus.NotAvailable, attendance.Status);
        Assert.Empty(attendance.Records);
    }

    private static JsonObject Report(string id) => new()
    {
        ["id"] = id,
        ["totalParticipantCount"] = 5,
        ["meetingStartDateTime"] = "2026-12-12T07:00:00Z",
        ["meetingEndDateTime"] = "2026-12-12T09:00:00Z",
    };

    private static JsonObject User(string id, string name, string tenant) => new()
    {
        ["@odata.type"] = "#microsoft.graph.communicationsUserIdentity",
        ["id"] = id,
        ["displayName"] = name,
        ["tenantId"] = tenant,
    };

    private static JsonObject Record(string? email, JsonObject identity, string role, int seconds) => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["emailAddress"] = email,
        ["role"] = role,
        ["totalAttendanceInSeconds"] = seconds,
        ["identity"] = identity,
        ["attendanceIntervals"] = new JsonArray(),
    };

    private static string Page(JsonObject[] items, string? nextLink = null)
    {
        var page = new JsonObject { ["value"] = new JsonArray(items.Select(i => (JsonNode)i).ToArray()) };
        if (nextLink is not null)
        {
            page["@odata.nextLink"] = nextLink;
        }

        return page.ToJsonString();
    }
}
