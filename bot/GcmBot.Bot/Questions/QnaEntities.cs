using GcmBot.Cards.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GcmBot.Bot.Questions;

/// <summary>
/// A Q&amp;A in one conversation (meeting chat, group chat or channel). Its board is one message there, re-rendered
/// from the database: <see cref="Version"/> grows with every change, <see cref="RenderedVersion"/> is what the board
/// message last showed, so a board left behind by a crash is brought up to date after a restart.
/// </summary>
public sealed class QnaSession
{
    public int Id { get; set; }
    public required string ConversationId { get; set; }
    public string? TenantId { get; set; }
    public required string Title { get; set; }

    /// <summary>The event it belongs to, as the event catalogue names it (optional, not checked against it).</summary>
    public string? EventId { get; set; }

    public SessionStatus Status { get; set; }
    public bool PreModeration { get; set; }

    /// <summary>Fixed when the session opens: names stored under one policy must never show under another.</summary>
    public AskerVisibility AskerVisibility { get; set; }

    public int? PinnedQuestionId { get; set; }

    /// <summary>The board message's id in the conversation, for updates in place.</summary>
    public string? BoardActivityId { get; set; }

    /// <summary>The last question number given out in this session (#1, #2, …).</summary>
    public int LastNumber { get; set; }

    public long Version { get; set; }
    public long RenderedVersion { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>A question. Who asked is kept only to let the asker edit, withdraw and be told of the answer.</summary>
public sealed class Question
{
    public int Id { get; set; }
    public int SessionId { get; set; }

    /// <summary>Its number within the session, as people refer to it.</summary>
    public int Number { get; set; }

    public required string Text { get; set; }
    public QuestionStatus Status { get; set; }

    /// <summary>The asker's Entra object id (or Teams id); null once they asked to be forgotten.</summary>
    public string? AuthorId { get; set; }

    /// <summary>Stored only when the session lets moderators see names and the asker did not choose anonymity.</summary>
    public string? AuthorName { get; set; }

    public bool AskedAnonymously { get; set; }

    /// <summary><see cref="QuestionRules.AskKey"/> while the question is live; makes a repeated Ask a no-op.</summary>
    public string? AskKey { get; set; }

    /// <summary>The number of <see cref="QuestionVote"/> rows, kept in the same transaction as they change.</summary>
    public int VoteCount { get; set; }

    public int? MergedIntoId { get; set; }
    public string? Answer { get; set; }

    /// <summary>
    /// The question (or the one it was merged into) was answered and its asker not told yet: no message to their
    /// personal chat could be queued (anonymous meeting participants and guests have none), so their next own view of
    /// the board tells them.
    /// </summary>
    public bool AskerNoticePending { get; set; }

    public DateTimeOffset AskedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}

/// <summary>One person's vote for one question (unique per question and voter).</summary>
public sealed class QuestionVote
{
    public long Id { get; set; }
    public int QuestionId { get; set; }

    /// <summary>The voter's Entra object id (or Teams id); null once they asked to be forgotten (the vote still counts).</summary>
    public string? VoterId { get; set; }

    public DateTimeOffset VotedAt { get; set; }
}

/// <summary>
/// Someone who acted as a moderator of a session. Their Teams ids go into the board's refresh list, so that their
/// Teams client fetches the moderators' view whenever the shared board changes. Their rights are checked on every
/// action regardless.
/// </summary>
public sealed class QnaModerator
{
    public int SessionId { get; set; }
    public required string TeamsUserId { get; set; }
    public string? AadObjectId { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}

internal sealed class QnaSessionConfiguration : IEntityTypeConfiguration<QnaSession>
{
    public void Configure(EntityTypeBuilder<QnaSession> builder)
    {
        builder.ToTable("QnaSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.ConversationId).HasMaxLength(512);
        builder.Property(s => s.TenantId).HasMaxLength(64);
        builder.Property(s => s.Title).HasMaxLength(QnaLimits.TitleLength);
        builder.Property(s => s.EventId).HasMaxLength(QnaLimits.EventIdLength);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.AskerVisibility).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.BoardActivityId).HasMaxLength(256);
        builder.HasIndex(s => s.ConversationId, "IX_QnaSessions_ConversationId");
        // One open Q&A per conversation, even when two moderators open one at the same moment.
        builder.HasIndex(s => s.ConversationId, "IX_QnaSessions_OneOpenPerConversation").IsUnique().HasFilter("\"Status\" = 'Open'");
        builder.HasIndex(s => new { s.TenantId, s.Status });
    }
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.ToTable("Questions");
        builder.HasKey(q => q.Id);
        builder.HasOne<QnaSession>().WithMany().HasForeignKey(q => q.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(q => q.Text).HasMaxLength(QnaLimits.QuestionLength);
        builder.Property(q => q.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(q => q.AuthorId).HasMaxLength(256);
        builder.Property(q => q.AuthorName).HasMaxLength(200);
        builder.Property(q => q.AskKey).HasMaxLength(64);
        builder.Property(q => q.Answer).HasMaxLength(QnaLimits.AnswerLength);
        builder.HasIndex(q => new { q.SessionId, q.Number }).IsUnique();
        builder.HasIndex(q => new { q.SessionId, q.AskKey }).IsUnique();
        builder.HasIndex(q => new { q.SessionId, q.Status, q.VoteCount });
        builder.HasIndex(q => q.AuthorId);
    }
}

internal sealed class QuestionVoteConfiguration : IEntityTypeConfiguration<QuestionVote>
{
    public void Configure(EntityTypeBuilder<QuestionVote> builder)
    {
        builder.ToTable("QuestionVotes");
        builder.HasKey(v => v.Id);
        builder.HasOne<Question>().WithMany().HasForeignKey(v => v.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(v => v.VoterId).HasMaxLength(256);
        // One vote per person per question. Forgotten voters (null) keep their anonymous votes: nulls never collide.
        builder.HasIndex(v => new { v.QuestionId, v.VoterId }).IsUnique();
        builder.HasIndex(v => v.VoterId);
    }
}

internal sealed class QnaModeratorConfiguration : IEntityTypeConfiguration<QnaModerator>
{
    public void Configure(EntityTypeBuilder<QnaModerator> builder)
    {
        builder.ToTable("QnaModerators");
        builder.HasKey(m => new { m.SessionId, m.TeamsUserId });
        builder.HasOne<QnaSession>().WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.TeamsUserId).HasMaxLength(256);
        builder.Property(m => m.AadObjectId).HasMaxLength(64);
        builder.HasIndex(m => m.AadObjectId);
    }
}
