using GcmBot.Bot.Teams.Outbound;
using GcmBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Foundation;

public sealed class OutboundTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task EnqueueToPerson_WhoTalkedToTheBot_IsDeliveredToTheirChat()
    {
        var chat = _bot.PersonalChat(TestUsers.Alice);
        await chat.SayAsync("help");
        var queue = _bot.Services.GetRequiredService<INotificationQueue>();

        var status = await queue.EnqueueToPersonAsync(TestUsers.Alice.AadObjectId, new OutboundContent("Your place is confirmed."), "test:1", CancellationToken.None);

        Assert.Equal(OutboundStatus.Pending, status);
        await _bot.Connector.WaitForAsync(calls => calls.Any(c => c.IsSend && c.ConversationId == chat.Id && c.Activity.Text == "Your place is confirmed."));
    }

    [Fact]
    public async Task EnqueueToPerson_WhoNeverTalkedToTheBot_IsRecordedUnreachable()
    {
        var queue = _bot.Services.GetRequiredService<INotificationQueue>();

        var status = await queue.EnqueueToPersonAsync("never-seen", new OutboundContent("Hello"), null, CancellationToken.None);

        Assert.Equal(OutboundStatus.Unreachable, status);
    }

    [Fact]
    public async Task SameDeduplicationKey_IsQueuedOnce()
    {
        var chat = _bot.PersonalChat(TestUsers.Bob);
        await chat.SayAsync("help");
        var queue = _bot.Services.GetRequiredService<INotificationQueue>();

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            queue.EnqueueToPersonAsync(TestUsers.Bob.AadObjectId, new OutboundContent("Once only"), "promotion:7", CancellationToken.None)));

        await _bot.Connector.WaitForAsync(calls => calls.Any(c => c.Activity.Text == "Once only"));
        await using var db = await _bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Set<OutboundMessage>().CountAsync(m => m.DeduplicationKey == "promotion:7"));
    }

    [Fact]
    public async Task ThrottledSend_IsRetriedAfterRetryAfter_AndRecordedSent()
    {
        var chat = _bot.PersonalChat(TestUsers.Chen);
        await chat.SayAsync("help");
        var rejections = 0;
        _bot.Connector.Interceptor = call =>
            call.IsSend && call.Activity.Text == "Throttled once" && Interlocked.Increment(ref rejections) <= 2
                ? new ConnectorAnswer(429, Headers: new Dictionary<string, string> { ["Retry-After"] = "0.1" })
                : null;
        var queue = _bot.Services.GetRequiredService<INotificationQueue>();

        await queue.EnqueueToPersonAsync(TestUsers.Chen.AadObjectId, new OutboundContent("Throttled once"), "throttle:1", CancellationToken.None);

        await _bot.Connector.WaitForAsync(calls => calls.Any(c => c.Activity.Text == "Throttled once"));
        Assert.Equal(2, _bot.Connector.Rejected.Count(c => c.Activity.Text == "Throttled once"));
        await using var db = await _bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        var message = await WaitForStatusAsync(db, "throttle:1", OutboundStatus.Sent);
        Assert.Equal(3, message.Attempts);
    }

    [Fact]
    public async Task GoneConversation_IsRecordedGoneWithoutEndlessRetries()
    {
        var chat = _bot.PersonalChat(TestUsers.Alice);
        await chat.SayAsync("help");
        _bot.Connector.Interceptor = call => call.IsSend && call.Activity.Text == "To a removed bot" ? new ConnectorAnswer(403) : null;
        var queue = _bot.Services.GetRequiredService<INotificationQueue>();

        await queue.EnqueueToPersonAsync(TestUsers.Alice.AadObjectId, new OutboundContent("To a removed bot"), "gone:1", CancellationToken.None);

        await using var db = await _bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        var message = await WaitForStatusAsync(db, "gone:1", OutboundStatus.Gone);
        Assert.Equal(1, message.Attempts);
        Assert.Equal(403, message.LastStatusCode);
    }

    private static async Task<OutboundMessage> WaitForStatusAsync(GcmDbContext db, string key, OutboundStatus status)
    {
        for (var i = 0; i < 200; i++)
        {
            var message = await db.Set<OutboundMessage>().AsNoTracking().SingleAsync(m => m.DeduplicationKey == key);
            if (message.Status == status)
            {
                return message;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Message {key} never reached {status}.");
    }
}
