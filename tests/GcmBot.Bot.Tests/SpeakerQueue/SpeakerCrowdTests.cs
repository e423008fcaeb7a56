using System.Text.RegularExpressions;
using GcmBot.Bot.SpeakerQueue;
using static GcmBot.Bot.Tests.SpeakerQueue.SpeakerQueueKit;

namespace GcmBot.Bot.Tests.SpeakerQueue;

/// <summary>Runs alone: a crowd through the real host should not compete with the other tests for two cores.</summary>
[CollectionDefinition(nameof(CrowdCollection), DisableParallelization = true)]
public sealed class CrowdCollection;

/// <summary>A full meeting asking for the floor at the same moment, through the real host.</summary>
[Collection(nameof(CrowdCollection))]
public sealed partial class SpeakerCrowdTests
{
    private const int People = 300;

    [Fact]
    public async Task ThreeHundredPeople_PressingTwiceAtOnce_AreQueuedOnceEach_InOneConsistentOrder()
    {
        // The 600 answers are the same card as elsewhere, schema-checked by the other tests; checking each here would
        // make this test about the checker's speed.
        await using var bot = await BotApp.StartAsync(o => o.ValidateCards = false);
        await CrowdAsync(bot, inFlight: int.MaxValue);
    }

    [SkippableFact]
    public async Task Postgres_ThreeHundredPeople_PressingTwiceAtOnce_AreQueuedOnceEach_InOneConsistentOrder()
    {
        Skip.IfNot(PostgresTestServer.IsAvailable, PostgresTestServer.MissingReason);
        await using var bot = await BotApp.StartAsync(o =>
        {
            o.ValidateCards = false;
            o.UsePostgres = true;
        });
        // All 600 presses start together, but at most 64 are open at once: each turn holds a database connection
        // (de-duplication claim, conversation, request), and the test server's 100 connections are shared by every
        // test database on this machine. A deployment sizes its pool (Max Pool Size, Timeout) to its crowd.
        await CrowdAsync(bot, inFlight: 64);
    }

    private static async Task CrowdAsync(BotApp bot, int inFlight)
    {
        // Correctness is asserted, not speed; a busy shared machine may take longer than HttpClient's 100 s default.
        bot.Http.Timeout = TimeSpan.FromMinutes(10);
        var (chat, card) = await OpenListAsync(bot);
        var people = Enumerable.Range(1, People).Select(TestUser.Numbered).ToList();

        using var open = new SemaphoreSlim(Math.Min(inFlight, 2 * People));
        var presses = await Task.WhenAll(people.Concat(people).Select(async person =>
        {
            await open.WaitAsync();
            try
            {
                return (person, turn: await RequestAsync(chat, card, person));
            }
            finally
            {
                open.Release();
            }
        }));

        var requests = await RequestsAsync(bot, chat.Id);
        Assert.Equal(People, requests.Count);
        Assert.Equal(People, requests.Select(r => r.UserStableId).Distinct().Count());
        Assert.All(requests, r => Assert.Equal(RequestStatus.Waiting, r.Status));

        // Each person was told "added" once and "already on the list" once; the place they were told is their place.
        var placeByName = requests.Select((r, i) => (r.DisplayName, Place: i + 1)).ToDictionary(x => x.DisplayName, x => x.Place);
        foreach (var group in presses.GroupBy(p => p.person))
        {
            var answers = group.Select(p => p.turn.AllText).ToList();
            Assert.Single(answers, a => a.Contains("You are on the list"));
            Assert.Single(answers, a => a.Contains("already on the list"));
            var told = int.Parse(Place().Match(answers.Single(a => a.Contains("You are on the list"))).Groups[1].Value);
            Assert.Equal(placeByName[group.Key.Name], told);
        }

        var view = await chat.PressAsync(card, GcmBot.Cards.SpeakerQueue.SpeakerQueueCard.MyPlaceVerb, from: people[0]);
        Assert.Contains($"Waiting ({People})", view.AllText);
        Assert.Equal(requests.Take(10).Select(r => r.DisplayName), WaitingNames(view.InvokeCard!, [.. people]));
    }

    [GeneratedRegex(@"You are number (\d+) of")]
    private static partial Regex Place();
}
