using System.Globalization;
using System.Text.Json.Nodes;
using GcmBot.Bot.SpeakerQueue;
using GcmBot.Bot.Storage;
using GcmBot.Cards.SpeakerQueue;
using GcmBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bench.Peaks;

/// <summary>
/// 300 people press "Request the floor" at the same moment on a freshly opened list, beside 300 bare invokes at once
/// in the same meeting chat; every round on a new list. Checked afterwards: each person is on the list exactly once,
/// and the shared card was updated at most once a second.
/// </summary>
internal static class FloorRow
{
    private const int People = 300;

    public static async Task RunAsync(PeakOptions options, Table table)
    {
        var clock = new UpdateClock();
        await using var bot = await BenchHost.StartAsync(options);
        bot.Connector.Interceptor = clock.Record;
        using var wire = new Wire(bot.ServerAddress!);
        var databases = bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>();
        var crowd = Enumerable.Range(1, People).Select(TestUser.Numbered).ToList();
        static bool Added(Shot s) => s.Status == System.Net.HttpStatusCode.OK && s.Body.Contains("You are on the list", StringComparison.Ordinal);

        var bare = new List<Measured>();
        var floor = new List<Measured>();
        var queuedOnce = true;
        var shortestGap = double.PositiveInfinity;
        var rounds = options.Quick ? 2 : 4;
        // Warm-up rounds, not counted: the JIT's tiers (and its profile-guided one) take a few thousand turns of a
        // path to settle, and the bare turn's path was already warmed by the rows before this one in the process.
        var warmUps = options.Quick ? 1 : 12;
        for (var round = 1 - warmUps; round <= rounds; round++)
        {
            var (chat, requests) = await OpenListAsync(bot, $"bench-floor-{round}", crowd);
            var bares = crowd.Select(p => BenchHost.BareInvoke(chat, p)).ToList();
            if (round <= 0)
            {
                await wire.BurstAsync("warm-up bare", bares, BenchHost.IsEcho);
                await wire.BurstAsync("warm-up floor", requests, Added);
                await Task.Delay(300);
                continue;
            }

            var b = await wire.BurstAsync("bare invoke, 300 at once", bares, BenchHost.IsEcho);
            Console.WriteLine("  " + b);
            bare.Add(b);
            await Task.Delay(1000);
            var f = await wire.BurstAsync("request the floor, 300 at once", requests, Added);
            Console.WriteLine("  " + f);
            floor.Add(f);
            await Task.Delay(2500);

            await using var db = await databases.CreateDbContextAsync();
            var queueId = await db.Set<SpeakerQueueRecord>().Where(q => q.ConversationId == chat.Id).Select(q => q.Id).SingleAsync();
            var people = await db.Set<SpeakerRequest>().Where(r => r.QueueId == queueId).Select(r => r.UserStableId).ToListAsync();
            queuedOnce &= people.Count == People && people.Distinct().Count() == People;
            var updates = bot.Connector.CallsTo(chat.Id).Where(c => c.IsUpdate).ToList();
            shortestGap = Math.Min(shortestGap, clock.ShortestGap(updates));
        }

        table.Add("300 people request the floor at the same moment, p99", Measured.Merge("bare", [.. bare]), Measured.Merge("floor", [.. floor]), Metric.P99, "≤ 1.5× bare",
            string.Create(CultureInfo.InvariantCulture,
                $"{rounds} rounds; everyone queued exactly once: {(queuedOnce ? "yes" : "NO — CHECK FAILED")}; shared card updates at least {shortestGap:F0} ms apart"));
    }

    /// <summary>A fresh list in a new meeting chat, opened by the chair; the crowd's presses of "Request the floor", serialised.</summary>
    public static async Task<(TeamsConversation Chat, List<string> Requests)> OpenListAsync(BotApp bot, string chatId, IReadOnlyList<TestUser> crowd)
    {
        var chat = bot.MeetingChat(chatId);
        var shown = await chat.SayAsync("speakers", from: TestUsers.Organiser);
        var controls = await chat.PressAsync(shown.Reply.Card, SpeakerQueueCard.ChairVerb, from: TestUsers.Organiser);
        await chat.PressAsync(controls.InvokeCard!, SpeakerQueueCard.OpenVerb, from: TestUsers.Organiser);
        return (chat, crowd.Select(p => Wire.Invoke(chat, p, SpeakerQueueCard.RequestVerb, new JsonObject { [SpeakerQueueCard.KindKey] = "statement" })).ToList());
    }
}
