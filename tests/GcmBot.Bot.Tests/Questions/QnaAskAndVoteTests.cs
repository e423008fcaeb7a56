using System.Net;
using System.Text.Json.Nodes;
using GcmBot.Bot.Questions;
using GcmBot.Cards.Questions;

namespace GcmBot.Bot.Tests.Questions;

/// <summary>Participants ask and upvote: from the board, by mention, from our personal chat; every input checked.</summary>
public sealed class QnaAskAndVoteTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task AskFromBoard_AskerSeesItAtOnce_AndTheSharedBoardFollows()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("ask-board"));

        var turn = await qna.AskAsync(TestUsers.Alice, "How will migrants' voices reach the review?");

        Assert.Contains("How will migrants' voices reach the review?", turn.AllText);
        Assert.Contains("asked by you", turn.AllText);
        Assert.Contains("Your question is #1", turn.AllText);
        Assert.Empty(turn.Replies);
        await qna.WaitForBoardAsync(text => text.Contains("How will migrants' voices reach the review?"));
    }

    [Fact]
    public async Task AskByMention_AddsTheQuestion_AndAnswersWithItsNumber()
    {
        var chat = _bot.GroupChat("ask-mention");
        var qna = await QnaDriver.OpenAsync(_bot, chat);

        var turn = await chat.SayAsync("ask What is the timeline of the regional review?", TestUsers.Bob);

        Assert.Contains("#1", turn.Reply.Text);
        Assert.DoesNotContain(TestUsers.Bob.Name, turn.Reply.Text);
        Assert.Equal("What is the timeline of the regional review?", Assert.Single(await qna.QuestionsAsync()).Text);
    }

    [Fact]
    public async Task AskFromPersonalChat_ChoosingAmongOpenSessions_AsksInTheChosenOne()
    {
        var first = await QnaDriver.OpenAsync(_bot, _bot.GroupChat("personal-1"), "Briefing");
        var second = await QnaDriver.OpenAsync(_bot, _bot.GroupChat("personal-2"), "Consultation a");
        var personal = _bot.PersonalChat(TestUsers.Chen);

        var form = await personal.SayAsync("ask");
        var asked = await personal.PressAsync(form.Reply.Card, QnaVerbs.Ask, new Dictionary<string, string>
        {
            [QnaKeys.SessionChoice] = second.SessionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [QnaKeys.Text] = "Will the consultation have interpretation?",
        }, TestUsers.Chen);

        Assert.Contains("Briefing", form.Reply.AllText);
        Assert.Contains("Consultation a", form.Reply.AllText);
        Assert.Contains("Your questions", asked.AllText);
        Assert.Contains("Will the consultation have interpretation?", asked.AllText);
        Assert.Empty(await first.QuestionsAsync());
        Assert.Single(await second.QuestionsAsync());
    }

    [Fact]
    public async Task AskInPersonalChat_WithNoOpenQna_SaysSo()
    {
        var turn = await _bot.PersonalChat(TestUsers.Alice).SayAsync("ask Is anything open?");

        Assert.Contains("No Q&A is open", turn.Reply.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n  ")]
    public async Task Ask_Empty_IsRefusedAndAddsNothing(string text)
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.GroupChat("ask-empty-" + text.Length));

        var turn = await qna.AskAsync(TestUsers.Alice, text);

        Assert.Contains("Please write your question", turn.InvokeMessage);
        Assert.Empty(await qna.QuestionsAsync());
    }

    [Fact]
    public async Task Ask_Oversized_IsRefusedAndAddsNothing()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.GroupChat("ask-long"));

        var turn = await qna.AskAsync(TestUsers.Alice, new string('x', QnaLimits.QuestionLength + 1));

        Assert.Contains("keep it to 500", turn.InvokeMessage);
        Assert.Empty(await qna.QuestionsAsync());
    }

    [Fact]
    public async Task Ask_SameQuestionSentTwice_IsAddedOnce()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.GroupChat("ask-twice"));

        await Task.WhenAll(qna.AskAsync(TestUsers.Alice, "Who hosts the review?"), qna.AskAsync(TestUsers.Alice, "who hosts  the review?"));
        var again = await qna.AskAsync(TestUsers.Alice, "Who hosts the review?");

        Assert.Single(await qna.QuestionsAsync());
        Assert.Contains("You already asked this", again.AllText);
    }

    [Fact]
    public async Task Ask_ManyOpenQuestionsByOnePerson_StopsAtTheLimit()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.GroupChat("ask-flood"));
        for (var i = 0; i < QuestionRules.DefaultMaxActivePerPerson; i++)
        {
            await qna.AskAsync(TestUsers.Alice, $"Question number {i}?");
        }

        var turn = await qna.AskAsync(TestUsers.Alice, "One more?");

        Assert.Contains("the most one person can have", turn.AllText);
        Assert.Equal(QuestionRules.DefaultMaxActivePerPerson, (await qna.QuestionsAsync()).Count);
    }

    [Fact]
    public async Task Upvote_OnTheSharedBoard_PressedAgain_KeepsTheVote_AndSaysItIsCounted()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("press-twice"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Pressed twice?");
        var board = await qna.WaitForBoardAsync(text => text.Contains("Pressed twice?"));
        var sharedIntent = QnaDriver.VoteButtons(board.Card)[question];

        var first = await qna.VoteAsync(TestUsers.Bob, question, sharedIntent);
        var second = await qna.VoteAsync(TestUsers.Bob, question, sharedIntent);

        // The shared board cannot show Bob that he voted: a second press there means "I vote for this", again.
        Assert.Equal(QnaKeys.VoteUp, sharedIntent);
        Assert.Equal(1, (await qna.QuestionAsync(question)).VoteCount);
        Assert.Equal(1, await qna.VoteRowsAsync(question));
        Assert.Contains("Your vote for #1 is counted.", first.AllText);
        Assert.Contains("Your vote for #1 is counted.", second.AllText);
        Assert.DoesNotContain("taken back", second.AllText);
    }

    [Fact]
    public async Task Upvote_FromABoardPostedBeforeTheChange_CountsAndNeverTakesTheVoteBack()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("old-board"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Old board?");

        await qna.VoteAsync(TestUsers.Bob, question, QnaKeys.VoteToggle);
        var again = await qna.VoteAsync(TestUsers.Bob, question, QnaKeys.VoteToggle);

        Assert.Equal(1, (await qna.QuestionAsync(question)).VoteCount);
        Assert.Contains("is counted", again.AllText);
    }

    [Fact]
    public async Task VoteTakenBack_FromMyView_WhereThePersonSeesTheirVote()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("take-back"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Take it back?");
        await qna.VoteAsync(TestUsers.Bob, question);

        var myView = await qna.ActAsync(QnaVerbs.View, TestUsers.Bob);
        var takeBack = CardText.Actions(myView.InvokeCard).Single(a =>
            a["verb"]?.GetValue<string>() == QnaVerbs.Vote && a["data"]![QnaKeys.Question]!.GetValue<string>() == question.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var taken = await qna.Chat.ExecuteAsync(QnaVerbs.Vote, takeBack["data"]!.AsObject(), TestUsers.Bob, qna.BoardActivityId);

        Assert.Equal("✓ Upvoted", takeBack["title"]!.GetValue<string>());
        Assert.Contains("Your vote for #1 is taken back.", taken.AllText);
        Assert.Equal(0, (await qna.QuestionAsync(question)).VoteCount);
        Assert.Equal(QnaKeys.VoteUp, QnaDriver.VoteButtons(taken.InvokeCard!)[question]);
    }

    [Fact]
    public async Task PersonalView_AfterVoting_OffersToTakeTheVoteBack_AndRepeatedUpIsIdempotent()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("explicit"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Explicit?");

        var first = await qna.VoteAsync(TestUsers.Bob, question, QnaKeys.VoteUp);
        var replay = await qna.VoteAsync(TestUsers.Bob, question, QnaKeys.VoteUp);

        Assert.Equal(QnaKeys.VoteDown, QnaDriver.VoteButtons(first.InvokeCard!)[question]);
        Assert.Equal(1, (await qna.QuestionAsync(question)).VoteCount);
        Assert.Contains("is counted", replay.AllText);
        var down = await qna.VoteAsync(TestUsers.Bob, question, QnaKeys.VoteDown);
        Assert.Equal(QnaKeys.VoteUp, QnaDriver.VoteButtons(down.InvokeCard!)[question]);
        Assert.Equal(0, (await qna.QuestionAsync(question)).VoteCount);
    }

    [Fact]
    public async Task SameVoteActivityDeliveredTwice_IsCountedOnce()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("replay"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Replay?");
        var activity = qna.Chat.NewActivity("invoke-adaptive-card-action", TestUsers.Bob);
        activity["value"]!["action"]!["verb"] = QnaVerbs.Vote;
        activity["value"]!["action"]!["data"] = qna.Data(question, (QnaKeys.Vote, QnaKeys.VoteToggle));

        await qna.Chat.SendAsync(activity);
        var replay = await qna.Chat.SendAsync(activity);

        Assert.Equal(HttpStatusCode.OK, replay.Status);
        Assert.Equal(1, (await qna.QuestionAsync(question)).VoteCount);
    }

    [Fact]
    public async Task Vote_OnUnknownQuestion_IsRefused()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.GroupChat("unknown-q"));

        var turn = await qna.VoteAsync(TestUsers.Bob, 999_999);

        Assert.Contains("not in this Q&A", turn.AllText);
    }

    [Fact]
    public async Task Vote_OnQuestionOfAnotherSession_IsRefusedAndCountsNothing()
    {
        var mine = await QnaDriver.OpenAsync(_bot, _bot.GroupChat("mine"));
        var other = await QnaDriver.OpenAsync(_bot, _bot.GroupChat("other"));
        var otherQuestion = await other.AskForIdAsync(TestUsers.Alice, "Elsewhere?");

        var turn = await mine.VoteAsync(TestUsers.Bob, otherQuestion);

        Assert.Contains("not in this Q&A", turn.AllText);
        Assert.Equal(0, (await other.QuestionAsync(otherQuestion)).VoteCount);
    }

    [Fact]
    public async Task Vote_AfterTheQnaClosed_IsRefused()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.GroupChat("vote-closed"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Closed?");
        await qna.ActAsync(QnaVerbs.Close, TestUsers.Organiser);

        var turn = await qna.VoteAsync(TestUsers.Bob, question);

        Assert.Contains("closed", turn.AllText);
        Assert.Equal(0, (await qna.QuestionAsync(question)).VoteCount);
    }

    [Fact]
    public async Task Vote_OnAnsweredQuestion_IsRefused()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.GroupChat("vote-answered"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Answered?");
        await qna.ActAsync(QnaVerbs.Answer, TestUsers.Organiser, question);

        var turn = await qna.VoteAsync(TestUsers.Bob, question);

        Assert.Contains("already answered", turn.AllText);
        Assert.Equal(0, (await qna.QuestionAsync(question)).VoteCount);
    }

    [Fact]
    public async Task CardOfAnotherChat_PressedHere_IsRefusedAndChangesNothing()
    {
        var here = _bot.GroupChat("here");
        await QnaDriver.OpenAsync(_bot, here);
        var elsewhere = await QnaDriver.OpenAsync(_bot, _bot.GroupChat("elsewhere"));
        var question = await elsewhere.AskForIdAsync(TestUsers.Alice, "Cross-chat?");

        var vote = await here.ExecuteAsync(QnaVerbs.Vote, elsewhere.Data(question, (QnaKeys.Vote, QnaKeys.VoteUp)), TestUsers.Bob);
        var ask = await here.ExecuteAsync(QnaVerbs.Ask, elsewhere.Data(null, (QnaKeys.Text, "Smuggled?")), TestUsers.Bob);
        var close = await here.ExecuteAsync(QnaVerbs.Close, elsewhere.Data(), TestUsers.Organiser);

        Assert.All(new[] { vote, ask, close }, t => Assert.Contains("another chat", t.InvokeMessage));
        Assert.Equal(0, (await elsewhere.QuestionAsync(question)).VoteCount);
        Assert.Single(await elsewhere.QuestionsAsync());
        Assert.Equal(SessionStatus.Open, (await elsewhere.SessionAsync()).Status);
    }

    [Theory]
    [InlineData("abc", "1", "up")]
    [InlineData("1", "-5", "up")]
    [InlineData("1", "1", "sideways")]
    [InlineData(null, "1", "up")]
    [InlineData("99999999999999999999", "1", "up")]
    public async Task Vote_WithMalformedCardData_IsRefusedAsOutdated(string? session, string question, string intent)
    {
        var chat = _bot.GroupChat("malformed");
        var data = new JsonObject { [QnaKeys.Question] = question, [QnaKeys.Vote] = intent };
        if (session is not null)
        {
            data[QnaKeys.Session] = session;
        }

        var turn = await chat.ExecuteAsync(QnaVerbs.Vote, data, TestUsers.Bob);

        Assert.Equal(HttpStatusCode.OK, turn.Status);
        Assert.NotNull(turn.InvokeMessage);
    }

    [Fact]
    public async Task Vote_WithNonStringCardData_IsRefused()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.GroupChat("types"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Types?");
        var data = new JsonObject { [QnaKeys.Session] = qna.SessionId, [QnaKeys.Question] = new JsonArray(question), [QnaKeys.Vote] = true };

        var turn = await qna.Chat.ExecuteAsync(QnaVerbs.Vote, data, TestUsers.Bob);

        Assert.Contains("no longer works", turn.InvokeMessage);
        Assert.Equal(0, (await qna.QuestionAsync(question)).VoteCount);
    }

    [Fact]
    public async Task Board_OrdersQuestionsByVotesThenAge()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("order"));
        var older = await qna.AskForIdAsync(TestUsers.Alice, "Older, one vote");
        var popular = await qna.AskForIdAsync(TestUsers.Bob, "Newer, two votes");
        var newer = await qna.AskForIdAsync(TestUsers.Chen, "Newest, one vote");
        await qna.VoteAsync(TestUsers.Alice, popular);
        await qna.VoteAsync(TestUsers.Chen, popular);
        await qna.VoteAsync(TestUsers.Bob, older);
        await qna.VoteAsync(TestUsers.Alice, newer);

        var view = await qna.ActAsync(QnaVerbs.View, TestUsers.Organiser);

        Assert.Equal([popular, older, newer], QnaDriver.VoteButtons(view.InvokeCard!).Keys.ToList());
    }

    [Fact]
    public async Task ShowAll_PagesThroughEveryQuestion_OnlyForTheClicker()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("paging"));
        for (var i = 1; i <= 20; i++)
        {
            await qna.AskAsync(TestUser.Numbered(i), $"Paged question {i}");
        }

        var page = await qna.ActAsync(QnaVerbs.View, TestUsers.Bob, null, (QnaKeys.Page, "1"));
        var last = await qna.ActAsync(QnaVerbs.View, TestUsers.Bob, null, (QnaKeys.Page, "99"));

        var shown = CardText.Of(page.InvokeCard).ToList();
        Assert.Contains("All questions · page 2 of 3", shown);
        Assert.Contains("Paged question 9", shown);
        Assert.DoesNotContain("Paged question 1", shown);
        Assert.Contains("All questions · page 3 of 3", CardText.Of(last.InvokeCard));
        // The page goes to the clicker only, in the invoke answer: nothing is posted to the chat.
        Assert.Empty(page.Replies);
        Assert.Empty(last.Replies);
    }

    [Fact]
    public async Task ShowAll_WithMalformedPage_IsRefusedAsOutdated()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("bad-page"));

        var turn = await qna.ActAsync(QnaVerbs.View, TestUsers.Bob, null, (QnaKeys.Page, "-1"));

        Assert.Contains("no longer works", turn.InvokeMessage);
    }
}
