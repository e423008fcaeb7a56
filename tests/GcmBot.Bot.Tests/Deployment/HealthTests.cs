using System.Net;
using GcmBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Deployment;

/// <summary>Liveness (/alive) apart from readiness (/healthz: database reachable, migrations applied).</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task DatabaseGone_IsNotReady_ButStillAlive()
    {
        await using var bot = await BotApp.StartAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(bot.DataFolder))
        {
            await File.WriteAllTextAsync(file, "this is not a database any more");
        }

        // A background worker's connection that was in use during the first clearing goes back to the pool with the old
        // pages cached; clearing again drops it. Readiness may take a moment to see the broken file, never long.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var ready = HttpStatusCode.OK;
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); ready != HttpStatusCode.ServiceUnavailable && waited.Elapsed < TimeSpan.FromSeconds(10);)
        {
            using var answer = await bot.Http.GetAsync("/healthz");
            ready = answer.StatusCode;
            if (ready != HttpStatusCode.ServiceUnavailable)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                await Task.Delay(200);
            }
        }

        using var alive = await bot.Http.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal("Healthy", await alive.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MigrationNotApplied_IsNotReady()
    {
        await using var bot = await BotApp.StartAsync();
        await using (var db = await bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync())
        {
            // As if this build were newer than the database: its last migration is not in the history.
            var last = db.Database.GetMigrations().Last();
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = {last}""");
        }

        using var ready = await bot.Http.GetAsync("/healthz");
        using var alive = await bot.Http.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }
}
