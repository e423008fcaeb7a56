using System.Diagnostics;
using System.Net;
using GcmBot.Bot.SpeakerQueue;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Teams.Conversations;
using GcmBot.Bot.Teams.Outbound;
using GcmBot.Bot.Tests.Questions;
using GcmBot.Cards.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static GcmBot.Bot.Tests.SpeakerQueue.SpeakerQueueKit;

namespace GcmBot.Bot.Tests.Instances;

/// <summary>Runs alone: three hosts and a crowd on two cores should not compete with other tests.</summary>
[CollectionDefinition(nameof(InstancesCollection), DisableParallelization = true)]
public sealed class InstancesCollection;

/// <summary>
/// Three instances of the bot on one PostgreSQL database behind a load balancer that spreads turns at random: what
/// is counted, queued and sent stays exactly once, and Teams' limits hold for the app as a whole.
/// </summary>
[Collection(nameof(InstancesCollection))]
public sealed class SeveralInstancesTests(ITestOutputHelper output)
{
    private const int Instances = 3;
    private const int TeamsLimitPerSecond = 50;

    [SkippableFact]
    public async Task ThousandVotes_SpreadOverThreeInstances_CountOnceEach_AndTheBoardConvergesAtMostOnceASecond()
    {
        Skip.IfNot(PostgresTestServer.IsAvailable, PostgresTestServer.MissingReason);
        await using var cluster = await BotCluster.StartAsync(Instances, configure: o => o.ValidateCards = false);
        var qna = await QnaDriver.OpenAsync(cluster.Front, cluster.Front.MeetingChat("instances-votes"));
        var questions = new int[3];
        for (var q = 0; q < questions.Length; q++)
        {
            questions[q] = await qna.AskForIdAsync(TestUser.Numbered(200_000 + q), $"Question {q + 1}");
        }

        // Everyone votes once; every tenth presses twice at the same moment (the second is "already counted").
        var presses = Enumerable.Range(1, 1000).SelectMany(n => Enumerable.Repeat((Voter: TestUser.Numbered(n), Question: questions[n % 3]), n % 10 == 0 ? 2 : 1)).ToList();
        var expected = questions.ToDictionary(q => q, q => presses.DistinctBy(p => p.Voter).Count(p => p.Question == q));
        using var inFlight = new SemaphoreSlim(48);
        var turns = await Task.WhenAll(presses.OrderBy(_ => Random.Shared.Next()).Select(async p =>
        {
            await inFlight.WaitAsync();
            try
            {
                return await qna.VoteAsync(p.Voter, p.Question, QnaKeys.VoteUp);
            }
            finally
            {
                inFlight.Release();
            }
        }));

        Assert.All(turns, t => Assert.Equal(HttpStatusCode.OK, t.Status));
        foreach (var (question, votes) in expected)
        {
            Assert.Equal(votes, (await qna.QuestionAsync(question)).VoteCount);
            Assert.Equal(votes, await qna.VoteRowsAsync(question));
        }

        var board = await qna.WaitForLatestBoardAsync(
            _ => QnaDriver.ShownVotes(qna.BoardUpdates()[^1].Activity.Card).OrderBy(kv => kv.Key).SequenceEqual(expected.OrderBy(kv => kv.Key)),
            TimeSpan.FromSeconds(60));
        Assert.Equal(expected.OrderBy(kv => kv.Key), QnaDriver.ShownVotes(board.Card).OrderBy(kv => kv.Key));
        // Whichever instance updated it, the chat's board was updated at most once a second (a little slack for the
        // time a request takes to arrive).
        var updates = qna.BoardUpdates().Select(u => u.Timestamp).Order().ToList();
        Assert.True(updates.Count > 1);
        Assert.All(updates.Zip(updates.Skip(1)), pair => Assert.True(Stopwatch.GetElapsedTime(pair.First, pair.Second) >= TimeSpan.FromMilliseconds(900)));
        output.WriteLine($"{turns.Length} presses over {Instances} instances; {updates.Count} board updates, by {string.Join(", ", qna.BoardUpdates().GroupBy(u => u.Instance).Select(g => $"{g.Key}: {g.Count()}"))}.");
    }

    [SkippableFact]
    public async Task ThreeHundredFloorRequests_SpreadOverThreeInstances_AreQueuedOnceEach()
    {
        Skip.IfNot(PostgresTestServer.IsAvailable, PostgresTestServer.MissingReason);
        await using var cluster = await BotCluster.StartAsync(Instances, configure: o => o.ValidateCards = false);
        foreach (var instance in cluster.Instances)
        {
            instance.Http.Timeout = TimeSpan.FromMinutes(10);
        }

        var (chat, card) = await OpenListAsync(cluster.Front);
        var people = Enumerable.Range(1, 300).Select(TestUser.Numbered).ToList();

        // Each presses twice at the same moment; the presses land on any instance.
        var presses = await Task.WhenAll(people.Concat(people).Select(person => RequestAsync(chat, card, person)));

        Assert.All(presses, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        var requests = await RequestsAsync(cluster.Front, chat.Id);
        Assert.Equal(people.Count, requests.Count);
        Assert.Equal(people.Count, requests.Select(r => r.UserStableId).Distinct().Count());
        Assert.All(requests, r => Assert.Equal(RequestStatus.Waiting, r.Status));
        Assert.Equal(people.Count, presses.Count(p => p.AllText.Contains("You are on the list")));
        Assert.Equal(people.Count, presses.Count(p => p.AllText.Contains("already on the list")));
    }

    [SkippableFact]
    public async Task ThousandNotices_OneInstanceKilledMidway_AreDeliveredOnceEach_NeverAbove50ASecond()
    {
        Skip.IfNot(PostgresTestServer.IsAvailable, PostgresTestServer.MissingReason);
        // Short leases, so that the killed instance's claims expire within the test.
        await using var cluster = await BotCluster.StartAsync(Instances, configure: o =>
        {
            o.Settings["Outbound:LeaseSeconds"] = "12";
            o.Settings["Outbound:SendTimeoutSeconds"] = "5";
        });
        var chats = await SeedPersonalChatsAsync(cluster, 1000);
        var queue = cluster.Instances[2].Services.GetRequiredService<INotificationQueue>();

        var clock = Stopwatch.StartNew();
        await queue.EnqueueManyAsync(
            chats.Select(chat => new OutboundRequest(chat, new OutboundContent($"You are invited ({chat})"), $"notice:{chat}")).ToList(),
            CancellationToken.None);
        // Instance 1 dies once it has sent a part of them, with more claimed and not yet sent.
        await cluster.Connector.WaitForAsync(calls => calls.Count(c => c.IsSend && c.Instance == cluster.Link(1).Name) >= 60, TimeSpan.FromMinutes(2));
        await cluster.StopHardAsync(1);
        var sentBeforeKill = cluster.Connector.Calls.Count(c => c.IsSend);
        await cluster.Connector.WaitForAsync(calls => calls.Count(c => c.IsSend) >= chats.Count, TimeSpan.FromMinutes(3));
        clock.Stop();

        var sends = cluster.Connector.Calls.Where(c => c.IsSend).ToList();
        Assert.Equal(chats.Order(), sends.Select(s => s.ConversationId!).Order());
        var byInstance = sends.GroupBy(s => s.Instance).ToDictionary(g => g.Key ?? "?", g => g.Count());
        Assert.Equal(Instances, byInstance.Count);
        // Paced when they leave the instances (the pacing's own promise); the connector's arrival times are printed
        // too, and on a busy machine a test host's own scheduling can bunch arrivals that left on time.
        var most = MostInAnySecond(sends.Select(s => s.SentAt!.Value).Order().ToList());
        var mostArrived = MostInAnySecond(sends.Select(s => s.Timestamp).Order().ToList());
        Assert.True(most <= TeamsLimitPerSecond, $"{most} sends left for Teams within one second.");
        await using var db = await cluster.Front.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        var sent = await WaitForAllSentAsync(db, chats.Count);
        Assert.Equal(chats.Count, sent);
        // Settled: nothing is sent a second time after all are recorded.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(chats.Count, cluster.Connector.Calls.Count(c => c.IsSend));
        output.WriteLine(
            $"1,000 notices in {clock.Elapsed.TotalSeconds:F1} s over {Instances} instances ({string.Join(", ", byInstance.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}: {kv.Value}"))}); " +
            $"instance-1 killed after {sentBeforeKill} sends in all, holding {cluster.Link(1).HeldSends} sends at its cut; most in any second: {most} sent, {mostArrived} arrived.");
    }

    /// <summary>Most calls within any one-second window.</summary>
    private static int MostInAnySecond(IReadOnlyList<long> timestamps)
    {
        var most = 0;
        var first = 0;
        for (var last = 0; last < timestamps.Count; last++)
        {
            while (Stopwatch.GetElapsedTime(timestamps[first], timestamps[last]) >= TimeSpan.FromSeconds(1))
            {
                first++;
            }

            most = Math.Max(most, last - first + 1);
        }

        return most;
    }

    private static async Task<int> WaitForAllSentAsync(GcmDbContext db, int count)
    {
        var sent = 0;
        for (var i = 0; i < 100; i++)
        {
            sent = await db.Set<OutboundMessage>().CountAsync(m => m.Status == OutboundStatus.Sent);
            if (sent >= count)
            {
                break;
            }

            await Task.Delay(100);
        }

        return sent;
    }

    private static async Task<List<string>> SeedPersonalChatsAsync(BotCluster cluster, int count)
    {
        var chats = Enumerable.Range(1, count).Select(i => $"a:instances-chat-{i:D4}").ToList();
        await using var db = await cluster.Front.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        db.AddRange(chats.Select((id, i) => new ConversationRecord
        {
            ConversationId = id,
            ChannelId = "msteams",
            ServiceUrl = cluster.Connector.ServiceUrl.ToString(),
            TenantId = BotApp.TenantId,
            ConversationType = "personal",
            BotId = BotApp.BotId,
            BotName = BotApp.BotName,
            UserId = $"29:instances-{i}",
            UserAadObjectId = $"00000000-0000-0000-0002-{i:D12}",
            UpdatedAt = DateTimeOffset.UtcNow,
        }));
        await db.SaveChangesAsync();
        return chats;
    }
}
