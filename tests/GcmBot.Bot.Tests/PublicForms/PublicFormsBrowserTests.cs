using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GcmBot.Bot.PublicForms;
using GcmBot.Bot.Registration;
using GcmBot.Bot.Tests.Registration;
using GcmBot.Bot.Tests.Submissions;
using GcmBot.Cards.Submissions;
using Microsoft.Playwright;

namespace GcmBot.Bot.Tests.PublicForms;

/// <summary>The public pages in headless Chromium, driven by Playwright: keyboard only, and an axe-core scan of each page.</summary>
public sealed class PublicFormsBrowserTests
{
    [SkippableFact]
    public async Task Register_WithTheKeyboardOnly_ThenFollowThePrivateLink_AndCancel()
    {
        Skip.If(HeadlessChromium.Locate() is null, HeadlessChromium.MissingReason);
        await using var bot = await BotApp.StartAsync(o => o.UseKestrel = true);
        await using var browser = await Browser.StartAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(bot.ServerAddress!, PublicFormsCapability.RegisterPath).ToString());

        // The skip link comes first, then the language switch, then the form: all reached with Tab.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to the main content", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await TypeIntoAsync(page, "name", "Ana Reyes");
        await TypeIntoAsync(page, "email", "ana@example.org");
        await TabToAsync(page, "group");
        await page.Keyboard.TypeAsync("Civil");
        await TabToAsync(page, "country");
        await page.Keyboard.TypeAsync("Philippines");
        await TabToLabelAsync(page, "theme b");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "consent");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, null, "BUTTON");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/register/manage/**");

        Assert.Contains("Thank you, your registration is saved", await page.InnerTextAsync("main"));
        // The style sheet loaded under the CSP (the page's body has no margin only when it did).
        Assert.Equal("0px", await page.EvaluateAsync<string>("getComputedStyle(document.body).marginTop"));
        var registration = Assert.Single(await RegistrationDriver.RegistrationsAsync(bot));
        Assert.Equal("consult-b", registration.EventId);
        Assert.Equal(RegistrationStatus.Confirmed, registration.Status);

        // Later, from the bookmarked private link, in a fresh browser tab.
        var privateLink = page.Url.Split('?')[0];
        var later = await browser.NewPageAsync();
        await later.GotoAsync(privateLink);
        Assert.Contains("Confirmed: you have a place", await later.InnerTextAsync("main"));
        await TabToAsync(later, null, "BUTTON");
        Assert.StartsWith("Cancel my place at Stakeholder consultation on theme b", await later.EvaluateAsync<string>("document.activeElement.textContent"));
        await later.Keyboard.PressAsync("Enter");
        await later.WaitForURLAsync("**done=cancelled**");

        Assert.Contains("Your place is cancelled", await later.InnerTextAsync("main"));
        Assert.Contains("You have no registration at the moment", await later.InnerTextAsync("main"));
        Assert.Equal(RegistrationStatus.Cancelled, Assert.Single(await RegistrationDriver.RegistrationsAsync(bot)).Status);
        Assert.Empty(browser.ConsoleErrors);
    }

    [SkippableFact]
    public async Task Submission_FromTheWeb_AcceptedInTeams_AppearsOnThePublicPage()
    {
        Skip.If(HeadlessChromium.Locate() is null, HeadlessChromium.MissingReason);
        await using var kit = await SubmissionsKit.StartAsync(o => o.UseKestrel = true);
        await using var browser = await Browser.StartAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(kit.Bot.ServerAddress!, PublicFormsCapability.SubmitPath).ToString());

        await page.FillAsync("#name", "Ravi Kumar");
        await page.FillAsync("#email", "ravi@example.org");
        await page.FillAsync("#organisation", "Domestic Workers Union");
        await page.FillAsync("#title", "Portable social protection");
        await page.CheckAsync("#themes-2");
        await page.FillAsync("#text", "Social protection must follow workers across borders.");
        await page.CheckAsync("#consent-1");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync("text=Thank you for your submission");
        var id = int.Parse(System.Text.RegularExpressions.Regex.Match(await page.InnerTextAsync("main"), @"number (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        await kit.DecideAsync(id, SubmissionVerbs.Accept);

        await page.GotoAsync(new Uri(kit.Bot.ServerAddress!, "/submissions").ToString());
        var published = await page.InnerTextAsync("main");
        Assert.Contains("Portable social protection", published);
        Assert.Contains("Domestic Workers Union", published);
        Assert.DoesNotContain("Ravi Kumar", published);
        Assert.Empty(browser.ConsoleErrors);
    }

    [SkippableFact]
    public async Task EveryPublicPage_HasNoSeriousOrCriticalAccessibilityViolation()
    {
        Skip.If(HeadlessChromium.Locate() is null, HeadlessChromium.MissingReason);
        await using var kit = await SubmissionsKit.StartAsync(o => o.UseKestrel = true);
        var web = new WebFormClient(kit.Bot.CreateBrowserClient());
        var registered = await web.SubmitAsync(await web.GetAsync(PublicFormsCapability.RegisterPath), WebRegistrationTests.Answers());
        // Over a real socket the client follows the redirect: the private page is where it ended.
        var privateLink = (registered.Location ?? registered.Response.RequestMessage!.RequestUri!).AbsolutePath;
        Assert.StartsWith(PublicFormsCapability.ManagePath, privateLink);
        var accepted = await kit.SubmittedAsync(TestUsers.Alice, (SubmissionFormCard.Title, "Portable social security"), (SubmissionFormCard.Themes, "c"), (SubmissionFormCard.Objectives, "22"));
        await kit.DecideAsync(accepted, SubmissionVerbs.Accept);
        await using var browser = await Browser.StartAsync();

        var problems = new List<string>();
        foreach (var language in new[] { "en", "zh-Hans" })
        {
            // Every page in English; the forms again in Chinese, whose text runs differently.
            string[] paths = language == "en"
                ? [PublicFormsCapability.RegisterPath, privateLink, privateLink + "/edit", PublicFormsCapability.SubmitPath, PublicFormsCapability.ManagePath + "/expired-link", "/submissions"]
                : [PublicFormsCapability.RegisterPath, privateLink];
            foreach (var path in paths)
            {
                var page = await browser.NewPageAsync();
                await page.GotoAsync(new Uri(kit.Bot.ServerAddress!, path + "?lang=" + language).ToString());
                problems.AddRange(await SeriousViolationsAsync(page, path + " " + language));
            }

            // The form with its errors shown, as a person who sent it empty sees it.
            var empty = await browser.NewPageAsync();
            await empty.GotoAsync(new Uri(kit.Bot.ServerAddress!, PublicFormsCapability.RegisterPath + "?lang=" + language).ToString());
            await empty.ClickAsync("main button[type=submit]");
            await empty.WaitForSelectorAsync(".error-summary");
            Assert.Equal("error-summary-title", await empty.EvaluateAsync<string>("document.activeElement.getAttribute('aria-labelledby')"));
            problems.AddRange(await SeriousViolationsAsync(empty, "register with errors " + language));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(browser.ConsoleErrors);
    }

    internal static async Task<IEnumerable<string>> SeriousViolationsAsync(IPage page, string where)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } });
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{where}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}");
    }

    private static async Task TypeIntoAsync(IPage page, string id, string text)
    {
        await TabToAsync(page, id);
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>Presses Tab until the element with this id (or the first element of this tag) has the focus.</summary>
    private static async Task TabToAsync(IPage page, string? id, string? tag = null)
    {
        for (var i = 0; i < 120; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string[]>("[document.activeElement.id, document.activeElement.tagName]");
            if ((id is not null && focused[0] == id) || (tag is not null && focused[1] == tag))
            {
                return;
            }
        }

        throw new InvalidOperationException($"Tab never reached {id ?? tag}.");
    }

    /// <summary>Presses Tab until a checkbox or radio button whose label holds this text has the focus.</summary>
    private static async Task TabToLabelAsync(IPage page, string label)
    {
        for (var i = 0; i < 120; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if ((await page.EvaluateAsync<string?>("document.activeElement.closest('label')?.textContent"))?.Contains(label, StringComparison.Ordinal) == true)
            {
                return;
            }
        }

        throw new InvalidOperationException($"Tab never reached the choice {label}.");
    }

    /// <summary>Headless Chromium of the machine, started as .ci/run's Chromium is: no sandbox, no network of its own.</summary>
    internal sealed class Browser : IAsyncDisposable
    {
        private readonly IPlaywright _playwright;
        private readonly IBrowser _browser;

        private Browser(IPlaywright playwright, IBrowser browser)
        {
            _playwright = playwright;
            _browser = browser;
        }

        public List<string> ConsoleErrors { get; } = [];

        public static async Task<Browser> StartAsync()
        {
            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = HeadlessChromium.Locate(),
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            return new Browser(playwright, browser);
        }

        public async Task<IPage> NewPageAsync()
        {
            var page = await _browser.NewPageAsync();
            page.Console += (_, message) =>
            {
                // A page answered with 404 or 422 on purpose is logged as a failed load; scripts and CSP violations are what count.
                if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal))
                {
                    ConsoleErrors.Add(message.Text);
                }
            };
            return page;
        }

        public async ValueTask DisposeAsync()
        {
            await _browser.DisposeAsync();
            _playwright.Dispose();
        }
    }
}
