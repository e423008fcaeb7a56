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
        await using var bot = await StartAsync(o => o.UseKestrel = true);
        await RegisterSixAsync(bot);
        await MeetingAsync(bot);
        var turn = await bot.PersonalChat(TestUsers.Organiser).SayAsync("report consult-a");

        // "Open the report" as the browser gets it from the bot's address: shown in the page, not downloaded.
        var run = await HeadlessChromium.DumpDomAsync(new Uri(bot.ServerAddress!, new Uri(OpenLink(turn.Replies[0].Card)).PathAndQuery).ToString());

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
