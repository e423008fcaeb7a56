using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GcmDbContext"/> (scoped) and <see cref="IDbContextFactory{GcmDbContext}"/> (for singletons
    /// and concurrent work) over the configured provider.
    /// </summary>
    public static IServiceCollection AddGcmStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != StorageProvider.Postgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Storage:ConnectionString is required when Storage:Provider is Postgres.")
            .ValidateOnStart();

        services.AddSingleton<DatabaseLocation>();
        services.AddSingleton<CommitObserver>();
        services.AddSingleton<CommitInterceptor>();
        services.AddSingleton<FinishedTurns>();
        services.AddPooledDbContextFactory<SqliteGcmDbContext>((sp, options) =>
            options.UseSqlite(sp.GetRequiredService<DatabaseLocation>().SqliteConnectionString)
                .AddInterceptors(SqliteBusyTimeoutInterceptor.Instance, sp.GetRequiredService<CommitInterceptor>()));
        services.AddPooledDbContextFactory<PostgresGcmDbContext>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString)
                .AddInterceptors(sp.GetRequiredService<CommitInterceptor>()));

        services.AddSingleton<IDbContextFactory<GcmDbContext>, ConfiguredDbContextFactory>();
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>Creates the database on first run and applies pending migrations; call before serving requests.</summary>
    public static async Task MigrateGcmStorageAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var location = services.GetRequiredService<DatabaseLocation>();
        location.EnsureFolderExists();

        var factory = services.GetRequiredService<IDbContextFactory<GcmDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers work while one writer commits: many people act at the same moment.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>Hands out contexts of the configured provider as the provider-neutral <see cref="GcmDbContext"/>.</summary>
    private sealed class ConfiguredDbContextFactory(
        IOptions<StorageOptions> options,
        IServiceProvider services) : IDbContextFactory<GcmDbContext>
    {
        private readonly StorageProvider _provider = options.Value.Provider;

        public GcmDbContext CreateDbContext() => _provider switch
        {
            StorageProvider.Postgres => services.GetRequiredService<IDbContextFactory<PostgresGcmDbContext>>().CreateDbContext(),
            _ => services.GetRequiredService<IDbContextFactory<SqliteGcmDbContext>>().CreateDbContext(),
        };
    }
}

/// <summary>Resolves where the SQLite database lives.</summary>
public sealed class DatabaseLocation(IOptions<StorageOptions> options, IHostEnvironment environment)
{
    private const string DatabaseFileName = "gcmbot.db";

    public string DataFolder { get; } = Path.GetFullPath(options.Value.DataFolder, environment.ContentRootPath);

    public string SqliteConnectionString
    {
        get
        {
            var configured = options.Value.ConnectionString;
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return configured;
            }

            return new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(DataFolder, DatabaseFileName),
                Pooling = true,
                // Seconds a writer waits for another writer's lock before failing.
                DefaultTimeout = 30,
            }.ToString();
        }
    }

    public void EnsureFolderExists() => Directory.CreateDirectory(DataFolder);
}
