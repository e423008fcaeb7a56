using GcmBot.Bot.PublicForms;
using GcmBot.Bot.Tests.Submissions;
using GcmBot.Cards.SideEvents;

namespace GcmBot.Bot.Tests.SideEvents;

public sealed class PublicSideEventsPageTests : IAsyncLifetime
{
    private const string Hostile = "<script>alert('x')</script> \"><img src=x onerror=alert(1)>";

    private SideEventsKit _kit = null!;

    public async Task InitializeAsync() => _kit = await SideEventsKit.StartAsync();

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task Page_PeoplesText_IsEscaped_AndTheCspAllowsNoScript()
    {
        var id = await _kit.ProposedAsync(TestUsers.Alice,
            (SideEventFormCard.Title, "Side event " + Hostile),
            (SideEventFormCard.Organisers, "Org " + Hostile),
            (SideEventFormCard.Description, "Text " + Hostile));
        await _kit.DecideAsync(id, SideEventVerbs.Accept);

        var (html, response) = await _kit.PublicPageAsync();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Side event &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html);
        Assert.Equal(WebLayout.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("script-src", WebLayout.ContentSecurityPolicy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Page_OnlyAcceptedSideEvents_AndNoContactWithoutConsent()
    {
        var accepted = await _kit.ProposedAsync(TestUsers.Alice, (SideEventFormCard.Title, "Accepted one"), (SideEventFormCard.ContactConsent, "organisers"));
        await _kit.ProposeAndGetIdAsync(TestUsers.Alice, (SideEventFormCard.Title, "Still pending"));
        await _kit.DecideAsync(accepted, SideEventVerbs.Accept);

        var (html, _) = await _kit.PublicPageAsync();

        Assert.Contains("Accepted one", html);
        Assert.DoesNotContain("Still pending", html);
        Assert.DoesNotContain("alice@example.org", html);
        Assert.Contains("One side event.", html);
    }

    [Fact]
    public async Task Page_InChinese_ByTheLanguageSwitch()
    {
        var id = await _kit.ProposedAsync(TestUsers.Alice);
        await _kit.DecideAsync(id, SideEventVerbs.Accept);

        var (html, response) = await _kit.PublicPageAsync("?lang=zh-Hans");

        Assert.Contains("<html lang=\"zh-Hans\">", html);
        Assert.Contains("区域审查会外活动", html);
        Assert.Contains("国际劳工组织", html);
        Assert.Contains("2027年2月10日", html);
        Assert.Equal("zh-Hans", response.Content.Headers.ContentLanguage.Single());
    }
}
