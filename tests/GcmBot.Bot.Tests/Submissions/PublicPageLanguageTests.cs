using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using GcmBot.Bot.Submissions;

namespace GcmBot.Bot.Tests.Submissions;

public sealed class PublicPageLanguageTests : IAsyncLifetime
{
    private SubmissionsKit _kit = null!;

    public async Task InitializeAsync() => _kit = await SubmissionsKit.StartAsync();

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Theory]
    [InlineData(null, null, "en", "Written submissions to the Asia-Pacific regional review")]
    [InlineData("ru-RU,ru;q=0.9,en;q=0.5", null, "ru", "Письменные материалы для регионального обзора")]
    [InlineData("de-DE, fr;q=0.7", null, "fr", "Contributions écrites à l&#39;examen régional")]
    [InlineData("de-DE", null, "en", "Written submissions to the Asia-Pacific regional review")]
    [InlineData("zh-CN;q=0, ru;q=0.3", null, "ru", "Письменные материалы")]
    [InlineData("zh-CN", "fr", "fr", "Contributions écrites")]
    [InlineData("fr", "zh-Hans", "zh-Hans", "亚太区域审议书面意见")]
    [InlineData("fr", "klingon", "fr", "Contributions écrites")]
    public async Task Page_FollowsTheSwitchThenAcceptLanguage_ThenEnglish(string? acceptLanguage, string? chosen, string expectedLang, string expectedTitle)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, chosen is null ? "/submissions" : $"/submissions?lang={chosen}");
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        using var response = await _kit.Bot.Http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.StartsWith($"<!DOCTYPE html>\n<html lang=\"{expectedLang}\">", html);
        Assert.Contains(expectedTitle, html);
        Assert.Equal(expectedLang, response.Content.Headers.ContentLanguage.Single());
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Fact]
    public async Task Page_OffersEveryLanguage_AsPlainLinks_NamedInTheirOwnLanguage()
    {
        var html = await _kit.PublicPageAsync();

        Assert.Contains("<a href=\"?lang=en\" hreflang=\"en\" lang=\"en\" aria-current=\"true\">English</a>", html);
        Assert.Contains("<a href=\"?lang=fr\" hreflang=\"fr\" lang=\"fr\">Français</a>", html);
        Assert.Contains("<a href=\"?lang=ru\" hreflang=\"ru\" lang=\"ru\">Русский</a>", html);
        Assert.Contains("<a href=\"?lang=zh-Hans\" hreflang=\"zh-Hans\" lang=\"zh-Hans\">中文</a>", html);
    }

    [Fact]
    public async Task Page_StyleIsAllowedByItsHash_AndNothingInline()
    {
        using var response = await _kit.Bot.Http.GetAsync("/submissions?lang=ru");
        var html = await response.Content.ReadAsStringAsync();
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();

        var style = Regex.Match(html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Contains($"style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)))}'", policy);
        Assert.DoesNotContain(" style=", html);
    }

    [Fact]
    public async Task Page_InFrench_DatesAndCountsAreFrench()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice);
        await _kit.DecideAsync(id, Cards.Submissions.SubmissionVerbs.Accept);

        var html = await (await _kit.Bot.Http.GetAsync("/submissions?lang=fr")).Content.ReadAsStringAsync();

        Assert.Contains("1 contribution publiée. Mise à jour le <time datetime=\"2026-12-01\">1 décembre 2026</time>", html);
        Assert.Contains("Par Alice", html);
    }
}
