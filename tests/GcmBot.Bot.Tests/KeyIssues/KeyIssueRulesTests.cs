using GcmBot.Bot.KeyIssues;

namespace GcmBot.Bot.Tests.KeyIssues;

public sealed class KeyIssueRulesTests
{
    [Fact]
    public void ParseCommand_OptionsFirstThenText()
    {
        var input = KeyIssueRules.ParseCommand(KeyIssueKind.KeyIssue, "theme:a objectives:2,5 Event: the text may contain colons");

        Assert.Equal("a", input.Themes);
        Assert.Equal("2,5", input.Objectives);
        Assert.Equal("Event: the text may contain colons", input.Text);
        Assert.Equal("issue", input.Kind);
    }

    [Fact]
    public void ParseCommand_RepeatedOption_IsCombined()
    {
        var input = KeyIssueRules.ParseCommand(KeyIssueKind.Recommendation, "theme:a theme:c text");

        Assert.Equal("a,c", input.Themes);
    }

    [Fact]
    public void ParseCommand_UnknownOptionWord_StartsTheText()
    {
        var input = KeyIssueRules.ParseCommand(KeyIssueKind.KeyIssue, "theme:a note:this is text");

        Assert.Equal("note:this is text", input.Text);
    }

    [Fact]
    public void Check_EventRequiredButMissing_ProblemIsOnTheEvent()
    {
        var check = KeyIssueRules.Check(new KeyIssueInput("issue", "Some text", "a", null, null, null, null), eventRequired: true);

        Assert.Equal([KeyIssueField.Event], check.Problems.Keys);
    }

    [Theory]
    [InlineData("consult-a", true)]
    [InlineData("3f2b9c1d-8e11-4c8e-a1b2-0c2d3e4f5a6b", true)]
    [InlineData("19:meeting_abc@thread.v2", false)]
    [InlineData("-leading-dash", false)]
    [InlineData("with space", false)]
    public void Check_EventIds_PlainCharactersOnly(string eventId, bool valid)
    {
        var check = KeyIssueRules.Check(new KeyIssueInput("issue", "Some text", "a", null, eventId, null, null), eventRequired: true);

        Assert.Equal(valid, check.IsValid);
    }

    [Fact]
    public void Check_TextTooLong_IsRefused()
    {
        var check = KeyIssueRules.Check(new KeyIssueInput("issue", new string('t', 2001), "a", null, null, null, null), eventRequired: false);

        Assert.Equal(new KeyIssueProblem(KeyIssueProblemKind.TextTooLong, 2000, 2001), check.Problems[KeyIssueField.Text]);
    }
}
