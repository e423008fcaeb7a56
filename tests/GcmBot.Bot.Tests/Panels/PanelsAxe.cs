using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GcmBot.Bot.Tests.Submissions;
using Microsoft.Playwright;

namespace GcmBot.Bot.Tests.Panels;

/// <summary>An axe-core scan of pages in headless Chromium (Playwright), as the public forms' tests run it.</summary>
public static class PanelsAxe
{
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(params string[] urls)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = HeadlessChromium.Locate(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var problems = new List<string>();
        foreach (var url in urls)
        {
            var page = await browser.NewPageAsync();
            var errors = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    errors.Add(message.Text);
                }
            };
            await page.GotoAsync(url);
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
            problems.AddRange(result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{url}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
            problems.AddRange(errors.Select(e => $"{url}: console error {e}"));
        }

        return problems;
    }
}
