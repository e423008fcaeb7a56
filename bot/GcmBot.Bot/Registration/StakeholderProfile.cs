using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GcmBot.Bot.Registration;

/// <summary>
/// What a person told the registration form, once per person (a second registration updates it). Personal data:
/// erased by "forget me". Codes are those of <see cref="Engagement.StakeholderReference"/>.
/// </summary>
public sealed class StakeholderProfile
{
    /// <summary>Entra object id, or the Teams id when Teams sends none.</summary>
    public required string UserStableId { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    public string? Organisation { get; set; }

    public required string StakeholderGroup { get; set; }

    public required string CountryCode { get; set; }

    /// <summary>Null when the person did not say; "undisclosed" when they chose "prefer not to say".</summary>
    public string? Gender { get; set; }

    public bool IsMigrant { get; set; }

    /// <summary>Speaks for migrants in situations of vulnerability.</summary>
    public bool SpeaksForMigrantsInVulnerableSituations { get; set; }

    /// <summary>Roundtable themes of interest, as codes in order, e.g. "ac".</summary>
    public string Themes { get; set; } = string.Empty;

    public bool WishesToSpeak { get; set; }

    public bool OffersAsPanellist { get; set; }

    public string? AccessibilityNeeds { get; set; }

    /// <summary>The person's Teams time zone when they last registered, for times in proactive messages.</summary>
    public string? TimeZoneId { get; set; }

    /// <summary>Which consent statement the person agreed to, and when.</summary>
    public required string ConsentVersion { get; set; }

    public DateTimeOffset ConsentedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class StakeholderProfileConfiguration : IEntityTypeConfiguration<StakeholderProfile>
{
    public void Configure(EntityTypeBuilder<StakeholderProfile> builder)
    {
        builder.ToTable("StakeholderProfiles");
        builder.HasKey(p => p.UserStableId);
        builder.Property(p => p.UserStableId).HasMaxLength(RegistrationLimits.UserIdLength);
        builder.Property(p => p.Name).HasMaxLength(RegistrationLimits.NameLength);
        builder.Property(p => p.Email).HasMaxLength(RegistrationLimits.EmailLength);
        builder.Property(p => p.Organisation).HasMaxLength(RegistrationLimits.OrganisationLength);
        builder.Property(p => p.StakeholderGroup).HasMaxLength(32);
        builder.Property(p => p.CountryCode).HasMaxLength(8);
        builder.Property(p => p.Gender).HasMaxLength(16);
        builder.Property(p => p.Themes).HasMaxLength(8);
        builder.Property(p => p.AccessibilityNeeds).HasMaxLength(RegistrationLimits.NeedsLength);
        builder.Property(p => p.TimeZoneId).HasMaxLength(64);
        builder.Property(p => p.ConsentVersion).HasMaxLength(16);
    }
}
