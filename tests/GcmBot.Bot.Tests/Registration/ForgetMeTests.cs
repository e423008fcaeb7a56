using GcmBot.Bot.Registration;
using GcmBot.Bot.Teams.Conversations;
using GcmBot.Cards.Registration;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Registration;

public sealed class ForgetMeTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task ForgetMe_Confirmed_ErasesTheProfileAndChat_KeepsAnAnonymousCount_AndPromotesTheWaitlist()
    {
        await RegistrationDriver.SetEventAsync(_bot, "consult-a", capacity: 1);
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice, RegistrationDriver.ValidAnswers("consult-a,consult-b"));
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Bob);
        var chat = _bot.PersonalChat(TestUsers.Alice);
        var question = await chat.SayAsync("forget me");

        var done = await RegistrationDriver.PressTitledAsync(chat, question.Reply.Card, "Erase my data");

        Assert.Contains("This cannot be undone", question.Reply.AllText);
        Assert.Contains("Your data is erased", done.Reply.AllText);
        Assert.Null(await RegistrationDriver.ProfileAsync(_bot, TestUsers.Alice));
        var registrations = await RegistrationDriver.RegistrationsAsync(_bot);
        Assert.DoesNotContain(registrations, r => r.UserStableId == TestUsers.Alice.AadObjectId);
        Assert.Equal(2, registrations.Count(r => r.Status == RegistrationStatus.Erased && r.UserStableId.StartsWith("erased:", StringComparison.Ordinal)));
        Assert.Equal(RegistrationStatus.Confirmed, registrations.Single(r => r.UserStableId == TestUsers.Bob.AadObjectId).Status);
        var conversations = _bot.Services.GetRequiredService<ConversationStore>();
        Assert.Null(await conversations.FindPersonalChatAsync(TestUsers.Alice.AadObjectId, CancellationToken.None));
        var bobChat = _bot.PersonalChat(TestUsers.Bob);
        await _bot.Connector.WaitForAsync(calls => calls.Any(c => c.IsSend && c.ConversationId == bobChat.Id && c.Activity.AllText.Contains("A place opened up")));
    }

    [Fact]
    public async Task ForgetMe_ErasedRegistrations_StillCountOnTheBalanceCard()
    {
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice);
        var chat = _bot.PersonalChat(TestUsers.Alice);
        var question = await chat.SayAsync("forget me");
        await RegistrationDriver.PressTitledAsync(chat, question.Reply.Card, "Erase my data");

        var balance = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("registrations consult-a");

        var statuses = balance.Reply.Card["body"]!.AsArray()[2]!["facts"]!.AsArray().Select(f => $"{f!["value"]} {f["title"]}").ToList();
        Assert.Contains("1 Erased on request", statuses);
        Assert.Contains("0 Confirmed", statuses);
        Assert.DoesNotContain("Alice", balance.Reply.AllText);
    }

    [Fact]
    public async Task ForgetMe_Kept_ErasesNothing()
    {
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice);
        var chat = _bot.PersonalChat(TestUsers.Alice);
        var question = await chat.SayAsync("forget me");

        var kept = await RegistrationDriver.PressTitledAsync(chat, question.Reply.Card, "Keep my data");

        Assert.Contains("Nothing was erased", kept.Reply.AllText);
        Assert.NotNull(await RegistrationDriver.ProfileAsync(_bot, TestUsers.Alice));
        Assert.Equal(RegistrationStatus.Confirmed, Assert.Single(await RegistrationDriver.RegistrationsAsync(_bot)).Status);
    }

    [Fact]
    public async Task ForgetMe_CallsEveryRegisteredEraser()
    {
        var erased = new List<string>();
        await using var bot = await BotApp.StartAsync(o => o.Services.Add(s => s.AddScoped<Participants.IPersonalDataEraser>(_ => new RecordingEraser(erased))));
        var chat = bot.PersonalChat(TestUsers.Chen);
        var question = await chat.SayAsync("forget me");

        await RegistrationDriver.PressTitledAsync(chat, question.Reply.Card, "Erase my data");

        Assert.Equal([TestUsers.Chen.AadObjectId], erased);
    }

    private sealed class RecordingEraser(List<string> erased) : Participants.IPersonalDataEraser
    {
        public Task EraseAsync(string userStableId, CancellationToken cancellationToken)
        {
            erased.Add(userStableId);
            return Task.CompletedTask;
        }
    }
}
