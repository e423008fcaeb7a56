using GcmBot.Bot.Participants;
using GcmBot.Bot.Scheduling;
using GcmBot.Cards.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Scheduling;

/// <summary>Scheduling with Graph configured: real GraphServiceClient, strict fake Graph server, fake Teams connector.</summary>
public sealed class SchedulingGraphTests : IAsyncLifetime
{
    private const string JoinUrl = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_Y29uc3VsdGF0aW9u%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf%22%7d";
    private const string ThreadId = "19:meeting_Y29uc3VsdGF0aW9u@thread.v2";
    private const string Events = "/v1.0/users/" + FakeGraphServer.Mailbox + "/events";
    private const string OnlineMeetings = "/v1.0/users/" + FakeGraphServer.Mailbox + "/onlineMeetings";

    private readonly TestRegistrants _registrants = new TestRegistrants()
        .Add(TestUsers.Alice, "b")
        .Add(TestUsers.Chen, "ab");

    private FakeGraphServer _graph = null!;
    private BotApp _bot = null!;
    private TeamsConversation _organiser = null!;
    private TeamsConversation _alice = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _bot = await BotApp.StartAsync(o =>
        {
            o.Use(_registrants);
            _graph.ConfigureBot(o);
        });
        _organiser = _bot.PersonalChat(TestUsers.Organiser);
        _alice = _bot.PersonalChat(TestUsers.Alice);
        await _alice.SayAsync("help", timeZone: "Asia/Kathmandu");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _graph.DisposeAsync();
    }

    private void GraphCreatesMeetings(string eventId = "AAMkevent1")
    {
        _graph.On("POST", Events, GraphAnswer.Fixture(201, "event-created", ("eventId", eventId), ("joinUrl", JoinUrl)));
        _graph.On("PATCH", Events + "/" + eventId, GraphAnswer.Fixture(200, "event-created", ("eventId", eventId), ("joinUrl", JoinUrl)));
        _graph.On("POST", Events + "/" + eventId + "/cancel", GraphAnswer.Accepted);
        _graph.On("GET", OnlineMeetings, GraphAnswer.Fixture(200, "online-meetings", ("joinUrl", JoinUrl), ("threadId", ThreadId)));
    }

    [Fact]
    public async Task Schedule_ThemeB_CreatesOneTeamsEventWithTheThemeRegistrantsAndTheAgenda()
    {
        GraphCreatesMeetings();

        var turn = await _organiser.SayAsync("schedule b 2026-12-12 14:00 2h");

        Assert.Contains("I am creating its Teams meeting now", turn.AllText);
        await _bot.WaitForConsultationAsync(1, c => c.Teams == TeamsState.InTeams && c.ChatThreadId is not null);
        var create = Assert.Single(_graph.RequestsTo("POST", Events));
        var body = create.Json!;
        Assert.Equal("outlook.timezone=\"SE Asia Standard Time\"", create.Header("Prefer"));
        Assert.Equal("Stakeholder consultation (b): Protecting migrants through rights-based border governance measures", (string?)body["subject"]);
        Assert.Equal("2026-12-12T14:00:00", (string?)body["start"]!["dateTime"]);
        Assert.Equal("2026-12-12T16:00:00", (string?)body["end"]!["dateTime"]);
        Assert.True((bool?)body["isOnlineMeeting"]);
        Assert.Equal("teamsForBusiness", (string?)body["onlineMeetingProvider"]);
        Assert.Equal(["alice@example.org", "chen@example.org"], body["attendees"]!.AsArray().Select(a => (string)a!["emailAddress"]!["address"]!).Order());
        var agenda = (string)body["body"]!["content"]!;
        Assert.Contains("Objective 4: Ensure that all migrants have proof of legal identity and adequate documentation", agenda);
        Assert.Contains("Objective 21:", agenda);
        Assert.Contains("<h3>Agenda</h3>", agenda);
        Assert.Contains(AgendaTemplate.CompactUrl, agenda);
        Assert.Empty(_graph.Unmatched);
    }

    [Fact]
    public async Task Schedule_WithGraph_RecordsTheMeetingChatFoundByJoinUrl()
    {
        GraphCreatesMeetings();

        await _organiser.SayAsync("schedule b 2026-12-12 14:00");

        var consultation = await _bot.WaitForConsultationAsync(1, c => c.ChatThreadId is not null);
        var lookup = Assert.Single(_graph.RequestsTo("GET", OnlineMeetings));
        Assert.Equal($"JoinWebUrl eq '{JoinUrl}'", lookup.Query("$filter"));
        Assert.Equal(ThreadId, consultation.ChatThreadId);
        Assert.Equal(JoinUrl, consultation.JoinUrl);
        Assert.Equal("AAMkevent1", consultation.EventId);
        var byChat = await _bot.Services.GetRequiredService<ConsultationStore>().FindByChatThreadAsync(ThreadId, CancellationToken.None);
        Assert.Equal(1, byChat?.Id);
    }

    [Fact]
    public async Task Schedule_WithGraph_ReportsToTheOrganiserWithJoinLinkAndNumberInvited()
    {
        GraphCreatesMeetings();

        await _organiser.SayAsync("schedule b 2026-12-12 14:00", timeZone: "Asia/Kolkata");

        await _bot.WaitForSendAsync(_organiser, "is in Teams; Teams sent the invitations by email.");
        var report = _bot.SentTo(_organiser).Last(s => s.AllText.Contains("is in Teams", StringComparison.Ordinal));
        Assert.Contains("Sat 12 Dec 2026, 12:30–14:30 (GMT+5:30) · Sat 12 Dec 2026, 14:00–16:00 (GMT+7)", report.AllText);
        Assert.Contains("2 (registrants of theme b); 1 also told in Teams", report.AllText);
        Assert.Equal(JoinUrl, (string?)CardText.Actions(report.Card).Single(a => (string?)a["title"] == "Join in Teams")["url"]);
    }

    [Fact]
    public async Task Schedule_WithGraph_TellsRegistrantsInTheirZoneWithTheJoinLink()
    {
        GraphCreatesMeetings();

        await _organiser.SayAsync("schedule b 2026-12-12 14:00");

        await _bot.WaitForSendAsync(_alice, "You are invited to a consultation");
        var notice = _bot.SentTo(_alice).Last();
        Assert.Contains("Sat 12 Dec 2026, 12:45–14:45 (GMT+5:45)", notice.AllText);
        Assert.Contains("A calendar invitation was also sent to your email address.", notice.AllText);
        Assert.Equal(JoinUrl, (string?)CardText.Actions(notice.Card).Single(a => (string?)a["title"] == "Join in Teams")["url"]);
    }

    [Fact]
    public async Task RescheduleThenCancel_UpdateAndCancelTheGraphEvent_AndTellTheInvitees()
    {
        GraphCreatesMeetings();
        await _organiser.SayAsync("schedule b 2026-12-12 14:00");
        await _bot.WaitForConsultationAsync(1, c => c.Teams == TeamsState.InTeams);
        await _bot.WaitForSendAsync(_alice, "You are invited");

        await _organiser.SayAsync("reschedule 1 2026-12-14 10:00 90m");
        await _bot.WaitForSendAsync(_alice, "has a new time");
        await _bot.WaitForSendAsync(_organiser, "has its new time in Teams");
        var cancelTurn = await _organiser.SayAsync("cancel consultation 1");
        await _bot.WaitForSendAsync(_alice, "is cancelled");

        var patch = Assert.Single(_graph.RequestsTo("PATCH", Events + "/AAMkevent1"));
        Assert.Equal("2026-12-14T10:00:00", (string?)patch.Json!["start"]!["dateTime"]);
        Assert.Equal("2026-12-14T11:30:00", (string?)patch.Json!["end"]!["dateTime"]);
        Assert.Equal(2, patch.Json!["attendees"]!.AsArray().Count);
        Assert.Contains("I am cancelling its Teams meeting now.", cancelTurn.AllText);
        var cancel = Assert.Single(_graph.RequestsTo("POST", Events + "/AAMkevent1/cancel"));
        Assert.Equal(ConsultationReconciler.CancellationComment(GcmBot.Cards.Words.SupportedLanguages.English), (string?)cancel.Json!["Comment"]);
        await _bot.WaitForSendAsync(_organiser, "is cancelled in Teams");
        var final = await _bot.WaitForConsultationAsync(1, c => c.Teams == TeamsState.InTeams);
        Assert.Equal(ConsultationStatus.Cancelled, final.Status);
        Assert.Single(_graph.RequestsTo("POST", Events));
    }

    [Fact]
    public async Task GraphForbidden_LeavesItNotYetInTeams_NamesThePermission_AndRetryFixesIt()
    {
        _graph.On("POST", Events, GraphAnswer.Error(403, "ErrorAccessDenied", "Access is denied."));

        await _organiser.SayAsync("schedule b 2026-12-12 14:00");

        await _bot.WaitForSendAsync(_organiser, "not yet in Teams");
        var failed = await _bot.ConsultationAsync(1);
        Assert.Equal(TeamsState.Failed, failed.Teams);
        var report = _bot.SentTo(_organiser).Last();
        Assert.Contains("Calendars.ReadWrite", report.AllText);
        Assert.NotNull(CardText.ActionWithVerb(report.Card, SchedulingVerbs.Retry));
        Assert.DoesNotContain(_bot.SentTo(_alice), s => s.AllText.Contains("invited", StringComparison.Ordinal));

        GraphCreatesMeetings();
        var retry = await _organiser.SayAsync("retry consultation 1");

        Assert.Contains("Trying consultation 1 in Teams again now.", retry.AllText);
        await _bot.WaitForConsultationAsync(1, c => c.Teams == TeamsState.InTeams && c.EventId == "AAMkevent1");
        await _bot.WaitForSendAsync(_alice, "You are invited");
        var creates = _graph.RequestsTo("POST", Events);
        Assert.Equal(2, creates.Count);
        Assert.Equal((string?)creates[0].Json!["transactionId"], (string?)creates[1].Json!["transactionId"]);
    }

    [Fact]
    public async Task GraphUnknownMailbox_IsReportedInPlainWords_WithWhoCanFixIt()
    {
        _graph.On("POST", Events, GraphAnswer.Error(404, "ErrorInvalidUser", "The requested user is invalid."));

        await _organiser.SayAsync("schedule b 2026-12-12 14:00");

        await _bot.WaitForSendAsync(_organiser, "not yet in Teams");
        var text = _bot.SentTo(_organiser).Last().AllText;
        Assert.Contains("Microsoft 365 does not know the mailbox GcmBot schedules meetings in. Your Microsoft 365 administrator needs to check which mailbox GcmBot uses.", text);
        Assert.DoesNotContain("Graph:", text);
    }

    [Fact]
    public async Task GraphThrottledThroughout_IsRetriedThenReportedAsNotYetInTeams()
    {
        _graph.On("POST", Events, GraphAnswer.Error(429, "ApplicationThrottled", "Too many requests.", retryAfter: "0"));

        await _organiser.SayAsync("schedule b 2026-12-12 14:00");

        await _bot.WaitForSendAsync(_organiser, "not yet in Teams");
        Assert.Equal(4, _graph.RequestsTo("POST", Events).Count);
        Assert.Contains("Microsoft 365 is busy and asked GcmBot to slow down. Nothing was lost: try again in a few minutes.", _bot.SentTo(_organiser).Last().AllText);
    }

    [Fact]
    public async Task Retry_WhenAlreadyInTeams_SaysThereIsNothingToRetry()
    {
        GraphCreatesMeetings();
        await _organiser.SayAsync("schedule b 2026-12-12 14:00");
        await _bot.WaitForConsultationAsync(1, c => c.Teams == TeamsState.InTeams);

        var retry = await _organiser.SayAsync("retry consultation 1");

        Assert.Contains("nothing to retry", retry.AllText);
    }

    [Fact]
    public async Task LateRegistrant_IsAddedToTheTeamsMeetingAndToldOnce()
    {
        GraphCreatesMeetings();
        var bob = _bot.PersonalChat(TestUsers.Bob);
        await bob.SayAsync("help");
        await _organiser.SayAsync("schedule b 2026-12-12 14:00");
        await _bot.WaitForSendAsync(_alice, "You are invited");

        _registrants.Add(TestUsers.Bob, "b");
        _bot.Services.GetRequiredService<IRegistrantsChangedListener>().OnRegistrantsChanged();

        await _bot.WaitForSendAsync(bob, "You are invited to a consultation");
        var patch = Assert.Single(_graph.RequestsTo("PATCH", Events + "/AAMkevent1"));
        Assert.Equal(["alice@example.org", "bob@example.org", "chen@example.org"], patch.Json!["attendees"]!.AsArray().Select(a => (string)a!["emailAddress"]!["address"]!).Order());
        Assert.Single(_bot.SentTo(_alice), s => s.AllText.Contains("You are invited", StringComparison.Ordinal));
        Assert.DoesNotContain(_bot.SentTo(_organiser), s => s.AllText.Contains("has its new time", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restart_WithAConsultationPending_FinishesItAfterTheRestart()
    {
        _graph.On("POST", Events, _ =>
        {
            Thread.Sleep(300);
            return GraphAnswer.Fixture(201, "event-created", ("eventId", "AAMkevent1"), ("joinUrl", JoinUrl));
        });
        _graph.On("GET", OnlineMeetings, GraphAnswer.Fixture(200, "online-meetings", ("joinUrl", JoinUrl), ("threadId", ThreadId)));

        await _organiser.SayAsync("schedule b 2026-12-12 14:00");
        await _bot.RestartAsync();

        var consultation = await _bot.WaitForConsultationAsync(1, c => c.Teams == TeamsState.InTeams && c.ChatThreadId is not null);
        Assert.Equal("AAMkevent1", consultation.EventId);
        // Either the first try finished before the stop, or the create was repeated with the same transaction id.
        Assert.Single(_graph.RequestsTo("POST", Events).Select(r => (string?)r.Json!["transactionId"]).Distinct());
    }
}
