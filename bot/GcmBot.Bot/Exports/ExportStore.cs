using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using GcmBot.Bot.Storage;
using GcmBot.Cards.Words;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GcmBot.Bot.Exports;

public sealed class PublicHostOptions : IValidatableObject
{
    public const string SectionName = "PublicHost";

    /// <summary>
    /// The address people reach the host at (for download links and public pages); when empty, the address the host
    /// listens on (<see cref="PublicAddress"/>).
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>How long a download link works.</summary>
    [Range(1, 24 * 60)]
    public int ExportLinkMinutes { get; set; } = 60;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl)
            && !(Uri.TryCreate(BaseUrl.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult("PublicHost:BaseUrl must be an http or https address, or empty.", [nameof(BaseUrl)]);
        }
    }
}

/// <summary>A stored file's link, and when it stops working.</summary>
public sealed record PublishedFile(Uri Link, DateTimeOffset ExpiresAt)
{
    /// <summary>The same file, always offered as a download (an HTML file otherwise opens in the browser).</summary>
    public Uri DownloadLink => new(Link + "?" + ExportStore.DownloadQuery + "=1");
}

/// <summary>Names the resource files of this folder (<c>ExportsTexts.resx</c> and its translations).</summary>
public sealed class ExportsTexts;

/// <summary>Stores generated files and hands out their download links.</summary>
public sealed class ExportStore(
    IDbContextFactory<GcmDbContext> databases,
    IOptions<PublicHostOptions> options,
    PublicAddress publicAddress,
    TimeProvider time)
{
    public const string RoutePrefix = "/exports/";

    /// <summary>The query parameter that asks for a download instead of opening an HTML file in the browser.</summary>
    public const string DownloadQuery = "download";

    /// <summary>Stores a file; returns the link that downloads it until it expires.</summary>
    public async Task<Uri> PublishAsync(string fileName, string contentType, byte[] content, CancellationToken cancellationToken) =>
        (await PublishFileAsync(fileName, contentType, content, cancellationToken)).Link;

    /// <summary>Stores a file; returns its link and when the link expires (to tell people in their own time zone).</summary>
    public async Task<PublishedFile> PublishFileAsync(string fileName, string contentType, byte[] content, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Set<ExportFile>().Where(e => e.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        db.Add(new ExportFile
        {
            Token = token,
            FileName = fileName,
            ContentType = contentType,
            Content = content,
            CreatedAt = now,
            ExpiresAt = now.AddMinutes(options.Value.ExportLinkMinutes),
        });
        await db.SaveChangesAsync(cancellationToken);
        var link = new Uri(publicAddress.Base, RoutePrefix.TrimStart('/') + token);
        return new PublishedFile(link, now.AddMinutes(options.Value.ExportLinkMinutes));
    }

    public async Task<ExportFile?> FindAsync(string token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<ExportFile>().AsNoTracking().FirstOrDefaultAsync(e => e.Token == token && e.ExpiresAt > now, cancellationToken);
    }
}

public static class ExportEndpoints
{
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddOptions<PublicHostOptions>().BindConfiguration(PublicHostOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PublicAddress>();
        services.AddSingleton<ExportStore>();
        return services;
    }

    /// <summary>
    /// GET /exports/{token}: the file while its link is valid, 404 after (in the reader's language). An HTML file opens
    /// in the browser (<c>Content-Disposition: inline</c>) in a sandbox that runs no script and loads nothing;
    /// <c>?download=1</c>, and every other kind of file, downloads.
    /// </summary>
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExportStore.RoutePrefix + "{token}", async (
            string token, ExportStore store, HttpRequest request, HttpResponse response, IStringLocalizer<ExportsTexts> texts, CancellationToken cancellationToken) =>
        {
            var file = await store.FindAsync(token, cancellationToken);
            if (file is null)
            {
                var language = Languages.RequestLanguage.Of(request);
                using var scope = Languages.LanguageScope.Use(language);
                response.Headers.ContentLanguage = SupportedLanguages.TagOf(language);
                return Results.Text(texts["Expired"], "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            }

            // Personal data: never cached by browsers or proxies.
            response.Headers.CacheControl = "no-store";
            response.Headers.XContentTypeOptions = "nosniff";
            var inline = IsHtml(file.ContentType) && !request.Query.ContainsKey(ExportStore.DownloadQuery);
            if (!inline)
            {
                return Results.File(file.Content, file.ContentType, file.FileName);
            }

            response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";
            var disposition = new ContentDispositionHeaderValue("inline");
            disposition.SetHttpFileName(file.FileName);
            response.Headers.ContentDisposition = disposition.ToString();
            return Results.Bytes(file.Content, file.ContentType);
        });
        return endpoints;
    }

    private static bool IsHtml(string contentType) =>
        contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);
}
