using GcmBot.Bot.Teams.Routing;

namespace GcmBot.Bot.Tests.Foundation;

public sealed class RouteTableTests
{
    private static CommandRoute Command(string words) =>
        new(words, words, "summary", ConversationScopes.All, typeof(object));

    [Fact]
    public void Constructor_DuplicateCommand_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new RouteTable([Command("register"), Command("Register")], []));

        Assert.Contains("register", error.Message);
    }

    [Fact]
    public void Constructor_DuplicateVerb_Throws()
    {
        Assert.Throws<InvalidOperationException>(() =>
            new RouteTable([], [new CardActionRoute("qna.vote", typeof(object)), new CardActionRoute("qna.vote", typeof(object))]));
    }

    [Fact]
    public void MatchCommand_LongestWordsWin_AndTheRestAreArguments()
    {
        var table = new RouteTable([Command("my"), Command("my registrations")], []);

        var match = table.MatchCommand("My Registrations for theme B");

        Assert.NotNull(match);
        Assert.Equal("my registrations", match.Route.Words);
        Assert.Equal("for theme B", match.Arguments);
    }

    [Fact]
    public void MatchCommand_PartialWord_DoesNotMatch()
    {
        var table = new RouteTable([Command("register")], []);

        Assert.Null(table.MatchCommand("registerme"));
    }

    [Fact]
    public void Closest_FarOffText_SuggestsNothing()
    {
        var table = new RouteTable([Command("register"), Command("help")], []);

        Assert.Null(table.Closest("banana", ConversationScopes.Personal));
        Assert.Equal("register", table.Closest("regsiter", ConversationScopes.Personal)?.Words);
    }
}
