using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GcmBot.Bot.Exports;

/// <summary>
/// A generated file (CSV, Markdown, HTML, .ics) offered for download through an unguessable, expiring link, so that a
/// person in Teams can open it from a card button. Exports carry personal data: they expire and are then deleted.
/// </summary>
public sealed class ExportFile
{
    /// <summary>256 random bits, base64url: the secret part of the link.</summary>
    public required string Token { get; set; }

    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}

internal sealed class ExportFileConfiguration : IEntityTypeConfiguration<ExportFile>
{
    public void Configure(EntityTypeBuilder<ExportFile> builder)
    {
        builder.ToTable("ExportFiles");
        builder.HasKey(e => e.Token);
        builder.Property(e => e.Token).HasMaxLength(64);
        builder.Property(e => e.FileName).HasMaxLength(200);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.HasIndex(e => e.ExpiresAt);
    }
}
