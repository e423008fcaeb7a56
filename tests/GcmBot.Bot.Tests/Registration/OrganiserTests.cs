using System.Net;
using System.Text;
using GcmBot.Bot.Registration;
using GcmBot.Cards.Registration;

namespace GcmBot.Bot.Tests.Registration;

public sealed class OrganiserTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("registrations consult-a")]
    [InlineData("approvals consult-a")]
    [InlineData("export registrations consult-a")]
    [InlineData("event add")]
    [InlineData("event edit consult-a")]
    public async Task OrganiserCommand_FromAParticipant_IsRefusedPolitely(string command)
    {
        var turn = await _bot.PersonalChat(TestUsers.Alice).SayAsync(command);

        Assert.Contains("is for the organisers", turn.Reply.Text);
        Assert.False(turn.Reply.HasCard);
    }

    [Fact]
    public async Task DecideButton_FromAParticipant_IsRefused_NothingChanges()
    {
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Bob, RegistrationDriver.ValidAnswers("multi-stakeholder"));
        var registration = Assert.Single(await RegistrationDriver.RegistrationsAsync(_bot));
        var data = new System.Text.Json.Nodes.JsonObject
        {
            ["verb"] = RegistrationVerbs.Decide,
            [RegistrationVerbs.RegistrationKey] = registration.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [RegistrationVerbs.DecisionKey] = RegistrationVerbs.Approve,
            [RegistrationVerbs.ShownStatusKey] = "Pending",
            [RegistrationVerbs.EventKey] = "multi-stakeholder",
        };

        var turn = await _bot.PersonalChat(TestUsers.Bob).SubmitAsync(data);

        Assert.Contains("is for the organisers", turn.Reply.Text);
        Assert.Equal(RegistrationStatus.Pending, Assert.Single(await RegistrationDriver.RegistrationsAsync(_bot)).Status);
    }

    [Fact]
    public async Task Registrations_UnknownEvent_OffersTheChoiceOfEvents()
    {
        var turn = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("registrations nope");

        Assert.Equal(2, turn.Replies.Count);
        Assert.Contains("I know no event **nope**", turn.Replies[0].Text);
        var picker = turn.Replies[1];
        Assert.Contains("Which event?", picker.AllText);
        Assert.Contains("Stakeholder consultation on theme a", picker.AllText);
    }

    [Fact]
    public async Task Registrations_ShowsCountsByStatusAndTheBalanceInWords()
    {
        await RegistrationDriver.SetEventAsync(_bot, "consult-a", capacity: 2);
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice);
        var bob = RegistrationDriver.ValidAnswers();
        bob[RegistrationFormCard.Group] = "trade-unions";
        bob[RegistrationFormCard.Country] = "FJ";
        bob[RegistrationFormCard.Gender] = "man";
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Bob, bob);
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Chen);

        var turn = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("registrations consult-a");

        var text = turn.Reply.AllText;
        Assert.Contains("2 of 2 places confirmed", text);
        Assert.Contains("Trade unions and workers' organisations", text);
        Assert.Contains("1 of 2, 50%", text);
        Assert.DoesNotContain("█", text);
        Assert.Contains("Pacific", text);
        Assert.Contains("1 waitlisted", text);
        Assert.Matches("Under-represented, nobody yet: [^.]*Diaspora organisations, ", text);
        Assert.Contains("Review waitlist and pending", text);
        var statuses = turn.Reply.Card["body"]!.AsArray()[2]!["facts"]!.AsArray().Select(f => $"{f!["value"]} {f["title"]}").ToList();
        Assert.Contains("2 Confirmed", statuses);
        Assert.Contains("1 Waitlisted", statuses);
    }

    [Fact]
    public async Task Approvals_ShowEachCandidatesEffectOnTheBalance_AndConfirmingTellsThePerson()
    {
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice, RegistrationDriver.ValidAnswers("multi-stakeholder"));
        var bob = RegistrationDriver.ValidAnswers("multi-stakeholder");
        bob[RegistrationFormCard.Group] = "trade-unions";
        bob[RegistrationFormCard.Country] = "FJ";
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Bob, bob);
        var organiser = _bot.PersonalChat(TestUsers.Organiser);
        var first = await organiser.SayAsync("approvals multi-stakeholder");
        var confirmAlice = await organiser.PressAsync(first.Reply.Card, RegistrationVerbs.Decide);

        var card = await organiser.SayAsync("approvals multi-stakeholder");

        Assert.Contains("Confirmed. The person is being told in their chat with GcmBot.", confirmAlice.Reply.AllText);
        var text = card.Reply.AllText;
        Assert.Contains("Bob Bautista · Pending approval", text);
        Assert.Contains("Adds an under-represented voice: Trade unions and workers' organisations, Pacific", text);
        Assert.Contains("from 0 (0%) to 1 (50%)", text);
        var aliceChat = _bot.PersonalChat(TestUsers.Alice);
        await _bot.Connector.WaitForAsync(calls => calls.Any(c => c.IsSend && c.ConversationId == aliceChat.Id && c.Activity.AllText.Contains("Your registration is confirmed")));
        var statuses = (await RegistrationDriver.RegistrationsAsync(_bot)).ToDictionary(r => r.UserStableId, r => r.Status);
        Assert.Equal(RegistrationStatus.Confirmed, statuses[TestUsers.Alice.AadObjectId]);
        Assert.Equal(RegistrationStatus.Pending, statuses[TestUsers.Bob.AadObjectId]);
    }

    [Fact]
    public async Task Decline_TellsThePerson_AndASecondPressChangesNothing()
    {
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Bob, RegistrationDriver.ValidAnswers("multi-stakeholder"));
        var organiser = _bot.PersonalChat(TestUsers.Organiser);
        var card = await organiser.SayAsync("approvals multi-stakeholder");
        var decline = CardText.Actions(card.Reply.Card).First(a => a["title"]?.GetValue<string>() == "Decline");
        var data = decline["data"]!.AsObject();

        var first = await organiser.SubmitAsync(data);
        var again = await organiser.SubmitAsync(data);

        Assert.Contains("Declined. The person is being told in their chat with GcmBot.", first.Reply.AllText);
        Assert.Contains("Nothing changed: that registration is now \"Declined\"", again.Reply.AllText);
        var bobChat = _bot.PersonalChat(TestUsers.Bob);
        await _bot.Connector.WaitForAsync(calls => calls.Any(c => c.IsSend && c.ConversationId == bobChat.Id && c.Activity.AllText.Contains("was not confirmed")));
        Assert.Equal(RegistrationStatus.Declined, Assert.Single(await RegistrationDriver.RegistrationsAsync(_bot)).Status);
    }

    [Fact]
    public async Task Decide_WithForgedData_SaysTheCardIsOutOfDate()
    {
        var data = new System.Text.Json.Nodes.JsonObject
        {
            ["verb"] = RegistrationVerbs.Decide,
            [RegistrationVerbs.RegistrationKey] = "-1; drop table",
            [RegistrationVerbs.DecisionKey] = "promote",
            [RegistrationVerbs.ShownStatusKey] = "Pending",
            [RegistrationVerbs.EventKey] = "multi-stakeholder",
        };

        var turn = await _bot.PersonalChat(TestUsers.Organiser).SubmitAsync(data);

        Assert.Contains("this button no longer works", turn.Reply.Text);
    }

    [Fact]
    public async Task Export_GivesAnExpiringLinkToAFormulaSafeUtf8Csv()
    {
        var hostile = RegistrationDriver.ValidAnswers();
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice, hostile);
        var bobChat = _bot.PersonalChat(TestUsers.Bob);
        var form = await bobChat.SayAsync("register");
        var answers = RegistrationDriver.ValidAnswers();
        answers[RegistrationFormCard.Name] = "=cmd|' /C calc'!A0";
        answers[RegistrationFormCard.Organisation] = "Nguyễn, \"Đoàn\" & co";
        await bobChat.PressAsync(form.Reply.Card, RegistrationVerbs.Submit, answers);

        var turn = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("export registrations consult-a");

        var button = Assert.Single(CardText.Actions(turn.Reply.Card));
        Assert.Equal("Action.OpenUrl", button["type"]!.GetValue<string>());
        Assert.Contains("The link works until", turn.Reply.AllText);
        using var response = await _bot.Http.GetAsync(new Uri(button["url"]!.GetValue<string>()).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Event,Status,", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("\"Stakeholder consultation on theme a: Ensuring that migration is voluntary, orderly and regular\",Confirmed,") && l.Contains(",'=cmd|' /C calc'!A0,alice@example.org,\"Nguyễn, \"\"Đoàn\"\" & co\","));
        Assert.Contains(lines, l => l.Contains(",Alice Ahmed,alice@example.org,Migrant Forum Nepal,Civil society organisations,Nepal,South and South-West Asia,Woman,yes,no,a,yes,no,"));
    }

    [Fact]
    public async Task ExportRegistrations_IsInTheOrganisersLanguage()
    {
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice);

        var turn = await _bot.PersonalChat(TestUsers.Organiser).InLocale("fr-FR").SayAsync("export registrations consult-a");

        var button = Assert.Single(CardText.Actions(turn.Reply.Card));
        using var response = await _bot.Http.GetAsync(new Uri(button["url"]!.GetValue<string>()).PathAndQuery);
        var lines = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Événement,Statut,Inscrit ou mis en attente le (UTC),Nom,Courriel,", lines[0]);
        Assert.Contains(",Alice Ahmed,alice@example.org,Migrant Forum Nepal,", lines[1]);
        Assert.Contains(",Confirmée,", lines[1]);
        Assert.Contains(",Népal,", lines[1]);
        Assert.Contains(",oui,non,", lines[1]);
    }

    [Fact]
    public async Task EventAdd_ValidForm_AddsAnOpenEventPeopleCanRegisterFor()
    {
        var organiser = _bot.PersonalChat(TestUsers.Organiser);
        var form = await organiser.SayAsync("event add");

        var saved = await organiser.PressAsync(form.Reply.Card, RegistrationVerbs.SaveEvent, new Dictionary<string, string>
        {
            [EventFormCard.Id] = "side-remittances",
            [EventFormCard.Title] = "Side event: cheaper remittances",
            [EventFormCard.Themes] = "c",
            [EventFormCard.Date] = "2027-02-15",
            [EventFormCard.StartTime] = "15:00",
            [EventFormCard.EndTime] = "16:30",
            [EventFormCard.Capacity] = "40",
        });
        var listed = await _bot.PersonalChat(TestUsers.Alice).SayAsync("events");

        Assert.Contains("Event added", saved.Reply.AllText);
        Assert.Contains("Side event: cheaper remittances", listed.Reply.AllText);
        Assert.Contains("Mon 15 Feb 2027, 15:00–16:30 (GMT+7)", listed.Reply.AllText);
        Assert.Contains("40 of 40 left", listed.Reply.AllText);
    }

    [Fact]
    public async Task EventAdd_InvalidForm_ShowsEachProblemUnderItsField_NothingAdded()
    {
        var organiser = _bot.PersonalChat(TestUsers.Organiser);
        var form = await organiser.SayAsync("event add");

        var turn = await organiser.PressAsync(form.Reply.Card, RegistrationVerbs.SaveEvent, new Dictionary<string, string>
        {
            [EventFormCard.Id] = "consult-a",
            [EventFormCard.Title] = "",
            [EventFormCard.Date] = "2027-02-15",
            [EventFormCard.StartTime] = "15:00",
            [EventFormCard.EndTime] = "14:00",
            [EventFormCard.TimeZone] = "Mars/Olympus",
            [EventFormCard.Capacity] = "-3",
        });

        var text = turn.Reply.AllText;
        Assert.Contains("An event with this short name exists already", text);
        Assert.Contains("Please fill this in.", text);
        Assert.Contains("Use a time zone name such as Asia/Bangkok.", text);
        Assert.Contains("Use a whole number from 1", text);
        var catalogue = (EventCatalogue)_bot.Services.GetService(typeof(EventCatalogue))!;
        Assert.Equal(6, (await catalogue.AllAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task EventEdit_MorePlaces_ConfirmsTheWaitlist()
    {
        await RegistrationDriver.SetEventAsync(_bot, "consult-d", capacity: 1);
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice, RegistrationDriver.ValidAnswers("consult-d"));
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Bob, RegistrationDriver.ValidAnswers("consult-d"));
        var organiser = _bot.PersonalChat(TestUsers.Organiser);
        var form = await organiser.SayAsync("event edit consult-d");
        Assert.Equal("1", CardText.Inputs(form.Reply.Card)[EventFormCard.Capacity]["value"]!.ToString());

        var saved = await organiser.PressAsync(form.Reply.Card, RegistrationVerbs.SaveEvent, new Dictionary<string, string> { [EventFormCard.Capacity] = "5" });

        Assert.Contains("Event saved", saved.Reply.AllText);
        Assert.All(await RegistrationDriver.RegistrationsAsync(_bot, "consult-d"), r => Assert.Equal(RegistrationStatus.Confirmed, r.Status));
        var bobChat = _bot.PersonalChat(TestUsers.Bob);
        await _bot.Connector.WaitForAsync(calls => calls.Any(c => c.IsSend && c.ConversationId == bobChat.Id && c.Activity.AllText.Contains("A place opened up")));
    }

    [Fact]
    public async Task Events_ForAnOrganiser_ShowsOrganiserButtons()
    {
        var turn = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("events");

        Assert.Contains("Add an event", turn.Reply.AllText);
        Assert.Contains("Multi-stakeholder consultation", turn.Reply.AllText);
        Assert.Contains("Edit", turn.Reply.AllText);
        Assert.Contains("registrations multi-stakeholder", turn.Reply.Card.ToJsonString());
    }

    [Fact]
    public async Task Events_MoreThanAPage_ArePaged()
    {
        var catalogue = (EventCatalogue)_bot.Services.GetService(typeof(EventCatalogue))!;
        await catalogue.AddAsync(new EventDraft("side-late", "A side event opening later", EventKind.SideEvent, "", null, null,
            "Asia/Bangkok", "Online", null, new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero), null, ConfirmationMode.Automatic, null), CancellationToken.None);
        var chat = _bot.PersonalChat(TestUsers.Alice);

        var first = await chat.SayAsync("events");
        var second = await chat.SayAsync("events 2");

        // Open events first, then those not open yet, then closed ones (the 2020 briefing).
        Assert.Contains("More events", first.Reply.AllText);
        Assert.Contains("Opens Thu 1 Jan 2099, 07:00 (GMT+7)", first.Reply.AllText);
        Assert.DoesNotContain("Briefing of stakeholders", first.Reply.AllText);
        Assert.Contains("Briefing of stakeholders", second.Reply.AllText);
        Assert.Contains("Wed 26 Aug 2020, 11:00–13:30 (GMT+7)", second.Reply.AllText);
        Assert.Contains("Closed", second.Reply.AllText);
        Assert.DoesNotContain("More events", second.Reply.AllText);
    }
}
