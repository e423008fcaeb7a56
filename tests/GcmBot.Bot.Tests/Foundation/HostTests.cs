using System.Net;
using GcmBot.Bot.Teams.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Foundation;

public sealed class HostTests
{
    [Fact]
    public async Task HealthCheck_WithDatabase_IsHealthy()
    {
        await using var bot = await BotApp.StartAsync();

        using var response = await bot.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HealthCheck_DatabaseGone_IsUnhealthy()
    {
        await using var bot = await BotApp.StartAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(bot.DataFolder))
        {
            await File.WriteAllTextAsync(file, "this is not a database any more");
        }

        using var response = await bot.Http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task UnsignedRequest_WhenAppIdConfigured_Is401AndNothingRuns()
    {
        await using var bot = await BotApp.StartAsync(o =>
        {
            o.Settings["MicrosoftAppType"] = "SingleTenant";
            o.Settings["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555";
            o.Settings["MicrosoftAppPassword"] = "not-a-real-secret";
            o.Settings["MicrosoftAppTenantId"] = BotApp.TenantId;
        });
        var chat = bot.PersonalChat(TestUsers.Alice);
        var activity = chat.NewActivity("message");
        activity["text"] = "help";

        using var unsigned = await bot.PostActivityAsync(activity);
        using var forged = await bot.PostActivityAsync(activity, bearerToken: "eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.");

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Empty(bot.Connector.Sent);
    }

    [Fact]
    public async Task Restart_KeepsConversationsAndProcessedActivities()
    {
        await using var bot = await BotApp.StartAsync();
        var chat = bot.PersonalChat(TestUsers.Alice);
        var activity = chat.NewActivity("message");
        activity["text"] = "help";
        await chat.SendAsync(activity);

        await bot.RestartAsync();
        var redelivered = await chat.SendAsync(activity);
        var store = bot.Services.GetRequiredService<ConversationStore>();
        var record = await store.FindPersonalChatAsync(TestUsers.Alice.AadObjectId, CancellationToken.None);

        Assert.Empty(redelivered.Replies);
        Assert.NotNull(record);
        Assert.True(File.Exists(Path.Combine(bot.DataFolder, "gcmbot.db")));
    }
}
