using System.Net;
using Microsoft.Extensions.DependencyInjection;
using GcmBot.Bot.Engagement;
using GcmBot.Cards.Help;
using static GcmBot.Bot.Tests.Reports.ReportsKit;

namespace GcmBot.Bot.Tests.Reports;

/// <summary>
/// Reports in the organiser's language, or in the one they ask for; the report opened in the browser with a download
/// beside it; link expiry in the organiser's own zone with GMT+7 beside it.
/// </summary>
public sealed class ReportLanguagesTests : IAsyncLifetime
{
    private const string TitleA = "Stakeholder consultation on theme a: Ensuring that migration is voluntary, orderly and regular";

    private BotApp _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await StartAsync();
        await RegisterAsync(_bot, TestUsers.Alice, "civil-society", "NP", "woman");
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Report_AskedInFrench_ByAnEnglishOrganiser_WritesTheFilesInFrench_AndTheCardInEnglish()
    {
        var turn = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("report consult-a fr");

        var card = turn.Replies[0].Card;
        Assert.Equal("en", card["lang"]!.GetValue<string>());
        Assert.Contains("Draft informal summary report", turn.Replies[0].AllText);
        var html = await _bot.Http.GetStringAsync(new Uri(OpenLink(card)).PathAndQuery);
        Assert.Contains("<html lang=\"fr\">", html);
        Assert.Contains("<h1>Rapport de synthèse informel</h1>", html);
        Assert.Contains("Inscrits : 1 confirmé.", html);
        Assert.DoesNotContain("Informal summary report", html);
        // The other languages are offered on the card, each named in its own language.
        var languages = CardText.Actions(card).Where(a => a["data"]?[HelpCard.CommandKey] is not null)
            .Select(a => (a["title"]!.GetValue<string>(), a["data"]![HelpCard.CommandKey]!.GetValue<string>())).ToList();
        Assert.Equal([("English", "report consult-a en"), ("Русский", "report consult-a ru"), ("中文", "report consult-a zh-Hans")], languages);
    }

    [Fact]
    public async Task Report_ByAFrenchOrganiser_IsInFrenchThroughout_AndItsLinksExpireInTheirZoneWithGmt7()
    {
        var organiser = _bot.PersonalChat(TestUsers.Organiser).InLocale("fr-FR");

        var turn = await organiser.SayAsync("report consult-a", timeZone: "Europe/Paris");

        var card = turn.Replies[0].Card;
        Assert.Equal("fr", card["lang"]!.GetValue<string>());
        var text = turn.Replies[0].AllText;
        Assert.Contains("Projet de rapport de synthèse informel", text);
        Assert.Contains(TitleA, text);
        // Made at 03:00 UTC; the links work for an hour: 05:00 in Paris, 11:00 in Bangkok.
        Assert.Contains("Les liens fonctionnent jusqu’au mar. 1 déc. 2026, 05:00 (GMT+1) · mar. 1 déc. 2026, 11:00 (GMT+7).", text);
        Assert.Equal(["Ouvrir le rapport", "Télécharger (HTML)", "Télécharger (Markdown)"],
            CardText.Actions(card).Where(a => a["type"]!.GetValue<string>() == "Action.OpenUrl").Select(a => a["title"]!.GetValue<string>()));
        var html = await _bot.Http.GetStringAsync(new Uri(OpenLink(card)).PathAndQuery);
        Assert.Contains("<html lang=\"fr\">", html);
    }

    [Fact]
    public async Task Report_InChinese_CardAndFilesAreChinese()
    {
        var turn = await _bot.PersonalChat(TestUsers.Organiser).InLocale("zh-CN").SayAsync("report a");

        var card = turn.Replies[0].Card;
        Assert.Equal("zh", card["lang"]!.GetValue<string>());
        Assert.Contains("非正式总结报告草稿", turn.Replies[0].AllText);
        Assert.Equal("1 人已确认", Facts(card)["报名"]);
        var markdown = await _bot.Http.GetStringAsync(new Uri(CardText.Actions(card).Where(a => a["type"]!.GetValue<string>() == "Action.OpenUrl").Last()["url"]!.GetValue<string>()).PathAndQuery);
        Assert.StartsWith("# 非正式总结报告草稿：" + TitleA, markdown);
        Assert.Contains("报名：已确认 1 人。", markdown);
    }

    [Fact]
    public async Task Representation_AskedInRussian_WritesTheFilesInRussian()
    {
        var turn = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("report representation ru");

        var html = await _bot.Http.GetStringAsync(new Uri(OpenLink(turn.Replies[0].Card)).PathAndQuery);
        Assert.Contains("<html lang=\"ru\">", html);
        Assert.Contains("<h1>Представленность на всех консультациях</h1>", html);
    }

    [Fact]
    public async Task OpenLink_ShowsTheReportInTheBrowser_AndTheDownloadLinkSavesIt()
    {
        var turn = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("report consult-a");
        var links = CardText.Actions(turn.Replies[0].Card).Where(a => a["type"]!.GetValue<string>() == "Action.OpenUrl")
            .Select(a => new Uri(a["url"]!.GetValue<string>()).PathAndQuery).ToList();

        using var open = await _bot.Http.GetAsync(links[0]);
        using var download = await _bot.Http.GetAsync(links[1]);

        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal("inline", open.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("text/html", open.Content.Headers.ContentType?.MediaType);
        Assert.Contains("sandbox", string.Join(";", open.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", string.Join(";", open.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith("-en.html", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(await open.Content.ReadAsStringAsync(), await download.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ExpiredLink_IsExplainedInTheBrowsersLanguage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/exports/no-such-token");
        request.Headers.AcceptLanguage.ParseAdd("ru-RU, en;q=0.5");

        using var answer = await _bot.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal("Срок действия этой ссылки истёк, или её никогда не было. Попросите у GcmBot новую.", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PseudoLocale_ReportAndChoice_HaveNoUntranslatedText()
    {
        var organiser = _bot.PersonalChat(TestUsers.Organiser).InLocale("qps-ploc");

        var choice = await organiser.SayAsync("report consult-z");
        var report = await organiser.SayAsync("report consult-a");
        var representation = await organiser.SayAsync("report representation");

        // Data, not sentences: event titles, reference labels, and dates (the pseudo-locale formats them as English).
        string[] data =
        [
            .. (await Titles()), .. GcmReference.Themes.Select(t => t.Label), "consult-z", "English", "Français",
            "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Aug", "Sep", "Oct", "Nov", "Dec", "GMT", "UTC", "Civil society organisations", "Woman", "South and South-West Asia",
        ];
        Assert.Empty(Untranslated.In(choice.Reply.AllText, data));
        Assert.Empty(Untranslated.In(report.AllText, data));
        Assert.Empty(Untranslated.In(representation.AllText, data));
        var html = await _bot.Http.GetStringAsync(new Uri(OpenLink(report.Replies[0].Card)).PathAndQuery);
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("⟦", html);
    }

    private async Task<IReadOnlyList<string>> Titles()
    {
        using var scope = _bot.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<GcmBot.Bot.Registration.EventCatalogue>().AllAsync(CancellationToken.None)).Select(e => e.Title).ToList();
    }
}
