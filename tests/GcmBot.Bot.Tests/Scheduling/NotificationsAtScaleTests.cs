using System.Diagnostics;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Teams.Conversations;
using GcmBot.Bot.Teams.Outbound;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GcmBot.Bot.Tests.Scheduling;

/// <summary>
/// Proactive messages to many registrants through the one outbound queue, against a connector that throttles like
/// Teams (429 above 50 requests per second per app). Each recipient has their own personal chat.
/// </summary>
[Collection(NotificationsAtScaleTests.Collection)]
public sealed class NotificationsAtScaleTests(ITestOutputHelper output)
{
    /// <summary>Runs alone, after the parallel tests: it measures throughput and should not compete for the CPU.</summary>
    public const string Collection = "Notifications at scale";

    private const int TeamsLimitPerSecond = 50;

    [Fact]
    public async Task ThousandNotifications_ThrottledAbove50PerSecond_AreEachDeliveredExactlyOnce()
    {
        await using var bot = await BotApp.StartAsync();
        var limiter = new SlidingWindowLimit(TeamsLimitPerSecond);
        bot.Connector.Interceptor = call => call.IsSend && !limiter.TryAccept()
            ? new ConnectorAnswer(429, Headers: new Dictionary<string, string> { ["Retry-After"] = "1" })
            : null;
        var chats = await SeedPersonalChatsAsync(bot, 1000);

        var clock = Stopwatch.StartNew();
        await EnqueueAsync(bot, chats, "scale");
        var enqueued = clock.Elapsed;
        await bot.Connector.WaitForAsync(calls => calls.Count(c => c.IsSend) >= chats.Count, TimeSpan.FromMinutes(5));
        clock.Stop();

        var sends = bot.Connector.Calls.Where(c => c.IsSend).ToList();
        Assert.Equal(chats.Count, sends.Count);
        Assert.Equal(chats.Count, sends.Select(s => s.Activity.Text).Distinct().Count());
        Assert.Equal(chats.Order(), sends.Select(s => s.ConversationId!).Order());
        Assert.True(limiter.MostInAnySecond <= TeamsLimitPerSecond);
        var recorded = await StatusesAsync(bot, "scale");
        Assert.Equal(chats.Count, recorded.GetValueOrDefault(OutboundStatus.Sent));
        output.WriteLine(
            $"1,000 notifications delivered in {clock.Elapsed.TotalSeconds:F1} s (the 50/s limit allows 20.0 s at best; queueing them took {enqueued.TotalSeconds:F1} s); " +
            $"{bot.Connector.Rejected.Count} answered 429; most accepted in any second: {limiter.MostInAnySecond}.");
    }

    [Fact]
    public async Task Restart_WhileSending_NeitherLosesNorDuplicatesMessages()
    {
        await using var bot = await BotApp.StartAsync();
        // Slow answers keep sends in flight when the host stops.
        bot.Connector.Interceptor = call =>
        {
            if (call.IsSend)
            {
                Thread.Sleep(100);
            }

            return null;
        };
        var chats = await SeedPersonalChatsAsync(bot, 200);
        await EnqueueAsync(bot, chats, "restart");
        await bot.Connector.WaitForAsync(calls => calls.Count(c => c.IsSend) >= 40);

        await bot.RestartAsync();

        await bot.Connector.WaitForAsync(calls => calls.Count(c => c.IsSend) >= chats.Count, TimeSpan.FromMinutes(3));
        await Task.Delay(500);
        var sends = bot.Connector.Calls.Where(c => c.IsSend).ToList();
        Assert.Equal(chats.Count, sends.Count);
        Assert.Equal(chats.Order(), sends.Select(s => s.ConversationId!).Order());
        Assert.Equal(chats.Count, (await StatusesAsync(bot, "restart")).GetValueOrDefault(OutboundStatus.Sent));
    }

    [Fact]
    public async Task EnqueueMany_SameKeysAgain_QueuesEachOnce()
    {
        await using var bot = await BotApp.StartAsync();
        var chats = await SeedPersonalChatsAsync(bot, 30);
        var queue = bot.Services.GetRequiredService<INotificationQueue>();
        var messages = chats.Select(chat => new OutboundRequest(chat, new OutboundContent($"once ({chat})"), $"once:{chat}")).ToList();

        var first = await queue.EnqueueManyAsync(messages, CancellationToken.None);
        var again = await queue.EnqueueManyAsync([.. messages, .. messages], CancellationToken.None);

        await bot.Connector.WaitForAsync(calls => calls.Count(c => c.IsSend) >= chats.Count);
        Assert.Equal(30, first);
        Assert.Equal(0, again);
        Assert.Equal(30, (await StatusesAsync(bot, "once")).Values.Sum());
    }

    [Fact]
    public async Task ProactiveSends_WriteNoDeduplicationClaims()
    {
        await using var bot = await BotApp.StartAsync();
        var chats = await SeedPersonalChatsAsync(bot, 5);

        await EnqueueAsync(bot, chats, "quiet");

        await bot.Connector.WaitForAsync(calls => calls.Count(c => c.IsSend) >= chats.Count);
        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Set<Bot.Teams.Deduplication.ProcessedActivity>().CountAsync());
    }

    private static async Task<List<string>> SeedPersonalChatsAsync(BotApp bot, int count)
    {
        var chats = Enumerable.Range(1, count).Select(i => $"a:scale-chat-{i:D4}").ToList();
        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        db.AddRange(chats.Select((id, i) => new ConversationRecord
        {
            ConversationId = id,
            ChannelId = "msteams",
            ServiceUrl = bot.Connector.ServiceUrl.ToString(),
            TenantId = BotApp.TenantId,
            ConversationType = "personal",
            BotId = BotApp.BotId,
            BotName = BotApp.BotName,
            UserId = $"29:scale-{i}",
            UserAadObjectId = $"00000000-0000-0000-0001-{i:D12}",
            UpdatedAt = DateTimeOffset.UtcNow,
        }));
        await db.SaveChangesAsync();
        return chats;
    }

    private static async Task EnqueueAsync(BotApp bot, IReadOnlyList<string> chats, string run)
    {
        var queue = bot.Services.GetRequiredService<INotificationQueue>();
        await queue.EnqueueManyAsync(
            chats.Select(chat => new OutboundRequest(chat, new OutboundContent($"{run}: you are invited ({chat})"), $"{run}:{chat}")).ToList(),
            CancellationToken.None);
    }

    private static async Task<Dictionary<OutboundStatus, int>> StatusesAsync(BotApp bot, string run)
    {
        for (var i = 0; i < 100; i++)
        {
            await using var db = await bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
            var statuses = await db.Set<OutboundMessage>().Where(m => m.DeduplicationKey!.StartsWith(run + ":"))
                .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
            if (!statuses.ContainsKey(OutboundStatus.Pending))
            {
                return statuses;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("Messages were still pending.");
    }

    /// <summary>Teams' per-app limit as the fake connector applies it: at most N accepted requests in any second.</summary>
    private sealed class SlidingWindowLimit(int perSecond)
    {
        private readonly Queue<long> _accepted = new();
        private readonly object _gate = new();

        public int MostInAnySecond { get; private set; }

        public bool TryAccept()
        {
            lock (_gate)
            {
                var now = Stopwatch.GetTimestamp();
                while (_accepted.Count > 0 && Stopwatch.GetElapsedTime(_accepted.Peek(), now) >= TimeSpan.FromSeconds(1))
                {
                    _accepted.Dequeue();
                }

                if (_accepted.Count >= perSecond)
                {
                    return false;
                }

                _accepted.Enqueue(now);
                MostInAnySecond = Math.Max(MostInAnySecond, _accepted.Count);
                return true;
            }
        }
    }
}

[CollectionDefinition(NotificationsAtScaleTests.Collection, DisableParallelization = true)]
public sealed class NotificationsAtScaleCollection;
