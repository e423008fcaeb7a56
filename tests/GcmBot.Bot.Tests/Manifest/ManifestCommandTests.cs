using GcmBot.Bot.Teams.Routing;
using GcmBot.Manifest.Packaging;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Manifest;

/// <summary>The manifest's command lists against the commands the started bot really answers.</summary>
public sealed class ManifestCommandTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private RouteTable Routes => _bot.Services.GetRequiredService<RouteTable>();

    [Fact]
    public async Task ManifestCommands_EveryScope_AreAnsweredThereByTheBot()
    {
        using var run = await PackageRun.ValidAsync();

        Assert.Empty(ManifestCommands.Unanswered(run.Manifest(), Routes));
    }

    [Fact]
    public async Task RouteTable_CommandsForEveryone_AreInTheManifestWhileItsListsHaveRoom()
    {
        using var run = await PackageRun.ValidAsync();

        Assert.Empty(ManifestCommands.Missing(run.Manifest(), Routes));
    }

    [Theory]
    [InlineData("personal")]
    [InlineData("groupChat")]
    [InlineData("meeting")]
    [InlineData("channel")]
    public async Task Help_EachKindOfConversation_ListsEveryManifestCommandOfferedThere(string kind)
    {
        var (conversation, scope, manifestScope) = kind switch
        {
            "personal" => (_bot.PersonalChat(TestUsers.Alice), ConversationScopes.Personal, "personal"),
            "groupChat" => (_bot.GroupChat(), ConversationScopes.GroupChat, "groupChat"),
            "meeting" => (_bot.MeetingChat(), ConversationScopes.Meeting, "groupChat"),
            _ => (_bot.Channel(), ConversationScopes.Channel, "team"),
        };
        using var run = await PackageRun.ValidAsync();
        var offered = ManifestCommands.In(run.Manifest())
            .Where(c => c.Scope == manifestScope)
            .Select(c => ManifestCommands.RouteOf(c, Routes))
            .OfType<CommandRoute>()
            .Where(r => (r.Scopes & scope) != 0)
            .ToList();

        var help = (await conversation.SayAsync("help")).Reply.AllText;

        Assert.NotEmpty(offered);
        Assert.All(offered, route => Assert.Contains(route.Usage, help));
    }
}
