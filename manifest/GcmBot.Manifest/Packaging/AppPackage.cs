using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using GcmBot.Manifest.Icons;

namespace GcmBot.Manifest.Packaging;

/// <summary>A Teams app package: the filled manifest and the zip that carries it with the icons.</summary>
public sealed record AppPackageContent(JsonObject Manifest, byte[] Zip);

/// <summary>Builds the Teams app package from the committed template and icons (embedded in this assembly).</summary>
public static class AppPackage
{
    public const string ManifestEntry = "manifest.json";

    // Fixed entry times, so that the same settings always give the same bytes (reproducible, diffable packages).
    private static readonly DateTimeOffset EntryTime = new(2020, 8, 26, 11, 0, 0, TimeSpan.FromHours(7));

    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        WriteIndented = true,
        // A file for Teams, not HTML: keep the descriptions' dashes and quotes readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>manifest/manifest.json as committed, placeholders and all.</summary>
    public static JsonObject Template() =>
        JsonNode.Parse(Embedded("manifest.json"))?.AsObject() ?? throw new InvalidDataException("manifest.json is empty.");

    /// <summary>
    /// The localisation files the manifest lists (<c>localizationInfo.additionalLanguages</c>): name, description and
    /// command descriptions in French, Russian and Chinese, by file name, as committed.
    /// </summary>
    public static IReadOnlyDictionary<string, byte[]> LanguageFiles(JsonObject manifest) =>
        (manifest["localizationInfo"]?["additionalLanguages"]?.AsArray() ?? [])
            .Select(l => l!["file"]!.GetValue<string>())
            .ToDictionary(file => file, Embedded);

    /// <summary>manifest/color.png as committed.</summary>
    public static byte[] ColorIconFile() => Embedded("color.png");

    /// <summary>manifest/outline.png as committed.</summary>
    public static byte[] OutlineIconFile() => Embedded("outline.png");

    /// <summary>
    /// The package for one deployment. Throws <see cref="InvalidOperationException"/> listing every problem when the
    /// committed template or icons break a Teams rule: those are the project's mistakes, not the installer's.
    /// </summary>
    public static AppPackageContent Create(AppPackageSettings settings)
    {
        var manifest = ManifestTemplate.Fill(Template(), settings);
        var color = ColorIconFile();
        var outline = OutlineIconFile();

        var problems = new List<string>(ManifestRules.Check(manifest));
        problems.AddRange(IconRules.CheckColor(PngImage.Decode(color)));
        problems.AddRange(IconRules.CheckOutline(PngImage.Decode(outline)));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The app package would break Teams' rules:\n- " + string.Join("\n- ", problems));
        }

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, ManifestEntry, JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson));
            Add(archive, manifest["icons"]!["color"]!.GetValue<string>(), color);
            Add(archive, manifest["icons"]!["outline"]!.GetValue<string>(), outline);
            foreach (var (file, content) in LanguageFiles(manifest))
            {
                Add(archive, file, content);
            }
        }

        return new AppPackageContent(manifest, zip.ToArray());
    }

    private static void Add(ZipArchive archive, string name, byte[] content)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        stream.Write(content);
    }

    private static byte[] Embedded(string name)
    {
        using var stream = typeof(AppPackage).Assembly.GetManifestResourceStream($"GcmBot.Manifest.{name}")
            ?? throw new InvalidOperationException($"{name} is not embedded in {typeof(AppPackage).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
