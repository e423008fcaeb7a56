using System.Text;
using GcmBot.Manifest.Icons;
using GcmBot.Manifest.Packaging;

namespace GcmBot.Bot.Tests.Manifest;

public sealed class PackagingTests
{
    [Fact]
    public async Task RunAsync_ValidOptions_WritesZipWithManifestAndIconsAtTheRoot()
    {
        using var run = await PackageRun.ValidAsync();

        Assert.Equal(PackageCommand.Ok, run.ExitCode);
        Assert.Equal(["color.png", "fr.json", "manifest.json", "outline.png", "ru.json", "zh-Hans.json"], run.Entries().Keys.Order(StringComparer.Ordinal));
        Assert.Equal(AppPackage.ColorIconFile(), run.Entries()["color.png"]);
        Assert.Equal(AppPackage.OutlineIconFile(), run.Entries()["outline.png"]);
        Assert.Contains("Wrote", run.Output);
    }

    [Fact]
    public async Task RunAsync_ValidOptions_FillsAppIdAndHostEverywhere()
    {
        using var run = await PackageRun.ValidAsync();

        var manifest = run.Manifest();
        Assert.Equal(PackageRun.AppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(PackageRun.AppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(PackageRun.AppId, manifest["webApplicationInfo"]!["id"]!.GetValue<string>());
        Assert.Equal([PackageRun.Host], manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal("Test secretariat", manifest["developer"]!["name"]!.GetValue<string>());
        Assert.Equal("https://gcmbot.example.net/privacy", manifest["developer"]!["privacyUrl"]!.GetValue<string>());
        Assert.Empty(ManifestTemplate.PlaceholdersIn(manifest));
    }

    [Fact]
    public async Task RunAsync_SettingsFromEnvironment_UsesTheBotsOwnKeys()
    {
        using var run = await PackageRun.StartAsync([], new()
        {
            ["MicrosoftAppId"] = PackageRun.AppId,
            ["PublicHost:BaseUrl"] = "https://bot.example.org/",
        });

        Assert.Equal(PackageCommand.Ok, run.ExitCode);
        Assert.Equal(PackageRun.AppId, run.Manifest()["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal("bot.example.org", run.Manifest()["validDomains"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_OptionAndEnvironment_OptionWins()
    {
        using var run = await PackageRun.StartAsync(["--host", "other.example.org"], new()
        {
            ["MicrosoftAppId"] = PackageRun.AppId,
            ["PublicHost:BaseUrl"] = "https://bot.example.org",
        });

        Assert.Equal("other.example.org", run.Manifest()["validDomains"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_HostAsBaseUrlWithPath_UsesTheHostNameOnly()
    {
        using var run = await PackageRun.StartAsync(["--app-id", PackageRun.AppId, "--host", "https://Engage.Example.org/gcmbot/"]);

        Assert.Equal(PackageCommand.Ok, run.ExitCode);
        Assert.Equal("engage.example.org", run.Manifest()["validDomains"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_SecretsInEnvironment_NotInThePackage()
    {
        const string secret = "Zq8~not-for-teams.Secret_Value-123";

        using var run = await PackageRun.StartAsync([], new()
        {
            ["MicrosoftAppId"] = PackageRun.AppId,
            ["MicrosoftAppPassword"] = secret,
            ["MicrosoftAppTenantId"] = "9d3c2b1a-0000-4000-8000-00000000abcd",
            ["PublicHost:BaseUrl"] = "https://bot.example.org",
            ["Storage:ConnectionString"] = $"Host=db;Password={secret}",
        });

        Assert.Equal(PackageCommand.Ok, run.ExitCode);
        var everything = Encoding.UTF8.GetString(File.ReadAllBytes(run.PackagePath)) + string.Concat(run.Entries().Values.Select(Encoding.UTF8.GetString));
        Assert.DoesNotContain(secret, everything);
        Assert.DoesNotContain("9d3c2b1a", everything);
        Assert.DoesNotContain(secret, run.Output + run.Error);
    }

    [Fact]
    public async Task RunAsync_SameSettingsTwice_SameBytes()
    {
        using var first = await PackageRun.ValidAsync();
        using var second = await PackageRun.ValidAsync();

        Assert.Equal(File.ReadAllBytes(first.PackagePath), File.ReadAllBytes(second.PackagePath));
    }

    [Fact]
    public async Task RunAsync_AppVersion_SetsTheManifestVersion()
    {
        using var run = await PackageRun.ValidAsync("--app-version", "1.2.3");

        Assert.Equal("1.2.3", run.Manifest()["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_NoAppId_SaysWhereToSetIt()
    {
        using var run = await PackageRun.StartAsync(["--host", PackageRun.Host]);

        Assert.Equal(PackageCommand.InvalidInput, run.ExitCode);
        Assert.Contains("--app-id", run.Error);
        Assert.Contains("MicrosoftAppId", run.Error);
        Assert.Contains("Nothing was written", run.Error);
        Assert.False(run.Wrote);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("Zq8~this.looks.like.a.client.secret")]
    [InlineData("3f2b8c4e9a1d4e7bb5c60d8e7f6a5b4c")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task RunAsync_AppIdNotAGuid_RefusesWithoutRepeatingIt(string appId)
    {
        using var run = await PackageRun.StartAsync(["--app-id", appId, "--host", PackageRun.Host]);

        Assert.Equal(PackageCommand.InvalidInput, run.ExitCode);
        Assert.Contains("app id", run.Error);
        Assert.DoesNotContain(appId, run.Error + run.Output);
        Assert.False(run.Wrote);
    }

    [Theory]
    [InlineData("http://gcmbot.example.org", "not HTTPS")]
    [InlineData("localhost", "localhost")]
    [InlineData("https://localhost", "localhost")]
    [InlineData("https://gcmbot.example.org:8443", "port 8443")]
    [InlineData("10.1.2.3", "IP address")]
    [InlineData("https://[2001:db8::1]", "IP address")]
    [InlineData("gcm bot.example.org", "not a host name")]
    [InlineData("intranet", "not a valid public host name")]
    [InlineData("-gcm.example.org", "not a valid")]
    [InlineData("gcm_bot.example.org", "not a valid")]
    [InlineData("https://gcmbot.example.org/?next=1", "query")]
    [InlineData("*.example.org", "host")]
    public async Task RunAsync_BadHost_RefusesAndSaysWhy(string host, string expected)
    {
        using var run = await PackageRun.StartAsync(["--app-id", PackageRun.AppId, "--host", host]);

        Assert.Equal(PackageCommand.InvalidInput, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.False(run.Wrote);
    }

    [Fact]
    public async Task RunAsync_HostWithPassword_RefusesWithoutRepeatingIt()
    {
        using var run = await PackageRun.StartAsync(["--app-id", PackageRun.AppId, "--host", "https://admin:hunter2@gcmbot.example.org"]);

        Assert.Equal(PackageCommand.InvalidInput, run.ExitCode);
        Assert.Contains("user name or password", run.Error);
        Assert.DoesNotContain("hunter2", run.Error);
    }

    [Fact]
    public async Task RunAsync_NoHost_SaysWhereToSetIt()
    {
        using var run = await PackageRun.StartAsync(["--app-id", PackageRun.AppId]);

        Assert.Equal(PackageCommand.InvalidInput, run.ExitCode);
        Assert.Contains("PublicHost__BaseUrl", run.Error);
    }

    [Theory]
    [InlineData("--app-version", "2", "MAJOR.MINOR.PATCH")]
    [InlineData("--developer-name", "A developer name far longer than thirty-two characters", "32")]
    [InlineData("--privacy-url", "http://example.org/privacy", "https://")]
    [InlineData("--website-url", "not a url", "https://")]
    public async Task RunAsync_BadOptionalSetting_Refuses(string option, string value, string expected)
    {
        using var run = await PackageRun.StartAsync(["--app-id", PackageRun.AppId, "--host", PackageRun.Host, option, value]);

        Assert.Equal(PackageCommand.InvalidInput, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.DoesNotContain("Note:", run.Error);
    }

    [Fact]
    public async Task RunAsync_OptionGivenTwice_Refuses()
    {
        using var run = await PackageRun.ValidAsync("--host", "other.example.org");

        Assert.Equal(PackageCommand.InvalidInput, run.ExitCode);
        Assert.Contains("--host is given twice", run.Error);
    }

    [Fact]
    public async Task RunAsync_UnknownOption_RefusesAndListsTheOptions()
    {
        using var run = await PackageRun.StartAsync(["--app-id", PackageRun.AppId, "--host", PackageRun.Host, "--password", "x"]);

        Assert.Equal(PackageCommand.InvalidInput, run.ExitCode);
        Assert.Contains("Unknown option '--password'", run.Error);
        Assert.Contains("--app-id", run.Error);
    }

    [Fact]
    public async Task RunAsync_OptionWithoutValue_Refuses()
    {
        using var run = await PackageRun.StartAsync(["--app-id", "--host", PackageRun.Host]);

        Assert.Equal(PackageCommand.InvalidInput, run.ExitCode);
        Assert.Contains("--app-id needs a value", run.Error);
    }

    [Fact]
    public async Task RunAsync_OutputNotAZip_Refuses()
    {
        using var run = await PackageRun.StartAsync(["--app-id", PackageRun.AppId, "--host", PackageRun.Host, "--out", "gcmbot.json"]);

        Assert.Equal(PackageCommand.InvalidInput, run.ExitCode);
        Assert.Contains(".zip", run.Error);
    }

    [Fact]
    public async Task RunAsync_PlaceholderDeveloperDetails_WritesAndWarns()
    {
        using var run = await PackageRun.StartAsync(["--app-id", PackageRun.AppId, "--host", PackageRun.Host]);

        Assert.Equal(PackageCommand.Ok, run.ExitCode);
        Assert.Contains("placeholders on example.org", run.Error);
        Assert.Contains("--privacy-url", run.Error);
        Assert.Equal(AppPackageConfiguration.DefaultPrivacyUrl.AbsoluteUri, run.Manifest()["developer"]!["privacyUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_OwnDeveloperDetails_NoWarning()
    {
        using var run = await PackageRun.ValidAsync();

        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task RunAsync_UnknownCommand_Refuses()
    {
        using var run = await PackageRun.StartAsync(["publish"]);

        Assert.Equal(PackageCommand.InvalidInput, run.ExitCode);
        Assert.Contains("Unknown command 'publish'", run.Error);
    }

    [Fact]
    public async Task RunAsync_Help_ExplainsEveryOption()
    {
        using var run = await PackageRun.StartAsync(["--help"]);

        Assert.Equal(PackageCommand.Ok, run.ExitCode);
        foreach (var option in new[] { "--app-id", "--host", "--out", "--app-version", "--developer-name", "--privacy-url", "icons" })
        {
            Assert.Contains(option, run.Output);
        }
    }

    [Fact]
    public async Task RunAsync_Icons_DrawsBothIconsAsCommitted()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gcmbot-package-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using var run = await PackageRun.StartAsync(["icons", "--out-dir", folder]);

            Assert.Equal(PackageCommand.Ok, run.ExitCode);
            Assert.Equal(PngImage.Decode(AppPackage.ColorIconFile()).Rgba, PngImage.Decode(File.ReadAllBytes(Path.Combine(folder, "color.png"))).Rgba);
            Assert.Equal(PngImage.Decode(AppPackage.OutlineIconFile()).Rgba, PngImage.Decode(File.ReadAllBytes(Path.Combine(folder, "outline.png"))).Rgba);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
