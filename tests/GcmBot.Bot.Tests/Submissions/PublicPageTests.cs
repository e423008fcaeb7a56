using System.Net;
using System.Text.Json.Nodes;
using GcmBot.Cards.Submissions;

namespace GcmBot.Bot.Tests.Submissions;

public sealed class PublicPageTests : IAsyncLifetime
{
    /// <summary>What a hostile author might try to get onto the public page.</summary>
    public const string HostileTitle = "<script>alert('title')</script>";
    public const string HostileText = "\"><img src=x onerror=alert(1)>\n\n<iframe src=javascript:alert(2)></iframe> & <b>bold</b>";
    public const string HostileOrganisation = "Org</p><script>document.write('owned')</script>";

    private SubmissionsKit _kit = null!;

    public async Task InitializeAsync() => _kit = await SubmissionsKit.StartAsync();

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task Page_NothingPublished_SaysSoAndStillListsTheThemes()
    {
        using var response = await _kit.Bot.Http.GetAsync("/submissions");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html);
        Assert.Contains("No submissions published yet", html);
        Assert.Contains("<h2 id=\"theme-d\">Theme d. Improving value-driven", html);
    }

    [Fact]
    public async Task Page_PendingSubmission_IsNotShown()
    {
        await _kit.SubmittedAsync(TestUsers.Alice, (SubmissionFormCard.Title, "Not yet reviewed"));

        Assert.DoesNotContain("Not yet reviewed", await _kit.PublicPageAsync());
        Assert.Empty((await _kit.PublicJsonAsync())["submissions"]!.AsArray());
    }

    [Fact]
    public async Task Page_WithNameConsent_ShowsNameAndOrganisation()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice, (SubmissionFormCard.Consent, "name"));
        await _kit.DecideAsync(id, SubmissionVerbs.Accept);

        var html = await _kit.PublicPageAsync();
        var json = (await _kit.PublicJsonAsync())["submissions"]![0]!;

        Assert.Contains("By Alice Ahmed, Migrant Forum in Asia", html);
        Assert.Equal("Alice Ahmed", json["author"]!.GetValue<string>());
        Assert.Equal("Migrant Forum in Asia", json["organisation"]!.GetValue<string>());
    }

    [Fact]
    public async Task Page_OrganisationOnlyConsent_NeverShowsTheName()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice, (SubmissionFormCard.Consent, "organisation"));
        await _kit.DecideAsync(id, SubmissionVerbs.Accept);

        var html = await _kit.PublicPageAsync();
        var json = await _kit.PublicJsonAsync();

        Assert.Contains("By Migrant Forum in Asia", html);
        Assert.DoesNotContain("Alice", html);
        Assert.DoesNotContain("Alice", json.ToJsonString());
        Assert.Null(json["submissions"]![0]!["author"]);
    }

    [Fact]
    public async Task Page_NotForPublication_IsNeverShownEvenWhenAccepted()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice, (SubmissionFormCard.Title, "Secretariat eyes only"), (SubmissionFormCard.Consent, "secretariat"));
        await _kit.DecideAsync(id, SubmissionVerbs.Accept);

        Assert.DoesNotContain("Secretariat eyes only", await _kit.PublicPageAsync());
        Assert.DoesNotContain("Secretariat eyes only", (await _kit.PublicJsonAsync()).ToJsonString());
    }

    [Fact]
    public async Task Page_GroupsByThemeAndObjective_WritingEachSubmissionOnce()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice, (SubmissionFormCard.Themes, "a,c"), (SubmissionFormCard.Objectives, "2,6,15"));
        await _kit.DecideAsync(id, SubmissionVerbs.Accept);

        var html = await _kit.PublicPageAsync();
        var groups = (await _kit.PublicJsonAsync())["groups"]!.AsArray();

        var objective2 = html.IndexOf("id=\"theme-a-objective-2\"", StringComparison.Ordinal);
        var objective6 = html.IndexOf("id=\"theme-a-objective-6\"", StringComparison.Ordinal);
        var objective15 = html.IndexOf("id=\"theme-c-objective-15\"", StringComparison.Ordinal);
        Assert.True(objective2 > 0 && objective2 < objective6 && objective6 < objective15);
        Assert.Equal(1, Count(html, $"<article id=\"submission-{id}\""));
        Assert.Equal(2, Count(html, $"<a href=\"#submission-{id}\">"));
        Assert.Equal(["a:2", "a:6", "c:15"], groups.Select(g => $"{g!["theme"]}:{g["objective"]}"));
    }

    [Fact]
    public async Task Page_ThemeWithoutObjectives_IsListedUnderTheThemeAsAWhole()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice, (SubmissionFormCard.Themes, "b"), (SubmissionFormCard.Objectives, string.Empty));
        await _kit.DecideAsync(id, SubmissionVerbs.Accept);

        var html = await _kit.PublicPageAsync();

        Assert.Contains("<h3 id=\"theme-b-general\">Theme b as a whole</h3>", html);
    }

    [Fact]
    public async Task Page_HostileText_IsEscapedEverywhere()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice,
            (SubmissionFormCard.Title, HostileTitle),
            (SubmissionFormCard.Text, HostileText),
            (SubmissionFormCard.Organisation, HostileOrganisation));
        await _kit.DecideAsync(id, SubmissionVerbs.Accept);

        var html = await _kit.PublicPageAsync();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>bold", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;", html);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.Contains("Org&lt;/p&gt;&lt;script&gt;", html);
        Assert.Contains("&amp; &lt;b&gt;bold&lt;/b&gt;", html);
    }

    [Fact]
    public async Task Json_HostileText_IsEscapedForHtmlContexts()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice, (SubmissionFormCard.Title, HostileTitle));
        await _kit.DecideAsync(id, SubmissionVerbs.Accept);

        using var response = await _kit.Bot.Http.GetAsync("/submissions.json");
        var raw = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<script", raw, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HostileTitle, JsonNode.Parse(raw)!["submissions"]![0]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Page_HttpsLink_IsALinkThatOpensSafely()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice, (SubmissionFormCard.Link, "https://example.org/sub.pdf?a=1&b=\"2\""));
        await _kit.DecideAsync(id, SubmissionVerbs.Accept);

        var html = await _kit.PublicPageAsync();

        Assert.Contains("<a href=\"https://example.org/sub.pdf?a=1&amp;b=%222%22\" rel=\"noopener noreferrer\">Read the document</a>", html);
    }

    [Fact]
    public async Task Page_SendsHeadersThatForbidScripts()
    {
        using var response = await _kit.Bot.Http.GetAsync("/submissions");

        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("public, max-age=60", response.Headers.CacheControl?.ToString());
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
