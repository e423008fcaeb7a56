using GcmBot.Bot.Tests.Registration;

namespace GcmBot.Bot.Tests.StakeholderDirectory;

public sealed class DirectoryForgetMeTests : IAsyncLifetime
{
    private DirectoryKit _kit = null!;

    public async Task InitializeAsync() => _kit = await DirectoryKit.StartAsync();

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task ForgetMe_Registrant_LeavesTheDirectory()
    {
        await RegistrationDriver.RegisterAsync(_kit.Bot, TestUsers.Alice);
        await _kit.ImportAsync("Mekong Migration Network,civil-society,TH,,,a,,");
        await _kit.Organiser.SayAsync("directory");

        await ForgetAsync(TestUsers.Alice);

        var entry = Assert.Single(await _kit.EntriesAsync());
        Assert.Equal("Mekong Migration Network", entry.Organisation);
        Assert.DoesNotContain("Alice", (await _kit.Organiser.SayAsync("directory")).Reply.AllText);
    }

    [Fact]
    public async Task ForgetMe_ImportedWithTheirEmail_IsRemovedEvenIfNeverSynced()
    {
        await _kit.ImportAsync("Alice's Collective,migrants,NP,Alice,Alice@Example.org,a,yes,yes", "Mekong Migration Network,civil-society,TH,,,a,,");
        await RegistrationDriver.RegisterAsync(_kit.Bot, TestUsers.Alice);

        await ForgetAsync(TestUsers.Alice);

        Assert.Equal(["Mekong Migration Network"], (await _kit.EntriesAsync()).Select(e => e.Organisation));
    }

    [Fact]
    public async Task ForgetMe_SomeoneElse_LeavesOthersEntries()
    {
        await RegistrationDriver.RegisterAsync(_kit.Bot, TestUsers.Alice);
        await _kit.Organiser.SayAsync("directory");

        await ForgetAsync(TestUsers.Bob);

        Assert.Single(await _kit.EntriesAsync());
    }

    private async Task ForgetAsync(TestUser user)
    {
        var chat = _kit.Bot.PersonalChat(user);
        var question = await chat.SayAsync("forget me");
        await RegistrationDriver.PressTitledAsync(chat, question.Reply.Card, "Erase my data");
    }
}

public sealed class DirectoryHelpTests
{
    [Fact]
    public async Task Help_Organiser_ListsTheDirectoryCommands()
    {
        await using var bot = await BotApp.StartAsync();

        var turn = await bot.PersonalChat(TestUsers.Organiser).SayAsync("help");

        Assert.Contains("Import organisations from a CSV file (dry run first)", turn.Reply.AllText);
        Assert.Contains("directory search <text>", turn.Reply.AllText);
    }
}
