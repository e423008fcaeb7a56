using System.Net;
using GcmBot.Bot.Teams.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Foundation;

public sealed class DeliveryTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task SameActivityDeliveredTwice_IsProcessedOnce()
    {
        var chat = _bot.PersonalChat(TestUsers.Alice);
        var activity = chat.NewActivity("message");
        activity["text"] = "help";

        var first = await chat.SendAsync(activity);
        var second = await chat.SendAsync(activity);

        Assert.Single(first.Replies);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Empty(second.Replies);
    }

    [Fact]
    public async Task SameActivityDeliveredConcurrently_IsProcessedOnce()
    {
        var chat = _bot.PersonalChat(TestUsers.Alice);
        var activity = chat.NewActivity("message");
        activity["text"] = "help";

        var turns = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => chat.SendAsync(activity)));

        Assert.All(turns, t => Assert.Equal(HttpStatusCode.OK, t.Status));
        Assert.Single(_bot.Connector.Sent, s => s.Call!.ConversationId == chat.Id);
    }

    [Fact]
    public async Task DuplicateInvoke_GetsA200WithoutRunningTwice()
    {
        var chat = _bot.PersonalChat(TestUsers.Alice);
        var activity = chat.NewActivity("invoke-adaptive-card-action");
        activity["value"]!["action"]!["verb"] = "command.run";
        activity["value"]!["action"]!["data"] = new System.Text.Json.Nodes.JsonObject { ["command"] = "help" };

        var first = await chat.SendAsync(activity);
        var second = await chat.SendAsync(activity);

        Assert.Single(first.Replies);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Empty(second.Replies);
    }

    [Fact]
    public async Task DifferentActivitiesWithSameText_AreBothProcessed()
    {
        var chat = _bot.PersonalChat(TestUsers.Alice);

        await chat.SayAsync("help");
        var again = await chat.SayAsync("help");

        Assert.Single(again.Replies);
    }

    [Fact]
    public async Task EveryConversation_IsRecordedWithItsServiceUrl()
    {
        var personal = _bot.PersonalChat(TestUsers.Bob);
        var meeting = _bot.MeetingChat();
        await personal.SayAsync("help");
        await meeting.SayAsync("help");

        var store = _bot.Services.GetRequiredService<ConversationStore>();
        var bobChat = await store.FindPersonalChatAsync(TestUsers.Bob.AadObjectId, CancellationToken.None);
        var meetingChat = await store.FindAsync(meeting.Id, CancellationToken.None);

        Assert.NotNull(bobChat);
        Assert.Equal(personal.Id, bobChat.ConversationId);
        Assert.Equal(_bot.Connector.ServiceUrl.ToString(), bobChat.ServiceUrl);
        Assert.Equal(BotApp.TenantId, bobChat.TenantId);
        Assert.NotNull(meetingChat);
        Assert.True(meetingChat.IsMeetingChat);
        Assert.Null(meetingChat.UserAadObjectId);
    }
}
