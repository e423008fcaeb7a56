using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace GcmBot.Bot.StakeholderDirectory;

/// <summary>The CSV an organiser sent: its name and text, or why it cannot be read.</summary>
public sealed record ImportFile(string Name, string? Text, DirectoryProblem? Problem)
{
    /// <summary>The name of rows pasted below the command (not a file); cards show it in the organiser's language.</summary>
    public const string Pasted = "\u0000pasted";

    public static ImportFile Failed(DirectoryProblem problem) => new(string.Empty, null, problem);
}

/// <summary>
/// Reads the CSV of a <c>directory import</c> message: a file attached in the personal chat (Teams sends it as a
/// <c>file.download.info</c> attachment with a short-lived, pre-authorised download link) or, for a few rows, the CSV
/// pasted under the command. Bounded in size; only the configured download hosts are contacted.
/// </summary>
public sealed partial class ImportFileReader(IHttpClientFactory httpClients, IOptions<DirectoryOptions> options, ILogger<ImportFileReader> logger)
{
    public const string FileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async Task<ImportFile?> ReadAsync(IMessageActivity activity, CancellationToken cancellationToken)
    {
        var files = (activity.Attachments ?? []).Where(a => a.ContentType == FileDownloadInfo).ToList();
        if (files.Count > 1)
        {
            return ImportFile.Failed(new DirectoryProblem(DirectoryProblemKind.OneFileAtATime));
        }

        if (files.Count == 1)
        {
            return await DownloadAsync(files[0], cancellationToken);
        }

        var pasted = PastedText(activity);
        return pasted.Length == 0 ? null : new ImportFile(ImportFile.Pasted, pasted, null);
    }

    /// <summary>What follows "directory import" in the message, line breaks kept (the command text folds them).</summary>
    internal static string PastedText(IMessageActivity activity)
    {
        // Teams also sends the message as HTML (a text/html attachment), where line breaks survive as <p> or <br>.
        var html = activity.Attachments?.FirstOrDefault(a => a.ContentType == "text/html")?.Content as string;
        var text = html ?? activity.Text ?? string.Empty;
        if (text.Contains('<', StringComparison.Ordinal) && (html is not null || string.Equals(activity.TextFormat, "xml", StringComparison.OrdinalIgnoreCase) || HtmlLine().IsMatch(text)))
        {
            // Teams may send rich text as HTML: paragraphs and breaks become lines, entities plain characters.
            text = HtmlLine().Replace(text, "\n");
            text = HtmlTag().Replace(text, string.Empty);
            text = WebUtility.HtmlDecode(text);
        }

        var match = CommandWords().Match(text);
        return match.Success ? text[match.Length..].Trim('\r', '\n', ' ', '\t') : string.Empty;
    }

    private async Task<ImportFile> DownloadAsync(Attachment attachment, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(attachment.Name) ? "attached file" : attachment.Name.Trim();
        var content = attachment.Content is JToken token ? token : attachment.Content is null ? null : JToken.FromObject(attachment.Content);
        var fileType = content?["fileType"]?.Value<string>();
        if (!name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !string.Equals(fileType, "csv", StringComparison.OrdinalIgnoreCase))
        {
            return ImportFile.Failed(new DirectoryProblem(DirectoryProblemKind.NotCsv, name));
        }

        if (!Uri.TryCreate(content?["downloadUrl"]?.Value<string>(), UriKind.Absolute, out var url) || !IsAllowed(url))
        {
            return ImportFile.Failed(new DirectoryProblem(DirectoryProblemKind.NoDownloadLink));
        }

        var limit = options.Value.MaxImportBytes;
        try
        {
            using var client = httpClients.CreateClient(nameof(ImportFileReader));
            client.Timeout = TimeSpan.FromSeconds(options.Value.DownloadTimeoutSeconds);
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogDownloadFailed(logger, (int)response.StatusCode);
                return ImportFile.Failed(new DirectoryProblem(DirectoryProblemKind.DownloadFailed));
            }

            if (response.Content.Headers.ContentLength > limit)
            {
                return TooLarge(name, limit);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return TooLarge(name, limit);
                }

                buffer.Write(chunk, 0, read);
            }

            return new ImportFile(name, StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
        }
        catch (DecoderFallbackException)
        {
            return ImportFile.Failed(new DirectoryProblem(DirectoryProblemKind.NotUtf8, name));
        }
        catch (HttpRequestException ex)
        {
            LogDownloadError(logger, ex);
            return ImportFile.Failed(new DirectoryProblem(DirectoryProblemKind.DownloadError));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ImportFile.Failed(new DirectoryProblem(DirectoryProblemKind.DownloadTooSlow));
        }
    }

    private static ImportFile TooLarge(string name, int limit) =>
        ImportFile.Failed(new DirectoryProblem(DirectoryProblemKind.FileTooLarge, name, limit / 1024));

    private bool IsAllowed(Uri url)
    {
        if (url.IsLoopback)
        {
            return options.Value.AllowLoopbackDownloads && url.Scheme is "http" or "https";
        }

        var host = url.IdnHost;
        return url.Scheme == Uri.UriSchemeHttps && options.Value.DownloadHosts.Any(allowed =>
            allowed.StartsWith('.') ? host.EndsWith(allowed, StringComparison.OrdinalIgnoreCase) : string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"^\s*directory\s+import\b[ \t]*", RegexOptions.IgnoreCase)]
    private static partial Regex CommandWords();

    [GeneratedRegex(@"<br\s*/?>|</p>|</div>|<p[^>]*>|<div[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlLine();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex HtmlTag();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Downloading an import file answered HTTP {StatusCode}")]
    private static partial void LogDownloadFailed(ILogger logger, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Downloading an import file failed")]
    private static partial void LogDownloadError(ILogger logger, Exception exception);
}
