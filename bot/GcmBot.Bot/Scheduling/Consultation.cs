using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GcmBot.Bot.Scheduling;

/// <summary>Who a consultation invites.</summary>
public enum InviteScope
{
    /// <summary>Confirmed registrants interested in the consultation's theme.</summary>
    Theme,

    /// <summary>Every confirmed registrant.</summary>
    All,

    /// <summary>Nobody (the organisers invite by hand).</summary>
    None,
}

/// <summary>What the organisers want: the consultation takes place, or not.</summary>
public enum ConsultationStatus { Scheduled, Cancelled }

/// <summary>Whether Teams (the Graph event) matches what the organisers want.</summary>
public enum TeamsState
{
    /// <summary>Graph is not configured: no Teams meeting exists; organisers get an .ics file instead.</summary>
    Offline,

    /// <summary>Recorded; the Graph call has not finished yet.</summary>
    Pending,

    /// <summary>Teams matches the consultation.</summary>
    InTeams,

    /// <summary>The last Graph call failed: "not yet in Teams" until an organiser retries.</summary>
    Failed,
}

/// <summary>What last changed a consultation, so that the report after the Graph call says the right thing.</summary>
public enum ConsultationChange { Scheduled, Rescheduled, Cancelled, Retried, RegistrantsChanged }

/// <summary>
/// A roundtable consultation on one of the four themes: what the organisers decided (time, theme, invitations) and
/// what exists in Teams (the Graph event, its join link and meeting chat). Organisers refer to it by <see cref="Id"/>.
/// </summary>
public sealed class Consultation
{
    /// <summary>The number organisers type ("cancel consultation 3").</summary>
    public int Id { get; set; }

    /// <summary>Stable, unguessable identity: the Graph transactionId and the .ics UID.</summary>
    public Guid Key { get; set; }

    /// <summary>a, b, c or d (see <see cref="Engagement.GcmReference.Themes"/>).</summary>
    public required string ThemeCode { get; set; }

    public required string Title { get; set; }
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset End { get; set; }

    /// <summary>IANA id of the zone the organisers scheduled in (GMT+7 unless they chose another).</summary>
    public required string TimeZoneId { get; set; }

    public InviteScope Invite { get; set; }

    /// <summary>An https link to the concept note, when the organisers gave one.</summary>
    public string? ConceptNoteUrl { get; set; }

    public ConsultationStatus Status { get; set; }
    public TeamsState Teams { get; set; }
    public ConsultationChange LastChange { get; set; }

    /// <summary>Why Teams is not up to date (when <see cref="Teams"/> is Failed), as a <see cref="TeamsFailureCode"/>, never a sentence.</summary>
    public string? TeamsFailure { get; set; }

    public int FailureCount { get; set; }

    /// <summary>Bumped when the Graph event was lost (deleted in Outlook), so that re-creating it is a new transaction.</summary>
    public int EventGeneration { get; set; }

    /// <summary>Graph's transactionId: repeating a create (after a timeout or a crash) returns the event already made.</summary>
    public string TransactionId => EventGeneration == 0 ? Key.ToString() : $"{Key}-{EventGeneration}";
    public string? EventId { get; set; }
    public string? JoinUrl { get; set; }
    public string? OnlineMeetingId { get; set; }

    /// <summary>The meeting chat (19:meeting_…@thread.v2): the speaker queue and Q&amp;A there belong to this consultation.</summary>
    public string? ChatThreadId { get; set; }

    /// <summary>The conversation where the organiser asked; reports after Graph calls go there.</summary>
    public required string ReportConversationId { get; set; }

    /// <summary>The organiser's time zone when they asked, for times in those reports.</summary>
    public string? OrganiserTimeZoneId { get; set; }

    /// <summary>The schedule form's id: a second press of the same form finds this consultation instead of a twin.</summary>
    public string? RequestKey { get; set; }

    /// <summary>Bumped by every change; two changes at the same moment cannot both win.</summary>
    public int Revision { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsActive => Status == ConsultationStatus.Scheduled;
}

/// <summary>
/// A registrant invited to a consultation: the minimum to know who was told what (their id and the start time they
/// were last told), so that late registrants and new times are announced exactly once. Erased by "forget me".
/// </summary>
public sealed class ConsultationInvitee
{
    public int ConsultationId { get; set; }
    public required string UserStableId { get; set; }
    public DateTimeOffset InvitedAt { get; set; }

    /// <summary>The start time the person was last told about; null until told.</summary>
    public DateTimeOffset? NotifiedStart { get; set; }

    public bool CancellationNotified { get; set; }
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> builder)
    {
        builder.ToTable("Consultations");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.Key).IsUnique();
        builder.Property(c => c.ThemeCode).HasMaxLength(1);
        builder.Property(c => c.Title).HasMaxLength(ConsultationRules.MaxTitleLength);
        builder.Property(c => c.TimeZoneId).HasMaxLength(64);
        builder.Property(c => c.Invite).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ConceptNoteUrl).HasMaxLength(ConsultationRules.MaxUrlLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Teams).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.LastChange).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.TeamsFailure).HasMaxLength(1000);
        builder.Property(c => c.EventId).HasMaxLength(512);
        builder.Property(c => c.JoinUrl).HasMaxLength(2048);
        builder.Property(c => c.OnlineMeetingId).HasMaxLength(512);
        builder.Property(c => c.ChatThreadId).HasMaxLength(256);
        builder.Property(c => c.ReportConversationId).HasMaxLength(512);
        builder.Property(c => c.OrganiserTimeZoneId).HasMaxLength(64);
        builder.Property(c => c.RequestKey).HasMaxLength(64);
        builder.Property(c => c.Revision).IsConcurrencyToken();
        builder.HasIndex(c => c.RequestKey).IsUnique();
        // One active consultation per theme and start: a second organiser scheduling the same slot at the same moment
        // is refused by the database, not only by a check that both could pass.
        builder.HasIndex(c => new { c.ThemeCode, c.Start }).IsUnique().HasFilter("\"Status\" = 'Scheduled'");
        builder.HasIndex(c => c.ChatThreadId);
        builder.HasIndex(c => new { c.Teams, c.UpdatedAt });
    }
}

internal sealed class ConsultationInviteeConfiguration : IEntityTypeConfiguration<ConsultationInvitee>
{
    public void Configure(EntityTypeBuilder<ConsultationInvitee> builder)
    {
        builder.ToTable("ConsultationInvitees");
        builder.HasKey(i => new { i.ConsultationId, i.UserStableId });
        builder.Property(i => i.UserStableId).HasMaxLength(256);
        builder.HasOne<Consultation>().WithMany().HasForeignKey(i => i.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.UserStableId);
    }
}
