using System.Net;
using System.Text.Json.Nodes;
using GcmBot.Bot.Registration;
using GcmBot.Cards.Registration;

namespace GcmBot.Bot.Tests.Registration;

public sealed class RegisterTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Register_InPersonalChat_ShowsTheFormWithTheTeamsNamePrefilled()
    {
        var turn = await _bot.PersonalChat(TestUsers.Alice).SayAsync("register");

        var inputs = CardText.Inputs(turn.Reply.Card);
        Assert.Equal(TestUsers.Alice.Name, inputs[RegistrationFormCard.Name]["value"]!.GetValue<string>());
        Assert.Contains("What we keep and why", turn.Reply.AllText);
        // Alphabetical by name; the subregion is derived, not asked.
        Assert.Contains("Thailand", turn.Reply.AllText);
        var countries = CardText.Inputs(turn.Reply.Card)[RegistrationFormCard.Country]["choices"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToList();
        Assert.StartsWith("Afghanistan", countries[0]);
        Assert.Equal("Other country or territory", countries[^1]);
        Assert.True(countries.FindIndex(c => c.StartsWith("Hong Kong", StringComparison.Ordinal)) < countries.FindIndex(c => c.StartsWith("India", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task HelpCard_RegisterButton_OpensTheForm()
    {
        var chat = _bot.PersonalChat(TestUsers.Alice);
        var help = await chat.SayAsync("help");

        var form = await chat.PressAsync(help.Reply.Card, "command.run");

        Assert.Contains("Register for the briefing and the consultations", help.Reply.AllText);
        Assert.Contains("Register for the regional review engagement", form.Reply.AllText);
    }

    [Fact]
    public async Task Register_OffersOpenEventsOnly_WithDateToBeConfirmed()
    {
        var turn = await _bot.PersonalChat(TestUsers.Alice).SayAsync("register");

        var events = CardText.Inputs(turn.Reply.Card)[RegistrationFormCard.Events]["choices"]!.AsArray()
            .Select(c => c!["value"]!.GetValue<string>()).ToList();
        Assert.Contains("consult-a", events);
        Assert.Contains("multi-stakeholder", events);
        Assert.DoesNotContain("briefing", events);
        Assert.Contains("Date to be confirmed", turn.Reply.AllText);
    }

    [Fact]
    public async Task Register_InAGroupChat_PointsToThePersonalChat()
    {
        var turn = await _bot.GroupChat().SayAsync("register");

        Assert.Contains("in a personal chat with me", turn.Reply.Text);
    }

    [Fact]
    public async Task Submit_ValidForm_StoresAndConfirmsEachEventWithItsStatus()
    {
        var turn = await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice, RegistrationDriver.ValidAnswers("consult-a,multi-stakeholder"));

        var text = turn.Reply.AllText;
        Assert.Contains("You're registered", text);
        Assert.Contains("Stakeholder consultation on theme a", text);
        Assert.Contains("✓ Confirmed", text);
        Assert.Contains("Pending: the organisers confirm places", text);
        Assert.Contains("Date to be confirmed", text);
        Assert.NotNull(CardText.ActionWithVerb(turn.Reply.Card, "command.run"));
        var profile = await RegistrationDriver.ProfileAsync(_bot, TestUsers.Alice);
        Assert.NotNull(profile);
        Assert.Equal("Alice Ahmed", profile.Name);
        // The themes are those of the events chosen: consultation a (theme a) and the multi-stakeholder one (all four).
        Assert.Equal("abcd", profile.Themes);
        Assert.True(profile.IsMigrant);
        Assert.Equal(RegistrationLimits.ConsentVersion, profile.ConsentVersion);
        var registrations = await RegistrationDriver.RegistrationsAsync(_bot);
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Pending], registrations.OrderBy(r => r.EventId).Select(r => r.Status));
    }

    [Fact]
    public async Task Submit_ForADatedEvent_ShowsItsTimeInThePersonsZoneAndInGmtPlus7()
    {
        var catalogue = _bot.Services.GetService(typeof(EventCatalogue)) as EventCatalogue;
        var start = new DateTimeOffset(2027, 3, 10, 14, 0, 0, TimeSpan.FromHours(7));
        await catalogue!.AddAsync(new EventDraft("side-1", "Side event on remittances", EventKind.SideEvent, "c", start, start.AddHours(2),
            "Asia/Bangkok", "Online", 50, null, null, ConfirmationMode.Automatic, null), CancellationToken.None);

        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice, RegistrationDriver.ValidAnswers("side-1"));

        var turn = await _bot.PersonalChat(TestUsers.Alice).SayAsync("my registrations", timeZone: "Asia/Kolkata");

        Assert.Contains("Wed 10 Mar 2027, 12:30–14:30 (GMT+5:30) · Wed 10 Mar 2027, 14:00–16:00 (GMT+7)", turn.Reply.AllText);
    }

    [Fact]
    public async Task Submit_WithCardActivityId_ReplacesTheFormInPlace()
    {
        var chat = _bot.PersonalChat(TestUsers.Alice);
        var form = await chat.SayAsync("register");

        var turn = await chat.PressAsync(form.Reply.Card, RegistrationVerbs.Submit, RegistrationDriver.ValidAnswers(), cardActivityId: "activity-form");

        Assert.Empty(turn.Replies);
        Assert.Contains("You're registered", Assert.Single(turn.Updates).AllText);
    }

    [Theory]
    [InlineData(RegistrationFormCard.Name, "", "Please fill this in.")]
    [InlineData(RegistrationFormCard.Name, "Bad\u0007Name", "characters I cannot store")]
    [InlineData(RegistrationFormCard.Email, "not-an-address", "does not look like an e-mail address")]
    [InlineData(RegistrationFormCard.Email, "", "Please fill this in.")]
    [InlineData(RegistrationFormCard.Organisation, "OVERSIZED", "Please keep this under 150 characters")]
    [InlineData(RegistrationFormCard.Group, "", "Choose the stakeholder group")]
    [InlineData(RegistrationFormCard.Group, "lobbyists", "not one of the choices")]
    [InlineData(RegistrationFormCard.Country, "XX", "not one of the choices")]
    [InlineData(RegistrationFormCard.Gender, "robot", "not one of the choices")]
    [InlineData(RegistrationFormCard.MigrantVoice, "migrant,alien", "not one of the choices")]
    [InlineData(RegistrationFormCard.Language, "klingon", "not one of the choices")]
    [InlineData(RegistrationFormCard.Contribution, "dance", "not one of the choices")]
    [InlineData(RegistrationFormCard.Needs, "OVERSIZED", "Please keep this under 500 characters")]
    [InlineData(RegistrationFormCard.Events, "", "Choose at least one event")]
    [InlineData(RegistrationFormCard.Events, "no-such-event", "not offered any more")]
    [InlineData(RegistrationFormCard.Events, "briefing", "has closed")]
    [InlineData(RegistrationFormCard.Consent, "false", "Please agree")]
    public async Task Submit_InvalidAnswer_ReshowsTheFormWithTheProblemUnderItsField_AnswersKept_NothingStored(string field, string value, string problem)
    {
        var answers = RegistrationDriver.ValidAnswers();
        answers[field] = value == "OVERSIZED" ? new string('x', 600) : value;

        var turn = await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice, answers);

        var body = turn.Reply.Card["body"]!.AsArray();
        var index = body.ToList().FindIndex(e => e?["id"]?.GetValue<string>() == field);
        Assert.True(index >= 0, $"The form has no input {field}.");
        var under = body[index + 1]!;
        Assert.Equal("attention", under["color"]?.GetValue<string>());
        Assert.Contains(problem, under["text"]!.GetValue<string>());
        Assert.Contains("One answer needs another look", turn.Reply.AllText);
        var inputs = CardText.Inputs(turn.Reply.Card);
        Assert.Equal("alice@example.org", field == RegistrationFormCard.Email ? "alice@example.org" : inputs[RegistrationFormCard.Email]["value"]!.GetValue<string>());
        Assert.Equal("Migrant Forum Nepal", field == RegistrationFormCard.Organisation ? "Migrant Forum Nepal" : inputs[RegistrationFormCard.Organisation]["value"]!.GetValue<string>());
        Assert.Null(await RegistrationDriver.ProfileAsync(_bot, TestUsers.Alice));
        Assert.Empty(await RegistrationDriver.RegistrationsAsync(_bot));
    }

    [Fact]
    public async Task Submit_FieldThatNoCardSends_IsRefusedKindly_NothingStored()
    {
        var data = new JsonObject { ["verb"] = RegistrationVerbs.Submit, [RegistrationFormCard.Name] = new JsonArray("x", "y") };

        var turn = await _bot.PersonalChat(TestUsers.Alice).SubmitAsync(data);

        Assert.Equal("Sorry, I could not read that form, so nothing was saved. Type **register** to open a fresh one.", turn.Reply.Text);
        Assert.Empty(await RegistrationDriver.RegistrationsAsync(_bot));
    }

    [Fact]
    public async Task Submit_FromAGroupChat_IsRefused_NothingStored()
    {
        var data = new JsonObject { ["verb"] = RegistrationVerbs.Submit };
        foreach (var (key, value) in RegistrationDriver.ValidAnswers())
        {
            data[key] = value;
        }

        data[RegistrationFormCard.Name] = "Alice";
        var turn = await _bot.GroupChat().SubmitAsync(data);

        Assert.Contains("personal chat", turn.Reply.Text);
        Assert.Empty(await RegistrationDriver.RegistrationsAsync(_bot));
    }

    [Fact]
    public async Task SameSubmission_SentConcurrently_CreatesOneRegistrationPerEvent()
    {
        var chat = _bot.PersonalChat(TestUsers.Alice);
        var form = await chat.SayAsync("register");

        // Double clicks and Teams re-deliveries: the same card data in activities with new ids, at the same moment.
        var turns = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            chat.PressAsync(form.Reply.Card, RegistrationVerbs.Submit, RegistrationDriver.ValidAnswers("consult-a,consult-b"))));

        Assert.All(turns, t => Assert.Equal(HttpStatusCode.OK, t.Status));
        Assert.Equal(6, _bot.Connector.CallsTo(chat.Id).Count(c => c.IsSend && c.Activity.AllText.Contains("✓ Confirmed")));
        var registrations = await RegistrationDriver.RegistrationsAsync(_bot);
        Assert.Equal(["consult-a", "consult-b"], registrations.Select(r => r.EventId).Order());
        Assert.All(registrations, r => Assert.Equal(RegistrationStatus.Confirmed, r.Status));
    }

    [Fact]
    public async Task SameSubmission_Twice_KeepsTheFirstRegistrationUnchanged()
    {
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice);
        var first = Assert.Single(await RegistrationDriver.RegistrationsAsync(_bot));

        var again = await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice);

        Assert.Contains("Your registration is updated", again.Reply.AllText);
        var second = Assert.Single(await RegistrationDriver.RegistrationsAsync(_bot));
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Version, second.Version);
        Assert.Equal(first.QueuedAt, second.QueuedAt);
    }

    [Fact]
    public async Task RegisterAgain_PrefillsTheAnswers_AndUpdatesTheSameRecord()
    {
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice);
        var chat = _bot.PersonalChat(TestUsers.Alice);
        var form = await chat.SayAsync("register");
        var inputs = CardText.Inputs(form.Reply.Card);
        Assert.Equal("Migrant Forum Nepal", inputs[RegistrationFormCard.Organisation]["value"]!.GetValue<string>());
        Assert.Equal("consult-a", inputs[RegistrationFormCard.Events]["value"]!.GetValue<string>());
        Assert.Contains("Save changes", form.Reply.AllText);

        var turn = await chat.PressAsync(form.Reply.Card, RegistrationVerbs.Submit, new Dictionary<string, string>
        {
            [RegistrationFormCard.Organisation] = "Asia Pacific Migration Network",
            [RegistrationFormCard.Events] = "consult-a,consult-d",
        });

        Assert.Contains("Your registration is updated", turn.Reply.AllText);
        var profile = await RegistrationDriver.ProfileAsync(_bot, TestUsers.Alice);
        Assert.Equal("Asia Pacific Migration Network", profile!.Organisation);
        var registrations = await RegistrationDriver.RegistrationsAsync(_bot);
        Assert.Equal(["consult-a", "consult-d"], registrations.Select(r => r.EventId).Order());
    }

    [Fact]
    public async Task Change_UntickingAnEvent_CancelsThatRegistration()
    {
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice, RegistrationDriver.ValidAnswers("consult-a,consult-b"));
        var chat = _bot.PersonalChat(TestUsers.Alice);
        var form = await chat.SayAsync("register");

        await chat.PressAsync(form.Reply.Card, RegistrationVerbs.Submit, new Dictionary<string, string> { [RegistrationFormCard.Events] = "consult-b" });

        var registrations = await RegistrationDriver.RegistrationsAsync(_bot);
        Assert.Equal(RegistrationStatus.Cancelled, registrations.Single(r => r.EventId == "consult-a").Status);
        Assert.Equal(RegistrationStatus.Confirmed, registrations.Single(r => r.EventId == "consult-b").Status);
    }

    [Fact]
    public async Task MyRegistrations_ListsEachEventWithStatusAndCancelButtons()
    {
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice, RegistrationDriver.ValidAnswers("consult-a,consult-c"));

        var turn = await _bot.PersonalChat(TestUsers.Alice).SayAsync("my registrations");

        var text = turn.Reply.AllText;
        Assert.Contains("Your registrations", text);
        Assert.Contains("theme a", text);
        Assert.Contains("theme c", text);
        Assert.Contains("Cancel this registration", text);
        Assert.Contains("Cancel all", text);
        Assert.Contains("Change my registration", text);
    }

    [Fact]
    public async Task Registrations_SurviveARestart()
    {
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice);

        await _bot.RestartAsync();
        var turn = await _bot.PersonalChat(TestUsers.Alice).SayAsync("my registrations");

        Assert.Contains("✓ Confirmed", turn.Reply.AllText);
        Assert.Contains("Alice Ahmed", turn.Reply.AllText);
    }

    [Fact]
    public async Task Events_ListsTheSeededCatalogue_WithRegistrationState()
    {
        var turn = await _bot.PersonalChat(TestUsers.Alice).SayAsync("events");

        var text = turn.Reply.AllText;
        Assert.Contains("Stakeholder consultation on theme b", text);
        Assert.Contains("Open; places are confirmed by the organisers", text);
        Assert.Contains("100 of 100 left", text);
        Assert.DoesNotContain("Add an event", text);
    }
}
