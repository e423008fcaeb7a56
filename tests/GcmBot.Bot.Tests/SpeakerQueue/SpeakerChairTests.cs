using System.Text.Json.Nodes;
using GcmBot.Bot.SpeakerQueue;
using GcmBot.Cards.SpeakerQueue;
using static GcmBot.Bot.Tests.SpeakerQueue.SpeakerQueueKit;

namespace GcmBot.Bot.Tests.SpeakerQueue;

/// <summary>The chair: next speaker, moves, skip, remove, clear, open/close, settings; attendees refused.</summary>
public sealed class SpeakerChairTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task ChairControls_ForAttendee_AreRefusedPolitely()
    {
        var (chat, card) = await OpenListAsync(_bot);

        var turn = await chat.PressAsync(card, SpeakerQueueCard.ChairVerb, from: TestUsers.Alice);

        Assert.Contains("only the chair can do that", turn.InvokeMessage);
        Assert.Null(turn.InvokeCard);
    }

    [Theory]
    [InlineData(SpeakerQueueCard.NextVerb)]
    [InlineData(SpeakerQueueCard.ClearVerb)]
    [InlineData(SpeakerQueueCard.CloseVerb)]
    [InlineData(SpeakerQueueCard.RemoveVerb)]
    [InlineData(SpeakerQueueCard.ExportVerb)]
    public async Task ChairAction_ForgedByAttendee_IsRefusedAndChangesNothing(string verb)
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Bob);
        var before = await RequestsAsync(_bot, chat.Id);
        var data = new JsonObject { [SpeakerQueueCard.CurrentKey] = SpeakerQueueCard.Nobody, [SpeakerQueueCard.RequestKey] = before[0].Id.ToString() };

        var turn = await chat.ExecuteAsync(verb, data, TestUsers.Alice);

        Assert.Contains("only the chair can do that", turn.InvokeMessage);
        var after = await RequestsAsync(_bot, chat.Id);
        Assert.Equal(RequestStatus.Waiting, Assert.Single(after).Status);
        Assert.True((await QueueAsync(_bot, chat.Id)).IsOpen);
    }

    [Fact]
    public async Task MeetingPresenter_ChairsTheList()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);
        _bot.Connector.SetMeetingRole(TestUsers.Chen.AadObjectId, "Presenter");

        var turn = await ChairAsync(chat, card, SpeakerQueueCard.NextVerb, chair: TestUsers.Chen);

        Assert.Contains("Alice Ahmed has the floor", turn.AllText);
    }

    [Fact]
    public async Task MeetingAttendee_WhoWasPresenter_IsRefusedOnceDemoted()
    {
        var (chat, card) = await OpenListAsync(_bot);
        _bot.Connector.SetMeetingRole(TestUsers.Chen.AadObjectId, "Presenter");
        var controls = await chat.PressAsync(card, SpeakerQueueCard.ChairVerb, from: TestUsers.Chen);
        _bot.Connector.SetMeetingRole(TestUsers.Chen.AadObjectId, "Attendee");

        var turn = await chat.PressAsync(controls.InvokeCard!, SpeakerQueueCard.CloseVerb, from: TestUsers.Chen);

        Assert.Contains("only the chair can do that", turn.InvokeMessage);
        Assert.True((await QueueAsync(_bot, chat.Id)).IsOpen);
    }

    [Fact]
    public async Task Next_GivesTheFloorInOrderOfRequests()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);
        await RequestAsync(chat, card, TestUsers.Bob);

        var first = await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);
        var second = await chat.PressAsync(first.InvokeCard!, SpeakerQueueCard.NextVerb, from: TestUsers.Organiser);

        Assert.Contains("Alice Ahmed has the floor", first.AllText);
        Assert.Contains("Bob Bautista has the floor", second.AllText);
        var requests = await RequestsAsync(_bot, chat.Id);
        Assert.Equal(RequestStatus.Done, requests[0].Status);
        Assert.NotNull(requests[0].EndedAt);
        Assert.Equal(RequestStatus.Speaking, requests[1].Status);
    }

    [Fact]
    public async Task Next_PressedTwiceOnTheSameCard_AdvancesOnce()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);
        await RequestAsync(chat, card, TestUsers.Bob);
        var controls = (await chat.PressAsync(card, SpeakerQueueCard.ChairVerb, from: TestUsers.Organiser)).InvokeCard!;

        var presses = await Task.WhenAll(
            chat.PressAsync(controls, SpeakerQueueCard.NextVerb, from: TestUsers.Organiser),
            chat.PressAsync(controls, SpeakerQueueCard.NextVerb, from: TestUsers.Organiser));

        Assert.Single(presses, p => p.AllText.Contains("The list changed since your card: Alice Ahmed has the floor now"));
        Assert.Single(presses, p => !p.AllText.Contains("The list changed since your card") && p.AllText.Contains("Alice Ahmed has the floor."));
        var requests = await RequestsAsync(_bot, chat.Id);
        Assert.Equal([RequestStatus.Speaking, RequestStatus.Waiting], requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Next_WithMalformedCurrent_SaysTheButtonIsOutdated()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);

        var turn = await chat.ExecuteAsync(SpeakerQueueCard.NextVerb, new JsonObject { [SpeakerQueueCard.CurrentKey] = "-1; drop" }, TestUsers.Organiser);

        Assert.Contains("looks out of date", turn.InvokeMessage);
        Assert.Equal(RequestStatus.Waiting, Assert.Single(await RequestsAsync(_bot, chat.Id)).Status);
    }

    [Fact]
    public async Task Next_WithNobodyWaiting_SaysSo()
    {
        var (chat, card) = await OpenListAsync(_bot);

        var turn = await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);

        Assert.Contains("Nobody is waiting for the floor", turn.AllText);
    }

    [Fact]
    public async Task EndTurn_EndsTheCurrentSpeaker()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);
        var next = await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);

        var turn = await chat.PressAsync(next.InvokeCard!, SpeakerQueueCard.EndTurnVerb, from: TestUsers.Organiser);

        Assert.Contains("Ended the turn of Alice Ahmed", turn.AllText);
        Assert.Contains("Nobody has the floor.", turn.AllText);
        Assert.Equal(RequestStatus.Done, Assert.Single(await RequestsAsync(_bot, chat.Id)).Status);
    }

    [Fact]
    public async Task Withdraw_WhileSpeaking_KeepsTheFloor()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);
        await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);

        var turn = await chat.PressAsync(card, SpeakerQueueCard.WithdrawVerb, from: TestUsers.Alice);

        Assert.Contains("You have the floor now", turn.AllText);
        Assert.Equal(RequestStatus.Speaking, Assert.Single(await RequestsAsync(_bot, chat.Id)).Status);
    }

    [Fact]
    public async Task MoveUp_PutsThePersonOnePlaceEarlier_AndTheCardSaysWhy()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);
        await RequestAsync(chat, card, TestUsers.Bob);
        await RequestAsync(chat, card, TestUsers.Chen);

        var turn = await ChairOnPersonAsync(chat, card, SpeakerQueueCard.MoveUpVerb, TestUsers.Chen);

        Assert.Contains("Moved Chen Wei up", turn.AllText);
        Assert.Equal(["Alice Ahmed", "Chen Wei", "Bob Bautista"], WaitingNames(turn.InvokeCard!, TestUsers.Alice, TestUsers.Bob, TestUsers.Chen));
        Assert.Contains("Moved up by the chair", turn.AllText);
    }

    [Fact]
    public async Task MoveDown_OfTheLast_SaysItCannotAndChangesNothing()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);
        await RequestAsync(chat, card, TestUsers.Bob);

        var turn = await ChairOnPersonAsync(chat, card, SpeakerQueueCard.MoveDownVerb, TestUsers.Bob);

        Assert.Contains("Bob Bautista is already last", turn.AllText);
        Assert.All(await RequestsAsync(_bot, chat.Id), r => Assert.Equal(0, r.Adjustment));
    }

    [Fact]
    public async Task Skip_TakesThePersonOffAndTellsThem()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await _bot.PersonalChat(TestUsers.Bob).SayAsync("help");
        await RequestAsync(chat, card, TestUsers.Alice);
        await RequestAsync(chat, card, TestUsers.Bob);

        var turn = await ChairOnPersonAsync(chat, card, SpeakerQueueCard.SkipVerb, TestUsers.Bob);

        Assert.Contains("Skipped Bob Bautista", turn.AllText);
        Assert.Equal(["Alice Ahmed"], (await RequestsAsync(_bot, chat.Id)).Select(r => r.DisplayName));
        await _bot.Connector.WaitForAsync(calls => calls.Any(c => c.IsSend && c.Activity.Text?.Contains("The chair passed over your request") == true));
    }

    [Fact]
    public async Task Remove_TakesThePersonOff()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);
        await RequestAsync(chat, card, TestUsers.Bob);

        var turn = await ChairOnPersonAsync(chat, card, SpeakerQueueCard.RemoveVerb, TestUsers.Alice);

        Assert.Contains("Removed Alice Ahmed", turn.AllText);
        Assert.Equal(["Bob Bautista"], (await RequestsAsync(_bot, chat.Id)).Select(r => r.DisplayName));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    public async Task Remove_WithMalformedPerson_AsksToChooseAndChangesNothing(string request)
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);

        var turn = await chat.ExecuteAsync(SpeakerQueueCard.RemoveVerb, new JsonObject { [SpeakerQueueCard.RequestKey] = request }, TestUsers.Organiser);

        Assert.Contains("Please choose a waiting person first", turn.InvokeMessage);
        Assert.Single(await RequestsAsync(_bot, chat.Id));
    }

    [Fact]
    public async Task Remove_OfARequestInAnotherChat_ChangesNothing()
    {
        var (chat, card) = await OpenListAsync(_bot);
        var (other, otherCard) = await OpenListAsync(_bot);
        await RequestAsync(other, otherCard, TestUsers.Alice);
        var foreign = (await RequestsAsync(_bot, other.Id))[0].Id;

        var turn = await chat.ExecuteAsync(SpeakerQueueCard.RemoveVerb, new JsonObject { [SpeakerQueueCard.RequestKey] = foreign.ToString() }, TestUsers.Organiser);

        Assert.Contains("no longer waiting", turn.AllText);
        Assert.Single(await RequestsAsync(_bot, other.Id));
    }

    [Fact]
    public async Task Clear_TakesEveryWaitingRequestOff()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);
        await RequestAsync(chat, card, TestUsers.Bob);

        var turn = await ChairAsync(chat, card, SpeakerQueueCard.ClearVerb);

        Assert.Contains("Cleared 2 waiting requests", turn.AllText);
        Assert.Empty(await RequestsAsync(_bot, chat.Id));
    }

    [Fact]
    public async Task Close_RefusesNewRequests_ButKeepsThoseWaiting()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);

        var closed = await ChairAsync(chat, card, SpeakerQueueCard.CloseVerb);
        var late = await chat.ExecuteAsync(SpeakerQueueCard.RequestVerb, new JsonObject { ["kind"] = "statement" }, TestUsers.Bob);

        Assert.Contains("The list is closed to new requests", closed.AllText);
        Assert.Contains("The speakers' list is closed", late.AllText);
        Assert.Equal(["Alice Ahmed"], (await RequestsAsync(_bot, chat.Id)).Select(r => r.DisplayName));
    }

    [Fact]
    public async Task Settings_SavesPolicyAndLimit()
    {
        var (chat, card) = await OpenListAsync(_bot);

        var turn = await ChairAsync(chat, card, SpeakerQueueCard.SettingsVerb, new Dictionary<string, string> { ["policy"] = "balanced", ["limit"] = "120" });

        Assert.Contains("Settings saved: Balanced (group, subregion, gender), 2 min per speaker", turn.AllText);
        var queue = await QueueAsync(_bot, chat.Id);
        Assert.Equal(OrderingPolicy.Balanced, queue.Policy);
        Assert.Equal(120, queue.SpeakingLimitSeconds);
    }

    [Theory]
    [InlineData("balanced", "77")]
    [InlineData("random", "120")]
    [InlineData("balanced", "-60")]
    public async Task Settings_WithValuesNotOffered_AreRefused(string policy, string limit)
    {
        var (chat, _) = await OpenListAsync(_bot);

        var turn = await chat.ExecuteAsync(SpeakerQueueCard.SettingsVerb, new JsonObject { ["policy"] = policy, ["limit"] = limit }, TestUsers.Organiser);

        Assert.Contains("Nothing was changed", turn.AllText);
        var queue = await QueueAsync(_bot, chat.Id);
        Assert.Equal(OrderingPolicy.FirstComeFirstServed, queue.Policy);
        Assert.Equal(180, queue.SpeakingLimitSeconds);
    }

    [Fact]
    public async Task ChairView_ShowsControlsAndTheTimeLimit()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice);

        var turn = await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);

        Assert.Contains("Chair controls", turn.AllText);
        Assert.Contains("3 min limit, until", turn.AllText);
        Assert.Equal((await RequestsAsync(_bot, chat.Id))[0].Id.ToString(), Speaking(turn.InvokeCard!));
    }
}
