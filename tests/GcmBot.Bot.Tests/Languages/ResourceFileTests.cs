using System.Text.RegularExpressions;
using System.Xml.Linq;
using GcmBot.Cards.Words;

namespace GcmBot.Bot.Tests.Languages;

/// <summary>
/// Every resource file (<c>XxxTexts.resx</c>, English) has its translations in every supported language with the same
/// keys and the same placeholders, and every key is used by the code of its project.
/// </summary>
public sealed partial class ResourceFileTests
{
    private static readonly string[] Projects = ["bot/GcmBot.Bot", "cards/GcmBot.Cards"];

    public static TheoryData<string> NeutralFiles() => [.. NeutralFileList()];

    private static List<string> NeutralFileList() =>
        Projects.SelectMany(p => Directory.EnumerateFiles(Path.Combine(RepositoryFolder.Path, p), "*.resx", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Where(IsNeutral)
            .Select(f => Path.GetRelativePath(RepositoryFolder.Path, f))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void ResourceFiles_AreFound()
    {
        var files = NeutralFileList();
        Assert.Contains(files, file => file.EndsWith("LanguagesTexts.resx", StringComparison.Ordinal));
        Assert.Contains(files, file => file.EndsWith("LanguagesCardTexts.resx", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(NeutralFiles))]
    public void EveryLanguage_HasEveryKey_WithTheSamePlaceholders(string neutralFile)
    {
        var neutral = Read(Path.Combine(RepositoryFolder.Path, neutralFile));
        foreach (var tag in SupportedLanguages.Tags.Where(t => t != "en"))
        {
            var translatedFile = Path.Combine(RepositoryFolder.Path, neutralFile[..^".resx".Length] + "." + tag + ".resx");
            Assert.True(File.Exists(translatedFile), $"{neutralFile} has no {tag} translation ({Path.GetFileName(translatedFile)}).");
            var translated = Read(translatedFile);
            var missing = neutral.Keys.Except(translated.Keys).ToList();
            var extra = translated.Keys.Except(neutral.Keys).ToList();
            Assert.True(missing.Count == 0, $"{tag} lacks keys of {neutralFile}: {string.Join(", ", missing)}");
            Assert.True(extra.Count == 0, $"{tag} has keys that {neutralFile} lacks: {string.Join(", ", extra)}");
            foreach (var (key, text) in neutral)
            {
                Assert.True(
                    Placeholders(text).SetEquals(Placeholders(translated[key])),
                    $"{tag} {key}: placeholders differ from English ({string.Join(",", Placeholders(text))} vs {string.Join(",", Placeholders(translated[key]))}).");
                Assert.False(string.IsNullOrWhiteSpace(translated[key]), $"{tag} {key} is empty.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(NeutralFiles))]
    public void EveryKey_IsUsedByTheCode(string neutralFile)
    {
        var project = Projects.First(p => neutralFile.StartsWith(p, StringComparison.Ordinal));
        var source = string.Join("\n", Directory.EnumerateFiles(Path.Combine(RepositoryFolder.Path, project), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var unused = Read(Path.Combine(RepositoryFolder.Path, neutralFile)).Keys
            .Where(key => !IsUsed(key, source))
            .ToList();
        Assert.True(unused.Count == 0, $"{neutralFile} has keys no code uses: {string.Join(", ", unused)}");
    }

    // A key is used when it stands in quotes in the code, or when the code builds it from a quoted prefix
    // ($"Theme.{code}" uses every "Theme.*" key).
    private static bool IsUsed(string key, string source)
    {
        if (source.Contains('"' + key + '"', StringComparison.Ordinal))
        {
            return true;
        }

        var dot = key.LastIndexOf('.');
        return dot > 0 && source.Contains("\"" + key[..(dot + 1)] + "{", StringComparison.Ordinal);
    }

    private static bool IsNeutral(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        return !SupportedLanguages.Tags.Any(t => name.EndsWith("." + t, StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(file).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty);

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\{(\d+)")]
    private static partial Regex Placeholder();
}
