using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace GcmBot.Manifest.Packaging;

/// <summary>
/// What one deployment puts into its Teams app package. It has no field for a password or a secret, so none can
/// reach the package.
/// </summary>
/// <param name="AppId">The Azure Bot's Microsoft App ID (also the Teams app id and the RSC application id).</param>
/// <param name="Host">The public host name the bot answers at, e.g. <c>gcmbot.example.org</c>.</param>
/// <param name="Version">Overrides the template's app version (Teams needs a higher one for every update).</param>
public sealed record AppPackageSettings(
    Guid AppId,
    string Host,
    string? Version,
    string DeveloperName,
    Uri WebsiteUrl,
    Uri PrivacyUrl,
    Uri TermsOfUseUrl);

/// <summary>Settings read from configuration, or why they could not be, and what deserves a second look.</summary>
public sealed record SettingsResult(AppPackageSettings? Settings, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings);

/// <summary>Reads and checks <see cref="AppPackageSettings"/> from configuration (environment variables, options).</summary>
public static partial class AppPackageConfiguration
{
    public const string AppIdKey = "MicrosoftAppId";
    public const string HostKey = "PublicHost:BaseUrl";
    public const string VersionKey = "TeamsApp:Version";
    public const string DeveloperNameKey = "TeamsApp:DeveloperName";
    public const string WebsiteUrlKey = "TeamsApp:WebsiteUrl";
    public const string PrivacyUrlKey = "TeamsApp:PrivacyUrl";
    public const string TermsOfUseUrlKey = "TeamsApp:TermsOfUseUrl";

    /// <summary>
    /// Placeholders for the developer's details, under a domain reserved for examples (RFC 2606) so that nobody takes
    /// them for a real organisation's pages. Every deployment should set its own.
    /// </summary>
    public const string DefaultDeveloperName = "GcmBot project";
    public static readonly Uri DefaultWebsiteUrl = new("https://example.org/gcmbot");
    public static readonly Uri DefaultPrivacyUrl = new("https://example.org/gcmbot/privacy");
    public static readonly Uri DefaultTermsOfUseUrl = new("https://example.org/gcmbot/terms");

    private const int MaxDeveloperName = 32;
    private const int MaxUrl = 2048;

    public static SettingsResult Read(IConfiguration configuration)
    {
        var errors = new List<string>();
        var warnings = new List<string>();

        var appId = ReadAppId(configuration[AppIdKey], errors);
        var host = ReadHost(configuration[HostKey], errors);

        var version = Trimmed(configuration[VersionKey]);
        if (version is not null && !SemanticVersion().IsMatch(version))
        {
            errors.Add($"The app version '{version}' is not MAJOR.MINOR.PATCH (e.g. 1.0.1). Teams needs a higher one for every update.");
        }

        var developerName = Trimmed(configuration[DeveloperNameKey]) ?? DefaultDeveloperName;
        if (developerName.Length > MaxDeveloperName)
        {
            errors.Add($"The developer name has {developerName.Length} characters; Teams allows {MaxDeveloperName}.");
        }

        var website = ReadUrl(configuration[WebsiteUrlKey], DefaultWebsiteUrl, "website", "--website-url", errors);
        var privacy = ReadUrl(configuration[PrivacyUrlKey], DefaultPrivacyUrl, "privacy", "--privacy-url", errors);
        var terms = ReadUrl(configuration[TermsOfUseUrlKey], DefaultTermsOfUseUrl, "terms of use", "--terms-url", errors);
        if (website == DefaultWebsiteUrl || privacy == DefaultPrivacyUrl || terms == DefaultTermsOfUseUrl)
        {
            warnings.Add(
                "The developer links are placeholders on example.org. Before publishing the app to your organisation, set " +
                "--website-url, --privacy-url and --terms-url (or TeamsApp__WebsiteUrl, TeamsApp__PrivacyUrl, TeamsApp__TermsOfUseUrl) " +
                "to your organisation's pages; the privacy page should say how stakeholders' personal data is handled.");
        }

        if (developerName == DefaultDeveloperName)
        {
            warnings.Add($"The developer name is the placeholder '{DefaultDeveloperName}'; set --developer-name (or TeamsApp__DeveloperName) to the organisation that runs this bot.");
        }

        if (errors.Count > 0 || appId is null || host is null || website is null || privacy is null || terms is null)
        {
            return new SettingsResult(null, errors, warnings);
        }

        return new SettingsResult(new AppPackageSettings(appId.Value, host, version, developerName, website, privacy, terms), errors, warnings);
    }

    private static Guid? ReadAppId(string? value, List<string> errors)
    {
        value = Trimmed(value);
        if (value is null)
        {
            errors.Add("No bot app id. Pass --app-id <GUID> or set MicrosoftAppId: the Microsoft App ID of your Azure Bot resource.");
            return null;
        }

        // The value is not repeated in the message: someone may have pasted the client secret by mistake.
        if (!Guid.TryParseExact(value, "D", out var id))
        {
            errors.Add("The bot app id is not a GUID (8-4-4-4-12 hexadecimal digits, e.g. 0b8f5a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b). Use the Microsoft App ID of your Azure Bot resource, not its password.");
            return null;
        }

        if (id == Guid.Empty)
        {
            errors.Add("The bot app id is all zeros. Use the Microsoft App ID of your Azure Bot resource.");
            return null;
        }

        return id;
    }

    /// <summary>
    /// The host name from a bare name or a base URL ("gcmbot.example.org", "https://gcmbot.example.org/"); a path is
    /// allowed (a bot behind a reverse proxy), since Teams only needs the host.
    /// </summary>
    private static string? ReadHost(string? value, List<string> errors)
    {
        value = Trimmed(value);
        if (value is null)
        {
            errors.Add("No public host. Pass --host <name> or set PublicHost__BaseUrl to the HTTPS address Teams reaches the bot at (e.g. https://gcmbot.example.org).");
            return null;
        }

        var withScheme = value.Contains("://", StringComparison.Ordinal) ? value : "https://" + value;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) || value.Any(char.IsWhiteSpace))
        {
            errors.Add($"The host '{value}' is not a host name or an address (e.g. gcmbot.example.org or https://gcmbot.example.org).");
            return null;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            // Not echoed: the user-info part of an address may carry a password.
            errors.Add("The host address contains a user name or password; give only the host (e.g. gcmbot.example.org).");
            return null;
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add($"The host address '{value}' is not HTTPS; Teams only talks to bots over HTTPS.");
            return null;
        }

        if (!uri.IsDefaultPort)
        {
            errors.Add($"The host address '{value}' names port {uri.Port}; Teams reaches bots on the standard HTTPS port 443 (put a reverse proxy or tunnel in front).");
            return null;
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            errors.Add($"The host address '{value}' has a query or fragment; give the host name or base address only.");
            return null;
        }

        string host;
        try
        {
            host = new IdnMapping().GetAscii(uri.Host.TrimEnd('.')).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            errors.Add($"The host '{uri.Host}' is not a valid host name.");
            return null;
        }

        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || IPAddress.TryParse(host, out _))
        {
            errors.Add($"The host '{uri.Host}' is an IP address; Teams needs a DNS name with a certificate for it (e.g. gcmbot.example.org).");
            return null;
        }

        if (host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal))
        {
            errors.Add("The host is localhost, which Teams cannot reach. Use the bot's public host name (for local testing, a dev tunnel's host name).");
            return null;
        }

        if (!HostName().IsMatch(host))
        {
            errors.Add($"The host '{uri.Host}' is not a valid public host name (letters, digits and hyphens, with a dot, e.g. gcmbot.example.org).");
            return null;
        }

        return host;
    }

    private static Uri? ReadUrl(string? value, Uri fallback, string what, string option, List<string> errors)
    {
        value = Trimmed(value);
        if (value is null)
        {
            return fallback;
        }

        if (value.Length > MaxUrl || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(uri.UserInfo))
        {
            errors.Add($"The {what} link ({option}) must be an absolute https:// address of at most {MaxUrl} characters.");
            return null;
        }

        return uri;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})$")]
    private static partial Regex SemanticVersion();

    // At least two labels; each 1–63 letters, digits or inner hyphens; at most 253 characters in all.
    [GeneratedRegex(@"^(?=.{4,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$")]
    private static partial Regex HostName();
}
