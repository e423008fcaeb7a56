using GcmBot.Cards.Registration;

namespace GcmBot.Bot.Tests.Registration;

/// <summary>Registration in French and Chinese, a proactive notice in the recipient's language, and the pseudo-locale run.</summary>
public sealed class RegistrationLanguageTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("fr-FR", "Vous êtes inscrit", "En attente : les organisateurs confirment", "Votre inscription est confirmée")]
    [InlineData("zh-CN", "您已报名", "待定：此活动的名额由组织者确认", "您的报名已确认")]
    public async Task Register_InTheirLanguage_ConfirmationAndTheOrganisersApprovalArriveInIt(string locale, string registered, string pending, string approved)
    {
        var chat = _bot.PersonalChat(TestUsers.Alice).InLocale(locale);
        var form = await chat.SayAsync("register");
        var confirmation = await chat.PressAsync(form.Reply.Card, RegistrationVerbs.Submit, RegistrationDriver.ValidAnswers("multi-stakeholder"));

        Assert.Contains(registered, confirmation.Reply.AllText);
        Assert.Contains(pending, confirmation.Reply.AllText);

        // The organiser works in English; Alice's notice comes in her language.
        var organiser = _bot.PersonalChat(TestUsers.Organiser).InLocale("en-GB");
        var approvals = await organiser.SayAsync("approvals multi-stakeholder");
        Assert.Contains("Waitlist and pending", approvals.Reply.AllText);
        var decided = await organiser.PressAsync(approvals.Reply.Card, RegistrationVerbs.Decide);
        Assert.Contains("Confirmed. The person is being told in their chat with GcmBot.", decided.Reply.AllText);
        await _bot.Connector.WaitForAsync(calls => calls.Any(c => c.IsSend && c.ConversationId == chat.Id && c.Activity.AllText.Contains(approved)));
    }

    [Fact]
    public async Task Register_ChoosingALanguageOnTheForm_MakesItTheirs()
    {
        var chat = _bot.PersonalChat(TestUsers.Bob);
        var form = await chat.SayAsync("register");
        var answers = RegistrationDriver.ValidAnswers();
        answers[RegistrationFormCard.Language] = "ru";

        var confirmation = await chat.PressAsync(form.Reply.Card, RegistrationVerbs.Submit, answers);
        var later = await chat.SayAsync("my registrations");

        Assert.Contains("Вы зарегистрированы", confirmation.Reply.AllText);
        Assert.Contains("Ваши регистрации", later.Reply.AllText);
    }

    [Fact]
    public async Task PseudoLocale_HelpWelcomeRegister_HaveNoUntranslatedText()
    {
        var chat = _bot.PersonalChat(TestUsers.Chen).InLocale("qps-ploc");
        string[] data = ["GcmBot", "help", "register", "events", "forget me", "Chen Wei", "alice@example.org", "Migrant Forum Nepal",
            "Stakeholder consultation on theme a", "Online (Microsoft Teams)", "UTC", "GMT", "CSV", "Teams", "name@example.org",
            "English", "Bahasa Indonesia", "Asia/Bangkok", "my registrations", "cancel registration", "submit", "my submissions",
            "my questions", "language", "ask", "qna", "speakers", "all", "example", "org",
            // Command syntax ("cancel registration <event|all>") is what people type: it stays English, as the commands do.
            .. ((GcmBot.Bot.Teams.Routing.RouteTable)_bot.Services.GetService(typeof(GcmBot.Bot.Teams.Routing.RouteTable))!).Commands.Select(c => c.Usage),
            // Summaries of other capabilities' commands not yet converted to resource texts (their own issue-13 work).
            .. ((GcmBot.Bot.Teams.Routing.RouteTable)_bot.Services.GetService(typeof(GcmBot.Bot.Teams.Routing.RouteTable))!).Commands.Where(c => c.Texts is null).Select(c => c.Summary)];

        var welcome = await chat.AddBotAsync();
        var help = await chat.SayAsync("help");
        var form = await chat.SayAsync("register");
        var answers = RegistrationDriver.ValidAnswers();
        answers[RegistrationFormCard.Name] = "Chen Wei";
        var confirmation = await chat.PressAsync(form.Reply.Card, RegistrationVerbs.Submit, answers);

        // Event titles and venues are the organisers' own text.
        var catalogue = (GcmBot.Bot.Registration.EventCatalogue)_bot.Services.GetService(typeof(GcmBot.Bot.Registration.EventCatalogue))!;
        data = [.. data, .. (await catalogue.AllAsync(CancellationToken.None)).SelectMany(e => new[] { e.Title, e.Venue })];
        foreach (var reply in new[] { welcome, help, confirmation }.SelectMany(t => t.Replies))
        {
            Assert.Empty(Untranslated.In(reply.AllText, data));
        }

        // The form: every label and choice of ours is translated; event titles and names are data.
        Assert.Empty(Untranslated.In(form.Reply.AllText, [.. data, "Briefing of stakeholders", "Stakeholder consultation on theme", "Multi-stakeholder consultation",
            "the day before the regional review", "Side event", "ESCAP", "Bangkok", "Date to be confirmed",
            // Choice values are codes the client sends back, never shown.
            .. GcmBot.Bot.Engagement.StakeholderReference.Groups.Select(g => g.Code), .. GcmBot.Bot.Engagement.StakeholderReference.Genders.Select(g => g.Code),
            .. GcmBot.Bot.Engagement.StakeholderReference.Countries.Select(c => c.Code), "migrant", "advocate", "speak", "panel", "true", "false", "zh-Hans", "consult-a", "consult-b", "consult-c", "consult-d", "multi-stakeholder", "briefing", "Français"]));
    }
}
