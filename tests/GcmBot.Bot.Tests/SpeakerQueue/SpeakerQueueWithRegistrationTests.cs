using GcmBot.Bot.Tests.Registration;
using GcmBot.Cards.Registration;
using GcmBot.Cards.SpeakerQueue;
using static GcmBot.Bot.Tests.SpeakerQueue.SpeakerQueueKit;

namespace GcmBot.Bot.Tests.SpeakerQueue;

/// <summary>
/// The balanced speakers' list reading the real registrations (no test directory): what people told Registration
/// about their group, country and gender is what balances the floor.
/// </summary>
public sealed class SpeakerQueueWithRegistrationTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotApp.StartAsync();
        await RegisterAsync(TestUsers.Chen, "chen@example.org", "civil-society", "NP", "woman");
        await RegisterAsync(TestUsers.Alice, "alice@example.org", "civil-society", "NP", "woman");
        await RegisterAsync(TestUsers.Bob, "bob@example.org", "migrants", "FJ", "man");
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Balanced_WithRegisteredProfiles_GivesTheFloorToTheLeastHeardGroupAndSaysWhy()
    {
        var (chat, card) = await ListAfterChenSpokeAsync(_bot, "balanced");

        var view = await chat.PressAsync(card, SpeakerQueueCard.MyPlaceVerb, from: TestUsers.Bob);
        var next = await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);

        Assert.Contains(
            "For balance: of 1 turn so far, their group (Migrants and migrant organisations) had 0, subregion (Pacific) 0, gender (Man) 0",
            view.AllText);
        Assert.Contains("Bob Bautista has the floor", next.AllText);
    }

    private async Task RegisterAsync(TestUser user, string email, string group, string country, string gender)
    {
        var answers = RegistrationDriver.ValidAnswers("consult-b");
        answers[RegistrationFormCard.Email] = email;
        answers[RegistrationFormCard.Group] = group;
        answers[RegistrationFormCard.Country] = country;
        answers[RegistrationFormCard.Gender] = gender;
        await RegistrationDriver.RegisterAsync(_bot, user, answers);
        Assert.NotNull(await RegistrationDriver.ProfileAsync(_bot, user));
    }
}
