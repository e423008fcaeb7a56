using System.Net;
using System.Text.Json.Nodes;
using GcmBot.Bot.KeyIssues;
using GcmBot.Bot.Tests.Reports;
using GcmBot.Cards.DraftSummary;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.DraftSummary;

/// <summary>
/// The combined draft summary through the real host: two consultations with key issues (consult-a played in full by
/// the reports kit, consult-b with one key issue), the organisers' edits through the cards, publication at /summary.
/// </summary>
public sealed class DraftSummaryTests
{
    public const string RecordedIssueB = "Pushbacks at sea put lives at risk";
    public const string RewordedIssueB = "Pushbacks at sea endanger the lives of migrants";
    public const string Introduction = "This draft is for the Regional Network. <b>Comments</b> by 15 December & not later.";

    /// <summary>Consult-a with registrations, Q&amp;A, floor, key issue, recommendation and submissions; consult-b with one key issue.</summary>
    public static async Task<BotApp> TwoConsultationsAsync(Action<BotAppOptions>? configure = null)
    {
        var bot = await ReportsKit.StartAsync(configure);
        await ReportsKit.RegisterSixAsync(bot);
        await ReportsKit.MeetingAsync(bot);
        await ReportsKit.SubmissionsAsync(bot);
        var recorded = await bot.PersonalChat(TestUsers.Organiser).SayAsync("key issue event:consult-b theme:b objectives:8 " + RecordedIssueB);
        Assert.Contains("Recorded", recorded.AllText);
        return bot;
    }

    /// <summary>The wording form (a ShowCard's card) of the point whose draft text is <paramref name="text"/>, and its input id.</summary>
    public static (JsonObject Form, string InputId) WordingForm(JsonObject card, string text)
    {
        foreach (var action in CardText.Actions(card).Where(a => (string?)a["type"] == "Action.ShowCard"))
        {
            var form = action["card"]!.AsObject();
            var input = CardText.Inputs(form).FirstOrDefault(i => i.Key.StartsWith(DraftSummaryVerbs.WordingPrefix, StringComparison.Ordinal) && (string?)i.Value["value"] == text);
            if (input.Key is not null)
            {
                return (form, input.Key);
            }
        }

        throw new InvalidOperationException($"No wording form for “{text}”: {card.ToJsonString()}");
    }

    [Fact]
    public async Task DraftSummary_EditIntroductionAndWording_Publish_PageAndMarkdownShowTheEdits_WithThePrivacyRules()
    {
        await using var bot = await TwoConsultationsAsync();
        var organiser = bot.PersonalChat(TestUsers.Organiser);

        var before = await bot.Http.GetAsync("/summary");
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Contains("not yet published", await before.Content.ReadAsStringAsync());

        var shown = await organiser.SayAsync("draft summary");
        var facts = ReportsKit.Facts(shown.Reply.Card);
        Assert.Equal("2", facts["Consultations held"]);
        Assert.Equal("not yet published", facts["Public version"]);
        Assert.Equal("version 1", facts["Draft"]);

        var intro = await organiser.PressAsync(shown.Reply.Card, DraftSummaryVerbs.Introduction, new Dictionary<string, string> { [DraftSummaryVerbs.IntroductionKey] = Introduction });
        Assert.Contains("Saved: the draft is now version 2.", intro.AllText);

        var points = await organiser.PressAsync(intro.InvokeCard!, DraftSummaryVerbs.Points);
        Assert.Contains(RecordedIssueB, points.AllText);
        var (form, inputId) = WordingForm(points.InvokeCard!, RecordedIssueB);
        var reworded = await organiser.PressAsync(form, DraftSummaryVerbs.Wording, new Dictionary<string, string> { [inputId] = RewordedIssueB });
        Assert.Contains("Saved: the draft is now version 3.", reworded.AllText);
        Assert.Contains("Recorded as: " + RecordedIssueB, reworded.AllText);

        // The recorded key issue is unchanged: the wording belongs to the draft.
        var recorded = await bot.Services.GetRequiredService<KeyIssueStore>().ForEventAsync("consult-b", CancellationToken.None);
        Assert.Equal(RecordedIssueB, Assert.Single(recorded).Text);

        var back = await organiser.PressAsync(reworded.InvokeCard!, DraftSummaryVerbs.Show);
        var published = await organiser.PressAsync(back.InvokeCard!, DraftSummaryVerbs.Publish);
        Assert.Contains("Version 3 is now public at /summary.", published.AllText);
        Assert.StartsWith("version 3, published ", ReportsKit.Facts(published.InvokeCard!)["Public version"]);

        var page = await bot.Http.GetAsync("/summary");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
            page.Headers.GetValues("Content-Security-Policy").Single());
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Draft summary report of the preliminary stakeholder consultations</h1>", html);
        Assert.Contains("version 3, published", html);
        Assert.Contains("This draft is for the Regional Network. &lt;b&gt;Comments&lt;/b&gt; by 15 December &amp; not later.", html);
        Assert.Contains(RewordedIssueB, html);
        Assert.DoesNotContain(RecordedIssueB, html);
        Assert.Contains("Objective 8: Save lives and establish coordinated international efforts on missing migrants", html);
        Assert.Contains("&lt;script&gt;alert(&#39;k&#39;)&lt;/script&gt; Recruitment fees fall on workers &amp; families", html);
        Assert.Contains("Abolish recruitment fees for workers", html);
        // Small counts hidden; names only with consent.
        Assert.Contains("<tr><th scope=\"row\">Pacific</th><td class=\"n\">fewer than 3</td>", html);
        Assert.Contains("<li>Decent work for domestic workers <span class=\"note\">(Alice Ahmed, Migrant Forum in Asia)</span></li>", html);
        Assert.DoesNotContain("Confidential note", html);
        Assert.DoesNotContain("Bob Bautista", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        var markdown = await bot.Http.GetStringAsync("/summary.md");
        Assert.StartsWith("# Draft summary report of the preliminary stakeholder consultations", markdown);
        Assert.Contains(RewordedIssueB, markdown);
        Assert.DoesNotContain(RecordedIssueB, markdown);
        Assert.Contains("This draft is for the Regional Network.", markdown);
        Assert.Contains("| Pacific | fewer than 3 |", markdown);
        Assert.DoesNotContain("Bob Bautista", markdown);
        Assert.DoesNotContain("Confidential note", markdown);
        var download = await bot.Http.GetAsync("/summary.html");
        Assert.Contains("attachment", download.Content.Headers.ContentDisposition?.ToString() ?? download.Headers.GetValues("Content-Disposition").Single());
        Assert.Contains(RewordedIssueB, await download.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DraftSummary_EditAfterPublishing_StaysPrivateUntilRepublished_AndUnpublishRemovesThePage()
    {
        await using var bot = await TwoConsultationsAsync();
        var organiser = bot.PersonalChat(TestUsers.Organiser);
        var shown = await organiser.SayAsync("draft summary");
        var published = await organiser.PressAsync(shown.Reply.Card, DraftSummaryVerbs.Publish);
        Assert.Contains("Version 1 is now public", published.AllText);

        var edited = await organiser.PressAsync(published.InvokeCard!, DraftSummaryVerbs.Introduction, new Dictionary<string, string> { [DraftSummaryVerbs.IntroductionKey] = "A later introduction." });
        Assert.Contains("Edited since version 1 was published: the draft is now version 2.", edited.AllText);
        Assert.DoesNotContain("A later introduction.", await bot.Http.GetStringAsync("/summary"));

        var republished = await organiser.PressAsync(edited.InvokeCard!, DraftSummaryVerbs.Publish);
        Assert.Contains("Version 2 is now public", republished.AllText);
        Assert.Contains("A later introduction.", await bot.Http.GetStringAsync("/summary"));

        var withdrawn = await organiser.PressAsync(republished.InvokeCard!, DraftSummaryVerbs.Unpublish);
        Assert.Contains("no longer public", withdrawn.AllText);
        Assert.Equal("none (version 2 was published, then withdrawn)", ReportsKit.Facts(withdrawn.InvokeCard!)["Public version"]);
        var page = await bot.Http.GetAsync("/summary");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("not yet published", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await bot.Http.GetAsync("/summary.md")).StatusCode);
    }

    [Fact]
    public async Task DraftSummary_NotAnOrganiser_IsRefused()
    {
        await using var bot = await ReportsKit.StartAsync();
        var turn = await bot.PersonalChat(TestUsers.Alice).SayAsync("draft summary");
        Assert.DoesNotContain("Draft summary report", turn.AllText);
        var pressed = await bot.PersonalChat(TestUsers.Alice).SubmitAsync(new JsonObject { ["verb"] = DraftSummaryVerbs.Unpublish });
        Assert.DoesNotContain("no longer public", pressed.AllText);
    }

    [Fact]
    public async Task DraftSummary_PublishedPage_FollowsTheReadersLanguage_AndTheFrenchOrganiserWorksInFrench()
    {
        await using var bot = await TwoConsultationsAsync();
        var organiser = bot.PersonalChat(TestUsers.Organiser).InLocale("fr-FR");
        var shown = await organiser.SayAsync("draft summary");
        Assert.Contains("Projet de rapport de synthèse des consultations préliminaires", shown.AllText);
        var published = await organiser.PressAsync(shown.Reply.Card, DraftSummaryVerbs.Publish);
        Assert.Contains("La version 1 est maintenant publique sur /summary.", published.AllText);

        var french = await bot.Http.GetStringAsync("/summary?lang=fr");
        Assert.Contains("<html lang=\"fr\">", french);
        Assert.Contains("Questions clés par thème et objectif du Pacte", french);
        var chinese = await bot.Http.GetStringAsync("/summary?lang=zh-Hans");
        Assert.Contains("按主题和契约目标列出的关键问题", chinese);
    }

    [Fact]
    public async Task DraftSummary_InThePseudoLocale_EveryTextComesFromTheResources()
    {
        await using var bot = await TwoConsultationsAsync();
        var organiser = bot.PersonalChat(TestUsers.Organiser).InLocale("qps-ploc");
        var shown = await organiser.SayAsync("draft summary");
        var points = await organiser.PressAsync(shown.Reply.Card, DraftSummaryVerbs.Points);
        var (form, inputId) = WordingForm(points.InvokeCard!, RecordedIssueB);
        var reworded = await organiser.PressAsync(form, DraftSummaryVerbs.Wording, new Dictionary<string, string> { [inputId] = RewordedIssueB });
        var published = await organiser.PressAsync(shown.Reply.Card, DraftSummaryVerbs.Publish);

        string[] data = [RecordedIssueB, RewordedIssueB, ReportsKit.HostileIssue, "script", "alert", "Recruitment fees fall on workers", "families", "Abolish recruitment fees for workers", "Stakeholder consultation on theme a", "Stakeholder consultation on theme b",
            "Ensuring that migration is voluntary, orderly and regular", "Protecting migrants through rights-based border governance measures", "HTML", "Markdown", "summary", "UTC", "GMT"];
        foreach (var turn in new[] { shown, points, reworded, published })
        {
            var untranslated = Untranslated.In(turn.AllText, data);
            Assert.True(untranslated.Count == 0, string.Join(", ", untranslated));
        }
    }
}
