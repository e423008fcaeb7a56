using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GcmBot.Bot.Teams.Deduplication;

/// <summary>An activity the bot has taken on, so that a re-delivery of it is recognised.</summary>
public sealed class ProcessedActivity
{
    /// <summary>A hash of channel, conversation and activity id (no personal data).</summary>
    public required string Key { get; set; }

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
