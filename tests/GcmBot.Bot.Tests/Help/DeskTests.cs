using GcmBot.Bot.Registration;
using GcmBot.Bot.Tests.Registration;
using GcmBot.Cards.Registration;

namespace GcmBot.Bot.Tests.Help;

/// <summary>The home cards, greetings, pickers instead of ids, and times in the person's zone with GMT+7.</summary>
public sealed class DeskTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Help_Organiser_ShowsTheEngagementAtAGlanceAndAButtonPerTask()
    {
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice, RegistrationDriver.ValidAnswers("multi-stakeholder"));

        var turn = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("help");

        var text = turn.Reply.AllText;
        Assert.Contains("The engagement at a glance", text);
        Assert.Contains("1 registration to decide", text);
        Assert.Contains("Multi-stakeholder consultation", text);
        Assert.Contains("1 registered", text);
        var commands = CardText.Actions(turn.Reply.Card)
            .Select(a => a["data"]?["command"]?.GetValue<string>())
            .OfType<string>()
            .ToList();
        Assert.Contains("approvals multi-stakeholder", commands);
        foreach (var task in new[] { "events", "registrations", "approvals", "export registrations", "event add", "schedule", "consultations", "review submissions", "report", "directory" })
        {
            Assert.Contains(task, commands);
        }
    }

    [Fact]
    public async Task Help_Participant_ShowsTheirTasks_ForgetMeLast()
    {
        var turn = await _bot.PersonalChat(TestUsers.Alice).SayAsync("help");

        var titles = CardText.Actions(turn.Reply.Card).Select(a => a["title"]?.GetValue<string>()).OfType<string>().ToList();
        Assert.Equal("Register", titles[0]);
        Assert.Equal("Forget me", titles[^1]);
        Assert.DoesNotContain("Registrations and balance", titles);
        Assert.Contains("What would you like to do?", turn.Reply.AllText);
    }

    [Theory]
    [InlineData("hi")]
    [InlineData("Hello!")]
    [InlineData("bonjour")]
    [InlineData("привет")]
    [InlineData("你好")]
    public async Task Greeting_IsAnsweredWithTheHomeCard(string greeting)
    {
        var turn = await _bot.PersonalChat(TestUsers.Alice).SayAsync(greeting);

        Assert.Contains("What would you like to do?", turn.Reply.AllText);
        Assert.DoesNotContain("don't know that command", turn.Reply.AllText);
    }

    [Theory]
    [InlineData("fr-FR", "Aide", "Que souhaitez-vous faire ?")]
    [InlineData("fr-FR", "à l'aide !", "Que souhaitez-vous faire ?")]
    [InlineData("ru-RU", "помощь", "Что вы хотите сделать?")]
    [InlineData("zh-CN", "帮助", "您想做什么？")]
    public async Task TheWordForHelp_InTheirLanguage_ShowsTheHomeCard(string locale, string words, string prompt)
    {
        var turn = await _bot.PersonalChat(TestUsers.Alice).InLocale(locale).SayAsync(words);

        Assert.Contains(prompt, turn.Reply.AllText);
        Assert.Single(turn.Replies);
    }

    [Theory]
    [InlineData("organiser")]
    [InlineData("participant")]
    public async Task HomeCard_InFrench_NamesEveryTaskInFrench(string who)
    {
        var user = who == "organiser" ? TestUsers.Organiser : TestUsers.Alice;

        var turn = await _bot.PersonalChat(user).InLocale("fr-FR").SayAsync("aide");

        var tasks = CardText.Actions(turn.Reply.Card)
            .Where(a => a["data"]?["command"] is not null)
            .Select(a => (Command: a["data"]!["command"]!.GetValue<string>(), Title: a["title"]!.GetValue<string>()))
            .ToList();
        Assert.True(tasks.Count >= 8);
        // A task without its own words would show its English command ("Attendance", "Draft summary").
        var french = GcmBot.Cards.Words.TextResources.For<GcmBot.Cards.Help.HelpCardTexts>(System.Globalization.CultureInfo.GetCultureInfo("fr"));
        var fellBack = tasks.Where(t => french.Find($"Task.{t.Command}") is null && t.Title == char.ToUpperInvariant(t.Command[0]) + t.Command[1..]);
        Assert.Empty(fellBack);
    }

    [Fact]
    public async Task Thanks_IsAnsweredKindly_InTheirLanguage()
    {
        var turn = await _bot.PersonalChat(TestUsers.Alice).InLocale("fr-FR").SayAsync("merci !");

        Assert.Contains("Avec plaisir.", turn.Reply.AllText);
        Assert.Contains("Que souhaitez-vous faire ?", turn.Reply.AllText);
    }

    [Theory]
    [InlineData("registrations")]
    [InlineData("approvals")]
    [InlineData("export registrations")]
    [InlineData("event edit")]
    [InlineData("report")]
    public async Task CommandWithoutItsEvent_OffersTheChoice_AndAChoiceRunsIt(string command)
    {
        var organiser = _bot.PersonalChat(TestUsers.Organiser);

        var picker = await organiser.SayAsync(command);

        Assert.Contains("Stakeholder consultation on theme a", picker.Reply.AllText);
        Assert.DoesNotContain("consult-a", picker.Reply.AllText);
        var choice = CardText.Actions(picker.Reply.Card).First(a => a["data"]?["command"]?.GetValue<string>() == $"{command} consult-a");
        var ran = await organiser.SubmitAsync(choice["data"]!.AsObject());
        Assert.NotEmpty(ran.Replies);
        Assert.DoesNotContain("Choose an event", ran.Replies[0].AllText);
    }

    [Fact]
    public async Task CancelConsultationWithoutNumber_OffersTheChoice()
    {
        var turn = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("cancel consultation");

        Assert.Contains("Cancel a consultation", turn.Reply.AllText);
        Assert.Contains("There are no current consultations.", turn.Reply.AllText);
    }

    [Fact]
    public async Task PickerList_ContinueRunsTheCommandWithTheChoice()
    {
        var organiser = _bot.PersonalChat(TestUsers.Organiser);
        var submit = new System.Text.Json.Nodes.JsonObject
        {
            ["verb"] = "command.run",
            ["command"] = "registrations",
            ["pick"] = "consult-b",
        };

        var turn = await organiser.SubmitAsync(submit);

        Assert.Contains("Registrations: Stakeholder consultation on theme b", turn.Reply.AllText);
    }

    [Fact]
    public async Task ExportLink_ExpiryIsInThePersonsZoneAndGmt7()
    {
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice);

        var turn = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("export registrations consult-a", timeZone: "Europe/London");

        var text = turn.Reply.AllText;
        // A time alone when the link expires on the day it is read in that zone, with the date when not (near
        // midnight in Bangkok): either way both zones are named.
        Assert.Matches(@"The link works until [^·]*\d\d:\d\d \((UTC|GMT\+1)\) · [^·]*\d\d:\d\d \(GMT\+7\)\.", text);
    }

    [Fact]
    public async Task ExportLink_InBangkok_ShowsOneTime()
    {
        var turn = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("export registrations consult-a", timeZone: "Asia/Bangkok");

        Assert.Matches(@"The link works until [^·]*\d\d:\d\d \(GMT\+7\)\.", turn.Reply.AllText);
        Assert.DoesNotContain(" · ", turn.Reply.AllText.Split("The link works until")[1].Split('.')[0]);
    }

    [Fact]
    public async Task Register_ConsultationRegistration_TakesTheConsultationsTheme()
    {
        var answers = RegistrationDriver.ValidAnswers("consult-b");
        answers.Remove(RegistrationFormCard.Themes);

        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice, answers);
        var balance = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("registrations consult-b");

        Assert.Equal("b", (await RegistrationDriver.ProfileAsync(_bot, TestUsers.Alice))!.Themes);
        Assert.Contains("Theme b", balance.Reply.AllText);
        Assert.Contains("1 of 1, 100%", balance.Reply.AllText);
    }

    [Fact]
    public async Task ForgetMe_SaysSubmissionsAreWithdrawnAndTheDirectoryEntryDeleted()
    {
        var turn = await _bot.PersonalChat(TestUsers.Alice).SayAsync("forget me");

        Assert.Contains("those already published are taken off the public page", turn.Reply.AllText);
        Assert.Contains("Your entry in the stakeholder directory is deleted", turn.Reply.AllText);
    }
}
