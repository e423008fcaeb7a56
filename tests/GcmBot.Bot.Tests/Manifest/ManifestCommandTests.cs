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

    [Fact]
    public async Task ManifestCommands_EveryScope_HaveAList()
    {
        using var run = await PackageRun.ValidAsync();

        Assert.Equal(ManifestCommands.Scopes.Keys.Order(), ManifestCommands.In(run.Manifest()).Select(c => c.Scope).Distinct().Order());
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

    [Fact]
    public void Missing_NewCommandForEveryone_IsReportedForTheScopeItWorksIn()
    {
        var routes = new RouteTable([Route("help", ConversationScopes.All), Route("ask", ConversationScopes.Meeting)], []);

        var problems = ManifestCommands.Missing(AppPackage.Template(), routes);

        var problem = Assert.Single(problems);
        Assert.Contains("'ask' in a meeting chat", problem);
        Assert.Contains("groupChat command list", problem);
    }

    [Fact]
    public void Missing_OrganiserCommand_IsNotRequired()
    {
        var routes = new RouteTable([Route("help", ConversationScopes.All), Route("schedule", ConversationScopes.All, forOrganisers: true)], []);

        Assert.Empty(ManifestCommands.Missing(AppPackage.Template(), routes));
    }

    [Fact]
    public void Missing_ListAlreadyFull_IsNotReported()
    {
        var manifest = AppPackage.Template();
        var personal = manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray();
        var words = Enumerable.Range(1, 9).Select(i => $"command {i}").ToList();
        words.ForEach(w => personal.Add(new System.Text.Json.Nodes.JsonObject { ["title"] = w, ["description"] = "d" }));
        var routes = new RouteTable([Route("help", ConversationScopes.Personal), .. words.Select(w => Route(w, ConversationScopes.Personal)), Route("one more", ConversationScopes.Personal)], []);

        Assert.Empty(ManifestCommands.Missing(manifest, routes));
    }

    [Fact]
    public void Unanswered_CommandTheBotDoesNotHave_IsReported()
    {
        var routes = new RouteTable([], []);

        var problems = ManifestCommands.Unanswered(AppPackage.Template(), routes);

        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.Contains("no command with exactly these words", p));
    }

    [Fact]
    public void Unanswered_CommandThatWorksElsewhereOnly_IsReported()
    {
        var routes = new RouteTable([Route("help", ConversationScopes.Personal)], []);

        var problems = ManifestCommands.Unanswered(AppPackage.Template(), routes);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("team list") && p.Contains("only in a personal chat"));
    }

    [Fact]
    public void Unanswered_OrganiserCommand_IsReported()
    {
        var routes = new RouteTable([Route("help", ConversationScopes.All, forOrganisers: true)], []);

        Assert.All(ManifestCommands.Unanswered(AppPackage.Template(), routes), p => Assert.Contains("organisers only", p));
    }

    private static CommandRoute Route(string words, ConversationScopes scopes, bool forOrganisers = false) =>
        new(words, words, "summary", scopes, typeof(object), forOrganisers);
}
