using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GcmBot.Bot.Registration;

/// <summary>Where a registration stands.</summary>
public enum RegistrationStatus
{
    Confirmed,
    Waitlisted,

    /// <summary>Waiting for an organiser's decision (events confirmed by organisers).</summary>
    Pending,
    Declined,
    Cancelled,

    /// <summary>The person asked to be forgotten: the row stays only as an anonymous count.</summary>
    Erased,
}

/// <summary>
/// One person's registration for one event. The pair (person, event) is unique, so that registering twice, a double
/// click or a re-delivered submission updates the same row instead of adding one.
/// </summary>
public sealed class EventRegistration
{
    public long Id { get; set; }

    public required string EventId { get; set; }

    /// <summary>The person (as <see cref="StakeholderProfile.UserStableId"/>); a random "erased:" token after "forget me".</summary>
    public required string UserStableId { get; set; }

    public RegistrationStatus Status { get; set; }

    /// <summary>When the registration entered its current queue: orders the waitlist and the pending list.</summary>
    public DateTimeOffset QueuedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Counts status changes; part of notification keys so that each change is announced exactly once.</summary>
    public int Version { get; set; }
}

internal sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> builder)
    {
        builder.ToTable("EventRegistrations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.EventId).HasMaxLength(EventRules.MaxIdLength);
        builder.Property(r => r.UserStableId).HasMaxLength(RegistrationLimits.UserIdLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => new { r.UserStableId, r.EventId }).IsUnique();
        builder.HasIndex(r => new { r.EventId, r.Status, r.QueuedAt });
        builder.HasOne<CatalogueEvent>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Restrict);
    }
}
