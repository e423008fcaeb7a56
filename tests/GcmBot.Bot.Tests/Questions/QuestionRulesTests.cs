using GcmBot.Bot.Questions;
using GcmBot.Cards.Questions;

namespace GcmBot.Bot.Tests.Questions;

/// <summary>The Q&amp;A's rules on their own: text checks, vote intents, who may change what.</summary>
public sealed class QuestionRulesTests
{
    [Fact]
    public void Normalise_MessyText_TrimsSqueezesAndDropsControlCharacters()
    {
        var text = QuestionRules.Normalise("  What\tabout\u0007   visas?\r\n\r\n\r\n\r\nAnd work permits?  ");

        Assert.Equal("What about visas?\n\nAnd work permits?", text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public void CheckQuestion_Empty_IsRefused(string? raw)
    {
        var check = QuestionRules.CheckQuestion(raw);

        Assert.False(check.IsValid);
        Assert.Equal(TextProblem.QuestionEmpty, check.Problem);
    }

    [Fact]
    public void CheckQuestion_AtTheLimit_IsAccepted_OneMore_IsRefused()
    {
        Assert.True(QuestionRules.CheckQuestion(new string('q', QnaLimits.QuestionLength)).IsValid);
        var tooLong = QuestionRules.CheckQuestion(new string('q', QnaLimits.QuestionLength + 1));
        Assert.Equal(TextProblem.QuestionTooLong, tooLong.Problem);
        Assert.Equal(QnaLimits.QuestionLength + 1, tooLong.Length);
        Assert.Equal(QnaLimits.QuestionLength, tooLong.Limit);
    }

    [Fact]
    public void CheckAnswer_Empty_IsValidAndMeansNoWrittenAnswer()
    {
        var check = QuestionRules.CheckAnswer("   ");

        Assert.True(check.IsValid);
        Assert.Null(check.Text);
    }

    [Theory]
    [InlineData("briefing-2020-08-26", true)]
    [InlineData("consultation:a.1_x", true)]
    [InlineData("", true)]
    [InlineData("has space", false)]
    [InlineData("<script>", false)]
    public void CheckEventId_AcceptsCodesOnly(string raw, bool valid)
    {
        Assert.Equal(valid, QuestionRules.CheckEventId(raw).IsValid);
    }

    [Fact]
    public void CheckEventId_TooLong_IsRefused()
    {
        Assert.False(QuestionRules.CheckEventId(new string('e', QnaLimits.EventIdLength + 1)).IsValid);
    }

    [Fact]
    public void AskKey_IgnoresCaseAndSpacing_ButNotTheAsker()
    {
        var one = QuestionRules.AskKey("alice", "Who hosts the review?");

        Assert.Equal(one, QuestionRules.AskKey("alice", "who  hosts the\nreview?"));
        Assert.NotEqual(one, QuestionRules.AskKey("bob", "Who hosts the review?"));
        Assert.NotEqual(one, QuestionRules.AskKey("alice", "Who hosts the meeting?"));
    }

    [Theory]
    [InlineData(VoteIntent.Up, false, true)]
    [InlineData(VoteIntent.Up, true, true)]
    [InlineData(VoteIntent.Down, true, false)]
    [InlineData(VoteIntent.Down, false, false)]
    public void WantsVote_FollowsTheIntent(VoteIntent intent, bool hasVoted, bool expected)
    {
        Assert.Equal(expected, QuestionRules.WantsVote(intent, hasVoted));
    }

    [Theory]
    [InlineData("up", VoteIntent.Up)]
    [InlineData("down", VoteIntent.Down)]
    [InlineData("toggle", VoteIntent.Up)]
    [InlineData("UP", null)]
    [InlineData(null, null)]
    public void ParseVoteIntent_KnowsOnlyTheCardsValues(string? value, VoteIntent? expected)
    {
        Assert.Equal(expected, QuestionRules.ParseVoteIntent(value));
    }

    [Theory]
    [InlineData("12", 12)]
    [InlineData("#12", 12)]
    [InlineData("0", null)]
    [InlineData("-3", null)]
    [InlineData("1.5", null)]
    [InlineData(" 7", null)]
    [InlineData("99999999999", null)]
    [InlineData(null, null)]
    public void ParseId_AcceptsPositiveWholeNumbersOnly(string? value, int? expected)
    {
        Assert.Equal(expected, QuestionRules.ParseId(value));
    }

    [Theory]
    [InlineData(QuestionStatus.Waiting, true)]
    [InlineData(QuestionStatus.Open, true)]
    [InlineData(QuestionStatus.Answered, false)]
    [InlineData(QuestionStatus.Dismissed, false)]
    [InlineData(QuestionStatus.Withdrawn, false)]
    [InlineData(QuestionStatus.Merged, false)]
    public void AskerMayChange_UntilAnsweredOrTakenOut(QuestionStatus status, bool expected)
    {
        Assert.Equal(expected, QuestionRules.AskerMayChange(status));
    }

    [Fact]
    public void TakesVotes_OnlyOpenQuestions()
    {
        Assert.Equal([QuestionStatus.Open], Enum.GetValues<QuestionStatus>().Where(QuestionRules.TakesVotes));
    }

    [Fact]
    public void WhyNoVote_ForMergedQuestion_NamesWhereItWent()
    {
        var outcome = QuestionRules.WhyNoVote(QuestionStatus.Merged, 7, 3);

        Assert.Equal(QnaNotice.VoteMerged, outcome.Notice);
        Assert.Equal(7, outcome.Number);
        Assert.Equal(3, outcome.Other);
        Assert.True(outcome.Warning);
    }
}
