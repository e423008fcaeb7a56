using System.ComponentModel.DataAnnotations;

namespace GcmBot.Bot.Storage;

public enum StorageProvider { Sqlite, Postgres }

/// <summary>Where GcmBot keeps its data. The default is an SQLite file created on first run.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Folder of the embedded database (relative paths are under the app's content root).</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    /// <summary>
    /// Optional for SQLite (defaults to <c>{DataFolder}/gcmbot.db</c>); required for PostgreSQL. Secrets belong in
    /// environment variables or a secret store, never in appsettings.json.
    /// </summary>
    public string? ConnectionString { get; set; }
}
