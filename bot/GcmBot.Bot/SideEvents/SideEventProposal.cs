using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GcmBot.Bot.SideEvents;

/// <summary>A side event a stakeholder proposes for the regional review ("CSOs and stakeholders are encouraged to organize and host side events").</summary>
public sealed class SideEventProposal
{
    public int Id { get; set; }

    /// <summary>Chosen by the form the proposal came from: the same form sent twice stores one proposal.</summary>
    public required string SubmitKey { get; set; }

    /// <summary>The proposer's Entra object id (or Teams id); null once they asked to be forgotten.</summary>
    public string? ProposerId { get; set; }

    /// <summary>The proposer's name as registered; null once forgotten.</summary>
    public string? ProposerName { get; set; }

    /// <summary>The e-mail address people may write to about the event; null once forgotten.</summary>
    public string? ContactEmail { get; set; }

    /// <summary>Whether the proposer allows their name and contact on the public page (else organisers only).</summary>
    public ContactConsent ContactConsent { get; set; }

    public required string Title { get; set; }

    /// <summary>The organising organisations, as the proposer wrote them.</summary>
    public required string Organisers { get; set; }

    public string? CoOrganisers { get; set; }

    /// <summary>A partner: "entity:IOM" (a Regional Network member entity) or "state:TH" (an ESCAP member State); null for none.</summary>
    public string? Partner { get; set; }

    /// <summary>The roundtable theme code, a–d.</summary>
    public required string Theme { get; set; }

    /// <summary>GCM objective numbers, e.g. ",2,5," (see <see cref="Engagement.GcmTagRules"/>).</summary>
    public required string Objectives { get; set; }

    public SideEventFormat Format { get; set; }

    /// <summary>Where: a room, a city, or the online platform.</summary>
    public required string Venue { get; set; }

    /// <summary>The preferred slot, stored in UTC.</summary>
    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    /// <summary>The IANA zone the proposer entered the slot in.</summary>
    public required string TimeZoneId { get; set; }

    public int ExpectedSize { get; set; }

    /// <summary>Accessibility arrangement codes, comma-separated (see <see cref="SideEventRules.AccessibilityCodes"/>).</summary>
    public required string Accessibility { get; set; }

    /// <summary>More on accessibility (e.g. the interpretation languages).</summary>
    public string? AccessibilityNote { get; set; }

    public required string Description { get; set; }

    public SideEventStatus Status { get; set; }

    /// <summary>The organisers' message with the last decision (what to change, or why it was declined).</summary>
    public string? ReviewComment { get; set; }

    /// <summary>The catalogue event created when it was accepted (fixed by the accepting update itself).</summary>
    public string? EventId { get; set; }

    /// <summary>Grows with every change: decisions and revisions name the version they were made on.</summary>
    public int Version { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }
}

internal sealed class SideEventProposalConfiguration : IEntityTypeConfiguration<SideEventProposal>
{
    public void Configure(EntityTypeBuilder<SideEventProposal> builder)
    {
        builder.ToTable("SideEventProposals");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.SubmitKey).HasMaxLength(64);
        builder.HasIndex(p => p.SubmitKey).IsUnique();
        builder.Property(p => p.ProposerId).HasMaxLength(SideEventRules.MaxProposerIdLength);
        builder.HasIndex(p => p.ProposerId);
        builder.Property(p => p.ProposerName).HasMaxLength(SideEventRules.MaxNameLength);
        builder.Property(p => p.ContactEmail).HasMaxLength(SideEventRules.MaxEmailLength);
        builder.Property(p => p.ContactConsent).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Title).HasMaxLength(SideEventRules.MaxTitleLength);
        builder.Property(p => p.Organisers).HasMaxLength(SideEventRules.MaxOrganisersLength);
        builder.Property(p => p.CoOrganisers).HasMaxLength(SideEventRules.MaxOrganisersLength);
        builder.Property(p => p.Partner).HasMaxLength(24);
        builder.Property(p => p.Theme).HasMaxLength(1);
        builder.Property(p => p.Objectives).HasMaxLength(100);
        builder.Property(p => p.Format).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Venue).HasMaxLength(SideEventRules.MaxVenueLength);
        builder.Property(p => p.TimeZoneId).HasMaxLength(64);
        builder.Property(p => p.Accessibility).HasMaxLength(120);
        builder.Property(p => p.AccessibilityNote).HasMaxLength(SideEventRules.MaxAccessibilityNoteLength);
        builder.Property(p => p.Description).HasMaxLength(SideEventRules.MaxDescriptionLength);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(p => p.Status);
        builder.Property(p => p.ReviewComment).HasMaxLength(SideEventRules.MaxCommentLength);
        builder.Property(p => p.EventId).HasMaxLength(Registration.EventRules.MaxIdLength);
    }
}
