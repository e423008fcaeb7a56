using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GcmBot.Bot.Teams.Deduplication;

/// <summary>An activity whose turn finished (answered, or its replies queued), so that a re-delivery of it is dropped.</summary>
public sealed class ProcessedActivity
{
    /// <summary>A hash of channel, conversation and activity id (no personal data).</summary>
    public required string Key { get; set; }

    /// <summary>When the turn finished; the retention clock (the name is older than the meaning).</summary>
    public DateTimeOffset ReceivedAt { get; set; }
}

internal sealed class ProcessedActivityConfiguration : IEntityTypeConfiguration<ProcessedActivity>
{
    public void Configure(EntityTypeBuilder<ProcessedActivity> builder)
    {
        builder.ToTable("ProcessedActivities");
        builder.HasKey(p => p.Key);
        builder.Property(p => p.Key).HasMaxLength(64);
        builder.HasIndex(p => p.ReceivedAt);
    }
}
