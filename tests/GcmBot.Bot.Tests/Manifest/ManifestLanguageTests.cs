using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GcmBot.Cards.Words;

namespace GcmBot.Bot.Tests.Manifest;

/// <summary>The manifest's localisation files: one per supported language besides English, in the package, each key a real manifest string.</summary>
public sealed partial class ManifestLanguageTests
{
    [Fact]
    public async Task Manifest_ListsAFileForEachLanguageBesidesEnglish_AndThePackageCarriesThem()
    {
        using var run = await PackageRun.ValidAsync();
        var info = run.Manifest()["localizationInfo"]!;

        Assert.Equal("en", info["defaultLanguageTag"]!.GetValue<string>());
        var languages = info["additionalLanguages"]!.AsArray().ToDictionary(l => l!["languageTag"]!.GetValue<string>(), l => l!["file"]!.GetValue<string>());
        Assert.Equal(SupportedLanguages.Tags.Where(t => t != "en").Order(StringComparer.Ordinal), languages.Keys.Order(StringComparer.Ordinal));
        foreach (var file in languages.Values)
        {
            Assert.True(run.Entries().ContainsKey(file), $"{file} is not in the package.");
        }
    }

    [Theory]
    [InlineData("fr.json")]
    [InlineData("ru.json")]
    [InlineData("zh-Hans.json")]
    public async Task LanguageFile_TranslatesNameDescriptionAndEveryCommandDescription_OfThisManifest(string file)
    {
        using var run = await PackageRun.ValidAsync();
        var manifest = run.Manifest();
        var strings = JsonNode.Parse(run.Entries()[file])!.AsObject();

        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.Localization.schema.json", strings["$schema"]!.GetValue<string>());
        foreach (var key in new[] { "name.short", "name.full", "description.short", "description.full" })
        {
            Assert.False(string.IsNullOrWhiteSpace(strings[key]?.GetValue<string>()), $"{file} lacks {key}.");
        }

        Assert.True(strings["name.full"]!.GetValue<string>().Length <= 100);
        Assert.True(strings["description.short"]!.GetValue<string>().Length <= 80);
        Assert.True(strings["description.full"]!.GetValue<string>().Length <= 4000);
        var commands = manifest["bots"]![0]!["commandLists"]!.AsArray()
            .SelectMany((list, i) => list!["commands"]!.AsArray().Select((_, j) => $"bots[0].commandLists[{i}].commands[{j}].description"))
            .ToList();
        var translated = strings.Select(p => p.Key).Where(k => CommandKey().IsMatch(k)).ToList();
        // Every command description is translated, and no key points at a command the manifest does not have.
        Assert.Equal(commands.Order(StringComparer.Ordinal), translated.Order(StringComparer.Ordinal));
        Assert.All(translated, k => Assert.True(strings[k]!.GetValue<string>().Length <= 128, $"{file} {k} is too long for Teams."));
    }

    [GeneratedRegex(@"^bots\[0\]\.commandLists\[\d+\]\.commands\[\d+\]\.description$")]
    private static partial Regex CommandKey();
}
