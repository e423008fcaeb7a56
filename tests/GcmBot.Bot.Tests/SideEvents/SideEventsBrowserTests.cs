using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GcmBot.Bot.SideEvents;
using GcmBot.Bot.Tests.Submissions;
using GcmBot.Cards.SideEvents;
using Microsoft.Playwright;

namespace GcmBot.Bot.Tests.SideEvents;

/// <summary>The public side events page in headless Chromium: an axe-core scan in each language, no script, no console error.</summary>
public sealed class SideEventsBrowserTests
{
    [SkippableFact]
    public async Task SideEventsPage_InEveryLanguage_HasNoSeriousAxeViolations_AndRunsNoScript()
    {
        Skip.If(HeadlessChromium.Locate() is null, HeadlessChromium.MissingReason);
        await using var kit = await SideEventsKit.StartAsync(o => o.UseKestrel = true);
        var id = await kit.ProposedAsync(TestUsers.Alice, (SideEventFormCard.Title, "Fair recruitment <script>window.ran=1</script>"));
        await kit.DecideAsync(id, SideEventVerbs.Accept);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = HeadlessChromium.Locate(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var problems = new List<string>();
        var consoleErrors = new List<string>();

        foreach (var language in new[] { "en", "fr", "ru", "zh-Hans" })
        {
            var page = await browser.NewPageAsync();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    consoleErrors.Add(message.Text);
                }
            };
            await page.GotoAsync(new Uri(kit.Bot.ServerAddress!, SideEventEndpoints.PagePath + "?lang=" + language).ToString());

            Assert.Contains("Fair recruitment <script>window.ran=1</script>", await page.InnerTextAsync("main h2"));
            Assert.Null(await page.EvaluateAsync<object?>("window.ran"));
            Assert.Equal(0, await page.Locator("main script").CountAsync());
            Assert.Equal("0px", await page.EvaluateAsync<string>("getComputedStyle(document.body).marginTop"));
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
            problems.AddRange(result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{language}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(consoleErrors);
    }
}
