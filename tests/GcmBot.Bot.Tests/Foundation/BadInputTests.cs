using System.Net;
using System.Text.Json.Nodes;

namespace GcmBot.Bot.Tests.Foundation;

public sealed class BadInputTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task UnknownText_PointsToHelp()
    {
        var turn = await _bot.PersonalChat(TestUsers.Alice).SayAsync("what is the weather");

        Assert.Equal(HttpStatusCode.OK, turn.Status);
        Assert.Contains("Type **help**", turn.Reply.Text);
        Assert.DoesNotContain("Exception", turn.Reply.Text);
    }

    [Fact]
    public async Task MisspelledCommand_SuggestsTheClosest()
    {
        var turn = await _bot.PersonalChat(TestUsers.Alice).SayAsync("hlep");

        Assert.Contains("Did you mean **help**?", turn.Reply.Text);
    }

    [Fact]
    public async Task UnknownText_InGroupChat_WithMention_PointsToHelp()
    {
        var turn = await _bot.GroupChat().SayAsync("dance");

        Assert.Contains("Type **help**", turn.Reply.Text);
    }

    [Fact]
    public async Task OversizedText_IsRefusedKindly()
    {
        var turn = await _bot.PersonalChat(TestUsers.Alice).SayAsync(new string('x', 5000));

        Assert.Contains("too long", turn.Reply.Text);
    }

    [Fact]
    public async Task EmptyMention_Greets()
    {
        var turn = await _bot.GroupChat().SayAsync(string.Empty);

        // A bare mention is a greeting: it gets the list of what works here.
        Assert.Contains("Hello!", turn.Reply.AllText);
        Assert.Contains("What I can do here", turn.Reply.AllText);
    }

    [Fact]
    public async Task CardSubmit_WithoutVerb_SaysTheCardIsOutOfDate()
    {
        var turn = await _bot.PersonalChat(TestUsers.Alice).SubmitAsync(new JsonObject { ["name"] = "x" });

        Assert.Contains("no longer works", turn.Reply.Text);
    }

    [Fact]
    public async Task CardSubmit_WithUnknownVerb_SaysTheCardIsOutOfDate()
    {
        var turn = await _bot.PersonalChat(TestUsers.Alice).SubmitAsync(new JsonObject { ["verb"] = "no.such.verb" });

        Assert.Contains("no longer works", turn.Reply.Text);
    }

    [Fact]
    public async Task CardSubmit_WithNonObjectValue_SaysTheCardIsOutOfDate()
    {
        var chat = _bot.PersonalChat(TestUsers.Alice);
        var activity = chat.NewActivity("message");
        activity.Remove("text");
        activity["value"] = new JsonArray(1, 2, 3);

        var turn = await chat.SendAsync(activity);

        Assert.Contains("no longer works", turn.Reply.Text);
    }

    [Fact]
    public async Task UniversalAction_WithUnknownVerb_AnswersInTheInvokeBody()
    {
        var turn = await _bot.GroupChat().ExecuteAsync("no.such.verb", []);

        Assert.Equal(HttpStatusCode.OK, turn.Status);
        Assert.Contains("no longer works", turn.InvokeMessage);
    }

    [Fact]
    public async Task UnsupportedInvoke_Answers501()
    {
        var chat = _bot.PersonalChat(TestUsers.Alice);
        var activity = chat.NewActivity("invoke-adaptive-card-action");
        activity["name"] = "composeExtension/query";

        var turn = await chat.SendAsync(activity);

        Assert.Equal(HttpStatusCode.NotImplemented, turn.Status);
        Assert.Empty(turn.Replies);
    }

    [Fact]
    public async Task MalformedJson_IsRejectedWithoutAReply()
    {
        using var content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");

        using var response = await _bot.Http.PostAsync("/api/messages", content);

        Assert.True((int)response.StatusCode >= 400, $"Got {response.StatusCode}");
        Assert.Empty(_bot.Connector.Sent);
    }
}
