using System.Net;
using System.Text;
using GcmBot.Bot.Participants;
using GcmBot.Bot.Scheduling;
using GcmBot.Cards.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Scheduling;

/// <summary>Scheduling without Graph configuration (the embedded default): recorded, .ics offered, registrants told.</summary>
public sealed class SchedulingOfflineTests : IAsyncLifetime
{
    private readonly TestRegistrants _registrants = new TestRegistrants()
        .Add(TestUsers.Alice, "bc")
        .Add(TestUsers.Chen, "a");

    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync(o => o.Use(_registrants));

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Schedule_ThemeB_RecordsItAndSaysPlainlyNoTeamsMeetingWasCreated()
    {
        var turn = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("schedule b 2026-12-12 14:00 2h", timeZone: "Asia/Kathmandu");

        var text = turn.Reply.AllText;
        Assert.Contains("Consultation 1 is recorded. No Teams meeting was created.", text);
        // Plain words for the secretariat: what is missing and who can set it up, no configuration keys.
        Assert.Contains("Teams meetings are not set up yet, so I record consultations without a Teams meeting. Your Microsoft 365 administrator can set this up", text);
        Assert.DoesNotContain("Graph:", text);
        Assert.Contains("Sat 12 Dec 2026, 12:45–14:45 (GMT+5:45) · Sat 12 Dec 2026, 14:00–16:00 (GMT+7)", text);
        Assert.Contains("Protecting migrants through rights-based border governance measures", text);
        Assert.Contains("1 (registrants of theme b)", text);
        var consultation = Assert.Single(await _bot.ConsultationsAsync());
        Assert.Equal(TeamsState.Offline, consultation.Teams);
        Assert.Equal(new DateTimeOffset(2026, 12, 12, 7, 0, 0, TimeSpan.Zero), consultation.Start);
        Assert.Equal(TimeSpan.FromHours(2), consultation.End - consultation.Start);
        Assert.Null(consultation.EventId);
    }

    [Fact]
    public async Task Schedule_Offline_OffersAnIcsFileThatFollowsRfc5545()
    {
        var turn = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("schedule b 12 Dec 2026 2pm 90m Border governance, rights; first");

        var link = CardText.Actions(turn.Reply.Card).Single(a => (string?)a["title"] == "Calendar file (.ics)")["url"]!.GetValue<string>();
        using var download = await _bot.Http.GetAsync(new Uri(link).PathAndQuery);
        var ics = Encoding.UTF8.GetString(await download.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/calendar", download.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ics);
        Assert.EndsWith("END:VEVENT\r\nEND:VCALENDAR\r\n", ics);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", string.Empty, StringComparison.Ordinal));
        Assert.Contains("\r\nDTSTART:20261212T070000Z\r\n", ics);
        Assert.Contains("\r\nDTEND:20261212T083000Z\r\n", ics);
        Assert.Contains("\r\nSUMMARY:Border governance\\, rights\\; first\r\n", ics);
        Assert.Contains("ATTENDEE;CN=\"Alice Ahmed\";ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:alice@example.org", ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal));
        Assert.All(ics.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
    }

    [Fact]
    public async Task Schedule_Offline_TellsInvitedRegistrantsInTheirOwnZone()
    {
        var alice = _bot.PersonalChat(TestUsers.Alice);
        await alice.SayAsync("help", timeZone: "Asia/Manila");
        var chen = _bot.PersonalChat(TestUsers.Chen);
        await chen.SayAsync("help");

        await _bot.PersonalChat(TestUsers.Organiser).SayAsync("schedule b 2026-12-12 14:00");

        await _bot.WaitForSendAsync(alice, "You are invited to a consultation");
        var notice = _bot.SentTo(alice).Last();
        Assert.Contains("Sat 12 Dec 2026, 15:00–17:00 (GMT+8) · Sat 12 Dec 2026, 14:00–16:00 (GMT+7)", notice.AllText);
        Assert.Contains("The organisers will send the joining details.", notice.AllText);
        Assert.DoesNotContain(_bot.SentTo(chen), s => s.AllText.Contains("invited", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Schedule_ByNonOrganiser_IsRefusedAndRecordsNothing()
    {
        var turn = await _bot.PersonalChat(TestUsers.Alice).SayAsync("schedule b 2026-12-12 14:00");

        Assert.Contains("is for the organisers", turn.Reply.Text);
        Assert.Empty(await _bot.ConsultationsAsync());
    }

    [Theory]
    [InlineData("schedule b 03/04 14:00", "ambiguous")]
    [InlineData("schedule b 04/03/2026 14:00", "ambiguous")]
    [InlineData("schedule b 2026-02-30 14:00", "not a date that exists")]
    [InlineData("schedule b 2026-12-12 25:00", "could not read “25:00” as a time")]
    [InlineData("schedule b 2026-12-12 14", "could not read “14” as a time")]
    [InlineData("schedule e 2026-12-12 14:00", "Which roundtable theme?")]
    [InlineData("schedule b 2026-11-20 14:00", "has already passed")]
    [InlineData("schedule b 2026-11-27 16:30", "has already passed")]
    [InlineData("schedule b 2031-01-01 14:00", "years ahead")]
    [InlineData("schedule b 2026-12-12 14:00 10h", "between 15 minutes and 8 hours")]
    [InlineData("schedule b 2026-12-12 14:00 Mars/Olympus", "do not know the time zone")]
    public async Task Schedule_BadDateOrTime_IsRejectedClearlyAndChangesNothing(string command, string expected)
    {
        var turn = await _bot.PersonalChat(TestUsers.Organiser).SayAsync(command);

        Assert.Contains(expected, turn.Reply.Text);
        Assert.Contains("Nothing was scheduled", turn.Reply.Text);
        Assert.Empty(await _bot.ConsultationsAsync());
    }

    [Fact]
    public async Task Schedule_SameThemeAndTimeTwice_KeepsOne()
    {
        var organiser = _bot.PersonalChat(TestUsers.Organiser);
        await organiser.SayAsync("schedule b 2026-12-12 14:00");

        var second = await organiser.SayAsync("schedule b 2026-12-12 14:00 Another title");

        Assert.Contains("already scheduled at that time", second.Reply.Text);
        Assert.Single(await _bot.ConsultationsAsync());
    }

    [Fact]
    public async Task Reschedule_Offline_MovesItAndTellsTheInviteesTheNewTime()
    {
        var alice = _bot.PersonalChat(TestUsers.Alice);
        await alice.SayAsync("help");
        var organiser = _bot.PersonalChat(TestUsers.Organiser);
        await organiser.SayAsync("schedule b 2026-12-12 14:00");
        await _bot.WaitForSendAsync(alice, "You are invited");

        var turn = await organiser.SayAsync("reschedule 1 2026-12-14 10:00 90m");

        Assert.Contains("Consultation 1 is moved.", turn.Reply.AllText);
        Assert.Contains("Mon 14 Dec 2026, 10:00–11:30 (GMT+7)", turn.Reply.AllText);
        await _bot.WaitForSendAsync(alice, "has a new time");
        Assert.Contains("Mon 14 Dec 2026, 10:00–11:30 (GMT+7)", _bot.SentTo(alice).Last().AllText);
        Assert.Equal(new DateTimeOffset(2026, 12, 14, 3, 0, 0, TimeSpan.Zero), (await _bot.ConsultationAsync(1)).Start);
    }

    [Theory]
    [InlineData("reschedule 7 2026-12-14 10:00", "There is no consultation 7")]
    [InlineData("reschedule one 2026-12-14 10:00", "Which consultation?")]
    [InlineData("reschedule 1 14/12 10:00", "ambiguous")]
    [InlineData("reschedule 1 2026-11-01 10:00", "has already passed")]
    [InlineData("reschedule 1 2026-12-12 14:00", "already at that time")]
    public async Task Reschedule_BadInput_IsRejectedAndChangesNothing(string command, string expected)
    {
        var organiser = _bot.PersonalChat(TestUsers.Organiser);
        await organiser.SayAsync("schedule b 2026-12-12 14:00");
        var before = await _bot.ConsultationAsync(1);

        var turn = await organiser.SayAsync(command);

        Assert.Contains(expected, turn.Reply.Text);
        var after = await _bot.ConsultationAsync(1);
        Assert.Equal(before.Start, after.Start);
        Assert.Equal(before.Revision, after.Revision);
    }

    [Fact]
    public async Task Cancel_Offline_CancelsAndTellsTheInvitees()
    {
        var alice = _bot.PersonalChat(TestUsers.Alice);
        await alice.SayAsync("help");
        var organiser = _bot.PersonalChat(TestUsers.Organiser);
        await organiser.SayAsync("schedule b 2026-12-12 14:00");
        await _bot.WaitForSendAsync(alice, "You are invited");

        var turn = await organiser.SayAsync("cancel consultation 1");
        var again = await organiser.SayAsync("cancel consultation 1");

        Assert.Contains("Consultation 1 is cancelled.", turn.Reply.AllText);
        Assert.Contains("already cancelled", again.Reply.Text);
        await _bot.WaitForSendAsync(alice, "is cancelled");
        Assert.Equal(ConsultationStatus.Cancelled, (await _bot.ConsultationAsync(1)).Status);
    }

    [Fact]
    public async Task ScheduleForm_PressedTwice_SchedulesOnce()
    {
        var organiser = _bot.PersonalChat(TestUsers.Organiser);
        var form = await organiser.SayAsync("schedule");
        var inputs = new Dictionary<string, string>
        {
            [SchedulingVerbs.ThemeKey] = "c",
            [SchedulingVerbs.DateKey] = "2026-12-15",
            [SchedulingVerbs.TimeKey] = "09:30",
            [SchedulingVerbs.DurationKey] = "90",
            [SchedulingVerbs.ZoneKey] = "Asia/Kathmandu",
            [SchedulingVerbs.TitleKey] = "Integration <and> contribution",
            [SchedulingVerbs.InviteKey] = SchedulingVerbs.InviteAll,
            [SchedulingVerbs.ConceptNoteKey] = "https://example.org/concept-note-c.pdf",
        };

        var first = await organiser.PressAsync(form.Reply.Card, SchedulingVerbs.Create, inputs);
        var second = await organiser.PressAsync(form.Reply.Card, SchedulingVerbs.Create, inputs);

        Assert.Contains("Consultation 1: Integration <and> contribution", CardText.Of(first.InvokeCard));
        Assert.Contains("Consultation 1 was already scheduled from this form.", CardText.Of(second.InvokeCard));
        var consultation = Assert.Single(await _bot.ConsultationsAsync());
        Assert.Equal(InviteScope.All, consultation.Invite);
        Assert.Equal("Asia/Kathmandu", consultation.TimeZoneId);
        Assert.Equal(new DateTimeOffset(2026, 12, 15, 3, 45, 0, TimeSpan.Zero), consultation.Start);
        Assert.Equal("https://example.org/concept-note-c.pdf", consultation.ConceptNoteUrl);
        // The notice is queued just before the invitee rows are written: wait for the rows rather than race them.
        await _bot.WaitForInviteesAsync(1, invitees => invitees.Count == 2);
    }

    [Theory]
    [InlineData(SchedulingVerbs.ConceptNoteKey, "http://example.org/note", "must be a full address starting with https://")]
    [InlineData(SchedulingVerbs.ThemeKey, "z", "Which roundtable theme?")]
    [InlineData(SchedulingVerbs.DateKey, "12/15/2026", "ambiguous")]
    [InlineData(SchedulingVerbs.TimeKey, "9.30", "could not read")]
    [InlineData(SchedulingVerbs.DurationKey, "5000", "between 15 minutes and 8 hours")]
    [InlineData(SchedulingVerbs.ZoneKey, "Europe/Nowhere", "Choose a time zone")]
    [InlineData(SchedulingVerbs.InviteKey, "everyone", "Choose who to invite")]
    public async Task ScheduleForm_UntrustedField_IsRefusedWithTheFormKept(string field, string value, string expected)
    {
        var organiser = _bot.PersonalChat(TestUsers.Organiser);
        var form = await organiser.SayAsync("schedule");
        var inputs = new Dictionary<string, string>
        {
            [SchedulingVerbs.ThemeKey] = "b",
            [SchedulingVerbs.DateKey] = "2026-12-15",
            [SchedulingVerbs.TimeKey] = "09:30",
            [field] = value,
        };

        var turn = await organiser.PressAsync(form.Reply.Card, SchedulingVerbs.Create, inputs);

        var text = string.Join("\n", CardText.Of(turn.InvokeCard));
        Assert.Contains(expected, text);
        Assert.Contains("Nothing was scheduled yet.", text);
        Assert.NotNull(CardText.ActionWithVerb(turn.InvokeCard, SchedulingVerbs.Create));
        Assert.Empty(await _bot.ConsultationsAsync());
    }

    [Fact]
    public async Task ScheduleForm_ByNonOrganiser_IsRefused()
    {
        var form = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("schedule");

        var turn = await _bot.PersonalChat(TestUsers.Alice).PressAsync(form.Reply.Card, SchedulingVerbs.Create,
            new Dictionary<string, string> { [SchedulingVerbs.ThemeKey] = "b", [SchedulingVerbs.DateKey] = "2026-12-15", [SchedulingVerbs.TimeKey] = "09:30" });

        Assert.Contains("is for the organisers", turn.InvokeMessage);
        Assert.Empty(await _bot.ConsultationsAsync());
    }

    [Fact]
    public async Task OrganiserCard_RescheduleAndCancelButtons_Work()
    {
        var organiser = _bot.PersonalChat(TestUsers.Organiser);
        var scheduled = await organiser.SayAsync("schedule b 2026-12-12 14:00");

        var moved = await organiser.PressAsync(scheduled.Reply.Card, SchedulingVerbs.Reschedule,
            new Dictionary<string, string> { [SchedulingVerbs.DateKey] = "2026-12-13", [SchedulingVerbs.TimeKey] = "15:00", [SchedulingVerbs.DurationKey] = "60" });
        var cancelled = await organiser.PressAsync(moved.InvokeCard!, SchedulingVerbs.Cancel);

        Assert.Contains("Sun 13 Dec 2026, 15:00–16:00 (GMT+7)", CardText.Of(moved.InvokeCard));
        Assert.Contains("Consultation 1 is cancelled.", CardText.Of(cancelled.InvokeCard));
        Assert.Equal(ConsultationStatus.Cancelled, (await _bot.ConsultationAsync(1)).Status);
    }

    [Fact]
    public async Task LateRegistrant_IsInvitedWhenRegistrationSaysRegistrantsChanged()
    {
        var bob = _bot.PersonalChat(TestUsers.Bob);
        await bob.SayAsync("help", timeZone: "Asia/Dhaka");
        await _bot.PersonalChat(TestUsers.Organiser).SayAsync("schedule b 2026-12-12 14:00");

        _registrants.Add(TestUsers.Bob, "b");
        foreach (var listener in _bot.Services.GetServices<IRegistrantsChangedListener>())
        {
            listener.OnRegistrantsChanged();
        }

        await _bot.WaitForSendAsync(bob, "You are invited to a consultation");
        Assert.Contains("13:00–15:00 (GMT+6)", _bot.SentTo(bob).Last().AllText);
        // The notice is queued just before the invitee rows are written: wait for the rows rather than race them.
        await _bot.WaitForInviteesAsync(1, invitees => invitees.Count == 2);
    }

    [Fact]
    public async Task Consultations_ListsThemAndOpensOne()
    {
        var organiser = _bot.PersonalChat(TestUsers.Organiser);
        await organiser.SayAsync("schedule b 2026-12-12 14:00");
        await organiser.SayAsync("schedule a 2026-12-10 10:00");

        var list = await organiser.SayAsync("consultations");
        var opened = await organiser.PressAsync(list.Reply.Card, SchedulingVerbs.Show);

        var text = list.Reply.AllText;
        Assert.True(text.IndexOf("2. Stakeholder consultation (a)", StringComparison.Ordinal) < text.IndexOf("1. Stakeholder consultation (b)", StringComparison.Ordinal));
        Assert.Contains("Consultation 2:", string.Join("\n", CardText.Of(opened.InvokeCard)));
    }

    [Fact]
    public async Task ForgetMe_RemovesThePersonFromInvitees()
    {
        await _bot.PersonalChat(TestUsers.Organiser).SayAsync("schedule b 2026-12-12 14:00");
        await _bot.WaitForInviteesAsync(1, invitees => invitees.Count == 1);
        using var scope = _bot.Services.CreateScope();

        // Registration forgets the person too, and tells Scheduling: the worker must not invite her again.
        _registrants.Remove(TestUsers.Alice);
        foreach (var eraser in scope.ServiceProvider.GetServices<IPersonalDataEraser>())
        {
            await eraser.EraseAsync(TestUsers.Alice.AadObjectId, CancellationToken.None);
        }

        Assert.Empty(await _bot.InviteesAsync(1));
    }
}
