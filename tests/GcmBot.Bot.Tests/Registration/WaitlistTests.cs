using GcmBot.Bot.Registration;
using GcmBot.Cards.Registration;

namespace GcmBot.Bot.Tests.Registration;

public sealed class WaitlistTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotApp.StartAsync();
        await RegistrationDriver.SetEventAsync(_bot, "consult-b", capacity: 1);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Register_WhenTheEventIsFull_IsWaitlistedInOrder()
    {
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice, RegistrationDriver.ValidAnswers("consult-b"));
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Bob, RegistrationDriver.ValidAnswers("consult-b"));

        var chen = await RegistrationDriver.RegisterAsync(_bot, TestUsers.Chen, RegistrationDriver.ValidAnswers("consult-b"));

        Assert.Contains("Waitlisted: number 2 in line", chen.Reply.AllText);
        var statuses = (await RegistrationDriver.RegistrationsAsync(_bot, "consult-b")).Select(r => r.Status);
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted, RegistrationStatus.Waitlisted], statuses);
    }

    [Fact]
    public async Task TwoPeople_TakingTheLastPlaceAtOnce_OneIsConfirmedAndOneWaitlisted()
    {
        var alice = _bot.PersonalChat(TestUsers.Alice);
        var bob = _bot.PersonalChat(TestUsers.Bob);
        var aliceForm = await alice.SayAsync("register");
        var bobForm = await bob.SayAsync("register");

        await Task.WhenAll(
            alice.PressAsync(aliceForm.Reply.Card, RegistrationVerbs.Submit, RegistrationDriver.ValidAnswers("consult-b")),
            bob.PressAsync(bobForm.Reply.Card, RegistrationVerbs.Submit, RegistrationDriver.ValidAnswers("consult-b")));

        var statuses = (await RegistrationDriver.RegistrationsAsync(_bot, "consult-b")).Select(r => r.Status).Order();
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted], statuses);
    }

    [Fact]
    public async Task Cancel_AsksFirst_AndKeepingItChangesNothing()
    {
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice, RegistrationDriver.ValidAnswers("consult-b"));
        var chat = _bot.PersonalChat(TestUsers.Alice);

        var question = await chat.SayAsync("cancel registration consult-b");
        var kept = await RegistrationDriver.PressTitledAsync(chat, question.Reply.Card, "No, keep it");

        Assert.Contains("Your place goes to the next person waiting", question.Reply.AllText);
        Assert.Contains("Nothing changed", kept.Reply.AllText);
        Assert.Equal(RegistrationStatus.Confirmed, Assert.Single(await RegistrationDriver.RegistrationsAsync(_bot)).Status);
    }

    [Fact]
    public async Task Cancel_ConfirmedPlace_PromotesTheNextWaitlisted_AndTellsThemInTheirPersonalChat()
    {
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice, RegistrationDriver.ValidAnswers("consult-b"));
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Bob, RegistrationDriver.ValidAnswers("consult-b"));
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Chen, RegistrationDriver.ValidAnswers("consult-b"));
        var alice = _bot.PersonalChat(TestUsers.Alice);
        var bobChat = _bot.PersonalChat(TestUsers.Bob);
        var chenChat = _bot.PersonalChat(TestUsers.Chen);

        var question = await alice.SayAsync("cancel registration consult-b");
        var done = await RegistrationDriver.PressTitledAsync(alice, question.Reply.Card, "Yes, cancel");

        Assert.Contains("Cancelled your registration", done.Reply.AllText);
        await _bot.Connector.WaitForAsync(calls => calls.Any(c => c.IsSend && c.ConversationId == bobChat.Id && c.Activity.AllText.Contains("A place opened up: you're confirmed")));
        var statuses = (await RegistrationDriver.RegistrationsAsync(_bot, "consult-b")).ToDictionary(r => r.UserStableId, r => r.Status);
        Assert.Equal(RegistrationStatus.Cancelled, statuses[TestUsers.Alice.AadObjectId]);
        Assert.Equal(RegistrationStatus.Confirmed, statuses[TestUsers.Bob.AadObjectId]);
        Assert.Equal(RegistrationStatus.Waitlisted, statuses[TestUsers.Chen.AadObjectId]);
        Assert.DoesNotContain(_bot.Connector.CallsTo(chenChat.Id), c => c.IsSend && c.Activity.AllText.Contains("A place opened up"));
    }

    [Fact]
    public async Task CancelAll_CancelsEveryActiveRegistration()
    {
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice, RegistrationDriver.ValidAnswers("consult-a,consult-c"));
        var chat = _bot.PersonalChat(TestUsers.Alice);
        var question = await chat.SayAsync("cancel registration all");

        var done = await RegistrationDriver.PressTitledAsync(chat, question.Reply.Card, "Yes, cancel");

        Assert.Contains("Cancelled your 2 registrations", done.Reply.AllText);
        Assert.All(await RegistrationDriver.RegistrationsAsync(_bot), r => Assert.Equal(RegistrationStatus.Cancelled, r.Status));
    }

    [Fact]
    public async Task CancelAnswer_PressedTwice_CancelsOnceAndSaysSo()
    {
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice, RegistrationDriver.ValidAnswers("consult-b"));
        var chat = _bot.PersonalChat(TestUsers.Alice);
        var question = await chat.SayAsync("cancel registration consult-b");
        await RegistrationDriver.PressTitledAsync(chat, question.Reply.Card, "Yes, cancel");
        var second = await RegistrationDriver.PressTitledAsync(chat, question.Reply.Card, "Yes, cancel");

        Assert.Contains("nothing left to cancel", second.Reply.AllText);
        Assert.Equal(2, Assert.Single(await RegistrationDriver.RegistrationsAsync(_bot)).Version);
    }

    [Fact]
    public async Task Cancel_UnknownEvent_SaysSoKindly()
    {
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice, RegistrationDriver.ValidAnswers("consult-b"));

        var turn = await _bot.PersonalChat(TestUsers.Alice).SayAsync("cancel registration [x](http://evil)");

        Assert.Contains("You have no active registration for", turn.Reply.Text);
        Assert.DoesNotContain("[x](http", turn.Reply.Text);
    }

    [Fact]
    public async Task RegisterAgain_AfterCancelling_JoinsTheBackOfTheWaitlist()
    {
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice, RegistrationDriver.ValidAnswers("consult-b"));
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Bob, RegistrationDriver.ValidAnswers("consult-b"));
        var chat = _bot.PersonalChat(TestUsers.Alice);
        var question = await chat.SayAsync("cancel registration consult-b");
        await RegistrationDriver.PressTitledAsync(chat, question.Reply.Card, "Yes, cancel");

        var again = await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice, RegistrationDriver.ValidAnswers("consult-b"));

        Assert.Contains("Waitlisted: number 1 in line", again.Reply.AllText);
    }
}
