using System.Text.Json.Nodes;
using GcmBot.Bot.Attendance;
using GcmBot.Bot.Scheduling;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Tests.Registration;
using GcmBot.Bot.Tests.Scheduling;
using GcmBot.Cards.Attendance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GcmBot.Bot.Tests.Reports.ReportsKit;

namespace GcmBot.Bot.Tests.Attendance;

/// <summary>
/// Real attendance, end to end: six registrants through the form, a consultation scheduled as a Teams meeting through the
/// fake Graph, the meeting ends, the worker reads its attendance report (not ready at first), matches two registrants
/// (one by e-mail, one by Entra object id) and counts a guest, two anonymous participants and an unregistered member
/// apart; the organiser's card, the report and the representation view show the figures honestly.
/// </summary>
public sealed class AttendanceTests : IAsyncLifetime
{
    private const string JoinUrl = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_YXR0ZW5kYW5jZQ%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf%22%7d";
    private const string ThreadId = "19:meeting_YXR0ZW5kYW5jZQ@thread.v2";
    private const string MeetingId = "MSpkYzE3Njc0Yy04MWQ5LTRhZGItYmZiMi04ZjZkNjQ2YmEzNGQqMCoqMTk6bWVldGluZw";
    private const string User = "/v1.0/users/" + FakeGraphServer.Mailbox;
    private const string Reports = User + "/onlineMeetings/" + MeetingId + "/attendanceReports";
    private const string OtherTenant = "9b1d3c2a-0000-4000-8000-000000000042";

    private FakeGraphServer _graph = null!;
    private BotApp _bot = null!;
    private TeamsConversation _organiser = null!;
    private bool _reportReady;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _bot = await StartAsync(o =>
        {
            _graph.ConfigureBot(o);
            o.Settings["Attendance:FirstDelayMinutes"] = "10";
            o.Settings["Attendance:RetryMinutes"] = "30";
        });
        _organiser = _bot.PersonalChat(TestUsers.Organiser);
        _graph.On("POST", User + "/events", GraphAnswer.Fixture(201, "event-created", ("eventId", "AAMkattendance"), ("joinUrl", JoinUrl)));
        _graph.On("PATCH", User + "/events/AAMkattendance", GraphAnswer.Fixture(200, "event-created", ("eventId", "AAMkattendance"), ("joinUrl", JoinUrl)));
        _graph.On("GET", User + "/onlineMeetings", GraphAnswer.Fixture(200, "online-meetings", ("joinUrl", JoinUrl), ("threadId", ThreadId)));
        // Teams makes the report a few minutes after the meeting: an empty list until then.
        _graph.On("GET", Reports, _ => new GraphAnswer(200, Page(_reportReady ? [new JsonObject { ["id"] = "report-1", ["totalParticipantCount"] = 6 }] : [])));
        _graph.On("GET", Reports + "/report-1/attendanceRecords", new GraphAnswer(200, Page(
        [
            // Alice signed in with another account, but Teams has her registered e-mail address.
            Record("Alice@Example.org", Identity("a0a0a0a0-0000-0000-0000-0000000000aa", "Alice (partner account)", OtherTenant), 5400),
            // Bob: his Entra object id, no e-mail address.
            Record(null, Identity(TestUsers.Bob.AadObjectId, "Bob Bautista", BotApp.TenantId), 3600),
            Record("visitor@partner.example.org", Identity("b1b1b1b1-0000-0000-0000-0000000000bb", "Visiting Guest", OtherTenant), 1800),
            Record(null, new JsonObject { ["@odata.type"] = "#microsoft.graph.communicationsGuestIdentity", ["id"] = "anon-1", ["displayName"] = "Anonymous Visitor One" }, 1200),
            Record(null, new JsonObject { ["@odata.type"] = "#microsoft.graph.communicationsGuestIdentity", ["id"] = "anon-2", ["displayName"] = "Anonymous Visitor Two" }, 900),
            Record("staff@rnm-ap.example.org", Identity("c2c2c2c2-0000-0000-0000-0000000000cc", "Network Staff", BotApp.TenantId), 5400),
        ])));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task MeetingEnds_WorkerReadsTheReportOnceReady_MatchesRegistrantsAndCountsTheOthersByKind()
    {
        await ScheduleWithSixRegistrantsAsync();

        await EndMeetingAsync();

        var stored = await WaitForAttendanceAsync(a => a.State == AttendanceState.Recorded);
        Assert.Equal(1, stored.MembersNotRegistered);
        Assert.Equal(1, stored.Guests);
        Assert.Equal(2, stored.Anonymous);
        Assert.Equal(0, stored.ByPhone);
        Assert.True(stored.Attempts >= 2, "The first attempt found no report yet.");
        var entries = await EntriesAsync();
        Assert.Equal([TestUsers.Alice.AadObjectId, TestUsers.Bob.AadObjectId], entries.Where(e => e.Attended).Select(e => e.UserStableId).Order());
        Assert.Equal(4, entries.Count(e => !e.Attended));
        Assert.Empty(_graph.Unmatched);
        // Nothing of the unregistered people is kept: no name, address or id.
        await using var db = await Databases().CreateDbContextAsync();
        var kept = string.Join("\n", (await db.Set<AttendanceEntry>().ToListAsync()).Select(e => e.UserStableId));
        Assert.DoesNotContain("b1b1b1b1", kept);
        Assert.DoesNotContain("c2c2c2c2", kept);
    }

    [Fact]
    public async Task AttendanceCommand_AfterTheReport_ShowsTheFiguresByKind()
    {
        await ScheduleWithSixRegistrantsAsync();
        await EndMeetingAsync();
        await WaitForAttendanceAsync(a => a.State == AttendanceState.Recorded);

        var turn = await _organiser.SayAsync("attendance 1");

        var facts = Facts(turn.Reply.Card);
        Assert.Equal("6", facts["Attended in all"]);
        Assert.Equal("2 attended · 6 invited, 4 of them did not attend", facts["Registered stakeholders"]);
        Assert.Equal("1", facts["Network staff, not registered"]);
        Assert.Equal("1", facts["Guests from other organisations, not registered"]);
        Assert.Equal("2", facts["Anonymous (joined from the link)"]);
        Assert.Equal("0", facts["By telephone"]);
        Assert.Contains("Read from the Teams meeting's attendance report", turn.Reply.AllText);
        Assert.DoesNotContain("Visiting Guest", turn.Reply.AllText);
        Assert.DoesNotContain("Anonymous Visitor", turn.Reply.AllText);
    }

    [Fact]
    public async Task AttendanceCommand_WithoutANumber_OffersTheConsultationsThatStarted()
    {
        await ScheduleWithSixRegistrantsAsync();
        await EndMeetingAsync();

        var turn = await _organiser.SayAsync("attendance");

        Assert.Contains("Stakeholder consultation (a)", turn.Reply.AllText);
        var chosen = await _organiser.PressAsync(turn.Reply.Card, "command.run");
        Assert.Contains("Attendance of consultation 1", chosen.Reply.AllText);
    }

    [Fact]
    public async Task AttendanceCommand_BeforeTheEnd_SaysItIsNotEndedAndOffersNoFetch()
    {
        await ScheduleWithSixRegistrantsAsync();

        var turn = await _organiser.SayAsync("attendance 1");

        Assert.Contains("The consultation has not ended yet.", turn.Reply.AllText);
        Assert.Empty(CardText.Actions(turn.Reply.Card));
    }

    [Fact]
    public async Task AttendanceCommand_ByAParticipant_IsRefused()
    {
        var turn = await _bot.PersonalChat(TestUsers.Alice).SayAsync("attendance 1");

        Assert.Contains("for the organisers", turn.Reply.AllText);
    }

    [Fact]
    public async Task FetchNow_AfterTeamsHadNoReport_ReadsItAndPostsTheFiguresToTheOrganiser()
    {
        await ScheduleWithSixRegistrantsAsync();
        _bot.Time!.Advance(TimeSpan.FromMinutes(135));
        await WaitForAttendanceAsync(a => a.LastProblem == AttendanceProblem.NotReady);
        var shown = await _organiser.SayAsync("attendance 1");
        Assert.Contains("Not recorded yet. I will ask Teams again at", shown.Reply.AllText);
        _reportReady = true;

        var pressed = await _organiser.PressAsync(shown.Reply.Card, AttendanceVerbs.FetchNow);

        Assert.Contains("I am asking Teams for the attendance of consultation 1 now.", pressed.AllText);
        await _bot.Connector.WaitForAsync(calls => calls.Any(c => c.IsSend && c.ConversationId == _organiser.Id &&
            c.Activity.AllText.Contains("The attendance of consultation 1 is recorded.", StringComparison.Ordinal)));
        var told = _bot.Connector.Sent.Last(s => s.Call?.ConversationId == _organiser.Id && s.AllText.Contains("is recorded", StringComparison.Ordinal));
        Assert.Equal("6", Facts(told.Card)["Attended in all"]);
    }

    [Fact]
    public async Task Report_WithTeamsAttendance_CountsRegistrantsByCategoryAndTheOthersOnTheirOwnLines()
    {
        await ScheduleWithSixRegistrantsAsync();
        await EndMeetingAsync();
        await WaitForAttendanceAsync(a => a.State == AttendanceState.Recorded);

        var (card, html, markdown) = await ReportAsync(_bot, "consult-a");

        Assert.Equal("6 in the Teams meeting", Facts(card)["Attended"]);
        Assert.Contains("Registered: 6 confirmed. Attended: 6 (from the Teams meeting&#39;s attendance report). 2 of them are registered stakeholders; 4 did not register.", html);
        // Registrants by their registration: civil society 3 registered, 2 attended (hidden); migrants 3 and none, flagged.
        Assert.Contains("<tr><th scope=\"row\">Civil society organisations</th><td class=\"n\">3</td><td class=\"n\">fewer than 3</td><td></td></tr>", html);
        Assert.Contains("<tr><th scope=\"row\">Migrants and migrant organisations</th><td class=\"n\">3</td><td class=\"n\">0</td><td><span class=\"flag\">Under-represented</span></td></tr>", html);
        // Nobody who did not register is put into a category.
        Assert.DoesNotContain("<th scope=\"row\">Unknown</th>", html);
        Assert.Contains("<h3>Attendees who did not register</h3>", html);
        Assert.Contains("<tr><th scope=\"row\">Regional Network staff and members (signed in, not registered)</th><td class=\"n\">fewer than 3</td></tr>", html);
        Assert.Contains("<tr><th scope=\"row\">Guests from other organisations (signed in, not registered)</th><td class=\"n\">fewer than 3</td></tr>", html);
        Assert.Contains("<tr><th scope=\"row\">Anonymous participants (joined from the link without signing in)</th><td class=\"n\">fewer than 3</td></tr>", html);
        Assert.DoesNotContain("By telephone", html);
        Assert.Contains("| Anonymous participants (joined from the link without signing in) | fewer than 3 |", markdown);
        Assert.DoesNotContain("Visiting Guest", html);
        Assert.DoesNotContain("staff@rnm-ap.example.org", html);
    }

    [Fact]
    public async Task Representation_WithTeamsAttendance_FlagsTheGroupThatWasAbsent()
    {
        await ScheduleWithSixRegistrantsAsync();
        await EndMeetingAsync();
        await WaitForAttendanceAsync(a => a.State == AttendanceState.Recorded);

        var turn = await _organiser.SayAsync("report representation");

        var text = string.Join("\n", CardText.Of(turn.Replies[0].Card));
        Assert.Contains("6 registered · 6 attended", text);
        Assert.Contains("Migrants and migrant organisations (stakeholder group): 3 registered, 0 attended.", text);
        var html = await _bot.Http.GetStringAsync(new Uri(OpenLink(turn.Replies[0].Card)).PathAndQuery);
        Assert.Contains("<tr><th scope=\"row\">Anonymous participants (joined from the link without signing in)</th><td class=\"n\">fewer than 3</td></tr>", html);
    }

    [Fact]
    public async Task Report_BeforeAnyAttendance_SaysPlainlyItIsNotRecorded()
    {
        await ScheduleWithSixRegistrantsAsync();

        var (card, html, _) = await ReportAsync(_bot, "consult-a");

        Assert.Equal("not recorded", Facts(card)["Attended"]);
        Assert.Contains("Attended: not recorded (no Teams attendance report was read, and there was no Q&amp;A or speakers&#39; list in the consultation&#39;s meeting chat).", html);
        Assert.DoesNotContain("Attendees who did not register", html);
    }

    [Fact]
    public async Task ForgetMe_RemovesThePersonsAttendanceRows()
    {
        await ScheduleWithSixRegistrantsAsync();
        await EndMeetingAsync();
        await WaitForAttendanceAsync(a => a.State == AttendanceState.Recorded);
        var chat = _bot.PersonalChat(TestUsers.Alice);

        var question = await chat.SayAsync("forget me");
        await RegistrationDriver.PressTitledAsync(chat, question.Reply.Card, "Erase my data");

        var entries = await EntriesAsync();
        Assert.DoesNotContain(entries, e => e.UserStableId == TestUsers.Alice.AadObjectId);
        Assert.Contains(entries, e => e.UserStableId == TestUsers.Bob.AadObjectId && e.Attended);
    }

    [Fact]
    public async Task AttendanceCommand_InFrench_ShowsTheCardInFrench()
    {
        await ScheduleWithSixRegistrantsAsync();
        await EndMeetingAsync();
        await WaitForAttendanceAsync(a => a.State == AttendanceState.Recorded);

        var turn = await _bot.PersonalChat(TestUsers.Organiser).InLocale("fr-FR").SayAsync("attendance 1");

        Assert.Contains("Présence à la consultation 1", turn.Reply.AllText);
        var facts = Facts(turn.Reply.Card);
        Assert.Equal("6", facts["Présents au total"]);
        Assert.Equal("2", facts["Anonymes (venus par le lien)"]);
        Assert.Equal("Récupérer dans Teams maintenant", (string?)CardText.Actions(turn.Reply.Card).Single()["title"]);
    }

    [Fact]
    public async Task AttendanceCommand_InThePseudoLocale_LeavesNothingUntranslated()
    {
        await ScheduleWithSixRegistrantsAsync();
        await EndMeetingAsync();
        await WaitForAttendanceAsync(a => a.State == AttendanceState.Recorded);
        var chat = _bot.PersonalChat(TestUsers.Organiser).InLocale("qps-ploc");

        var picked = await chat.SayAsync("attendance");
        var shown = await chat.SayAsync("attendance 1");
        var pressed = await chat.PressAsync(shown.Reply.Card, AttendanceVerbs.FetchNow);

        var title = (await _bot.ConsultationAsync(1)).Title;
        // The organiser's title is data; the picker's button may shorten it, so its words count as data too.
        string[] data = [title, .. title.Split(" ", StringSplitOptions.RemoveEmptyEntries), "GMT", "Teams", "GcmBot", "attendance"];
        Assert.Empty(Untranslated.In(picked.AllText, data));
        Assert.Empty(Untranslated.In(shown.AllText, data));
        Assert.Empty(Untranslated.In(pressed.AllText, data));
    }

    private async Task ScheduleWithSixRegistrantsAsync()
    {
        await RegisterSixAsync(_bot);
        // Tue 1 Dec 2026, 11:00–12:00 in Bangkok (04:00–05:00 UTC); the bot's clock is at 10:00 there. (Close, so that
        // the fake clock moves little: every periodic timer of the host fires for each period it passes.)
        var turn = await _organiser.SayAsync("schedule a 2026-12-01 11:00 1h");
        Assert.Contains("I am creating its Teams meeting now", turn.AllText);
        var consultation = await _bot.WaitForConsultationAsync(1, c => c.Teams == TeamsState.InTeams && c.OnlineMeetingId is not null);
        Assert.Equal(MeetingId, consultation.OnlineMeetingId);
        await _bot.WaitForInviteesAsync(1, i => i.Count == 6);
    }

    /// <summary>Past the end and the first delay: the first attempt finds no report; Teams then has one; the retry reads it.</summary>
    private async Task EndMeetingAsync()
    {
        _bot.Time!.Advance(TimeSpan.FromMinutes(135));
        await WaitForAttendanceAsync(a => a.LastProblem == AttendanceProblem.NotReady);
        _reportReady = true;
        _bot.Time.Advance(TimeSpan.FromMinutes(31));
    }

    private IDbContextFactory<GcmDbContext> Databases() => _bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>();

    private async Task<List<AttendanceEntry>> EntriesAsync()
    {
        await using var db = await Databases().CreateDbContextAsync();
        return await db.Set<AttendanceEntry>().AsNoTracking().Where(e => e.ConsultationId == 1).ToListAsync();
    }

    private async Task<ConsultationAttendance> WaitForAttendanceAsync(Func<ConsultationAttendance, bool> condition)
    {
        for (var i = 0; i < 1200; i++)
        {
            await using (var db = await Databases().CreateDbContextAsync())
            {
                if (await db.Set<ConsultationAttendance>().AsNoTracking().FirstOrDefaultAsync(a => a.ConsultationId == 1) is { } row && condition(row))
                {
                    return row;
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The attendance of consultation 1 never reached the expected state.");
    }

    private static JsonObject Identity(string id, string name, string tenant) => new()
    {
        ["@odata.type"] = "#microsoft.graph.communicationsUserIdentity",
        ["id"] = id,
        ["displayName"] = name,
        ["tenantId"] = tenant,
    };

    private static JsonObject Record(string? email, JsonObject identity, int seconds) => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["emailAddress"] = email,
        ["role"] = "Attendee",
        ["totalAttendanceInSeconds"] = seconds,
        ["identity"] = identity,
        ["attendanceIntervals"] = new JsonArray(),
    };

    private static string Page(JsonObject[] items) =>
        new JsonObject { ["value"] = new JsonArray(items.Select(i => (JsonNode)i).ToArray()) }.ToJsonString();
}
