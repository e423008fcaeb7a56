using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GcmBot.Bot.StakeholderDirectory;

/// <summary>Where a directory entry came from.</summary>
public enum EntrySource
{
    /// <summary>A person's own registration (kept in step with it).</summary>
    Registration,

    /// <summary>A row of an organiser's CSV import.</summary>
    Import,
}

/// <summary>What a person or organisation agreed to, for one use of their details.</summary>
public enum ConsentState
{
    /// <summary>Nobody has asked or recorded it: treat as no.</summary>
    NotConfirmed,
    Yes,
    No,
}

/// <summary>
/// An organisation or stakeholder in the directory, for the secretariat's "comprehensive list of relevant CSOs and
/// stakeholders". Personal data (contact name, e-mail): organisers only, erased by "forget me". Codes are those of
/// <see cref="Engagement.StakeholderReference"/> and <see cref="Engagement.GcmReference"/>.
/// </summary>
public sealed class DirectoryEntry
{
    public long Id { get; set; }

    public EntrySource Source { get; set; }

    /// <summary>For registration entries: the registrant's Entra object id (or Teams id); unique.</summary>
    public string? RegistrantId { get; set; }

    public string? Organisation { get; set; }

    /// <summary><see cref="DirectoryKeys.Organisation"/> of the name; unique among imported entries.</summary>
    public string OrganisationKey { get; set; } = string.Empty;

    public required string StakeholderGroup { get; set; }

    public required string CountryCode { get; set; }

    /// <summary>Derived from the country, stored so that a filter is a plain comparison.</summary>
    public required string SubregionCode { get; set; }

    /// <summary>Roundtable themes of interest as codes in order, e.g. "ac".</summary>
    public string Themes { get; set; } = string.Empty;

    public string? ContactName { get; set; }

    public string? Email { get; set; }

    /// <summary><see cref="DirectoryKeys.Email"/> of the address; unique. Null when there is none.</summary>
    public string? EmailKey { get; set; }

    /// <summary>Folded organisation, contact name and e-mail, for a case- and accent-insensitive search.</summary>
    public string SearchText { get; set; } = string.Empty;

    public ConsentState ContactConsent { get; set; }

    public ConsentState ListingConsent { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Where a staged import stands.</summary>
public enum ImportStatus
{
    Staged,
    Applied,
    Discarded,
}

/// <summary>
/// A CSV import as its dry run found it, stored so that "Apply import" applies exactly what the organiser saw, once,
/// even after a restart or a double click. The staged rows are personal data: they are dropped when the import is
/// applied or discarded, and a staged import expires.
/// </summary>
public sealed class DirectoryImport
{
    /// <summary>Random, unguessable: it is carried by the card's buttons.</summary>
    public required string Id { get; set; }

    public required string OrganiserId { get; set; }

    public required string FileName { get; set; }

    public ImportStatus Status { get; set; }

    /// <summary>The accepted and merged rows, as JSON (<see cref="StagedRow"/>); empty once applied or discarded.</summary>
    public string RowsJson { get; set; } = string.Empty;

    public int AcceptedCount { get; set; }

    public int MergedCount { get; set; }

    public int RejectedCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}

internal sealed class DirectoryEntryConfiguration : IEntityTypeConfiguration<DirectoryEntry>
{
    public void Configure(EntityTypeBuilder<DirectoryEntry> builder)
    {
        builder.ToTable("DirectoryEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.RegistrantId).HasMaxLength(DirectoryLimits.UserIdLength);
        builder.Property(e => e.Organisation).HasMaxLength(DirectoryLimits.OrganisationLength);
        builder.Property(e => e.OrganisationKey).HasMaxLength(DirectoryLimits.OrganisationLength);
        builder.Property(e => e.StakeholderGroup).HasMaxLength(32);
        builder.Property(e => e.CountryCode).HasMaxLength(8);
        builder.Property(e => e.SubregionCode).HasMaxLength(16);
        builder.Property(e => e.Themes).HasMaxLength(8);
        builder.Property(e => e.ContactName).HasMaxLength(DirectoryLimits.NameLength);
        builder.Property(e => e.Email).HasMaxLength(DirectoryLimits.EmailLength);
        builder.Property(e => e.EmailKey).HasMaxLength(DirectoryLimits.EmailLength);
        builder.Property(e => e.SearchText).HasMaxLength(DirectoryLimits.SearchTextLength);
        builder.Property(e => e.ContactConsent).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.ListingConsent).HasConversion<string>().HasMaxLength(16);

        // The dedupe keys, held by the database so that two imports or syncs at once cannot create a duplicate.
        // The filters are written in SQL that SQLite and PostgreSQL both read.
        builder.HasIndex(e => e.RegistrantId).IsUnique().HasFilter("\"RegistrantId\" IS NOT NULL");
        builder.HasIndex(e => e.EmailKey).IsUnique().HasFilter("\"EmailKey\" IS NOT NULL");
        builder.HasIndex(e => e.OrganisationKey).IsUnique().HasFilter("\"Source\" = 'Import'");
        builder.HasIndex(e => new { e.StakeholderGroup, e.CountryCode });
    }
}

internal sealed class DirectoryImportConfiguration : IEntityTypeConfiguration<DirectoryImport>
{
    public void Configure(EntityTypeBuilder<DirectoryImport> builder)
    {
        builder.ToTable("DirectoryImports");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(64);
        builder.Property(i => i.OrganiserId).HasMaxLength(DirectoryLimits.UserIdLength);
        builder.Property(i => i.FileName).HasMaxLength(200);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(i => i.ExpiresAt);
    }
}
