using System.Text.Json.Nodes;
using GcmBot.Bot.SpeakerQueue;
using GcmBot.Cards.SpeakerQueue;
using static GcmBot.Bot.Tests.SpeakerQueue.SpeakerQueueKit;

namespace GcmBot.Bot.Tests.SpeakerQueue;

/// <summary>Participants: requesting the floor, pressing twice, withdrawing, points of order, bad input.</summary>
public sealed class SpeakerRequestTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Speakers_InMeetingChat_PostsTheListClosedWithParticipantButtons()
    {
        var chat = _bot.MeetingChat("show");

        var turn = await chat.SayAsync("speakers", from: TestUsers.Alice);

        Assert.Contains("Speakers' list", turn.Reply.AllText);
        Assert.Contains("Closed to new requests", turn.Reply.AllText);
        Assert.NotNull(CardText.ActionWithVerb(turn.Reply.Card, SpeakerQueueCard.ChairVerb));
        Assert.Null(CardText.ActionWithVerb(turn.Reply.Card, SpeakerQueueCard.NextVerb));
    }

    [Fact]
    public async Task Speakers_InPersonalChat_SaysWhereItWorks()
    {
        var turn = await _bot.PersonalChat(TestUsers.Alice).SayAsync("speakers");

        Assert.Contains("works in a group chat, channel or meeting chat", turn.Reply.Text);
    }

    [Fact]
    public async Task Speakers_AskedAgainAtOnce_PointsToTheCardAbove()
    {
        var chat = _bot.MeetingChat("again");
        await chat.SayAsync("speakers");

        var again = await chat.SayAsync("speakers", from: TestUsers.Bob);

        Assert.Contains("just posted above", again.Reply.Text);
        Assert.False(again.Reply.HasCard);
    }

    [Fact]
    public async Task Request_WhenOpen_QueuesAndTellsThePlace()
    {
        var (chat, card) = await OpenListAsync(_bot);

        var turn = await RequestAsync(chat, card, TestUsers.Alice, "question", "Fair recruitment");

        Assert.Contains("You are number 1 of 1", turn.AllText);
        Assert.Contains("Alice Ahmed — Question: Fair recruitment", turn.AllText);
        var request = Assert.Single(await RequestsAsync(_bot, chat.Id));
        Assert.Equal(SpeechKind.Question, request.Kind);
        Assert.Equal("Fair recruitment", request.Topic);
    }

    [Fact]
    public async Task Request_PressedTwice_QueuesOnce()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);

        var second = await RequestAsync(chat, card, TestUsers.Alice);

        Assert.Contains("already on the list", second.AllText);
        Assert.Single(await RequestsAsync(_bot, chat.Id));
    }

    [Fact]
    public async Task Request_SameDeliveryTwice_QueuesOnce()
    {
        var (chat, card) = await OpenListAsync(_bot);
        var press = chat.NewActivity("invoke-adaptive-card-action", TestUsers.Bob);
        press["value"]!["action"]!["verb"] = SpeakerQueueCard.RequestVerb;
        press["value"]!["action"]!["data"] = new JsonObject { ["kind"] = "statement" };

        await Task.WhenAll(chat.SendAsync(press), chat.SendAsync(press));

        Assert.Single(await RequestsAsync(_bot, chat.Id));
    }

    [Fact]
    public async Task Request_WithNewKind_UpdatesTheRequestAndKeepsItsPlace()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);
        await RequestAsync(chat, card, TestUsers.Bob);

        var turn = await RequestAsync(chat, card, TestUsers.Alice, "reply", "On detention");

        Assert.Contains("Updated your request", turn.AllText);
        var requests = await RequestsAsync(_bot, chat.Id);
        Assert.Equal(2, requests.Count);
        Assert.Equal(SpeechKind.Reply, requests[0].Kind);
        Assert.Equal(["Alice Ahmed", "Bob Bautista"], WaitingNames(turn.InvokeCard!, TestUsers.Alice, TestUsers.Bob));
    }

    // A batch of requests starts from the list the previous batch committed, unless the list changed since: these
    // check that a change by the chair or by a person's erasure in between is seen by the next request.
    [Fact]
    public async Task Request_AfterTheChairGaveTheFloor_StartsFromTheListAsTheChairLeftIt()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);
        await RequestAsync(chat, card, TestUsers.Bob);
        await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);

        var alice = await RequestAsync(chat, card, TestUsers.Alice);
        var chen = await RequestAsync(chat, card, TestUsers.Chen);

        Assert.Contains("You have the floor now.", alice.AllText);
        Assert.DoesNotContain("You have the floor.", alice.AllText);
        Assert.Contains("You are number 2 of 2", chen.AllText);
        Assert.Equal(["Bob Bautista", "Chen Wei"], WaitingNames(chen.InvokeCard!, TestUsers.Bob, TestUsers.Chen));
        Assert.Equal(3, (await RequestsAsync(_bot, chat.Id)).Count);
    }

    [Fact]
    public async Task Request_AfterThePersonWasForgotten_QueuesThemAgain()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);
        await RequestAsync(chat, card, TestUsers.Bob);
        await ForgetAsync(_bot, TestUsers.Alice);

        var again = await RequestAsync(chat, card, TestUsers.Alice);

        Assert.Contains("You are number 2 of 2", again.AllText);
        Assert.Equal(["Bob Bautista", "Alice Ahmed"], (await RequestsAsync(_bot, chat.Id)).Select(r => r.DisplayName));
    }

    [Fact]
    public async Task Withdraw_RemovesTheRequest()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);

        var turn = await chat.PressAsync(card, SpeakerQueueCard.WithdrawVerb, from: TestUsers.Alice);

        Assert.Contains("You withdrew your request", turn.AllText);
        Assert.Empty(await RequestsAsync(_bot, chat.Id));
    }

    [Fact]
    public async Task Withdraw_WhenNotOnTheList_SaysSoAndChangesNothing()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);

        var turn = await chat.PressAsync(card, SpeakerQueueCard.WithdrawVerb, from: TestUsers.Bob);

        Assert.Contains("You are not on the list", turn.AllText);
        Assert.Single(await RequestsAsync(_bot, chat.Id));
    }

    [Fact]
    public async Task PointOfOrder_GoesToTheTop()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);
        await RequestAsync(chat, card, TestUsers.Bob);

        var turn = await RequestAsync(chat, card, TestUsers.Chen, "point-of-order");

        Assert.Contains("Your point of order goes to the top", turn.AllText);
        Assert.Equal(["Chen Wei", "Alice Ahmed", "Bob Bautista"], WaitingNames(turn.InvokeCard!, TestUsers.Alice, TestUsers.Bob, TestUsers.Chen));
        Assert.Contains("Point of order: goes before other requests", turn.AllText);
    }

    [Fact]
    public async Task MyPlace_ShowsThePersonsPlace()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);
        await RequestAsync(chat, card, TestUsers.Bob);

        var turn = await chat.PressAsync(card, SpeakerQueueCard.MyPlaceVerb, from: TestUsers.Bob);

        Assert.Contains("You are number 2 of 2 (Statement). 1 person is ahead of you.", turn.AllText);
    }

    [Fact]
    public async Task Request_WhenClosed_IsRefusedAndChangesNothing()
    {
        var chat = _bot.MeetingChat("closed");
        await chat.SayAsync("speakers");

        var turn = await chat.ExecuteAsync(SpeakerQueueCard.RequestVerb, new JsonObject { ["kind"] = "statement" }, TestUsers.Alice);

        Assert.Contains("The speakers' list is closed", turn.AllText);
        Assert.Empty(await RequestsAsync(_bot, chat.Id));
    }

    [Fact]
    public async Task Request_WithOversizedTopic_IsRefusedAndChangesNothing()
    {
        var (chat, card) = await OpenListAsync(_bot);

        var turn = await RequestAsync(chat, card, TestUsers.Alice, topic: new string('x', 201));

        Assert.Contains("Your topic is too long (201 characters; at most 200)", turn.InvokeMessage);
        Assert.Empty(await RequestsAsync(_bot, chat.Id));
    }

    [Theory]
    [InlineData("speech")]
    [InlineData("")]
    public async Task Request_WithUnknownKind_IsRefusedAndChangesNothing(string kind)
    {
        var (chat, card) = await OpenListAsync(_bot);

        var turn = await RequestAsync(chat, card, TestUsers.Alice, kind);

        Assert.Contains("Please choose the kind of intervention", turn.InvokeMessage);
        Assert.Empty(await RequestsAsync(_bot, chat.Id));
    }

    [Fact]
    public async Task Request_WithNonTextTopic_IsRefusedAndChangesNothing()
    {
        var (chat, _) = await OpenListAsync(_bot);

        var turn = await chat.ExecuteAsync(SpeakerQueueCard.RequestVerb, new JsonObject { ["kind"] = "statement", ["topic"] = new JsonArray(1, 2) }, TestUsers.Alice);

        Assert.Contains("could not read the topic", turn.InvokeMessage);
        Assert.Empty(await RequestsAsync(_bot, chat.Id));
    }

    [Fact]
    public async Task Request_WithMarkdownInTopic_ShowsItAsText()
    {
        var (chat, card) = await OpenListAsync(_bot);

        var turn = await RequestAsync(chat, card, TestUsers.Alice, topic: "[win](https://evil.example) **now**");

        Assert.Contains(@"\[win\](https://evil.example) \*\*now\*\*", turn.AllText);
    }

    [Fact]
    public async Task Button_InAChatWithoutAList_SaysSo()
    {
        var chat = _bot.GroupChat("nolist");

        var turn = await chat.ExecuteAsync(SpeakerQueueCard.RequestVerb, new JsonObject { ["kind"] = "statement" }, TestUsers.Alice);

        Assert.Contains("There is no speakers' list in this conversation yet", turn.InvokeMessage);
    }

    [Fact]
    public async Task List_AfterRestart_IsStillThere()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);

        await _bot.RestartAsync();
        var turn = await RequestAsync(chat, card, TestUsers.Bob);

        Assert.Contains("You are number 2 of 2", turn.AllText);
    }
}
