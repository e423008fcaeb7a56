using GcmBot.GraphIntegration.Meetings;

namespace GcmBot.GraphIntegration.Tests;

public sealed class MeetingSchedulerTests : IAsyncLifetime
{
    private static readonly MeetingAttendee Amina = new("amina@migrant-forum.example.org", "Amina Rahman");
    private static readonly MeetingAttendee Tran = new("tran@cso.example.org", "Trần Thị Lan");

    private GraphTestHost _host = null!;

    public async Task InitializeAsync() => _host = await GraphTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CreateAsync_PostsOneEventWithTeamsMeeting_ToOrganiserMailbox()
    {
        _host.Graph.On("POST", GraphTestHost.EventsPath, _host.Created());

        var meeting = await _host.Scheduler.CreateAsync(GraphTestHost.Details(Amina, Tran), CancellationToken.None);

        var request = Assert.Single(_host.Graph.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1.0/users/consultations@rnm-ap.example.org/events", request.Path);
        Assert.Equal("outlook.timezone=\"SE Asia Standard Time\"", request.Header("Prefer"));
        Assert.Equal("Bearer " + FakeGraphServer.Token, request.Header("Authorization"));
        var body = request.Json!;
        Assert.Equal("Consultation: Protecting migrants through rights-based border governance measures", (string?)body["subject"]);
        Assert.Equal("html", (string?)body["body"]!["contentType"]);
        Assert.Equal("<h2>Agenda</h2><p>Opening &amp; welcome</p>", (string?)body["body"]!["content"]);
        Assert.Equal("2026-12-12T14:00:00", (string?)body["start"]!["dateTime"]);
        Assert.Equal("SE Asia Standard Time", (string?)body["start"]!["timeZone"]);
        Assert.Equal("2026-12-12T16:00:00", (string?)body["end"]!["dateTime"]);
        Assert.Equal("SE Asia Standard Time", (string?)body["end"]!["timeZone"]);
        Assert.True((bool?)body["isOnlineMeeting"]);
        Assert.Equal("teamsForBusiness", (string?)body["onlineMeetingProvider"]);
        Assert.Equal("5b0c2b5e-8d6e-4f55-9a5a-0e3c7b9c2f11", (string?)body["transactionId"]);
        var attendees = body["attendees"]!.AsArray();
        Assert.Equal(2, attendees.Count);
        Assert.Equal("amina@migrant-forum.example.org", (string?)attendees[0]!["emailAddress"]!["address"]);
        Assert.Equal("Amina Rahman", (string?)attendees[0]!["emailAddress"]!["name"]);
        Assert.Equal("required", (string?)attendees[0]!["type"]);
        Assert.Equal("Trần Thị Lan", (string?)attendees[1]!["emailAddress"]!["name"]);
        Assert.Equal(new ScheduledMeeting("AAMkADk0event1", GraphTestHost.JoinUrl), meeting);
        Assert.Empty(_host.Graph.Unmatched);
    }

    [Fact]
    public async Task CreateAsync_ZoneInKathmandu_SendsWallClockTimeThere()
    {
        _host.Graph.On("POST", GraphTestHost.EventsPath, _host.Created());
        var details = GraphTestHost.Details(Amina) with { TimeZoneId = "Asia/Kathmandu" };

        await _host.Scheduler.CreateAsync(details, CancellationToken.None);

        var body = Assert.Single(_host.Graph.Requests).Json!;
        Assert.Equal("2026-12-12T12:45:00", (string?)body["start"]!["dateTime"]);
        Assert.Equal("Nepal Standard Time", (string?)body["start"]!["timeZone"]);
        Assert.Equal("outlook.timezone=\"Nepal Standard Time\"", _host.Graph.Requests[0].Header("Prefer"));
    }

    [Fact]
    public async Task UpdateAsync_PatchesTheEvent_WithTheWholeAttendeeList()
    {
        _host.Graph.On("PATCH", GraphTestHost.EventsPath + "/AAMkADk0event1", _host.Created());
        var moved = GraphTestHost.Details(Amina, Tran) with
        {
            Start = new DateTimeOffset(2026, 12, 14, 10, 0, 0, TimeSpan.FromHours(7)),
            End = new DateTimeOffset(2026, 12, 14, 11, 30, 0, TimeSpan.FromHours(7)),
        };

        var meeting = await _host.Scheduler.UpdateAsync("AAMkADk0event1", moved, CancellationToken.None);

        var request = Assert.Single(_host.Graph.Requests);
        Assert.Equal("PATCH", request.Method);
        Assert.Equal(GraphTestHost.EventsPath + "/AAMkADk0event1", request.Path);
        Assert.Equal("outlook.timezone=\"SE Asia Standard Time\"", request.Header("Prefer"));
        Assert.Equal("2026-12-14T10:00:00", (string?)request.Json!["start"]!["dateTime"]);
        Assert.Equal("2026-12-14T11:30:00", (string?)request.Json!["end"]!["dateTime"]);
        Assert.Equal(2, request.Json!["attendees"]!.AsArray().Count);
        Assert.Null(request.Json!["transactionId"]);
        Assert.Equal("AAMkADk0event1", meeting.EventId);
    }

    [Fact]
    public async Task CancelAsync_PostsCancelWithTheComment()
    {
        _host.Graph.On("POST", GraphTestHost.EventsPath + "/AAMkADk0event1/cancel", GraphAnswer.Accepted);

        await _host.Scheduler.CancelAsync("AAMkADk0event1", "The consultation is cancelled.", CancellationToken.None);

        var request = Assert.Single(_host.Graph.Requests);
        Assert.Equal("POST", request.Method);
        // Graph's metadata names the parameter "Comment"; the SDK sends it so.
        Assert.Equal("The consultation is cancelled.", (string?)request.Json!["Comment"]);
    }

    [Fact]
    public async Task CancelAsync_EventAlreadyDeleted_CountsAsCancelled()
    {
        _host.Graph.On("POST", GraphTestHost.EventsPath + "/gone/cancel",
            GraphAnswer.Error(404, "ErrorItemNotFound", "The specified object was not found in the store."));

        await _host.Scheduler.CancelAsync("gone", "Cancelled.", CancellationToken.None);

        Assert.Single(_host.Graph.Requests);
    }

    [Fact]
    public async Task CreateAsync_Forbidden_NamesTheMissingPermission()
    {
        _host.Graph.On("POST", GraphTestHost.EventsPath, GraphAnswer.Error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again."));

        var failure = await Assert.ThrowsAsync<MeetingSchedulingException>(() =>
            _host.Scheduler.CreateAsync(GraphTestHost.Details(Amina), CancellationToken.None));

        Assert.Equal(MeetingFailure.PermissionDenied, failure.Failure);
        Assert.Equal(403, failure.StatusCode);
        Assert.Contains("Calendars.ReadWrite", failure.Message);
        Assert.DoesNotContain("Access is denied", failure.Message);
        Assert.Single(_host.Graph.Requests);
    }

    [Fact]
    public async Task CreateAsync_UnknownMailbox_SaysWhichMailboxAndSetting()
    {
        _host.Graph.On("POST", GraphTestHost.EventsPath, GraphAnswer.Error(404, "ErrorInvalidUser", "The requested user 'consultations@rnm-ap.example.org' is invalid."));

        var failure = await Assert.ThrowsAsync<MeetingSchedulingException>(() =>
            _host.Scheduler.CreateAsync(GraphTestHost.Details(Amina), CancellationToken.None));

        Assert.Equal(MeetingFailure.MailboxNotFound, failure.Failure);
        Assert.Contains(FakeGraphServer.Mailbox, failure.Message);
        Assert.Contains("Graph:OrganiserMailbox", failure.Message);
    }

    [Fact]
    public async Task UpdateAsync_EventDeletedInOutlook_ReportsEventNotFound()
    {
        _host.Graph.On("PATCH", GraphTestHost.EventsPath + "/*", GraphAnswer.Error(404, "ErrorItemNotFound", "The specified object was not found in the store."));

        var failure = await Assert.ThrowsAsync<MeetingSchedulingException>(() =>
            _host.Scheduler.UpdateAsync("deleted", GraphTestHost.Details(Amina), CancellationToken.None));

        Assert.Equal(MeetingFailure.EventNotFound, failure.Failure);
    }

    [Fact]
    public async Task CreateAsync_ThrottledOnce_WaitsAsRetryAfterSaysAndSucceeds()
    {
        _host.Graph.On("POST", GraphTestHost.EventsPath,
            GraphAnswer.Error(429, "ApplicationThrottled", "Too many requests.", retryAfter: "1"),
            _host.Created());

        var meeting = await _host.Scheduler.CreateAsync(GraphTestHost.Details(Amina), CancellationToken.None);

        var requests = _host.Graph.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal("1", requests[1].Header("Retry-Attempt"));
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(0.9), "The retry came before Retry-After allowed.");
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal("AAMkADk0event1", meeting.EventId);
    }

    [Fact]
    public async Task CreateAsync_ThrottledThroughout_IsRetriedThenReported()
    {
        _host.Graph.On("POST", GraphTestHost.EventsPath, GraphAnswer.Error(429, "ApplicationThrottled", "Too many requests.", retryAfter: "0"));

        var failure = await Assert.ThrowsAsync<MeetingSchedulingException>(() =>
            _host.Scheduler.CreateAsync(GraphTestHost.Details(Amina), CancellationToken.None));

        Assert.Equal(MeetingFailure.Throttled, failure.Failure);
        Assert.True(failure.IsTransient);
        Assert.Equal(4, _host.Graph.Requests.Count);
        Assert.Contains("try again", failure.Message);
    }

    [Fact]
    public async Task CreateAsync_ServiceUnavailableThroughout_IsRetriedThenReported()
    {
        _host.Graph.On("POST", GraphTestHost.EventsPath, GraphAnswer.Error(503, "ServiceUnavailable", "Service unavailable.", retryAfter: "0"));

        var failure = await Assert.ThrowsAsync<MeetingSchedulingException>(() =>
            _host.Scheduler.CreateAsync(GraphTestHost.Details(Amina), CancellationToken.None));

        Assert.Equal(MeetingFailure.Unavailable, failure.Failure);
        Assert.Equal(503, failure.StatusCode);
        Assert.Equal(4, _host.Graph.Requests.Count);
    }

    [Fact]
    public async Task CreateAsync_ServiceUnavailableOnce_RetriesTheSameTransaction()
    {
        _host.Graph.On("POST", GraphTestHost.EventsPath,
            GraphAnswer.Error(503, "ServiceUnavailable", "Service unavailable.", retryAfter: "0"),
            _host.Created());

        await _host.Scheduler.CreateAsync(GraphTestHost.Details(Amina), CancellationToken.None);

        var requests = _host.Graph.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal("5b0c2b5e-8d6e-4f55-9a5a-0e3c7b9c2f11", (string?)r.Json!["transactionId"]));
    }

    [Fact]
    public async Task FindMeetingChatAsync_FiltersByEscapedJoinUrl_AndReturnsTheChatThread()
    {
        // A quote in the link must be doubled inside the OData literal; % signs must survive URL encoding.
        var joinUrl = GraphTestHost.JoinUrl + "&x='1'";
        _host.Graph.On("GET", "/v1.0/users/" + FakeGraphServer.Mailbox + "/onlineMeetings",
            GraphAnswer.Fixture(200, "online-meetings", ("joinUrl", joinUrl), ("threadId", GraphTestHost.ThreadId)));

        var chat = await _host.Scheduler.FindMeetingChatAsync(joinUrl, CancellationToken.None);

        var request = Assert.Single(_host.Graph.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("JoinWebUrl eq '" + GraphTestHost.JoinUrl + "&x=''1'''", request.Query("$filter"));
        Assert.StartsWith("?$filter=", request.RawQuery);
        Assert.Equal(GraphTestHost.ThreadId, chat?.ChatThreadId);
        Assert.StartsWith("MSpkYzE3", chat?.OnlineMeetingId);
    }

    [Fact]
    public async Task FindMeetingChatAsync_NoSuchMeeting_ReturnsNull()
    {
        _host.Graph.On("GET", "/v1.0/users/" + FakeGraphServer.Mailbox + "/onlineMeetings", GraphAnswer.Fixture(200, "online-meetings-empty"));

        var chat = await _host.Scheduler.FindMeetingChatAsync(GraphTestHost.JoinUrl, CancellationToken.None);

        Assert.Null(chat);
    }

    [Fact]
    public async Task FindMeetingChatAsync_Forbidden_NamesOnlineMeetingsPermissionAndPolicy()
    {
        _host.Graph.On("GET", "/v1.0/users/" + FakeGraphServer.Mailbox + "/onlineMeetings", GraphAnswer.Error(403, "Forbidden", "No application access policy found for this app."));

        var failure = await Assert.ThrowsAsync<MeetingSchedulingException>(() =>
            _host.Scheduler.FindMeetingChatAsync(GraphTestHost.JoinUrl, CancellationToken.None));

        Assert.Equal(MeetingFailure.PermissionDenied, failure.Failure);
        Assert.Contains("OnlineMeetings.Read.All", failure.Message);
        Assert.Contains("application access policy", failure.Message);
    }

    [Fact]
    public async Task ManyCallsAtOnce_NeverMoreThanFourInFlight()
    {
        var inFlight = 0;
        var most = 0;
        _host.Graph.On("POST", GraphTestHost.EventsPath, _ =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            Thread.Sleep(50);
            Interlocked.Decrement(ref inFlight);
            return _host.Created();
        });

        // The fake answers by blocking a thread: on two cores the thread pool could otherwise run the calls one at a
        // time, and the test would no longer see the limit at work.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), completionPorts);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _host.Scheduler.CreateAsync(GraphTestHost.Details(Amina), CancellationToken.None)));
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, completionPorts);
        }

        Assert.Equal(12, _host.Graph.Requests.Count);
        Assert.InRange(most, 2, 4);
    }

    [Fact]
    public async Task CreateAsync_CancelledWhileGraphAnswers_IsACancellationNotAGraphFailure()
    {
        _host.Graph.On("POST", GraphTestHost.EventsPath, _ =>
        {
            Thread.Sleep(500);
            return _host.Created();
        });
        using var stopping = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _host.Scheduler.CreateAsync(GraphTestHost.Details(Amina), stopping.Token));
    }

    [Fact]
    public async Task UnmatchedRequest_IsRecordedAndFails()
    {
        var failure = await Assert.ThrowsAsync<MeetingSchedulingException>(() =>
            _host.Scheduler.CreateAsync(GraphTestHost.Details(Amina), CancellationToken.None));

        Assert.Single(_host.Graph.Unmatched);
        Assert.Equal(MeetingFailure.Unavailable, failure.Failure);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
