using GcmBot.Bot.Tests.Submissions;
using static GcmBot.Bot.Tests.Reports.ReportsKit;

namespace GcmBot.Bot.Tests.Reports;

/// <summary>The report's HTML as a browser sees it (the headless Chromium of the public page's tests).</summary>
public sealed class ReportBrowserTests
{
    [SkippableFact]
    public async Task ReportHtml_InHeadlessChromium_ShowsTheReportAndRunsNothing()
    {
        Skip.If(HeadlessChromium.Locate() is null, HeadlessChromium.MissingReason);
        await using var bot = await StartAsync();
        await RegisterSixAsync(bot);
        await MeetingAsync(bot);
        var (_, html, _) = await ReportAsync(bot, "consult-a");
        // The download link serves the file as an attachment; the browser opens the same bytes from disk.
        var file = Path.Combine(Directory.CreateTempSubdirectory("gcmbot-report-").FullName, "report.html");
        await File.WriteAllTextAsync(file, html);

        var run = await HeadlessChromium.DumpDomAsync(new Uri(file).ToString());

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.ConsoleLines);
        Assert.Contains("<h1>Informal summary report</h1>", run.Dom);
        Assert.Contains("<title id=\"p-1-t\">Registered and attended by stakeholder group</title>", run.Dom);
        Assert.Equal(3, run.Dom.Split("<svg ").Length - 1);
        Assert.Contains("&lt;script&gt;alert('q')&lt;/script&gt;", run.Dom);
        Assert.DoesNotContain("<script", run.Dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", run.Dom, StringComparison.Ordinal);
    }
}
