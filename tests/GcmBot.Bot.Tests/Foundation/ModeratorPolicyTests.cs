using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Organisers;
using GcmBot.Bot.Teams.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Foundation;

/// <summary>Moderators: configured organisers anywhere; meeting organisers and presenters in their meeting, asked live.</summary>
public sealed class ModeratorPolicyTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync(o => o.Services.Add(services =>
        services.AddBotCommand<WhoAmICommand>("am i moderator", "test", ConversationScopes.All)));

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("Presenter", "moderator: True")]
    [InlineData("Organizer", "moderator: True")]
    [InlineData("Attendee", "moderator: False")]
    public async Task MeetingRole_DecidesModeration(string role, string expected)
    {
        _bot.Connector.SetMeetingRole(TestUsers.Bob.AadObjectId, role);

        var turn = await _bot.MeetingChat().SayAsync("am i moderator", from: TestUsers.Bob);

        Assert.Equal(expected, turn.Reply.Text);
    }

    [Fact]
    public async Task MeetingRole_IsAskedEveryTime_NotCached()
    {
        var meeting = _bot.MeetingChat();
        _bot.Connector.SetMeetingRole(TestUsers.Bob.AadObjectId, "Presenter");
        var before = await meeting.SayAsync("am i moderator", from: TestUsers.Bob);
        _bot.Connector.SetMeetingRole(TestUsers.Bob.AadObjectId, "Attendee");

        var after = await meeting.SayAsync("am i moderator", from: TestUsers.Bob);

        Assert.Equal("moderator: True", before.Reply.Text);
        Assert.Equal("moderator: False", after.Reply.Text);
    }

    [Fact]
    public async Task ConfiguredOrganiser_ModeratesAnywhere_AttendeeInGroupChatDoesNot()
    {
        var organiser = await _bot.GroupChat().SayAsync("am i moderator", from: TestUsers.Organiser);
        var alice = await _bot.GroupChat().SayAsync("am i moderator", from: TestUsers.Alice);

        Assert.Equal("moderator: True", organiser.Reply.Text);
        Assert.Equal("moderator: False", alice.Reply.Text);
    }

    private sealed class WhoAmICommand(IModeratorPolicy moderators) : ICommandHandler
    {
        public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken) =>
            await turn.SendTextAsync($"moderator: {await moderators.IsModeratorAsync(turn, cancellationToken)}", cancellationToken);
    }
}
