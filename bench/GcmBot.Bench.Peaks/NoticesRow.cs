using System.Diagnostics;
using System.Globalization;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Teams.Conversations;
using GcmBot.Bot.Teams.Outbound;
using GcmBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bench.Peaks;

/// <summary>
/// 1,000 notices to 1,000 personal chats through the outbound queue, against a connector that behaves like Teams'
/// per-app limit: at most 50 accepted sends in any second, 429 with Retry-After: 1 above it. The floor is 20 s.
/// </summary>
internal static class NoticesRow
{
    private const int Notices = 1000;
    private const int TeamsLimitPerSecond = 50;

    public static async Task RunAsync(PeakOptions options, Table table)
    {
        var count = options.Scale(Notices);
        await using var bot = await BenchHost.StartAsync(options);
        var limiter = new SlidingWindowLimit(TeamsLimitPerSecond);
        bot.Connector.Interceptor = call => call.IsSend && !limiter.TryAccept()
            ? new ConnectorAnswer(429, Headers: new Dictionary<string, string> { ["Retry-After"] = "1" })
            : null;
        var chats = Enumerable.Range(1, count).Select(i => $"a:bench-notice-{i:D4}").ToList();
        var databases = bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>();
        await using (var db = await databases.CreateDbContextAsync())
        {
            db.AddRange(chats.Select((id, i) => new ConversationRecord
            {
                ConversationId = id,
                ChannelId = "msteams",
                ServiceUrl = bot.Connector.ServiceUrl.ToString(),
                TenantId = BotApp.TenantId,
                ConversationType = "personal",
                BotId = BotApp.BotId,
                BotName = BotApp.BotName,
                UserId = $"29:bench-{i}",
                UserAadObjectId = $"00000000-0000-0000-0002-{i:D12}",
                UpdatedAt = DateTimeOffset.UtcNow,
            }));
            await db.SaveChangesAsync();
        }

        var queue = bot.Services.GetRequiredService<INotificationQueue>();
        var clock = Stopwatch.StartNew();
        await queue.EnqueueManyAsync(
            chats.Select(chat => new OutboundRequest(chat, new OutboundContent($"You are invited ({chat})"), $"bench:{chat}")).ToList(),
            CancellationToken.None);
        var delivered = false;
        try
        {
            await bot.Connector.WaitForAsync(calls => calls.Count(c => c.IsSend) >= count, TimeSpan.FromMinutes(3));
            delivered = true;
        }
        catch (TimeoutException)
        {
            // Reported below as lost.
        }

        clock.Stop();
        await Task.Delay(2000);
        var sends = bot.Connector.Calls.Where(c => c.IsSend).ToList();
        var distinct = sends.Select(s => s.ConversationId).Distinct().Count();
        var throttled = bot.Connector.Rejected.Count(c => c.IsSend);
        var seconds = delivered ? clock.Elapsed.TotalSeconds : double.PositiveInfinity;
        var floor = (double)count / TeamsLimitPerSecond;
        table.AddText(
            $"{count:N0} notices through Teams' 50 requests/s, 429 above it",
            string.Create(CultureInfo.InvariantCulture, $"floor {floor:F0} s"),
            string.Create(CultureInfo.InvariantCulture,
                $"{seconds:F1} s, {count - distinct} lost, {sends.Count - distinct} doubled, {100.0 * throttled / Math.Max(1, sends.Count + throttled):F1}% answered 429"),
            string.Create(CultureInfo.InvariantCulture, $"≤ {floor * 23 / 20:F0} s, 0 lost, 0 doubled, ≤ 2% 429"),
            string.Create(CultureInfo.InvariantCulture, $"most accepted in any second {limiter.MostInAnySecond}"));
    }

    /// <summary>Teams' per-app limit as the fake connector applies it: at most N accepted requests in any second.</summary>
    private sealed class SlidingWindowLimit(int perSecond)
    {
        private readonly Queue<long> _accepted = new();
        private readonly Lock _gate = new();

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
