using System.Text.Json.Nodes;

namespace GcmBot.Manifest.Packaging;

/// <summary>
/// Rules Teams enforces on a bot's manifest beyond its JSON schema (the schema allows 12 commands of 128 characters;
/// Teams' documentation and upload checks allow 10 per list, titles of 32 and descriptions of 128), plus the shape
/// this project's package relies on.
/// </summary>
public static class ManifestRules
{
    public const int MaxCommandsPerList = 10;
    public const int MaxCommandTitle = 32;
    public const int MaxCommandDescription = 128;

    /// <summary>The scopes a bot's command list can name that this project uses.</summary>
    public static readonly IReadOnlyList<string> CommandScopes = ["personal", "groupChat", "team"];

    /// <summary>Every rule the manifest breaks; empty when it is fine.</summary>
    public static IReadOnlyList<string> Check(JsonObject manifest)
    {
        var problems = new List<string>();
        problems.AddRange(ManifestTemplate.PlaceholdersIn(manifest).Distinct().Select(p => $"The placeholder {p} is not filled in."));

        foreach (var key in new[] { "color", "outline" })
        {
            var file = manifest["icons"]?[key]?.GetValue<string>();
            if (file is null || !file.EndsWith(".png", StringComparison.Ordinal) || file.Contains('/') || file.Contains('\\'))
            {
                problems.Add($"icons.{key} must name a PNG file at the root of the package, not '{file}'.");
            }
        }

        if (manifest["bots"] is not JsonArray { Count: 1 } bots || bots[0] is not JsonObject bot)
        {
            problems.Add("The manifest must declare exactly one bot.");
            return problems;
        }

        var botScopes = Strings(bot["scopes"]);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in (bot["commandLists"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var scopes = Strings(list["scopes"]);
            foreach (var scope in scopes)
            {
                if (!listed.Add(scope))
                {
                    problems.Add($"The scope '{scope}' has more than one command list; Teams shows one list per scope.");
                }

                if (!botScopes.Contains(scope))
                {
                    problems.Add($"A command list names the scope '{scope}', which the bot's scopes do not include.");
                }
            }

            var commands = (list["commands"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            var where = string.Join("/", scopes);
            if (commands.Count > MaxCommandsPerList)
            {
                problems.Add($"The {where} command list has {commands.Count} commands; Teams allows {MaxCommandsPerList}.");
            }

            foreach (var duplicate in commands.GroupBy(c => c["title"]?.GetValue<string>(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                problems.Add($"The {where} command list has '{duplicate.Key}' more than once.");
            }

            foreach (var command in commands)
            {
                var title = command["title"]?.GetValue<string>() ?? string.Empty;
                var description = command["description"]?.GetValue<string>() ?? string.Empty;
                if (title.Trim().Length == 0 || title.Length > MaxCommandTitle)
                {
                    problems.Add($"The {where} command '{title}' needs a title of 1–{MaxCommandTitle} characters.");
                }

                if (description.Trim().Length == 0 || description.Length > MaxCommandDescription)
                {
                    problems.Add($"The {where} command '{title}' needs a description of 1–{MaxCommandDescription} characters.");
                }
            }
        }

        foreach (var domain in Strings(manifest["validDomains"]))
        {
            if (domain.Contains("://", StringComparison.Ordinal) || domain.Contains('/'))
            {
                problems.Add($"validDomains lists '{domain}'; Teams wants host names without scheme or path.");
            }
        }

        return problems;
    }

    private static List<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(n => n?.GetValue<string>()).OfType<string>().ToList();
}
