using GcmBot.Bot.Scheduling;
using GcmBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GcmBot.Bot.ConceptNotes;

/// <summary>A link of a consultation's resource list (background documentation), added by an organiser.</summary>
public sealed class ConsultationResource
{
    public int Id { get; set; }

    public int ConsultationId { get; set; }

    public required string Title { get; set; }

    /// <summary>An absolute https address (checked when added).</summary>
    public required string Url { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}

internal sealed class ConsultationResourceConfiguration : IEntityTypeConfiguration<ConsultationResource>
{
    public void Configure(EntityTypeBuilder<ConsultationResource> builder)
    {
        builder.ToTable("ConsultationResources");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Title).HasMaxLength(ConceptNoteRules.MaxTitleLength);
        builder.Property(r => r.Url).HasMaxLength(ConsultationRules.MaxUrlLength);
        builder.HasOne<Consultation>().WithMany().HasForeignKey(r => r.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ConsultationId, r.Url }).IsUnique();
    }
}

/// <summary>Why a resource was not added.</summary>
public enum ResourceProblem { TitleMissing, TitleTooLong, Link, Full, Duplicate, NoConsultation }

/// <summary>The rules of the resource list.</summary>
public static class ConceptNoteRules
{
    public const int MaxTitleLength = 200;
    public const int MaxResources = 12;

    /// <summary>A title on one line, spaces collapsed; or the problem.</summary>
    public static (string? Title, ResourceProblem? Problem) ParseTitle(string? raw)
    {
        var title = string.Join(' ', (raw ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return title.Length == 0 ? (null, ResourceProblem.TitleMissing)
            : title.Length > MaxTitleLength ? (null, ResourceProblem.TitleTooLong)
            : (title, null);
    }

    /// <summary>An absolute https address (the scheduling rule for links); anything else is refused.</summary>
    public static (string? Url, ResourceProblem? Problem) ParseUrl(string? raw) =>
        ConsultationRules.ParseLink(raw) is { Ok: true, Value: { } url } ? (url, null) : (null, ResourceProblem.Link);
}

/// <summary>The resource lists of the consultations.</summary>
public sealed class ConceptNoteStore(IDbContextFactory<GcmDbContext> databases, TimeProvider time)
{
    public async Task<IReadOnlyList<ConsultationResource>> ResourcesAsync(int consultationId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<ConsultationResource>().AsNoTracking().Where(r => r.ConsultationId == consultationId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
    }

    public async Task<ResourceProblem?> AddAsync(int consultationId, string title, string url, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<Consultation>().AnyAsync(c => c.Id == consultationId, cancellationToken))
        {
            return ResourceProblem.NoConsultation;
        }

        var existing = await db.Set<ConsultationResource>().Where(r => r.ConsultationId == consultationId).Select(r => r.Url).ToListAsync(cancellationToken);
        if (existing.Contains(url, StringComparer.Ordinal))
        {
            return ResourceProblem.Duplicate;
        }

        if (existing.Count >= ConceptNoteRules.MaxResources)
        {
            return ResourceProblem.Full;
        }

        db.Add(new ConsultationResource { ConsultationId = consultationId, Title = title, Url = url, AddedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            // The same link added twice at the same moment: the unique index keeps one.
            return ResourceProblem.Duplicate;
        }
    }

    /// <summary>False when the resource was already gone.</summary>
    public async Task<bool> RemoveAsync(int consultationId, int resourceId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<ConsultationResource>().Where(r => r.Id == resourceId && r.ConsultationId == consultationId).ExecuteDeleteAsync(cancellationToken) > 0;
    }
}
