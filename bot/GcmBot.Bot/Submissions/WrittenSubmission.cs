using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GcmBot.Bot.Submissions;

/// <summary>A written submission by a registered stakeholder to the regional review.</summary>
public sealed class WrittenSubmission
{
    public int Id { get; set; }

    /// <summary>Chosen by the form the submission came from: the same form sent twice stores one submission.</summary>
    public required string SubmitKey { get; set; }

    /// <summary>The author's Entra object id (or Teams id); null once they asked to be forgotten.</summary>
    public string? AuthorId { get; set; }

    /// <summary>The author's name as registered, kept for publication with their name; null once forgotten.</summary>
    public string? AuthorName { get; set; }

    /// <summary>On behalf of which organisation; null for a personal submission.</summary>
    public string? Organisation { get; set; }

    public required string Title { get; set; }

    /// <summary>Roundtable theme codes, e.g. "ab" (see <see cref="Engagement.GcmTagRules"/>).</summary>
    public required string Themes { get; set; }

    /// <summary>GCM objective numbers, e.g. ",2,5,12," (see <see cref="Engagement.GcmTagRules"/>).</summary>
    public required string Objectives { get; set; }

    public string? Text { get; set; }

    /// <summary>An https link to a document.</summary>
    public string? Link { get; set; }

    public PublicationConsent Consent { get; set; }

    public SubmissionStatus Status { get; set; }

    /// <summary>The organiser's comment with the last decision (why it was returned or rejected).</summary>
    public string? ReviewComment { get; set; }

    /// <summary>
    /// Grows with every change. Edits and decisions name the version they were made on, so that an organiser never
    /// accepts a text the author changed after the organiser read it, and a double click acts once.
    /// </summary>
    public int Version { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the last decision was made (for an accepted submission: when it was published).</summary>
    public DateTimeOffset? ReviewedAt { get; set; }
}

internal sealed class WrittenSubmissionConfiguration : IEntityTypeConfiguration<WrittenSubmission>
{
    public void Configure(EntityTypeBuilder<WrittenSubmission> builder)
    {
        builder.ToTable("WrittenSubmissions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.SubmitKey).HasMaxLength(64);
        builder.HasIndex(s => s.SubmitKey).IsUnique();
        builder.Property(s => s.AuthorId).HasMaxLength(SubmissionRules.MaxAuthorIdLength);
        builder.HasIndex(s => s.AuthorId);
        builder.Property(s => s.AuthorName).HasMaxLength(SubmissionRules.MaxAuthorNameLength);
        builder.Property(s => s.Organisation).HasMaxLength(SubmissionRules.MaxOrganisationLength);
        builder.Property(s => s.Title).HasMaxLength(SubmissionRules.MaxTitleLength);
        builder.Property(s => s.Themes).HasMaxLength(8);
        builder.Property(s => s.Objectives).HasMaxLength(100);
        builder.Property(s => s.Text).HasMaxLength(SubmissionRules.MaxTextLength);
        builder.Property(s => s.Link).HasMaxLength(SubmissionRules.MaxLinkLength);
        builder.Property(s => s.Consent).HasConversion<string>().HasMaxLength(24);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(s => s.Status);
        builder.Property(s => s.ReviewComment).HasMaxLength(SubmissionRules.MaxCommentLength);
    }
}
