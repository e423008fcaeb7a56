using System.Security.Cryptography;
using System.Text;
using GcmBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GcmBot.Bot.PublicForms;

/// <summary>
/// A private link that lets a person who registered on the web see, change or cancel their registration and erase their
/// data. Only a hash of the link's secret is stored: a copy of the database opens nobody's registration.
/// </summary>
public sealed class ManageLink
{
    /// <summary>SHA-256 of the secret in the link, as hex.</summary>
    public required string SecretHash { get; set; }

    public required string UserStableId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}

internal sealed class ManageLinkConfiguration : IEntityTypeConfiguration<ManageLink>
{
    public void Configure(EntityTypeBuilder<ManageLink> builder)
    {
        builder.ToTable("ManageLinks");
        builder.HasKey(l => l.SecretHash);
        builder.Property(l => l.SecretHash).HasMaxLength(64);
        builder.Property(l => l.UserStableId).HasMaxLength(256);
        builder.HasIndex(l => l.UserStableId);
    }
}

/// <summary>Issues and resolves private links; forgets them with the person.</summary>
public sealed class ManageLinkStore(IDbContextFactory<GcmDbContext> databases, TimeProvider time) : Participants.IPersonalDataEraser
{
    /// <summary>A new secret for the person (256 random bits, URL-safe), valid until <paramref name="expiresAt"/>.</summary>
    public async Task<string> IssueAsync(string userStableId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.Add(new ManageLink { SecretHash = Hash(secret), UserStableId = userStableId, CreatedAt = time.GetUtcNow(), ExpiresAt = expiresAt });
        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }

    /// <summary>The person a link's secret belongs to; null when unknown or expired.</summary>
    public async Task<string?> ResolveAsync(string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 64)
        {
            return null;
        }

        var hash = Hash(secret);
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<ManageLink>().AsNoTracking()
            .Where(l => l.SecretHash == hash && l.ExpiresAt > now)
            .Select(l => l.UserStableId)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task EraseAsync(string userStableId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Set<ManageLink>().Where(l => l.UserStableId == userStableId).ExecuteDeleteAsync(cancellationToken);
    }

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
