using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GcmBot.Bot.Teams.Outbound;

/// <summary>
/// One shared send schedule (a "virtual clock", the generic cell rate algorithm): the app's as a whole (key
/// <see cref="TeamsRateGate.AppKey"/>) or one conversation's ("conversation:{id}"). Every instance that wants to send
/// moves <see cref="NextFreeMicros"/> on by one interval in a single statement and sends at the slot it got, so all
/// instances together keep to Teams' limits without talking to each other.
/// </summary>
public sealed class SendRate
{
    public string Key { get; set; } = string.Empty;

    /// <summary>Unix microseconds of the next free send slot (PostgreSQL's clock; the app's on SQLite).</summary>
    public long NextFreeMicros { get; set; }

    /// <summary>Microseconds between slots now: the configured minimum, raised after Teams answers 429.</summary>
    public long IntervalMicros { get; set; }
}

internal sealed class SendRateConfiguration : IEntityTypeConfiguration<SendRate>
{
    public void Configure(EntityTypeBuilder<SendRate> builder)
    {
        builder.ToTable("SendRates");
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(600);
    }
}
