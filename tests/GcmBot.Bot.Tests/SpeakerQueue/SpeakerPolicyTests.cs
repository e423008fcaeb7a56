using GcmBot.Cards.SpeakerQueue;
using static GcmBot.Bot.Tests.SpeakerQueue.SpeakerQueueKit;

namespace GcmBot.Bot.Tests.SpeakerQueue;

/// <summary>The ordering policies end to end, with profiles from the participant directory port.</summary>
public sealed class SpeakerPolicyTests : IAsyncLifetime
{
    private readonly InMemoryParticipantDirectory _directory = new();
    private BotApp _bot = null!;

    public async Task InitializeAsync()
    {
        _directory.Add(TestUsers.Chen, "Mekong Migration Network", "civil-society", "sea", "woman");
        _directory.Add(TestUsers.Alice, "Migrant Forum in Asia", "civil-society", "sea", "woman");
        _directory.Add(TestUsers.Bob, "Pacific Islands Migrant Workers", "migrants", "pacific", "man");
        _bot = await StartAsync(_directory);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task FirstCome_GivesTheFloorToWhoAskedFirst()
    {
        var (chat, card) = await ListAfterChenSpokeAsync(_bot, "fifo");

        var next = await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);

        Assert.Contains("Alice Ahmed has the floor", next.AllText);
    }

    [Fact]
    public async Task Balanced_GivesTheFloorToTheLeastHeardGroup_WhereFirstComeWouldNot()
    {
        var (chat, card) = await ListAfterChenSpokeAsync(_bot, "balanced");

        var next = await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);

        Assert.Contains("Bob Bautista has the floor", next.AllText);
    }

    [Fact]
    public async Task Balanced_CardShowsWhySomeoneIsNext()
    {
        var (chat, card) = await ListAfterChenSpokeAsync(_bot, "balanced");

        var view = await chat.PressAsync(card, SpeakerQueueCard.MyPlaceVerb, from: TestUsers.Bob);

        Assert.Equal(["Bob Bautista", "Alice Ahmed"], WaitingNames(view.InvokeCard!, TestUsers.Alice, TestUsers.Bob));
        Assert.Contains(
            "For balance: of 1 turn so far, their group (Migrants and migrant organisations) had 0, subregion (Pacific) 0, gender (Man) 0",
            view.AllText);
    }

    [Fact]
    public async Task FirstTime_PutsNewSpeakersBeforeRepeatSpeakers()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);
        var speaking = await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);
        await chat.PressAsync(speaking.InvokeCard!, SpeakerQueueCard.EndTurnVerb, from: TestUsers.Organiser);
        await RequestAsync(chat, card, TestUsers.Alice);
        await RequestAsync(chat, card, TestUsers.Bob);

        var turn = await ChairAsync(chat, card, SpeakerQueueCard.SettingsVerb, new Dictionary<string, string> { ["policy"] = "first-time", ["limit"] = "180" });

        Assert.Equal(["Bob Bautista", "Alice Ahmed"], WaitingNames(turn.InvokeCard!, TestUsers.Alice, TestUsers.Bob));
        Assert.Contains("First time speaking: first-time speakers go first", turn.AllText);
        Assert.Contains("Has spoken before: after first-time speakers", turn.AllText);
    }

    [Fact]
    public async Task Balanced_UnregisteredSpeaker_CountsAsUnknown()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await ChairAsync(chat, card, SpeakerQueueCard.SettingsVerb, new Dictionary<string, string> { ["policy"] = "balanced", ["limit"] = "180" });

        var turn = await RequestAsync(chat, card, TestUser.Numbered(7));

        Assert.Contains("For balance: nothing is known of their group, subregion or gender", turn.AllText);
        Assert.Contains("the balanced order counts you as unknown. You may give them when you request the floor.", turn.AllText);
    }
}
