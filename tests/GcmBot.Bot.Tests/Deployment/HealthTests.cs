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
        await BreakAsync(bot.DataFolder);

        // A background worker's connection that was in use during the first clearing goes back to the pool with the old
        // pages cached, and a worker committing at that moment writes a fresh write-ahead log over the broken one: the
        // files are broken again and the pools cleared again. Readiness may take a moment to see it, never long.
        var ready = HttpStatusCode.OK;
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); ready != HttpStatusCode.ServiceUnavailable && waited.Elapsed < TimeSpan.FromSeconds(20);)
        {
            using var answer = await bot.Http.GetAsync("/healthz");
            ready = answer.StatusCode;
            if (ready != HttpStatusCode.ServiceUnavailable)
            {
                await BreakAsync(bot.DataFolder);
                await Task.Delay(200);
            }
        }

        using var alive = await bot.Http.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal("Healthy", await alive.Content.ReadAsStringAsync());
    }

    private static async Task BreakAsync(string dataFolder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(dataFolder))
        {
            await File.WriteAllTextAsync(file, "this is not a database any more");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
