using GcmBot.Bot.PublicForms;
using GcmBot.Bot.Tests.Submissions;
using GcmBot.Cards.Panels;

namespace GcmBot.Bot.Tests.Panels;

/// <summary>The public page of published panellists: escaping, consent, CSP, languages.</summary>
public sealed class PublicPanelsPageTests : IAsyncLifetime
{
    public const string HostileName = "Eve <script>alert('x')</script> \"><img src=x onerror=alert(1)>";

    private PanelsKit _kit = null!;

    public async Task InitializeAsync() => _kit = await PanelsKit.StartAsync();

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task Page_BeforeAnyPublication_SaysNotYetPublishedForEachPanel_WithTheLayoutsHeaders()
    {
        await _kit.ProposedAsync(TestUsers.Alice);

        using var response = await _kit.Bot.Http.GetAsync("/panels");
        var html = await response.Content.ReadAsStringAsync();

        response.EnsureSuccessStatusCode();
        Assert.Equal(WebLayout.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(4, html.Split("Not yet published.").Length - 1);
        Assert.DoesNotContain("Maria Santos", html);
        Assert.Contains("<html lang=\"en\">", html);
    }

    [Fact]
    public async Task Page_HostileName_IsEncoded_AndNotScript()
    {
        var id = await _kit.ProposedAsync(TestUsers.Alice, (PanelFormCard.Name, HostileName), (PanelFormCard.Organisation, "<b>Org</b> & Co"));
        await _kit.DecideAsync('b', id, PanelVerbs.Select);
        await _kit.Organiser.PressAsync(await _kit.ReviewCardAsync('b'), PanelVerbs.Publish);

        var html = await _kit.PublicPageAsync();

        Assert.Contains("Eve &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.Contains("&lt;b&gt;Org&lt;/b&gt; &amp; Co", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Page_NomineeWithoutConsent_IsShownWithoutNameOrOrganisation()
    {
        var id = await _kit.ProposedAsync(TestUsers.Alice, (PanelFormCard.Consent, PanelFormCard.ConsentNo));
        await _kit.DecideAsync('b', id, PanelVerbs.Select);
        await _kit.Organiser.PressAsync(await _kit.ReviewCardAsync('b'), PanelVerbs.Publish);

        var html = await _kit.PublicPageAsync();

        Assert.DoesNotContain("Maria Santos", html);
        Assert.DoesNotContain("Lawyers Beyond Borders", html);
        Assert.Contains("Name not published", html);
        Assert.Contains("Civil society organisations · Philippines", html);
        await _kit.NoticeAsync(TestUsers.Alice, "without the nominee's name");
    }

    [Fact]
    public async Task Page_InFrench_ByQueryOrBrowserLanguage()
    {
        var french = await _kit.PublicPageAsync("?lang=fr");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/panels");
        request.Headers.AcceptLanguage.ParseAdd("ru-RU");
        using var response = await _kit.Bot.Http.SendAsync(request);
        var russian = await response.Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"fr\">", french);
        Assert.Contains("Experts des panels de l&#x27;examen régional", french);
        Assert.Contains("Pas encore publiée.", french);
        Assert.Contains("Ещё не опубликовано.", russian);
        Assert.Equal("Accept-Language", response.Headers.Vary.Single());
    }

    [SkippableFact]
    public async Task Page_InHeadlessChromium_RunsNoScript_AndHasNoSeriousAccessibilityViolation()
    {
        Skip.If(HeadlessChromium.Locate() is null, HeadlessChromium.MissingReason);
        await using var kit = await PanelsKit.StartAsync(o => o.UseKestrel = true);
        var id = await kit.ProposedAsync(TestUsers.Alice, (PanelFormCard.Name, HostileName));
        await kit.DecideAsync('b', id, PanelVerbs.Select);
        await kit.Organiser.PressAsync(await kit.ReviewCardAsync('b'), PanelVerbs.Publish);

        var run = await HeadlessChromium.DumpDomAsync(new Uri(kit.Bot.ServerAddress!, "/panels").ToString());
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Eve &lt;script&gt;", run.Dom);
        Assert.DoesNotContain("<img", run.Dom, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(run.ConsoleLines);

        var problems = await PanelsAxe.SeriousViolationsAsync(new Uri(kit.Bot.ServerAddress!, "/panels").ToString(), new Uri(kit.Bot.ServerAddress!, "/panels?lang=zh-Hans").ToString());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
