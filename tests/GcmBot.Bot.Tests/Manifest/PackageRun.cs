using System.IO.Compression;
using System.Text.Json.Nodes;
using GcmBot.Manifest.Packaging;
using Microsoft.Extensions.Configuration;

namespace GcmBot.Bot.Tests.Manifest;

/// <summary>The packaging command run in process, in a scratch folder of its own, with a given environment.</summary>
public sealed class PackageRun : IDisposable
{
    public const string AppId = "3f2b8c4e-9a1d-4e7b-b5c6-0d8e7f6a5b4c";
    public const string Host = "gcmbot.example.net";

    private PackageRun(string folder) => Folder = folder;

    public string Folder { get; }

    public int ExitCode { get; private set; }

    public string Output { get; private set; } = string.Empty;

    public string Error { get; private set; } = string.Empty;

    public string PackagePath => Path.Combine(Folder, "gcmbot.zip");

    public bool Wrote => File.Exists(PackagePath);

    /// <summary>Runs the command; unless the arguments name --out, the package goes to <see cref="PackagePath"/>.</summary>
    public static async Task<PackageRun> StartAsync(string[] args, Dictionary<string, string?>? environment = null)
    {
        var run = new PackageRun(Path.Combine(Path.GetTempPath(), "gcmbot-package-tests", Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(run.Folder);
        var withOut = args.Any(a => a.StartsWith("--out", StringComparison.Ordinal)) || args.FirstOrDefault() == "icons"
            ? args
            : [.. args, "--out", run.PackagePath];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(environment ?? []).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        run.ExitCode = await PackageCommand.RunAsync(withOut, configuration, output, error, CancellationToken.None);
        run.Output = output.ToString();
        run.Error = error.ToString();
        return run;
    }

    /// <summary>A valid package for the test app id and host, with developer details set.</summary>
    public static Task<PackageRun> ValidAsync(params string[] extra) => StartAsync(
    [
        "--app-id", AppId, "--host", Host, "--developer-name", "Test secretariat",
        "--website-url", "https://gcmbot.example.net/about", "--privacy-url", "https://gcmbot.example.net/privacy",
        "--terms-url", "https://gcmbot.example.net/terms", .. extra,
    ]);

    public IReadOnlyDictionary<string, byte[]> Entries()
    {
        using var archive = ZipFile.OpenRead(PackagePath);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    public JsonObject Manifest() => JsonNode.Parse(Entries()[AppPackage.ManifestEntry])!.AsObject();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up with the rest of the temp folder.
        }
    }
}
