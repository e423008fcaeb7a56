using System.Net;
using System.Text;
using GcmBot.Bot.Exports;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Foundation;

public sealed class ExportsTests
{
    [Theory]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    public void Escape_NeutralisesFormulasAndQuotes(string cell, string expected)
    {
        Assert.Equal(expected, CsvWriter.Escape(cell));
    }

    [Fact]
    public void CsvWriter_WritesUtf8WithBomAndCrlf()
    {
        var bytes = new CsvWriter(["name", "country"]).Row(["Nguyễn Thị", "Viet Nam"]).ToUtf8Bytes();

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("name,country\r\nNguyễn Thị,Viet Nam\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task PublishedExport_DownloadsUntilItExpires()
    {
        await using var bot = await BotApp.StartAsync(o => o.FakeTimeStart = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
        var store = bot.Services.GetRequiredService<ExportStore>();

        var link = await store.PublishAsync("list.csv", "text/csv", Encoding.UTF8.GetBytes("a,b"), CancellationToken.None);
        using var fresh = await bot.Http.GetAsync(link.PathAndQuery);
        bot.Time!.Advance(TimeSpan.FromMinutes(61));
        using var expired = await bot.Http.GetAsync(link.PathAndQuery);
        using var guessed = await bot.Http.GetAsync("/exports/not-a-token");

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal("a,b", await fresh.Content.ReadAsStringAsync());
        Assert.Equal("no-store", fresh.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.StartsWith("http://localhost:3978/exports/", link.ToString());
    }

    [Fact]
    public async Task WithoutAConfiguredPublicAddress_LinksUseTheAddressTheHostListensOn()
    {
        await using var bot = await BotApp.StartAsync(o => o.UseKestrel = true);
        var store = bot.Services.GetRequiredService<ExportStore>();

        var link = await store.PublishAsync("list.csv", "text/csv", Encoding.UTF8.GetBytes("a,b"), CancellationToken.None);
        using var client = new HttpClient();
        using var response = await client.GetAsync(link);

        Assert.Equal(bot.ServerAddress!.Authority, link.Authority);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("a,b", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AConfiguredPublicAddress_IsUsedAsGiven()
    {
        await using var bot = await BotApp.StartAsync(o => o.Settings["PublicHost:BaseUrl"] = "https://gcmbot.example.org/base");
        var store = bot.Services.GetRequiredService<ExportStore>();

        var link = await store.PublishAsync("list.csv", "text/csv", Encoding.UTF8.GetBytes("a,b"), CancellationToken.None);

        Assert.StartsWith("https://gcmbot.example.org/base/exports/", link.ToString());
    }
}
