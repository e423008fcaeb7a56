namespace GcmBot.Testing;

/// <summary>
/// Finds ../shared (the schemas and seed shared with CI) beside the checkout. Tests that need it skip, with the reason,
/// where it is absent; GCMBOT_SHARED overrides the search.
/// </summary>
public static class SharedFolder
{
    private static readonly Lazy<string?> Location = new(Find);

    public static string? Path => Location.Value;

    public const string MissingReason = "../shared (schemas and seed) was not found beside the checkout; set GCMBOT_SHARED to its path.";

    public static string? File(params string[] parts) =>
        Path is null ? null : System.IO.Path.Combine([Path, .. parts]) is var file && System.IO.File.Exists(file) ? file : null;

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("GCMBOT_SHARED");
        if (!string.IsNullOrEmpty(configured))
        {
            return Directory.Exists(configured) ? configured : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (System.IO.File.Exists(System.IO.Path.Combine(candidate, "schemas", "adaptive-card-1.5.json")))
            {
                return candidate;
            }
        }

        return null;
    }
}
