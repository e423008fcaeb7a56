using System.Net;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Teams.Conversations;
using GcmBot.Bot.Teams.Outbound;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Foundation;

/// <summary>The same host on PostgreSQL: migrations, de-duplication, proactive queue and restart.</summary>
public sealed class PostgresStorageTests
{
    [SkippableFact]
    public async Task Postgres_MigratesAndServesTurns()
    {
        Skip.IfNot(PostgresTestServer.IsAvailable, PostgresTestServer.MissingReason);
        await using var bot = await BotApp.StartAsync(o => o.UsePostgres = true);

        var turn = await bot.PersonalChat(TestUsers.Alice).SayAsync("help");
        using var health = await bot.Http.GetAsync("/healthz");

        Assert.Contains("What I can do here", turn.Reply.AllText);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        Assert.True(db.Database.IsNpgsql());
    }

    [SkippableFact]
    public async Task Postgres_DuplicateDelivery_IsProcessedOnce_AcrossRestart()
    {
        Skip.IfNot(PostgresTestServer.IsAvailable, PostgresTestServer.MissingReason);
        await using var bot = await BotApp.StartAsync(o => o.UsePostgres = true);
        var chat = bot.PersonalChat(TestUsers.Bob);
        var activity = chat.NewActivity("message");
        activity["text"] = "help";

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => chat.SendAsync(activity)));
        await bot.RestartAsync();
        var afterRestart = await chat.SendAsync(activity);

        Assert.Single(bot.Connector.Sent, s => s.Call!.ConversationId == chat.Id);
        Assert.Empty(afterRestart.Replies);
        var store = bot.Services.GetRequiredService<ConversationStore>();
        Assert.NotNull(await store.FindPersonalChatAsync(TestUsers.Bob.AadObjectId, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Postgres_ProactiveMessage_IsDelivered()
    {
        Skip.IfNot(PostgresTestServer.IsAvailable, PostgresTestServer.MissingReason);
        await using var bot = await BotApp.StartAsync(o => o.UsePostgres = true);
        var chat = bot.PersonalChat(TestUsers.Chen);
        await chat.SayAsync("help");

        await bot.Services.GetRequiredService<INotificationQueue>()
            .EnqueueToPersonAsync(TestUsers.Chen.AadObjectId, new OutboundContent("From PostgreSQL"), "pg:1", CancellationToken.None);

        await bot.Connector.WaitForAsync(calls => calls.Any(c => c.ConversationId == chat.Id && c.Activity.Text == "From PostgreSQL"));
    }
}
