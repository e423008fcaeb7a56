using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GcmBot.Bot.Coordination;

/// <summary>
/// A named piece of background work that one instance at a time may do (a chat's shared card, a consultation's
/// reconciliation, the invitation sync). Held until <see cref="UntilMicros"/>; a holder that dies simply stops
/// renewing, and the lease is free again once that moment passes.
/// </summary>
public sealed class WorkLease
{
    /// <summary>What the lease is for, e.g. "board:{conversation id}" or "consultation:42".</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The instance holding it (<see cref="InstanceIdentity.Id"/>).</summary>
    public string Owner { get; set; } = string.Empty;

    /// <summary>Unix microseconds (the app's clock) after which anyone may take the lease.</summary>
    public long UntilMicros { get; set; }

    /// <summary>
    /// Unix microseconds before which the work should not run again, whoever takes the lease next (a chat's card is
    /// updated at most once a second, whichever instance does it).
    /// </summary>
    public long NotBeforeMicros { get; set; }
}

internal sealed class WorkLeaseConfiguration : IEntityTypeConfiguration<WorkLease>
{
    public void Configure(EntityTypeBuilder<WorkLease> builder)
    {
        builder.ToTable("WorkLeases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(600);
        builder.Property(l => l.Owner).HasMaxLength(100);
    }
}
