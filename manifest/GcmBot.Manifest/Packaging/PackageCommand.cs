using GcmBot.Manifest.Icons;
using Microsoft.Extensions.Configuration;

namespace GcmBot.Manifest.Packaging;

/// <summary>
/// The command line: <c>package</c> (the default) writes the Teams app package for one deployment; <c>icons</c> draws
/// the icons again into manifest/. Settings come from the options, else from the environment (the bot's own keys).
/// </summary>
public static class PackageCommand
{
    public const int Ok = 0;
    public const int InvalidInput = 2;

    public const string DefaultOutput = "manifest/out/gcmbot.zip";
    public const string DefaultIconFolder = "manifest";

    private static readonly Dictionary<string, string> PackageOptions = new(StringComparer.Ordinal)
    {
        ["--app-id"] = AppPackageConfiguration.AppIdKey,
        ["--host"] = AppPackageConfiguration.HostKey,
        ["--app-version"] = AppPackageConfiguration.VersionKey,
        ["--developer-name"] = AppPackageConfiguration.DeveloperNameKey,
        ["--website-url"] = AppPackageConfiguration.WebsiteUrlKey,
        ["--privacy-url"] = AppPackageConfiguration.PrivacyUrlKey,
        ["--terms-url"] = AppPackageConfiguration.TermsOfUseUrlKey,
        ["--out"] = "out",
    };

    private static readonly Dictionary<string, string> IconOptions = new(StringComparer.Ordinal)
    {
        ["--out-dir"] = "out",
    };

    public const string Usage = """
        Writes the GcmBot Teams app package (manifest.json, color.png, outline.png in one zip). No secrets go into it.

          dotnet run --project manifest/GcmBot.Manifest -- [package] --app-id <GUID> --host <host> [options]

          --app-id <GUID>         the Azure Bot's Microsoft App ID            (else MicrosoftAppId)
          --host <host or URL>    the bot's public HTTPS host                 (else PublicHost__BaseUrl)
          --out <file.zip>        where to write the package                  (default manifest/out/gcmbot.zip)
          --app-version <x.y.z>   the app version; raise it for every update  (else TeamsApp__Version; default: the template's)
          --developer-name <text> shown in Teams as the developer             (else TeamsApp__DeveloperName)
          --website-url <https>   developer's website                         (else TeamsApp__WebsiteUrl)
          --privacy-url <https>   privacy notice                              (else TeamsApp__PrivacyUrl)
          --terms-url <https>     terms of use                                (else TeamsApp__TermsOfUseUrl)

          dotnet run --project manifest/GcmBot.Manifest -- icons [--out-dir manifest]
            draws color.png and outline.png again from the project's own drawing.
        """;

    /// <summary>Runs the command; <paramref name="environment"/> supplies what the options leave out.</summary>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        IConfiguration environment,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        if (args.Any(a => a is "--help" or "-h"))
        {
            await output.WriteLineAsync(Usage);
            return Ok;
        }

        var named = args.Count > 0 && !args[0].StartsWith('-');
        var verb = named ? args[0] : "package";
        var rest = args.Skip(named ? 1 : 0).ToList();
        return verb switch
        {
            "package" => await PackageAsync(rest, environment, output, error, cancellationToken),
            "icons" => await IconsAsync(rest, output, error, cancellationToken),
            _ => await FailAsync(error, $"Unknown command '{verb}'. Use 'package' or 'icons' (--help shows the options)."),
        };
    }

    private static async Task<int> PackageAsync(
        List<string> args,
        IConfiguration environment,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        if (!TryParse(args, PackageOptions, out var options, out var problem))
        {
            return await FailAsync(error, problem);
        }

        var configuration = new ConfigurationBuilder()
            .AddConfiguration(environment)
            .AddInMemoryCollection(options.Where(o => o.Key != "out").Select(o => KeyValuePair.Create(o.Key, (string?)o.Value)))
            .Build();
        var result = AppPackageConfiguration.Read(configuration);
        var outPath = options.GetValueOrDefault("out") ?? DefaultOutput;
        var errors = result.Errors.ToList();
        if (!outPath.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"The package must be a .zip file (Teams uploads zips), not '{outPath}'.");
        }

        if (errors.Count > 0 || result.Settings is not { } settings)
        {
            return await FailAsync(error, string.Join(Environment.NewLine, errors));
        }

        var package = AppPackage.Create(settings);
        var fullPath = Path.GetFullPath(outPath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        // Written beside the target and moved into place, so that a failed run never leaves half a package behind.
        var temporary = fullPath + ".partial";
        await File.WriteAllBytesAsync(temporary, package.Zip, cancellationToken);
        File.Move(temporary, fullPath, overwrite: true);

        await output.WriteLineAsync($"Wrote {outPath} (app {settings.AppId}, host {settings.Host}, version {package.Manifest["version"]}).");
        await output.WriteLineAsync("Upload it in Teams (Apps > Manage your apps > Upload an app) or in the Teams admin center; docs/install.md has the steps.");
        foreach (var warning in result.Warnings)
        {
            await error.WriteLineAsync($"Note: {warning}");
        }

        return Ok;
    }

    private static async Task<int> IconsAsync(List<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!TryParse(args, IconOptions, out var options, out var problem))
        {
            return await FailAsync(error, problem);
        }

        var folder = options.GetValueOrDefault("out") ?? DefaultIconFolder;
        Directory.CreateDirectory(folder);
        foreach (var (name, image) in new[] { ("color.png", GcmIcon.Color()), ("outline.png", GcmIcon.Outline()) })
        {
            var path = Path.Combine(folder, name);
            await File.WriteAllBytesAsync(path, image.Encode(), cancellationToken);
            await output.WriteLineAsync($"Wrote {path} ({image.Width}×{image.Height}).");
        }

        return Ok;
    }

    private static bool TryParse(
        List<string> args,
        IReadOnlyDictionary<string, string> known,
        out Dictionary<string, string> options,
        out string problem)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        problem = string.Empty;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, value) = args[i].Split('=', 2) is [var n, var v] ? (n, (string?)v) : (args[i], null);
            if (!known.TryGetValue(name, out var key))
            {
                problem = $"Unknown option '{name}'. Options: {string.Join(", ", known.Keys)} (--help explains them).";
                return false;
            }

            value ??= i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            if (string.IsNullOrWhiteSpace(value))
            {
                problem = $"The option {name} needs a value.";
                return false;
            }

            if (!options.TryAdd(key, value))
            {
                problem = $"The option {name} is given twice.";
                return false;
            }
        }

        return true;
    }

    private static async Task<int> FailAsync(TextWriter error, string message)
    {
        await error.WriteLineAsync(message);
        await error.WriteLineAsync("Nothing was written.");
        return InvalidInput;
    }
}
