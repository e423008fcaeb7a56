using GcmBot.Bot.Tests.PublicForms;
using GcmBot.Bot.Tests.Submissions;
using GcmBot.Cards.DraftSummary;

namespace GcmBot.Bot.Tests.DraftSummary;

/// <summary>The published draft summary and a concept note page in headless Chromium: escaping, CSP, no script, axe.</summary>
public sealed class PublicSummaryBrowserTests
{
    [SkippableFact]
    public async Task PublishedSummary_AndConceptNote_InHeadlessChromium_RunNothing_AndHaveNoSeriousAccessibilityViolation()
    {
        Skip.If(HeadlessChromium.Locate() is null, HeadlessChromium.MissingReason);
        await using var bot = await DraftSummaryTests.TwoConsultationsAsync(o => o.UseKestrel = true);
        var organiser = bot.PersonalChat(TestUsers.Organiser);
        var shown = await organiser.SayAsync("draft summary");
        var intro = await organiser.PressAsync(shown.Reply.Card, DraftSummaryVerbs.Introduction,
            new Dictionary<string, string> { [DraftSummaryVerbs.IntroductionKey] = "<script>document.write('owned')</script> <img src=x onerror=alert(1)>" });
        await organiser.PressAsync(intro.InvokeCard!, DraftSummaryVerbs.Publish);
        await organiser.SayAsync("schedule b 2026-12-12 14:00");
        var list = await organiser.SayAsync("resources 1");
        await ConceptNotes.ConceptNoteTests.AddResourceAsync(organiser, list.Reply.Card, ConceptNotes.ConceptNoteTests.HostileTitle, ConceptNotes.ConceptNoteTests.PaperUrl);

        var run = await HeadlessChromium.DumpDomAsync(new Uri(bot.ServerAddress!, "/summary").ToString());

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.ConsoleLines);
        Assert.Contains("<h1>Draft summary report of the preliminary stakeholder consultations</h1>", run.Dom);
        Assert.Contains("&lt;script&gt;document.write('owned')&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;", run.Dom);
        Assert.Single(run.Dom.Split("owned").Skip(1));
        Assert.Contains(DraftSummaryTests.RecordedIssueB, run.Dom);
        Assert.DoesNotContain("<script", run.Dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", run.Dom, StringComparison.OrdinalIgnoreCase);

        var note = await HeadlessChromium.DumpDomAsync(new Uri(bot.ServerAddress!, "/consultations/1/concept-note").ToString(), acceptLanguage: "zh-CN,zh");
        Assert.Equal(0, note.ExitCode);
        Assert.Empty(note.ConsoleLines);
        Assert.Contains("<html lang=\"zh-Hans\">", note.Dom);
        Assert.Contains("&lt;script&gt;alert('r')&lt;/script&gt; Background paper &amp; data", note.Dom);
        Assert.DoesNotContain("<script", note.Dom, StringComparison.OrdinalIgnoreCase);

        await using var browser = await PublicFormsBrowserTests.Browser.StartAsync();
        var problems = new List<string>();
        foreach (var path in new[] { "/summary?lang=en", "/summary?lang=ru", "/consultations/1/concept-note?lang=en", "/consultations/1/concept-note?lang=zh-Hans", "/consultations/9/concept-note" })
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(new Uri(bot.ServerAddress!, path).ToString());
            problems.AddRange(await PublicFormsBrowserTests.SeriousViolationsAsync(page, path));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(browser.ConsoleErrors);
    }
}
