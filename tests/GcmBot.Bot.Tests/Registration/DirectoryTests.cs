using GcmBot.Bot.Participants;
using GcmBot.Cards.Registration;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Registration;

public sealed class DirectoryTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task ParticipantDirectory_FindsRegisteredPeople_WithTheirSubregion()
    {
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice);
        var directory = _bot.Services.GetRequiredService<IParticipantDirectory>();

        var alice = await directory.FindAsync(TestUsers.Alice.AadObjectId, CancellationToken.None);
        var many = await directory.FindManyAsync([TestUsers.Alice.AadObjectId, TestUsers.Bob.AadObjectId], CancellationToken.None);

        Assert.Equal(new ParticipantProfile(TestUsers.Alice.AadObjectId, "Alice Ahmed", "Migrant Forum Nepal", "civil-society", "NP", "sswa", "woman"), alice);
        Assert.Equal([TestUsers.Alice.AadObjectId], many.Keys);
    }

    [Fact]
    public async Task RegistrantDirectory_ForTheme_ListsConfirmedPeopleOnceEach()
    {
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Alice, RegistrationDriver.ValidAnswers("consult-a,consult-b"));
        var bob = RegistrationDriver.ValidAnswers("consult-d");
        bob[RegistrationFormCard.Themes] = "d";
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Bob, bob);
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Chen, RegistrationDriver.ValidAnswers("multi-stakeholder"));
        var directory = _bot.Services.GetRequiredService<IRegistrantDirectory>();

        var themeA = await directory.ForThemeAsync('a', CancellationToken.None);
        var all = await directory.AllAsync(CancellationToken.None);

        var alice = Assert.Single(themeA);
        Assert.Equal(new Registrant(TestUsers.Alice.AadObjectId, "Alice Ahmed", "alice@example.org", "consult-a", "Confirmed"), alice);
        Assert.Equal([TestUsers.Alice.AadObjectId, TestUsers.Bob.AadObjectId], all.Select(r => r.UserStableId).Order());
    }
}
