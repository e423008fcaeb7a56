using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GcmBot.Bot.Panels;

/// <summary>
/// A stakeholder's proposal of an expert panellist for one of the four thematic panels of the regional review.
/// Personal data of the proposer and the nominee: "forget me" by either removes it.
/// </summary>
public sealed class PanelProposal
{
    public int Id { get; set; }

    /// <summary>Chosen by the form the proposal came from: the same form sent twice stores one proposal.</summary>
    public required string SubmitKey { get; set; }

    /// <summary>The roundtable theme of the panel, "a" to "d".</summary>
    public required string Panel { get; set; }

    /// <summary>The proposer's Entra object id (or Teams id).</summary>
    public required string ProposerId { get; set; }

    public required string NomineeName { get; set; }

    public string? NomineeOrganisation { get; set; }

    /// <summary>A stakeholder group code (<see cref="Engagement.StakeholderReference.Groups"/>).</summary>
    public required string NomineeGroup { get; set; }

    /// <summary>A country code (<see cref="Engagement.StakeholderReference.Countries"/>).</summary>
    public required string NomineeCountry { get; set; }

    public required string Expertise { get; set; }

    public required string Languages { get; set; }

    /// <summary>The joint position the nominee would carry on the panel.</summary>
    public required string Position { get; set; }

    /// <summary>The nominee's e-mail, optional: tells them in Teams when they use GcmBot.</summary>
    public string? NomineeEmail { get; set; }

    /// <summary>The nominee's stable id when they are a registered GcmBot user (found by e-mail).</summary>
    public string? NomineeUserId { get; set; }

    /// <summary>The proposer confirmed that the nominee agreed to be named publicly if selected.</summary>
    public bool NamedWithConsent { get; set; }

    public ProposalStatus Status { get; set; }

    /// <summary>Grows with every change, so that a decision names what the organiser saw and a double click acts once.</summary>
    public int Version { get; set; }

    public DateTimeOffset ProposedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the organisers published the selection this proposal is in; null while not public.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
}

/// <summary>One registered stakeholder's endorsement: at most one per person and panel (a unique key).</summary>
public sealed class PanelEndorsement
{
    public int Id { get; set; }

    /// <summary>The panel, repeated from the proposal so that the database keeps one endorsement per person and panel.</summary>
    public required string Panel { get; set; }

    public required string EndorserId { get; set; }

    public int ProposalId { get; set; }

    public DateTimeOffset EndorsedAt { get; set; }
}

internal sealed class PanelProposalConfiguration : IEntityTypeConfiguration<PanelProposal>
{
    public void Configure(EntityTypeBuilder<PanelProposal> builder)
    {
        builder.ToTable("PanelProposals");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.SubmitKey).HasMaxLength(64);
        builder.HasIndex(p => p.SubmitKey).IsUnique();
        builder.Property(p => p.Panel).HasMaxLength(1);
        builder.HasIndex(p => new { p.Panel, p.Status });
        builder.Property(p => p.ProposerId).HasMaxLength(PanelRules.MaxIdLength);
        builder.HasIndex(p => p.ProposerId);
        builder.Property(p => p.NomineeName).HasMaxLength(PanelRules.MaxNameLength);
        builder.Property(p => p.NomineeOrganisation).HasMaxLength(PanelRules.MaxOrganisationLength);
        builder.Property(p => p.NomineeGroup).HasMaxLength(32);
        builder.Property(p => p.NomineeCountry).HasMaxLength(8);
        builder.Property(p => p.Expertise).HasMaxLength(PanelRules.MaxExpertiseLength);
        builder.Property(p => p.Languages).HasMaxLength(PanelRules.MaxLanguagesLength);
        builder.Property(p => p.Position).HasMaxLength(PanelRules.MaxPositionLength);
        builder.Property(p => p.NomineeEmail).HasMaxLength(PanelRules.MaxEmailLength);
        builder.Property(p => p.NomineeUserId).HasMaxLength(PanelRules.MaxIdLength);
        builder.HasIndex(p => p.NomineeUserId);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class PanelEndorsementConfiguration : IEntityTypeConfiguration<PanelEndorsement>
{
    public void Configure(EntityTypeBuilder<PanelEndorsement> builder)
    {
        builder.ToTable("PanelEndorsements");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Panel).HasMaxLength(1);
        builder.Property(e => e.EndorserId).HasMaxLength(PanelRules.MaxIdLength);

        // One endorsement per person and panel, whatever arrives at once: the database decides.
        builder.HasIndex(e => new { e.Panel, e.EndorserId }).IsUnique();
        builder.HasIndex(e => e.EndorserId);
        builder.HasOne<PanelProposal>().WithMany().HasForeignKey(e => e.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}
