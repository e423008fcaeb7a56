using System.Text.Json.Nodes;
using GcmBot.Manifest.Packaging;

namespace GcmBot.Bot.Tests.Manifest;

public sealed class ManifestTests
{
    [Fact]
    public async Task ProducedManifest_LetsAnonymousMeetingParticipantsUseTheCards()
    {
        using var run = await PackageRun.ValidAsync();

        Assert.True(run.Manifest()["meetingExtensionDefinition"]!["supportsAnonymousGuestUsers"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task ProducedManifest_ValidatesAgainstTeamsSchema129()
    {
        Skip.IfNot(ManifestSchema.IsAvailable, SharedFolder.MissingReason);
        using var run = await PackageRun.ValidAsync();

        var problems = await ManifestSchema.ValidateAsync(run.Manifest());

        Assert.True(problems.Count == 0, "The manifest breaks the 1.29 schema:\n" + string.Join("\n", problems));
    }

    [SkippableFact]
    public async Task ProducedManifest_WithPlaceholderDeveloperDetails_ValidatesToo()
    {
        Skip.IfNot(ManifestSchema.IsAvailable, SharedFolder.MissingReason);
        using var run = await PackageRun.StartAsync(["--app-id", PackageRun.AppId, "--host", PackageRun.Host]);

        Assert.Empty(await ManifestSchema.ValidateAsync(run.Manifest()));
    }

    [SkippableFact]
    public async Task SchemaCheck_BrokenManifest_IsCaught()
    {
        // The check above is only worth something if the validator really reads the schema.
        Skip.IfNot(ManifestSchema.IsAvailable, SharedFolder.MissingReason);
        using var run = await PackageRun.ValidAsync();
        var manifest = run.Manifest();
        manifest["bots"]![0]!["botId"] = "not-a-guid";
        manifest["bots"]![0]!["scopes"]!.AsArray().Add("meetings");
        manifest.Remove("icons");

        var problems = await ManifestSchema.ValidateAsync(manifest);

        Assert.Contains(problems, p => p.Contains("icons", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(problems, p => p.Contains("botId", StringComparison.OrdinalIgnoreCase));
        Assert.True(problems.Count >= 3, string.Join("\n", problems));
    }

    [Fact]
    public void Template_IsTheCurrentSchemaVersion()
    {
        var template = AppPackage.Template();

        Assert.Equal("1.29", template["manifestVersion"]!.GetValue<string>());
        Assert.EndsWith("/v1.29/MicrosoftTeams.schema.json", template["$schema"]!.GetValue<string>());
    }

    [Fact]
    public async Task ProducedManifest_FollowsTeamsRulesBeyondTheSchema()
    {
        using var run = await PackageRun.ValidAsync();

        Assert.Empty(ManifestRules.Check(run.Manifest()));
    }

    [Fact]
    public async Task ProducedManifest_BotWorksInPersonalGroupChatTeamAndMeetings()
    {
        using var run = await PackageRun.ValidAsync();
        var manifest = run.Manifest();

        var bot = manifest["bots"]![0]!;
        Assert.Equal(["groupChat", "personal", "team"], Strings(bot["scopes"]).Order());
        Assert.False(bot["isNotificationOnly"]!.GetValue<bool>());
        // Meeting chats are group chats to Teams: the bot joins a meeting through its groupChat scope.
        Assert.Equal("bot", manifest["defaultGroupCapability"]!["meetings"]!.GetValue<string>());
        Assert.Equal(["groupChat", "personal", "team"], bot["commandLists"]!.AsArray().SelectMany(l => Strings(l!["scopes"])).Order());
    }

    [Fact]
    public async Task ProducedManifest_AsksOnlyForTheMeetingPermissionsTheBotUses()
    {
        using var run = await PackageRun.ValidAsync();

        var permissions = run.Manifest()["authorization"]!["permissions"]!["resourceSpecific"]!.AsArray()
            .Select(p => (Name: p!["name"]!.GetValue<string>(), Type: p["type"]!.GetValue<string>()))
            .OrderBy(p => p.Name)
            .ToList();

        // Least privilege: meeting details and start/end events, meeting roles, targeted in-meeting notices. No
        // ChatMessage.Read.Chat: the bot reads only what mentions it and its own card actions (docs/install.md).
        Assert.Equal(
        [
            ("OnlineMeeting.ReadBasic.Chat", "Application"),
            ("OnlineMeetingNotification.Send.Chat", "Application"),
            ("OnlineMeetingParticipant.Read.Chat", "Application"),
        ], permissions);
        Assert.Null(run.Manifest()["permissions"]);
    }

    [Fact]
    public async Task ProducedManifest_ResourceSpecificConsentNamesTheBotsApp()
    {
        using var run = await PackageRun.ValidAsync();

        // RSC needs webApplicationInfo with the Entra app id; the resource is required but unused by RSC.
        var info = run.Manifest()["webApplicationInfo"]!;
        Assert.Equal(PackageRun.AppId, info["id"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(info["resource"]!.GetValue<string>()));
    }

    [Fact]
    public void Check_TooManyOrTooLongCommands_Reported()
    {
        var manifest = AppPackage.Template();
        var commands = manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray();
        var expected = commands.Count + 11;
        for (var i = 0; i < 10; i++)
        {
            commands.Add(new JsonObject { ["title"] = $"command {i}", ["description"] = "Does a thing" });
        }

        commands.Add(new JsonObject { ["title"] = new string('x', 33), ["description"] = new string('y', 129) });

        var problems = ManifestRules.Check(manifest);

        Assert.Contains(problems, p => p.Contains($"{expected} commands; Teams allows 10"));
        Assert.Contains(problems, p => p.Contains("title of 1–32 characters"));
        Assert.Contains(problems, p => p.Contains("description of 1–128 characters"));
        Assert.Contains(problems, p => p.Contains("placeholder {{APP_ID}}"));
    }

    [Fact]
    public void Check_CommandListForScopeTheBotLacks_Reported()
    {
        var manifest = AppPackage.Template();
        manifest["bots"]![0]!["scopes"] = new JsonArray("personal");

        var problems = ManifestRules.Check(manifest);

        Assert.Contains(problems, p => p.Contains("'groupChat', which the bot's scopes do not include"));
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node!.AsArray().Select(n => n!.GetValue<string>());
}
