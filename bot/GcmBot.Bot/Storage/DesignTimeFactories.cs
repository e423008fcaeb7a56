using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GcmBot.Bot.Storage;

// Used only by `dotnet ef migrations add`; the running app configures contexts in StorageServiceCollectionExtensions.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGcmDbContext>
{
    public SqliteGcmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteGcmDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGcmDbContext>
{
    public PostgresGcmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresGcmDbContext>().UseNpgsql("Host=localhost;Database=gcmbot_design").Options);
}
