using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GcmBot.Bot.Teams.Outbound;

public enum OutboundStatus
{
    /// <summary>Waiting for its turn (or for a retry after throttling).</summary>
    Pending,
    Sent,
    /// <summary>The conversation no longer exists or the bot was removed (403/404).</summary>
    Gone,
    /// <summary>Gave up after the allowed attempts, or a non-retryable error.</summary>
    Failed,
    /// <summary>The person never talked to the bot, so there is no chat to write to.</summary>
    Unreachable,
}

/// <summary>A proactive message, stored before it is sent so that a crash or restart loses nothing.</summary>
public sealed class OutboundMessage
{
    public Guid Id { get; set; }

    /// <summary>Target conversation; null when the recipient could not be reached.</summary>
    public string? ConversationId { get; set; }

    /// <summary>Makes enqueueing idempotent: the same key is queued once (e.g. "waitlist-promoted:42").</summary>
    public string? DeduplicationKey { get; set; }

    public string? Text { get; set; }
    public string? CardJson { get; set; }

    /// <summary>
    /// A whole Bot Framework activity (a turn's reply that could not be delivered in the turn); when set, it is sent
    /// as it is and <see cref="Text"/> and <see cref="CardJson"/> are unused.
    /// </summary>
    public string? ActivityJson { get; set; }

    /// <summary>When set, the message replaces the bot's earlier message with this id (a card update).</summary>
    public string? ReplacesActivityId { get; set; }

    public OutboundStatus Status { get; set; }
    public int Attempts { get; set; }
    public int? LastStatusCode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The claim (instance and batch) sending it now; null when nobody is.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>Until when the claim holds; an instance that dies leaves it to expire, then another claims it.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }
}

internal sealed class OutboundMessageConfiguration : IEntityTypeConfiguration<OutboundMessage>
{
    public void Configure(EntityTypeBuilder<OutboundMessage> builder)
    {
        builder.ToTable("OutboundMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.ConversationId).HasMaxLength(512);
        builder.Property(m => m.DeduplicationKey).HasMaxLength(256);
        builder.Property(m => m.ReplacesActivityId).HasMaxLength(256);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(m => m.DeduplicationKey).IsUnique();
        builder.Property(m => m.LeaseOwner).HasMaxLength(128);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.LeaseOwner);
    }
}
