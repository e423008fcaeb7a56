using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GcmBot.Manifest.Packaging;

/// <summary>
/// manifest/manifest.json with <c>{{NAME}}</c> placeholders in its string values, filled in for one deployment. The
/// template stays valid JSON, so editors and diffs treat it as the manifest it is.
/// </summary>
public static partial class ManifestTemplate
{
    public const string AppId = "APP_ID";
    public const string Host = "HOST";
    public const string DeveloperName = "DEVELOPER_NAME";
    public const string WebsiteUrl = "WEBSITE_URL";
    public const string PrivacyUrl = "PRIVACY_URL";
    public const string TermsOfUseUrl = "TERMS_URL";

    /// <summary>The manifest for one deployment; throws when the template names a placeholder nobody fills.</summary>
    public static JsonObject Fill(JsonObject template, AppPackageSettings settings)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AppId] = settings.AppId.ToString("D"),
            [Host] = settings.Host,
            [DeveloperName] = settings.DeveloperName,
            [WebsiteUrl] = settings.WebsiteUrl.AbsoluteUri,
            [PrivacyUrl] = settings.PrivacyUrl.AbsoluteUri,
            [TermsOfUseUrl] = settings.TermsOfUseUrl.AbsoluteUri,
        };

        var manifest = (JsonObject)Replace(template, values)!;
        if (settings.Version is not null)
        {
            manifest["version"] = settings.Version;
        }

        return manifest;
    }

    /// <summary>The placeholders still in a manifest (none once it is filled).</summary>
    public static IEnumerable<string> PlaceholdersIn(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => PlaceholdersIn(p.Value)),
        JsonArray array => array.SelectMany(PlaceholdersIn),
        JsonValue value when value.TryGetValue<string>(out var text) => Placeholder().Matches(text).Select(m => m.Value),
        _ => [],
    };

    private static JsonNode? Replace(JsonNode? node, IReadOnlyDictionary<string, string> values) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Replace(p.Value, values)))),
        JsonArray array => new JsonArray([.. array.Select(item => Replace(item, values))]),
        JsonValue value when value.TryGetValue<string>(out var text) => JsonValue.Create(Placeholder().Replace(text, m =>
            values.TryGetValue(m.Groups[1].Value, out var filled)
                ? filled
                : throw new InvalidOperationException($"manifest.json names the placeholder {m.Value}, which the packaging command does not fill."))),
        _ => node?.DeepClone(),
    };

    [GeneratedRegex(@"\{\{([A-Z_]+)\}\}")]
    private static partial Regex Placeholder();
}
