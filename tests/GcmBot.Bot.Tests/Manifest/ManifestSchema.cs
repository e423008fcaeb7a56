using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace GcmBot.Bot.Tests.Manifest;

/// <summary>The official Teams app manifest schema 1.29 from ../shared/schemas (draft-04).</summary>
public static class ManifestSchema
{
    public const string FileName = "teams-manifest-1.29.json";

    private static readonly Lazy<Task<JsonSchema?>> Schema = new(LoadAsync);

    public static bool IsAvailable => SharedFolder.File("schemas", FileName) is not null;

    /// <summary>The schema violations of a manifest; empty when it is valid.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(JsonObject manifest)
    {
        var schema = await Schema.Value ?? throw new InvalidOperationException(SharedFolder.MissingReason);
        return Flatten(schema.Validate(manifest.ToJsonString())).Select(e => $"{e.Path}: {e.Kind}").ToList();
    }

    // NJsonSchema reports a bad array item or object as one error holding the real ones: list those too.
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e is ChildSchemaValidationError child
            ? Flatten(child.Errors.SelectMany(x => x.Value)).Prepend(e)
            : [e]);

    private static async Task<JsonSchema?> LoadAsync()
    {
        var file = SharedFolder.File("schemas", FileName);
        if (file is null)
        {
            return null;
        }

        // "$schema" names the draft-04 meta-schema online; removed so that nothing is fetched.
        var json = JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsObject();
        json.Remove("$schema");
        return await JsonSchema.FromJsonAsync(json.ToJsonString());
    }
}
