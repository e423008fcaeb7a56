using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GcmBot.Bot.Storage;

/// <summary>
/// The one database of GcmBot. Each capability keeps its entities and their <see cref="IEntityTypeConfiguration{T}"/>
/// in its own folder; they are all picked up here, so adding a capability never edits this class.
/// Provider-specific subclasses (<see cref="SqliteGcmDbContext"/>, <see cref="PostgresGcmDbContext"/>) exist only so
/// that each provider has its own migrations.
/// </summary>
public abstract class GcmDbContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GcmDbContext).Assembly);

}

/// <summary>The embedded default: one SQLite file.</summary>
public sealed class SqliteGcmDbContext(DbContextOptions<SqliteGcmDbContext> options) : GcmDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time type: EF stores DateTimeOffset as text and cannot compare or order it in SQL.
        // Stored as a sortable 64-bit number instead. PostgreSQL keeps its native timestamptz.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>PostgreSQL, for deployments that outgrow one machine.</summary>
public sealed class PostgresGcmDbContext(DbContextOptions<PostgresGcmDbContext> options) : GcmDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Npgsql stores timestamptz in UTC and refuses a DateTimeOffset with another offset (an event time in GMT+7).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    private sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}
