using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GcmBot.Bot.Registration;

/// <summary>What kind of event of the engagement (from the seed document's actions 1–4).</summary>
public enum EventKind
{
    Briefing,
    ThematicConsultation,
    MultiStakeholderConsultation,
    SideEvent,
}

/// <summary>How a registration for an event becomes a confirmed place.</summary>
public enum ConfirmationMode
{
    /// <summary>Confirmed while places last, then waitlisted in order; a cancellation promotes the next in line.</summary>
    Automatic,

    /// <summary>Held as pending until an organiser approves or declines it.</summary>
    OrganiserApproval,
}

/// <summary>
/// An event of the catalogue people register for: the briefing, the thematic consultations, the multi-stakeholder
/// consultation and side events. Seeded from <c>events.seed.json</c> on first run; organisers add and edit events.
/// </summary>
public sealed class CatalogueEvent
{
    /// <summary>A short slug people type in commands, e.g. <c>consult-a</c>.</summary>
    public required string Id { get; set; }

    public required string Title { get; set; }

    public EventKind Kind { get; set; }

    /// <summary>Roundtable theme codes (a–d) the event covers, e.g. "a" or "abcd"; empty for none.</summary>
    public string Themes { get; set; } = string.Empty;

    /// <summary>Null while the date is to be confirmed ("tbc").</summary>
    public DateTimeOffset? StartsAt { get; set; }

    public DateTimeOffset? EndsAt { get; set; }

    /// <summary>IANA zone the event is planned in (its times are entered and edited in it).</summary>
    public string TimeZoneId { get; set; } = Cards.Common.TimeText.ReferenceZoneId;

    public string Venue { get; set; } = string.Empty;

    /// <summary>Places; null for no limit.</summary>
    public int? Capacity { get; set; }

    public DateTimeOffset? RegistrationOpensAt { get; set; }

    public DateTimeOffset? RegistrationClosesAt { get; set; }

    public ConfirmationMode Confirmation { get; set; }

    public string? Description { get; set; }

    /// <summary>Bumped by every change to the event's registrations: the row lock that serialises them.</summary>
    public int Revision { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class CatalogueEventConfiguration : IEntityTypeConfiguration<CatalogueEvent>
{
    public void Configure(EntityTypeBuilder<CatalogueEvent> builder)
    {
        builder.ToTable("RegistrationEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(EventRules.MaxIdLength);
        builder.Property(e => e.Title).HasMaxLength(EventRules.MaxTitleLength);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Themes).HasMaxLength(8);
        builder.Property(e => e.TimeZoneId).HasMaxLength(64);
        builder.Property(e => e.Venue).HasMaxLength(EventRules.MaxVenueLength);
        builder.Property(e => e.Confirmation).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Description).HasMaxLength(EventRules.MaxDescriptionLength);
    }
}
