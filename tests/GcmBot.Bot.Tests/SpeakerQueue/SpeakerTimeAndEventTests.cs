using GcmBot.Bot.SpeakerQueue;
using GcmBot.Cards.SpeakerQueue;
using static GcmBot.Bot.Tests.SpeakerQueue.SpeakerQueueKit;

namespace GcmBot.Bot.Tests.SpeakerQueue;

/// <summary>Speaking-time warnings on a fake clock, personal notices, coalesced card updates, meeting start and end.</summary>
public sealed class SpeakerTimeAndEventTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await StartAsync(fakeTime: true);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task TimeUp_WarnsTheChairInTheirPersonalChat()
    {
        var chairChat = _bot.PersonalChat(TestUsers.Organiser);
        await chairChat.SayAsync("help");
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);
        await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);

        _bot.Time!.Advance(TimeSpan.FromSeconds(181));

        await AdvanceUntilAsync(_bot, calls => calls.Any(c =>
            c.IsSend && c.ConversationId == chairChat.Id && c.Activity.Text?.Contains("Time is up for Alice Ahmed") == true));
    }

    [Fact]
    public async Task TimeUp_ShowsOnTheSharedCard()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);
        await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);

        _bot.Time!.Advance(TimeSpan.FromSeconds(181));

        await AdvanceUntilAsync(_bot, calls => calls.Any(c => c.IsUpdate && c.ConversationId == chat.Id && c.Activity.AllText.Contains("Time is up.")));
    }

    [Fact]
    public async Task TimeUp_ChairWithoutPersonalChat_IsWarnedInTheMeetingChatWithoutNames()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);
        await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);

        _bot.Time!.Advance(TimeSpan.FromSeconds(181));

        await AdvanceUntilAsync(_bot, calls => calls.Any(c => c.IsSend && c.ConversationId == chat.Id && c.Activity.Text?.Contains("Time is up") == true));
        var calls = _bot.Connector.Calls;
        Assert.Equal("⏱ Time is up for the current speaker (limit 3 min).", calls.Single(c => c.IsSend && c.ConversationId == chat.Id && c.Activity.Text?.Contains("Time is up") == true).Activity.Text);
    }

    [Fact]
    public async Task TimeUp_DueDuringARestart_IsStillWarnedOnce()
    {
        var chairChat = _bot.PersonalChat(TestUsers.Organiser);
        await chairChat.SayAsync("help");
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);
        await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);

        await _bot.RestartAsync();
        _bot.Time!.Advance(TimeSpan.FromSeconds(200));

        await AdvanceUntilAsync(_bot, calls => calls.Any(c => c.ConversationId == chairChat.Id && c.Activity.Text?.Contains("Time is up for Alice Ahmed") == true));
        var request = Assert.Single(await RequestsAsync(_bot, chat.Id));
        Assert.NotNull(request.TimeUpWarnedAt);
    }

    [Fact]
    public async Task Floor_TellsTheSpeakerPersonally()
    {
        var aliceChat = _bot.PersonalChat(TestUsers.Alice);
        await aliceChat.SayAsync("help");
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);

        await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);

        await _bot.Connector.WaitForAsync(calls => calls.Any(c =>
            c.IsSend && c.ConversationId == aliceChat.Id && c.Activity.Text?.StartsWith("You have the floor now", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task Next_TellsTheNextPersonShortlyBeforeTheirTurn()
    {
        var bobChat = _bot.PersonalChat(TestUsers.Bob);
        await bobChat.SayAsync("help");
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);
        await RequestAsync(chat, card, TestUsers.Bob);

        await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);

        await _bot.Connector.WaitForAsync(calls => calls.Any(c =>
            c.IsSend && c.ConversationId == bobChat.Id && c.Activity.Text?.Contains("You are next on the speakers' list") == true));
    }

    [Fact]
    public async Task SharedCard_ManyRequestsAtOnce_IsUpdatedOncePerInterval_WithTheLatestState()
    {
        var (chat, card) = await OpenListAsync(_bot);
        var people = Enumerable.Range(1, 10).Select(TestUser.Numbered).ToList();
        foreach (var person in people)
        {
            await RequestAsync(chat, card, person);
        }

        // The clock stands still while they press: moving it a second at a time cannot slip past the updater's wait.
        await AdvanceUntilAsync(_bot, calls => calls.Any(c => c.IsUpdate && c.ConversationId == chat.Id && c.Activity.AllText.Contains("Waiting (10)")));

        Assert.Single(_bot.Connector.Calls, c => c.IsUpdate && c.ConversationId == chat.Id);
    }

    [Fact]
    public async Task MeetingStart_OpensTheListAndShowsIt()
    {
        var chat = _bot.MeetingChat("starting");

        var turn = await chat.MeetingStartedAsync();

        Assert.Contains("Open for requests", turn.Reply.AllText);
        Assert.Contains("Consultation", turn.Reply.AllText);
        Assert.True((await QueueAsync(_bot, chat.Id)).IsOpen);
    }

    [Fact]
    public async Task MeetingStart_DeliveredTwice_ShowsTheListOnce()
    {
        var chat = _bot.MeetingChat("twice");
        await chat.MeetingStartedAsync();

        var again = await chat.MeetingStartedAsync();

        Assert.Empty(again.Replies);
    }

    [Fact]
    public async Task MeetingEnd_ClosesTheList_EndsTheTurn_AndClearsWhoWasWaiting()
    {
        var chat = _bot.MeetingChat("ending");
        var started = await chat.MeetingStartedAsync();
        var card = started.Reply.Card;
        await RequestAsync(chat, card, TestUsers.Alice);
        await RequestAsync(chat, card, TestUsers.Bob);
        await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);
        _bot.Time!.Advance(TimeSpan.FromSeconds(30));

        await chat.MeetingEndedAsync();

        var queue = await QueueAsync(_bot, chat.Id);
        Assert.False(queue.IsOpen);
        var alice = Assert.Single(await RequestsAsync(_bot, chat.Id));
        Assert.Equal(RequestStatus.Done, alice.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), alice.EndedAt - alice.StartedAt);
        await AdvanceUntilAsync(_bot, calls => calls.Any(c => c.IsUpdate && c.ConversationId == chat.Id && c.Activity.AllText.Contains("Closed to new requests")));
    }
}
