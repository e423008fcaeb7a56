using System.Diagnostics;
using GcmBot.Cards.Submissions;

namespace GcmBot.Bot.Tests.Submissions;

/// <summary>Runs headless Chromium once over a page: the DOM it built and what the page wrote to the console.</summary>
public sealed record BrowserRun(int ExitCode, string Dom, IReadOnlyList<string> ConsoleLines);

/// <summary>Headless Chromium, when the machine has it (.ci/run installs it).</summary>
public static class HeadlessChromium
{
    public const string MissingReason = "Headless Chromium is not installed (apt-get install chromium; .ci/run does it).";

    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public static string? Locate() => Candidates.FirstOrDefault(File.Exists);

    /// <summary>Opens a URL and dumps the DOM; console messages (errors and CSP violations among them) come on stderr.</summary>
    public static async Task<BrowserRun> DumpDomAsync(string url, string? acceptLanguage = null)
    {
        var profile = Directory.CreateTempSubdirectory("gcmbot-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(Locate() ?? throw new InvalidOperationException(MissingReason))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--enable-logging=stderr", "--v=0", $"--user-data-dir={profile}",
                "--virtual-time-budget=3000", "--dump-dom", url,
            })
            {
                start.ArgumentList.Add(argument);
            }

            if (acceptLanguage is not null)
            {
                // The browser's language preference, sent as Accept-Language.
                start.ArgumentList.Insert(0, $"--accept-lang={acceptLanguage}");
            }

            using var process = Process.Start(start)!;
            var dom = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("Chromium did not finish within 90 seconds.");
            }

            var console = (await errors).Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)).ToList();
            return new BrowserRun(process.ExitCode, await dom, console);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}

public sealed class PublicPageBrowserTests
{
    [SkippableFact]
    public async Task PublicPage_InHeadlessChromium_ShowsTheSubmissionsAndRunsNothing()
    {
        Skip.If(HeadlessChromium.Locate() is null, HeadlessChromium.MissingReason);
        await using var kit = await SubmissionsKit.StartAsync(o => o.UseKestrel = true);
        var hostile = await kit.SubmittedAsync(TestUsers.Alice,
            (SubmissionFormCard.Title, PublicPageTests.HostileTitle),
            (SubmissionFormCard.Text, PublicPageTests.HostileText + "\n\n<a href=\"javascript:alert(3)\">click</a>"),
            (SubmissionFormCard.Organisation, PublicPageTests.HostileOrganisation),
            (SubmissionFormCard.Link, "https://example.org/doc.pdf"));
        var plain = await kit.SubmittedAsync(TestUsers.Bob, (SubmissionFormCard.Title, "Portable social security"), (SubmissionFormCard.Themes, "c"),
            (SubmissionFormCard.Objectives, "22"), (SubmissionFormCard.Consent, "organisation"));
        await kit.DecideAsync(hostile, SubmissionVerbs.Accept);
        await kit.DecideAsync(plain, SubmissionVerbs.Accept);

        var run = await HeadlessChromium.DumpDomAsync(new Uri(kit.Bot.ServerAddress!, "/submissions").ToString());

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.ConsoleLines);
        Assert.Contains("<h1>Written submissions to the Asia-Pacific regional review", run.Dom);
        Assert.Contains("Portable social security", run.Dom);
        Assert.Contains("By Migrant Forum in Asia", run.Dom);
        Assert.Contains("&lt;script&gt;alert('title')&lt;/script&gt;", run.Dom);
        Assert.Equal(2, run.Dom.Split("<article ").Length - 1);
        Assert.DoesNotContain("<script", run.Dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", run.Dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", run.Dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a href=\"javascript:", run.Dom, StringComparison.OrdinalIgnoreCase);
        Assert.Single(run.Dom.Split("owned").Skip(1));
        Assert.Contains("&lt;script&gt;document.write('owned')&lt;/script&gt;", run.Dom);
        Assert.Contains("href=\"https://example.org/doc.pdf\" rel=\"noopener noreferrer\"", run.Dom);
    }

    [SkippableFact]
    public async Task PublicPage_FrenchBrowser_ShowsFrench_AndItsSwitchOpensTheChinesePage()
    {
        Skip.If(HeadlessChromium.Locate() is null, HeadlessChromium.MissingReason);
        await using var kit = await SubmissionsKit.StartAsync(o => o.UseKestrel = true);
        var id = await kit.SubmittedAsync(TestUsers.Alice, (SubmissionFormCard.Title, "Portable social security"));
        await kit.DecideAsync(id, SubmissionVerbs.Accept);
        var page = new Uri(kit.Bot.ServerAddress!, "/submissions");

        var french = await HeadlessChromium.DumpDomAsync(page.ToString(), acceptLanguage: "fr-FR,fr");

        Assert.Equal(0, french.ExitCode);
        Assert.Empty(french.ConsoleLines);
        Assert.Contains("<html lang=\"fr\">", french.Dom);
        Assert.Contains("<h1>Contributions écrites à l'examen régional Asie-Pacifique du Pacte mondial pour les migrations</h1>", french.Dom);
        Assert.Contains("1 contribution publiée", french.Dom);
        Assert.Contains("Portable social security", french.Dom);
        Assert.Contains("aria-current=\"true\">Français</a>", french.Dom);

        // The switch is a plain link: follow the one for Chinese as a click would, with the browser still preferring French.
        var link = System.Text.RegularExpressions.Regex.Match(french.Dom, "<a href=\"([^\"]+)\" hreflang=\"zh-Hans\" lang=\"zh-Hans\">中文</a>");
        Assert.True(link.Success, "The French page has no link to the Chinese page.");
        var chinese = await HeadlessChromium.DumpDomAsync(new Uri(page, System.Net.WebUtility.HtmlDecode(link.Groups[1].Value)).ToString(), acceptLanguage: "fr-FR,fr");

        Assert.Equal(0, chinese.ExitCode);
        Assert.Empty(chinese.ConsoleLines);
        Assert.Contains("<html lang=\"zh-Hans\">", chinese.Dom);
        Assert.Contains("<h1>《移民问题全球契约》亚太区域审议书面意见</h1>", chinese.Dom);
        Assert.Contains("已发布 1 份意见", chinese.Dom);
        Assert.Contains("aria-current=\"true\">中文</a>", chinese.Dom);
        Assert.DoesNotContain("<script", chinese.Dom, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BotApp_WithKestrel_ServesOnAFreeLoopbackPort()
    {
        await using var kit = await SubmissionsKit.StartAsync(o => o.UseKestrel = true);

        using var client = new HttpClient { BaseAddress = kit.Bot.ServerAddress };
        using var response = await client.GetAsync("/healthz");

        Assert.Equal("127.0.0.1", kit.Bot.ServerAddress!.Host);
        Assert.NotEqual(3978, kit.Bot.ServerAddress.Port);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [SkippableFact]
    public async Task HeadlessChromium_PageThatWritesToTheConsole_IsCaught()
    {
        // The check above passes only when the page is quiet; this shows that a page that is not quiet is noticed.
        Skip.If(HeadlessChromium.Locate() is null, HeadlessChromium.MissingReason);
        var file = Path.Combine(Directory.CreateTempSubdirectory("gcmbot-page-").FullName, "noisy.html");
        await File.WriteAllTextAsync(file, "<!DOCTYPE html><html lang=\"en\"><title>t</title><p>x</p><script>console.error('noisy')</script></html>");

        var run = await HeadlessChromium.DumpDomAsync(new Uri(file).ToString());

        Assert.Contains(run.ConsoleLines, l => l.Contains("noisy", StringComparison.Ordinal));
    }
}
