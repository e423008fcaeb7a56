using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GcmBot.Bot.SpeakerQueue;

/// <summary>
/// The speakers' list of one conversation (a consultation's meeting chat, a group chat or a channel): whether it
/// takes requests, its policy and time limit, who has the floor, and the shared card that shows it.
/// </summary>
public sealed class SpeakerQueueRecord
{
    public Guid Id { get; set; }

    public required string ConversationId { get; set; }

    /// <summary>The Teams meeting, when the conversation is a meeting chat.</summary>
    public string? MeetingId { get; set; }

    /// <summary>The meeting's title as Teams gave it (for the card and exports).</summary>
    public string? Title { get; set; }

    public bool IsOpen { get; set; }
    public OrderingPolicy Policy { get; set; }

    /// <summary>0: no limit.</summary>
    public int SpeakingLimitSeconds { get; set; }

    /// <summary>The request that has the floor, if any.</summary>
    public long? CurrentRequestId { get; set; }

    /// <summary>
    /// Increases with every change. It is the optimistic-concurrency token of chair actions (two chairs pressing "next"
    /// at once move the list once), and the shared card is re-rendered while it is ahead of <see cref="RenderedVersion"/>.
    /// </summary>
    public long Version { get; set; }

    public long RenderedVersion { get; set; }

    /// <summary>The message holding the shared card, updated in place; null until posted or after Teams lost it.</summary>
    public string? CardActivityId { get; set; }

    public DateTimeOffset? CardPostedAt { get; set; }

    /// <summary>When the shared card was last sent or updated (or, after throttling, when it may be next).</summary>
    public DateTimeOffset? CardUpdatedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public SpeakerQueueRecord Copy() => (SpeakerQueueRecord)MemberwiseClone();
}

/// <summary>
/// A request for the floor. Once given the floor it is also the record of the intervention: when it started and
/// ended, and the speaker's organisation and categories as registered at that moment (for the export and the balance).
/// </summary>
public sealed class SpeakerRequest
{
    public const int MaxTopicLength = 200;
    public const int MaxNameLength = 120;

    /// <summary>Database-generated and increasing: the order in which requests arrived.</summary>
    public long Id { get; set; }

    public Guid QueueId { get; set; }

    /// <summary>
    /// Entra object id, or the Teams id of an anonymous participant (stable within the meeting), or
    /// <see cref="SpeakerQueueService.InRoomPrefix"/> and a random id for a person in the room; null once the person
    /// asked to be forgotten.
    /// </summary>
    public string? UserStableId { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>Online with an Entra account, anonymous in the meeting, or in the room (added by the chair).</summary>
    public SpeakerOrigin Origin { get; set; }

    public SpeechKind Kind { get; set; }
    public string? Topic { get; set; }
    public RequestStatus Status { get; set; }
    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>The chair's move relative to the policy's place (see <see cref="QueueOrdering.AdjustmentForMove"/>).</summary>
    public int Adjustment { get; set; }

    public long AdjustedSequence { get; set; }

    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>When the speaking time runs out; null without a limit. The time watcher warns the chair then.</summary>
    public DateTimeOffset? TimeUpAt { get; set; }

    public DateTimeOffset? TimeUpWarnedAt { get; set; }

    /// <summary>Set once the speaker was told their time is nearly up, so that the notice goes once.</summary>
    public DateTimeOffset? NearlyUpNoticedAt { get; set; }

    /// <summary>The chair who gave the floor: the one warned when time is up.</summary>
    public string? CalledByStableId { get; set; }

    public string? Organisation { get; set; }
    public string? StakeholderGroup { get; set; }
    public string? Subregion { get; set; }
    public string? Gender { get; set; }

    /// <summary>Set once the person was told they are next, so that the notice goes once.</summary>
    public bool NextNoticeSent { get; set; }

    /// <summary>Set once the person was told they have the floor.</summary>
    public bool FloorNoticeSent { get; set; }

    public bool IsActive => Status is RequestStatus.Waiting or RequestStatus.Speaking;

    public SpeakerRequest Copy() => (SpeakerRequest)MemberwiseClone();
}

/// <summary>
/// A person who recently used the chair controls of a list. The shared card asks Teams to refresh it for them
/// (user-specific views work for at most 60 people), so that chairs keep their controls while the list changes.
/// </summary>
public sealed class SpeakerQueueChair
{
    public Guid QueueId { get; set; }
    public required string UserStableId { get; set; }

    /// <summary>The Teams user id ("29:…"), the form Teams' card refresh expects.</summary>
    public required string UserTeamsId { get; set; }

    public DateTimeOffset LastActedAt { get; set; }
}

internal sealed class SpeakerQueueRecordConfiguration : IEntityTypeConfiguration<SpeakerQueueRecord>
{
    public void Configure(EntityTypeBuilder<SpeakerQueueRecord> builder)
    {
        builder.ToTable("SpeakerQueues");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.ConversationId).HasMaxLength(512);
        builder.HasIndex(q => q.ConversationId).IsUnique();
        builder.Property(q => q.MeetingId).HasMaxLength(512);
        builder.Property(q => q.Title).HasMaxLength(200);
        builder.Property(q => q.Policy).HasConversion<string>().HasMaxLength(32);
        builder.Property(q => q.Version).IsConcurrencyToken();
        builder.Property(q => q.CardActivityId).HasMaxLength(256);
        builder.HasIndex(q => new { q.Version, q.RenderedVersion });
    }
}

internal sealed class SpeakerRequestConfiguration : IEntityTypeConfiguration<SpeakerRequest>
{
    public void Configure(EntityTypeBuilder<SpeakerRequest> builder)
    {
        builder.ToTable("SpeakerRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();
        builder.HasOne<SpeakerQueueRecord>().WithMany().HasForeignKey(r => r.QueueId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.UserStableId).HasMaxLength(256);
        builder.Property(r => r.DisplayName).HasMaxLength(SpeakerRequest.MaxNameLength);
        builder.Property(r => r.Origin).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Topic).HasMaxLength(SpeakerRequest.MaxTopicLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.CalledByStableId).HasMaxLength(256);
        builder.Property(r => r.Organisation).HasMaxLength(200);
        builder.Property(r => r.StakeholderGroup).HasMaxLength(32);
        builder.Property(r => r.Subregion).HasMaxLength(32);
        builder.Property(r => r.Gender).HasMaxLength(32);
        builder.Ignore(r => r.IsActive);

        // One active request per person and list, whatever the races: a double click or 300 people at once.
        // The filter is plain SQL that SQLite and PostgreSQL read alike.
        builder.HasIndex(r => new { r.QueueId, r.UserStableId })
            .IsUnique()
            .HasFilter("\"Status\" IN ('Waiting', 'Speaking')")
            .HasDatabaseName("IX_SpeakerRequests_OneActivePerPerson");
        builder.HasIndex(r => new { r.QueueId, r.Status });
        builder.HasIndex(r => new { r.Status, r.TimeUpAt });
        builder.HasIndex(r => r.UserStableId);
    }
}

internal sealed class SpeakerQueueChairConfiguration : IEntityTypeConfiguration<SpeakerQueueChair>
{
    public void Configure(EntityTypeBuilder<SpeakerQueueChair> builder)
    {
        builder.ToTable("SpeakerQueueChairs");
        builder.HasKey(c => new { c.QueueId, c.UserStableId });
        builder.HasOne<SpeakerQueueRecord>().WithMany().HasForeignKey(c => c.QueueId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.UserStableId).HasMaxLength(256);
        builder.Property(c => c.UserTeamsId).HasMaxLength(256);
        builder.HasIndex(c => c.UserStableId);
    }
}
