using System.Text.Json.Nodes;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Manifest.Packaging;

namespace GcmBot.Bot.Tests.Manifest;

/// <summary>The comparison itself, on made-up route tables: it must catch each kind of drift.</summary>
public sealed class ManifestCommandsTests
{
    [Fact]
    public void Missing_NewCommandForEveryone_IsReportedForTheScopeItWorksIn()
    {
        var routes = new RouteTable([Route("help", ConversationScopes.All), Route("ask", ConversationScopes.Meeting)], []);

        var problems = ManifestCommands.Missing(HelpOnlyTemplate(), routes);

        var problem = Assert.Single(problems);
        Assert.Contains("'ask' in a meeting chat", problem);
        Assert.Contains("groupChat command list", problem);
    }

    [Fact]
    public void Missing_OrganiserCommand_IsNotRequired()
    {
        var routes = new RouteTable([Route("help", ConversationScopes.All), Route("schedule", ConversationScopes.All, forOrganisers: true)], []);

        Assert.Empty(ManifestCommands.Missing(HelpOnlyTemplate(), routes));
    }

    [Fact]
    public void Missing_ListAlreadyFull_IsNotReported()
    {
        var manifest = HelpOnlyTemplate();
        var personal = manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray();
        var words = Enumerable.Range(1, 9).Select(i => $"command {i}").ToList();
        words.ForEach(w => personal.Add(new JsonObject { ["title"] = w, ["description"] = "d" }));
        var routes = new RouteTable([Route("help", ConversationScopes.Personal), .. words.Select(w => Route(w, ConversationScopes.Personal)), Route("one more", ConversationScopes.Personal)], []);

        Assert.Empty(ManifestCommands.Missing(manifest, routes));
    }

    [Fact]
    public void Unanswered_CommandTheBotDoesNotHave_IsReported()
    {
        var routes = new RouteTable([], []);

        var problems = ManifestCommands.Unanswered(HelpOnlyTemplate(), routes);

        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.Contains("no command with exactly these words", p));
    }

    [Fact]
    public void Unanswered_CommandThatWorksElsewhereOnly_IsReported()
    {
        var routes = new RouteTable([Route("help", ConversationScopes.Personal)], []);

        var problems = ManifestCommands.Unanswered(HelpOnlyTemplate(), routes);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("team list") && p.Contains("only in a personal chat"));
    }

    [Fact]
    public void Unanswered_OrganiserCommand_IsReported()
    {
        var routes = new RouteTable([Route("help", ConversationScopes.All, forOrganisers: true)], []);
        var manifest = HelpOnlyTemplate();

        var problems = ManifestCommands.Unanswered(manifest, routes);

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Contains("organisers only", p));
    }

    /// <summary>The real template with only "help" in each list, so that these cases do not move as commands are added.</summary>
    private static JsonObject HelpOnlyTemplate()
    {
        var manifest = AppPackage.Template();
        foreach (var list in manifest["bots"]![0]!["commandLists"]!.AsArray())
        {
            var commands = list!["commands"]!.AsArray();
            for (var i = commands.Count - 1; i >= 0; i--)
            {
                if (commands[i]!["title"]!.GetValue<string>() != "help")
                {
                    commands.RemoveAt(i);
                }
            }
        }

        return manifest;
    }

    private static CommandRoute Route(string words, ConversationScopes scopes, bool forOrganisers = false) =>
        new(words, words, "summary", scopes, typeof(object), forOrganisers);
}
