using System.Text.Json.Nodes;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Manifest.Packaging;

namespace GcmBot.Bot.Tests.Manifest;

/// <summary>One command of a manifest command list.</summary>
public sealed record ManifestCommand(string Scope, string Title, string Description);

/// <summary>
/// Compares the manifest's command lists with the bot's <see cref="RouteTable"/>, so that the menu Teams shows and what
/// the bot answers cannot drift apart.
/// </summary>
public static class ManifestCommands
{
    /// <summary>Where Teams shows each command list, in the bot's own terms.</summary>
    public static readonly IReadOnlyDictionary<string, ConversationScopes> Scopes = new Dictionary<string, ConversationScopes>
    {
        ["personal"] = ConversationScopes.Personal,
        // A meeting chat is a group chat to Teams: the groupChat list shows in both.
        ["groupChat"] = ConversationScopes.GroupChat | ConversationScopes.Meeting,
        ["team"] = ConversationScopes.Channel,
    };

    public static IReadOnlyList<ManifestCommand> In(JsonObject manifest) =>
        (manifest["bots"]?[0]?["commandLists"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .SelectMany(list => (list["scopes"] as JsonArray ?? []).Select(s => s!.GetValue<string>())
                .SelectMany(scope => (list["commands"] as JsonArray ?? []).OfType<JsonObject>()
                    .Select(c => new ManifestCommand(scope, c["title"]!.GetValue<string>(), c["description"]?.GetValue<string>() ?? string.Empty))))
            .ToList();

    /// <summary>The route whose words are exactly the command's title (what Teams sends when someone picks it).</summary>
    public static CommandRoute? RouteOf(ManifestCommand command, RouteTable routes) =>
        routes.Commands.FirstOrDefault(r => string.Equals(r.Words, command.Title, StringComparison.Ordinal));

    /// <summary>
    /// Manifest commands the bot would not answer where Teams offers them: no such command, a command that works
    /// elsewhere only, or an organiser command (every stakeholder sees the menu; organisers find theirs in help).
    /// </summary>
    public static IReadOnlyList<string> Unanswered(JsonObject manifest, RouteTable routes)
    {
        var problems = new List<string>();
        foreach (var command in In(manifest))
        {
            var where = Scopes.GetValueOrDefault(command.Scope);
            var route = RouteOf(command, routes);
            if (route is null)
            {
                problems.Add($"The manifest's {command.Scope} list offers '{command.Title}', but the bot has no command with exactly these words.");
            }
            else if ((route.Scopes & where) == 0)
            {
                problems.Add($"The manifest's {command.Scope} list offers '{command.Title}', but the bot answers it only {route.Scopes.Where()}.");
            }
            else if (route.ForOrganisers)
            {
                problems.Add($"The manifest's {command.Scope} list offers '{command.Title}', which is for organisers only; every stakeholder sees this list.");
            }
        }

        return problems;
    }

    /// <summary>
    /// Commands for everyone that the bot answers in a scope but that scope's manifest list leaves out while it has
    /// room (Teams allows <see cref="ManifestRules.MaxCommandsPerList"/>): whoever adds a command adds it there too.
    /// </summary>
    public static IReadOnlyList<string> Missing(JsonObject manifest, RouteTable routes)
    {
        var commands = In(manifest);
        var problems = new List<string>();
        foreach (var (scope, where) in Scopes)
        {
            var listed = commands.Where(c => c.Scope == scope).Select(c => c.Title).ToHashSet(StringComparer.Ordinal);
            if (listed.Count >= ManifestRules.MaxCommandsPerList)
            {
                continue;
            }

            foreach (var route in routes.Commands.Where(r => !r.ForOrganisers && (r.Scopes & where) != 0 && !listed.Contains(r.Words)))
            {
                problems.Add(
                    $"The bot answers '{route.Words}' {route.Scopes.Where()}, but manifest/manifest.json's {scope} command list " +
                    $"leaves it out while it has room ({listed.Count} of {ManifestRules.MaxCommandsPerList}). Add it there.");
            }
        }

        return problems;
    }
}
