using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GcmBot.Bot.Teams.Conversations;

/// <summary>
/// Everything needed to message a conversation later (proactively): where its connector is (serviceUrl), which tenant,
/// channel and kind of conversation. For personal chats, whose they are.
/// </summary>
public sealed class ConversationRecord
{
    public required string ConversationId { get; set; }
    public required string ChannelId { get; set; }
    public required string ServiceUrl { get; set; }
    public string? TenantId { get; set; }

    /// <summary>personal, groupChat or channel, as Teams says.</summary>
    public string? ConversationType { get; set; }

    public bool IsMeetingChat { get; set; }
    public string? BotId { get; set; }
    public string? BotName { get; set; }

    /// <summary>For personal chats: the person's Teams id.</summary>
    public string? UserId { get; set; }

    /// <summary>For personal chats: the person's Entra object id.</summary>
    public string? UserAadObjectId { get; set; }

    /// <summary>For personal chats: the person's IANA time zone as Teams last reported it, for times in proactive messages.</summary>
    public string? TimeZoneId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ConversationRecordConfiguration : IEntityTypeConfiguration<ConversationRecord>
{
    public void Configure(EntityTypeBuilder<ConversationRecord> builder)
    {
        builder.ToTable("Conversations");
        builder.HasKey(c => c.ConversationId);
        builder.Property(c => c.ConversationId).HasMaxLength(512);
        builder.Property(c => c.ChannelId).HasMaxLength(64);
        builder.Property(c => c.ServiceUrl).HasMaxLength(512);
        builder.Property(c => c.TenantId).HasMaxLength(64);
        builder.Property(c => c.ConversationType).HasMaxLength(32);
        builder.Property(c => c.BotId).HasMaxLength(256);
        builder.Property(c => c.BotName).HasMaxLength(256);
        builder.Property(c => c.UserId).HasMaxLength(256);
        builder.Property(c => c.UserAadObjectId).HasMaxLength(64);
        builder.Property(c => c.TimeZoneId).HasMaxLength(64);
        builder.HasIndex(c => c.UserAadObjectId);
        builder.HasIndex(c => c.UserId);
    }
}
