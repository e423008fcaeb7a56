using System.ComponentModel.DataAnnotations;

namespace GcmBot.Bot.StakeholderDirectory;

/// <summary>Bounds of the stakeholder directory's imports, pages and exports (section <c>Directory</c>).</summary>
public sealed class DirectoryOptions
{
    public const string SectionName = "Directory";

    /// <summary>An import file larger than this is refused unread.</summary>
    [Range(1024, 10 * 1024 * 1024)]
    public int MaxImportBytes { get; set; } = 1024 * 1024;

    /// <summary>Data rows an import may have (the header not counted).</summary>
    [Range(1, 50_000)]
    public int MaxImportRows { get; set; } = 5000;

    /// <summary>How long a dry run waits for its "Apply import" before it expires.</summary>
    [Range(1, 24 * 7)]
    public int StagedImportHours { get; set; } = 24;

    [Range(1, 25)]
    public int PageSize { get; set; } = 10;

    [Range(1, 100_000)]
    public int MaxExportRows { get; set; } = 20_000;

    /// <summary>Seconds to wait for a file attachment's download.</summary>
    [Range(1, 300)]
    public int DownloadTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Hosts (or host suffixes starting with a dot) that file attachments may be downloaded from. Teams hands bots a
    /// pre-authorised SharePoint/OneDrive link; any other host is refused, so a forged attachment cannot make the bot
    /// fetch internal addresses.
    /// </summary>
    public List<string> DownloadHosts { get; set; } = [".sharepoint.com", ".sharepoint.us", ".sharepoint-mil.us", ".sharepoint.cn", ".sharepoint.de"];

    /// <summary>Also allow plain-HTTP downloads from the loopback address (local tests only).</summary>
    public bool AllowLoopbackDownloads { get; set; }
}
