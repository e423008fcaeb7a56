namespace GcmBot.Bot.Tests.Foundation;

public sealed class RoutingTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync(o => o.AddTestCommands());

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task OrganiserCommand_FromNonOrganiser_IsRefusedPolitely()
    {
        var turn = await _bot.PersonalChat(TestUsers.Alice).SayAsync("secret plans");

        Assert.Contains("is for the organisers", turn.Reply.Text);
        Assert.DoesNotContain("organiser work done", turn.Reply.Text);
    }

    [Fact]
    public async Task OrganiserCommand_FromOrganiser_Runs()
    {
        var turn = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("Secret plans");

        Assert.Equal("organiser work done: plans", turn.Reply.Text);
    }

    [Fact]
    public async Task Help_ShowsOrganiserCommandsOnlyToOrganisers()
    {
        var forAlice = await _bot.PersonalChat(TestUsers.Alice).SayAsync("help");
        var forOrganiser = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("help");

        Assert.DoesNotContain("Test-only organiser command", forAlice.Reply.AllText);
        Assert.Contains("Test-only organiser command", forOrganiser.Reply.AllText);
        Assert.Contains("For organisers", forOrganiser.Reply.AllText);
    }

    [Fact]
    public async Task FailingTurn_ApologisesWithoutDetails_AndTheRetryIsProcessed()
    {
        var chat = _bot.PersonalChat(TestUsers.Alice);
        var activity = chat.NewActivity("message");
        activity["text"] = "flaky";

        var first = await chat.SendAsync(activity);
        var retry = await chat.SendAsync(activity);

        Assert.Contains("something went wrong", first.Reply.Text);
        Assert.DoesNotContain("secret internal detail", first.Reply.Text);
        Assert.Equal("flaky work done", retry.Reply.Text);
    }
}
