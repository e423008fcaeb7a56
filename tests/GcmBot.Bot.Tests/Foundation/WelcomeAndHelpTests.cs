namespace GcmBot.Bot.Tests.Foundation;

public sealed class WelcomeAndHelpTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task BotAdded_PersonalChat_SendsWelcomeCardForPersonalChat()
    {
        var turn = await _bot.PersonalChat(TestUsers.Alice).AddBotAsync();

        var welcome = turn.Reply;
        Assert.Contains("Welcome to GcmBot", welcome.AllText);
        Assert.Contains("register for the briefing", welcome.AllText);
        Assert.NotNull(CardText.ActionWithVerb(welcome.Card, "command.run"));
    }

    [Theory]
    [InlineData("groupChat", "Mention me")]
    [InlineData("channel", "In this team")]
    [InlineData("meeting", "In this meeting")]
    public async Task BotAdded_SharedConversation_SendsWelcomeForThatPlace(string kind, string expected)
    {
        var conversation = kind switch
        {
            "groupChat" => _bot.GroupChat(),
            "channel" => _bot.Channel(),
            _ => _bot.MeetingChat(),
        };

        var turn = await conversation.AddBotAsync();

        Assert.Contains(expected, turn.Reply.AllText);
    }

    [Fact]
    public async Task MemberAdded_SomeoneElse_NoWelcome()
    {
        var chat = _bot.GroupChat();
        var activity = chat.NewActivity("conversation-update-bot-added");
        activity["membersAdded"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["id"] = TestUsers.Bob.Id });

        var turn = await chat.SendAsync(activity);

        Assert.Equal(System.Net.HttpStatusCode.OK, turn.Status);
        Assert.Empty(turn.Replies);
    }

    [Theory]
    [InlineData("personal", "In our personal chat")]
    [InlineData("groupChat", "In this group chat")]
    [InlineData("channel", "In this channel")]
    [InlineData("meeting", "In this meeting's chat")]
    public async Task Help_EachScope_ListsCommandsForThatScope(string kind, string scopeTitle)
    {
        var conversation = kind switch
        {
            "personal" => _bot.PersonalChat(TestUsers.Alice),
            "groupChat" => _bot.GroupChat(),
            "channel" => _bot.Channel(),
            _ => _bot.MeetingChat(),
        };

        var turn = await conversation.SayAsync("help");

        var text = turn.Reply.AllText;
        Assert.Contains("What I can do here", text);
        Assert.Contains(scopeTitle, text);
        Assert.Contains("Show what I can do here", text);
    }

    [Fact]
    public async Task Help_IsCaseAndSpaceInsensitive()
    {
        var turn = await _bot.PersonalChat(TestUsers.Alice).SayAsync("  HELP  ");

        Assert.Contains("What I can do here", turn.Reply.AllText);
    }

    [Fact]
    public async Task HelpButton_RunsTheCommandAsIfTyped()
    {
        var chat = _bot.PersonalChat(TestUsers.Alice);
        var welcome = (await chat.AddBotAsync()).Reply.Card;

        var turn = await chat.PressAsync(welcome, "command.run");

        Assert.Contains("What I can do here", turn.Reply.AllText);
    }

    [Fact]
    public async Task Help_InAMeetingChat_ListsModeratorCommandsApart_WithoutButtons()
    {
        var turn = await _bot.MeetingChat().SayAsync("help", TestUsers.Alice);

        var text = turn.Reply.AllText;
        var moderators = text.IndexOf("For the meeting's organisers and presenters", StringComparison.Ordinal);
        Assert.True(moderators > 0, text);
        Assert.True(text.IndexOf("qna open <title>", StringComparison.Ordinal) > moderators, text);
        Assert.True(text.IndexOf("qna close", StringComparison.Ordinal) > moderators, text);
        var buttonCommands = CardText.Actions(turn.Reply.Card).Select(a => a["data"]?["command"]?.GetValue<string>()).ToList();
        Assert.NotEmpty(buttonCommands);
        Assert.DoesNotContain("qna close", buttonCommands);
        Assert.DoesNotContain("qna open", buttonCommands);
    }
}
