using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using GcmBot.Bot.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.Exports;

public sealed class PublicHostOptions
{
    public const string SectionName = "PublicHost";

    /// <summary>The address people reach the host at (for download links and public pages).</summary>
    [Required]
    [Url]
    public string BaseUrl { get; set; } = "http://localhost:3978";

    /// <summary>How long a download link works.</summary>
    [Range(1, 24 * 60)]
    public int ExportLinkMinutes { get; set; } = 60;
}

/// <summary>Stores generated files and hands out their download links.</summary>
public sealed class ExportStore(IDbContextFactory<GcmDbContext> databases, IOptions<PublicHostOptions> options, TimeProvider time)
{
    public const string RoutePrefix = "/exports/";

    /// <summary>Stores a file; returns the link that downloads it until it expires.</summary>
    public async Task<Uri> PublishAsync(string fileName, string contentType, byte[] content, CancellationToken cancellationToken)
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
        return new Uri(new Uri(options.Value.BaseUrl.TrimEnd('/') + "/"), RoutePrefix.TrimStart('/') + token);
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
        services.AddSingleton<ExportStore>();
        return services;
    }

    /// <summary>GET /exports/{token}: the file while its link is valid, 404 after.</summary>
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ExportStore.RoutePrefix + "{token}", async (string token, ExportStore store, HttpResponse response, CancellationToken cancellationToken) =>
        {
            var file = await store.FindAsync(token, cancellationToken);
            if (file is null)
            {
                return Results.NotFound("This download link has expired or never existed. Ask GcmBot for a new export.");
            }

            // Personal data: never cached by browsers or proxies.
            response.Headers.CacheControl = "no-store";
            return Results.File(file.Content, file.ContentType, file.FileName);
        });
        return endpoints;
    }
}
