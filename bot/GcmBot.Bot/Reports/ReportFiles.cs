using System.ComponentModel.DataAnnotations;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using GcmBot.Bot.Exports;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Organisers;
using GcmBot.Bot.Teams.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.Reports;

public sealed class ReportsOptions
{
    public const string SectionName = "Reports";

    /// <summary>
    /// Hosts Teams' file uploads may go to (the end of the host name). Teams gives a OneDrive for Business upload URL;
    /// the URL comes back through the client, so the bot puts the report nowhere else.
    /// </summary>
    [Required]
    [MinLength(3)]
    public string UploadHostSuffix { get; set; } = ".sharepoint.com";

    /// <summary>
    /// Whether to offer reports as Teams files. Teams shows file consent cards only when the app manifest's bot has
    /// <c>supportsFiles: true</c> (ours does); turn it off for an app package without it, and the links alone are offered.
    /// </summary>
    public bool OfferFiles { get; set; } = true;
}

/// <summary>
/// Offers a report as a file in the organiser's personal chat through Teams' file consent card: on "Allow" the bytes go
/// to the upload URL Teams gives (the person's OneDrive) and a file card is sent; on "Decline" the bot says so.
/// </summary>
public sealed partial class ReportFileOffer(
    ExportStore exports,
    IOrganiserPolicy organisers,
    IHttpClientFactory http,
    IOptions<ReportsOptions> options,
    IStringLocalizer<ReportsTexts> texts,
    ILogger<ReportFileOffer> logger) : IFileConsentHandler
{
    public const string ReportPurpose = "report-file";
    private const string TokenKey = "token";

    public string Purpose => ReportPurpose;

    /// <summary>Sends the consent card for an exported file (personal chats only: Teams offers files nowhere else).</summary>
    public static async Task OfferAsync(BotTurn turn, Uri exportLink, string fileName, int size, string description, CancellationToken cancellationToken)
    {
        var context = new Newtonsoft.Json.Linq.JObject { [IFileConsentHandler.PurposeKey] = ReportPurpose, [TokenKey] = exportLink.Segments[^1] };
        var card = new FileConsentCard { Description = description, SizeInBytes = size, AcceptContext = context, DeclineContext = context };
        var activity = MessageFactory.Attachment(new Attachment { ContentType = FileConsentCard.ContentType, Name = fileName, Content = card });
        await turn.Context.SendActivityAsync(activity, cancellationToken);
    }

    public async Task HandleAsync(BotTurn turn, FileConsentAnswer answer, CancellationToken cancellationToken)
    {
        if (!await organisers.IsOrganiserAsync(turn, cancellationToken))
        {
            await turn.SendTextAsync(texts["File.NotOrganiser"], cancellationToken);
            return;
        }

        if (!answer.Accepted)
        {
            await turn.SendTextAsync(texts["File.Declined"], cancellationToken);
            return;
        }

        var token = answer.Context?[TokenKey] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        var file = token is { Length: > 0 and <= 64 } ? await exports.FindAsync(token, cancellationToken) : null;
        if (file is null)
        {
            await turn.SendTextAsync(texts["File.Expired"], cancellationToken);
            return;
        }

        if (answer.Upload is not { } upload || !IsAllowed(upload.UploadUrl))
        {
            LogRefusedTarget(logger);
            await turn.SendTextAsync(texts["File.NoPlace"], cancellationToken);
            return;
        }

        if (!await UploadAsync(upload.UploadUrl, file.Content, cancellationToken))
        {
            await turn.SendTextAsync(texts["File.UploadFailed"], cancellationToken);
            return;
        }

        var info = new Attachment
        {
            ContentType = FileInfoCard.ContentType,
            ContentUrl = upload.ContentUrl,
            Name = upload.Name ?? file.FileName,
            Content = new FileInfoCard { UniqueId = upload.UniqueId, FileType = upload.FileType },
        };
        await turn.Context.SendActivityAsync(MessageFactory.Attachment(info), cancellationToken);
    }

    private bool IsAllowed(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        && string.IsNullOrEmpty(uri.UserInfo)
        && uri.Host.EndsWith(options.Value.UploadHostSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>One PUT of the whole file (OneDrive upload sessions take files up to 60 MiB in one range).</summary>
    private async Task<bool> UploadAsync(string url, byte[] content, CancellationToken cancellationToken)
    {
        using var client = http.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(content) };
        request.Content.Headers.ContentLength = content.Length;
        request.Content.Headers.ContentRange = new ContentRangeHeaderValue(0, content.Length - 1, content.Length);
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            LogUploadFailed(logger, (int)response.StatusCode);
            return false;
        }
        catch (HttpRequestException)
        {
            LogUploadFailed(logger, 0);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a report file upload target that is not an allowed host")]
    private static partial void LogRefusedTarget(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Uploading a report file failed with status {Status}")]
    private static partial void LogUploadFailed(ILogger logger, int status);
}
