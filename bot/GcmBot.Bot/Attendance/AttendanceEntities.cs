using GcmBot.Bot.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GcmBot.Bot.Attendance;

/// <summary>Where reading a consultation's attendance from Teams stands.</summary>
public enum AttendanceState
{
    /// <summary>Not read yet: the worker asks Teams at <see cref="ConsultationAttendance.NextAttemptAt"/>.</summary>
    Waiting,

    /// <summary>Read and stored.</summary>
    Recorded,

    /// <summary>Teams never gave an attendance report within the configured window.</summary>
    GaveUp,
}

/// <summary>
/// The attendance of one consultation, as read from its Teams meeting's attendance report: counts of the people who
/// attended without being registered, by kind, and no name, e-mail or id of any of them. Registrants' own rows are
/// <see cref="AttendanceEntry"/>s.
/// </summary>
public sealed class ConsultationAttendance
{
    public int ConsultationId { get; set; }

    public AttendanceState State { get; set; }

    /// <summary>How many times Teams was asked.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>When the figures were read (null until then).</summary>
    public DateTimeOffset? RecordedAt { get; set; }

    /// <summary>Why the last attempt did not read the figures, as an <see cref="AttendanceProblem"/> code; null when it did.</summary>
    public string? LastProblem { get; set; }

    /// <summary>How many attendance reports Teams had (one per time the meeting ran).</summary>
    public int Reports { get; set; }

    /// <summary>Signed in with an account of the Network's tenant, not registered.</summary>
    public int MembersNotRegistered { get; set; }

    /// <summary>Signed in with an account of another organisation, not registered.</summary>
    public int Guests { get; set; }

    /// <summary>Joined from the link without signing in.</summary>
    public int Anonymous { get; set; }

    /// <summary>Dialled in by telephone.</summary>
    public int ByPhone { get; set; }

    /// <summary>Where an organiser pressed "fetch now": the outcome of the next attempt is posted there, once.</summary>
    public string? NotifyConversationId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A registered stakeholder and whether they attended a consultation (matched by e-mail or Entra object id). Invited
/// registrants who did not attend have a row with <see cref="Attended"/> false. Erased by "forget me".
/// </summary>
public sealed class AttendanceEntry
{
    public int ConsultationId { get; set; }

    public required string UserStableId { get; set; }

    public bool Attended { get; set; }
}

internal sealed class ConsultationAttendanceConfiguration : IEntityTypeConfiguration<ConsultationAttendance>
{
    public void Configure(EntityTypeBuilder<ConsultationAttendance> builder)
    {
        builder.ToTable("ConsultationAttendances");
        builder.HasKey(a => a.ConsultationId);
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.LastProblem).HasMaxLength(64);
        builder.Property(a => a.NotifyConversationId).HasMaxLength(512);
        builder.HasOne<Consultation>().WithOne().HasForeignKey<ConsultationAttendance>(a => a.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttendanceEntryConfiguration : IEntityTypeConfiguration<AttendanceEntry>
{
    public void Configure(EntityTypeBuilder<AttendanceEntry> builder)
    {
        builder.ToTable("AttendanceEntries");
        builder.HasKey(e => new { e.ConsultationId, e.UserStableId });
        builder.Property(e => e.UserStableId).HasMaxLength(256);
        builder.HasOne<Consultation>().WithMany().HasForeignKey(e => e.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.UserStableId);
    }
}
