using GcmBot.Bot.Engagement;
using GcmBot.Bot.Scheduling;
using GcmBot.Cards.Scheduling;

namespace GcmBot.Bot.Tests.Scheduling;

/// <summary>
/// Scheduling in the organiser's language, and each invited registrant told in their own language and time zone
/// whatever language the organiser works in; the calendar file's expiry in the organiser's zone with GMT+7.
/// </summary>
public sealed class SchedulingLanguagesTests : IAsyncLifetime
{
    private static readonly RoundtableTheme ThemeB = GcmReference.Theme('b')!;

    private readonly TestRegistrants _registrants = new TestRegistrants()
        .Add(TestUsers.Alice, "b")
        .Add(TestUsers.Chen, "b")
        .Add(TestUsers.Bob, "b");

    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync(o => o.Use(_registrants));

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Notices_OfOneConsultation_ReachEachRegistrantInTheirOwnLanguage_WhileTheOrganiserWorksInEnglish()
    {
        var alice = _bot.PersonalChat(TestUsers.Alice).InLocale("zh-CN");
        await alice.SayAsync("language", timeZone: "Asia/Shanghai");
        var chen = _bot.PersonalChat(TestUsers.Chen).InLocale("fr-FR");
        await chen.SayAsync("language", timeZone: "Asia/Bangkok");
        var bob = _bot.PersonalChat(TestUsers.Bob);
        await bob.SayAsync("language", timeZone: "Asia/Bangkok");

        var organiser = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("schedule b 2026-12-12 14:00");
        Assert.Contains("Consultation 1 is recorded. No Teams meeting was created.", organiser.Reply.AllText);

        await _bot.WaitForSendAsync(alice, "您受邀参加一次磋商");
        await _bot.WaitForSendAsync(chen, "Vous êtes invité·e à une consultation");
        await _bot.WaitForSendAsync(bob, "You are invited to a consultation");
        var chinese = _bot.SentTo(alice).Last();
        Assert.Equal("zh", chinese.Card["lang"]!.GetValue<string>());
        Assert.Contains("2026年12月12日 周六 15:00–17:00 (GMT+8) · 2026年12月12日 周六 14:00–16:00 (GMT+7)", chinese.AllText);
        Assert.Contains("组织方将发送加入方式。", chinese.AllText);
        // The theme's and the objectives' official titles in the reader's language, not English.
        Assert.Contains("b. 通过基于权利的边境治理措施保护移民", chinese.AllText);
        Assert.Contains("4. 确保所有移民都有合法身份证明和适当证件", chinese.AllText);
        var french = _bot.SentTo(chen).Last();
        Assert.Equal("fr", french.Card["lang"]!.GetValue<string>());
        Assert.Contains("sam. 12 déc. 2026, 14:00–16:00 (GMT+7)", french.AllText);
        Assert.Contains("Les organisateurs enverront les informations pour rejoindre la réunion.", french.AllText);
        Assert.Contains("b. Protéger les migrants par des mesures de gouvernance des frontières fondées sur les droits", french.AllText);
        Assert.Contains("4. Munir tous les migrants d'une preuve d'identité légale et de papiers adéquats", french.AllText);
        Assert.Equal("en", _bot.SentTo(bob).Last().Card["lang"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancellation_AfterAPersonChangesLanguage_ReachesThemInTheirNewLanguage()
    {
        var chen = _bot.PersonalChat(TestUsers.Chen);
        await chen.SayAsync("language");
        var organiser = _bot.PersonalChat(TestUsers.Organiser);
        await organiser.SayAsync("schedule b 2026-12-12 14:00");
        await _bot.WaitForSendAsync(chen, "You are invited to a consultation");

        await chen.SayAsync("language ru");
        await organiser.SayAsync("cancel consultation 1");

        await _bot.WaitForSendAsync(chen, "Консультация, на которую вы были приглашены, отменена");
    }

    [Fact]
    public async Task Schedule_ByAFrenchOrganiser_AnswersInFrench_AndTheCalendarFileIsInFrench()
    {
        var organiser = _bot.PersonalChat(TestUsers.Organiser).InLocale("fr-FR");

        var turn = await organiser.SayAsync("schedule b 2026-12-12 14:00", timeZone: "Europe/Paris");

        var card = turn.Reply.Card;
        Assert.Equal("fr", card["lang"]!.GetValue<string>());
        var text = turn.Reply.AllText;
        Assert.Contains("La consultation 1 est enregistrée. Aucune réunion Teams n’a été créée.", text);
        Assert.Contains("Les réunions Teams ne sont pas encore configurées", text);
        Assert.DoesNotContain("Graph:", text);
        // The .ics link works for an hour from 10:00 UTC: 12:00 in Paris, 18:00 in Bangkok.
        Assert.Contains("Son lien fonctionne jusqu’au ven. 27 nov. 2026, 12:00 (GMT+1) · ven. 27 nov. 2026, 18:00 (GMT+7).", text);
        var link = CardText.Actions(card).Single(a => (string?)a["title"] == "Fichier d’agenda (.ics)")["url"]!.GetValue<string>();
        var ics = (await _bot.Http.GetStringAsync(new Uri(link).PathAndQuery)).Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("Ordre du jour:", ics);
        Assert.Contains("SUMMARY:Consultation des parties prenantes (b) : " + ThemeB.TitleIn(System.Globalization.CultureInfo.GetCultureInfo("fr")), ics);
    }

    [Fact]
    public async Task Schedule_BadDate_InChinese_IsExplainedInChinese()
    {
        var turn = await _bot.PersonalChat(TestUsers.Organiser).InLocale("zh-CN").SayAsync("schedule b 03/04 14:00");

        Assert.StartsWith("“03/04”有歧义：本地区各地日和月的书写顺序不同。", turn.Reply.Text);
        Assert.Contains("未安排任何内容。", turn.Reply.Text);
        Assert.Empty(await _bot.ConsultationsAsync());
    }

    [Fact]
    public async Task Consultations_InEnglish_OfferTheCalendarFileUntilATimeInTheOrganisersZoneAndGmt7()
    {
        var turn = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("schedule b 2026-12-12 14:00", timeZone: "UTC");

        Assert.Contains("Its link works until Fri 27 Nov 2026, 11:00 (UTC) · Fri 27 Nov 2026, 18:00 (GMT+7).", turn.Reply.AllText);
    }

    [Fact]
    public async Task PseudoLocale_SchedulingFlow_HasNoUntranslatedText()
    {
        var organiser = _bot.PersonalChat(TestUsers.Organiser).InLocale("qps-ploc");
        // Data, not sentences: reference titles, zone names, and dates (the pseudo-locale formats them as English).
        string[] data =
        [
            .. GcmReference.Themes.Select(t => t.Label), .. GcmReference.Objectives.Select(o => o.Title), ThemeB.Title,
            "Asia/Bangkok", "Asia/Kathmandu", "Asia/Kolkata", "Asia/Karachi", "Asia/Manila", "Asia/Seoul", "Asia/Tashkent", "Asia/Tokyo",
            "Asia/Yangon", "Asia/Kabul", "Asia/Almaty", "Asia/Dhaka", "Australia/Sydney", "Pacific/Auckland", "Pacific/Fiji",
            "Europe/Zurich", "America/New_York", "UTC", "GMT", "Sat", "Dec", "Fri", "Nov", "Sun", "Mon", "Tue", "Wed", "Thu",
            "Border governance", "https://",
            // The invite choice's values (what the card sends back), not text anyone reads.
            SchedulingVerbs.InviteTheme, SchedulingVerbs.InviteAll, SchedulingVerbs.InviteNone,
        ];

        var form = await organiser.SayAsync("schedule");
        var refused = await organiser.SayAsync("schedule b 03/04 14:00");
        var scheduled = await organiser.SayAsync("schedule b 2026-12-12 14:00 Border governance");
        var list = await organiser.SayAsync("consultations");
        var moved = await organiser.SayAsync("reschedule 1 2026-12-13 15:00");
        var formError = await organiser.PressAsync(form.Reply.Card, SchedulingVerbs.Create, new Dictionary<string, string>
        {
            [SchedulingVerbs.ThemeKey] = "b",
            [SchedulingVerbs.DateKey] = "2026-11-20",
            [SchedulingVerbs.TimeKey] = "09:30",
        });
        var cancelled = await organiser.SayAsync("cancel consultation 1");

        foreach (var (name, turn) in new[] { ("form", form), ("refused", refused), ("scheduled", scheduled), ("list", list), ("moved", moved), ("formError", formError), ("cancelled", cancelled) })
        {
            Assert.True(Untranslated.In(turn.AllText, data).Count == 0, $"{name}: {string.Join(", ", Untranslated.In(turn.AllText, data))}\n{turn.AllText}");
        }
    }
}
