using System.Text.Json.Nodes;
using GcmBot.Cards.Questions;
using GcmBot.Testing;

namespace GcmBot.Cards.Tests;

public sealed class QuestionsCardTests
{
    private static readonly System.Globalization.CultureInfo En = GcmBot.Cards.Words.SupportedLanguages.English;

    private static JsonObject Sent(AdaptiveCard card) => JsonNode.Parse(card.ToJsonString())!.AsObject();

    // The bot hands Teams the card as UTF-8 JSON with letters unescaped (Newtonsoft's default), so a Cyrillic or Chinese
    // letter costs two or three bytes, not the six of a \u escape.
    private static int BytesAsSent(AdaptiveCard card) =>
        System.Text.Encoding.UTF8.GetByteCount(Sent(card).ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));

    public static TheoryData<QnaViewer, string> ViewersAndLanguages()
    {
        var data = new TheoryData<QnaViewer, string>();
        foreach (var viewer in Enum.GetValues<QnaViewer>())
        {
            // Real languages: the pseudo-locale lengthens every text by a third on purpose, to find text that is not translated.
            foreach (var culture in GcmBot.Cards.Words.SupportedLanguages.All)
            {
                data.Add(viewer, culture.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ViewersAndLanguages))]
    public void Board_With500LongQuestions_StaysWellUnderTheTeamsCardLimit_InEveryLanguage(QnaViewer viewer, string language)
    {
        var culture = System.Globalization.CultureInfo.GetCultureInfo(language);

        var size = BytesAsSent(QnaBoardCard.Build(QuestionsCardSamples.Crowded(viewer), culture));

        Assert.True(size < 26 * 1024, $"The {viewer} view in {language} is {size:N0} bytes.");
    }

    [Theory]
    [InlineData("fr", "Ma vue")]
    [InlineData("ru", "Мой вид")]
    [InlineData("zh-Hans", "我的视图")]
    public void SharedBoard_InAnotherLanguage_CarriesItsLangAndItsWords(string language, string myView)
    {
        var model = new QnaBoardModel(1, "Briefing", true, QnaViewer.Everyone);

        var json = Sent(QnaBoardCard.Build(model, System.Globalization.CultureInfo.GetCultureInfo(language)));

        Assert.Equal(language.Split('-')[0], json["lang"]!.GetValue<string>());
        Assert.Contains(myView, CardText.Of(json));
        Assert.Contains("Briefing", CardText.Of(json));
    }

    [Fact]
    public void AnswerOwedToTheViewer_ShowsInTheirViewOnly_NeverOnTheSharedBoard()
    {
        var owed = new QnaQuestionItem(5, 4, "Will there be interpretation?", 2, QnaQuestionStatus.Answered) { AskedByViewer = true, Answer = "Yes, into Chinese and Russian." };
        QnaBoardModel Board(QnaViewer viewer) => new(1, "Q&A", true, viewer) { AnsweredForViewer = [owed] };

        var own = CardText.Of(Sent(QnaBoardCard.Build(Board(QnaViewer.Participant), En))).ToList();
        var shared = CardText.Of(Sent(QnaBoardCard.Build(Board(QnaViewer.Everyone), En))).ToList();

        Assert.Contains("Your question was answered", own);
        Assert.Contains("Yes, into Chinese and Russian.", own);
        Assert.DoesNotContain("Your question was answered", shared);
        Assert.DoesNotContain("Yes, into Chinese and Russian.", shared);
    }

    [Fact]
    public void Board_PageOfCrowdedSession_StaysWellUnderTheTeamsCardLimit()
    {
        var model = QuestionsCardSamples.Crowded(QnaViewer.Moderator) with { Page = new QnaPage(10, 63) };

        var size = QnaBoardCard.Build(model, En).ToJsonString().Length;

        Assert.True(size < 24 * 1024, $"The page is {size:N0} characters.");
    }

    [Fact]
    public void SharedBoard_ShowsNoAskerOrPersonalMarks_EvenWhenTheModelCarriesThem()
    {
        var model = QuestionsCardSamples.Crowded(QnaViewer.Moderator) with { Viewer = QnaViewer.Everyone, Notice = null };

        var text = Sent(QnaBoardCard.Build(model, En)).ToJsonString();

        Assert.DoesNotContain(new string('N', 200), text);
        Assert.DoesNotContain("asked by", text);
        Assert.DoesNotContain("Upvoted", text);
        Assert.DoesNotContain(QnaVerbs.Withdraw, text);
        Assert.DoesNotContain(QnaVerbs.Approve, text);
    }

    [Fact]
    public void QuestionText_IsPlainTextRun_NeverMarkdown()
    {
        var hostile = "[Click here](https://evil.example) **now**";
        var model = new QnaBoardModel(1, "Q&A", true, QnaViewer.Everyone)
        {
            Questions = [new QnaQuestionItem(5, 1, hostile, 0, QnaQuestionStatus.Open)],
            OpenCount = 1,
        };

        var json = Sent(QnaBoardCard.Build(model, En));

        var holders = Nodes(json).Where(n => n["text"]?.GetValue<string>() == hostile).ToList();
        Assert.NotEmpty(holders);
        Assert.All(holders, n => Assert.Equal("TextRun", n["type"]!.GetValue<string>()));
    }

    [Fact]
    public void Board_QuestionInSeveralSections_HasItsButtonsOnce()
    {
        var own = new QnaQuestionItem(5, 1, "Mine", 3, QnaQuestionStatus.Open) { AskedByViewer = true };
        var model = new QnaBoardModel(1, "Q&A", true, QnaViewer.Moderator)
        {
            Pinned = own,
            Questions = [own],
            ViewerQuestions = [own],
            OpenCount = 1,
        };

        var opens = CardText.Actions(Sent(QnaBoardCard.Build(model, En)))
            .Count(a => a["verb"]?.GetValue<string>() == QnaVerbs.Question);

        Assert.Equal(1, opens);
    }

    [Fact]
    public void VoteButtons_SharedOnlyAdds_PersonalSaysWhatItWillDo()
    {
        var question = new QnaQuestionItem(5, 1, "Q", 3, QnaQuestionStatus.Open);
        QnaBoardModel Board(QnaViewer viewer, bool voted) =>
            new(1, "Q&A", true, viewer) { Questions = [question with { VotedByViewer = voted }], OpenCount = 1 };

        string Intent(QnaBoardModel model) =>
            CardText.ActionWithVerb(Sent(QnaBoardCard.Build(model, En)), QnaVerbs.Vote)!["data"]![QnaKeys.Vote]!.GetValue<string>();

        Assert.Equal(QnaKeys.VoteUp, Intent(Board(QnaViewer.Everyone, false)));
        Assert.Equal(QnaKeys.VoteUp, Intent(Board(QnaViewer.Participant, false)));
        Assert.Equal(QnaKeys.VoteDown, Intent(Board(QnaViewer.Participant, true)));
    }

    [Fact]
    public void QuestionCard_ForModeratorAsker_HasUniqueInputsAndBothForms()
    {
        var question = new QnaQuestionItem(5, 1, "Mine", 3, QnaQuestionStatus.Open) { AskedByViewer = true };

        var json = Sent(QnaQuestionCard.Build(new QnaQuestionModel(1, "Q&A", true, QnaViewer.Moderator, question), En));

        var inputs = CardText.Inputs(json);
        Assert.Equal(new[] { QnaKeys.EditInput(5), QnaKeys.AnswerInput(5), QnaKeys.MergeInput(5) }.Order(), inputs.Keys.Order());
        Assert.NotNull(CardText.ActionWithVerb(json, QnaVerbs.Withdraw));
        Assert.NotNull(CardText.ActionWithVerb(json, QnaVerbs.Answer));
    }

    [Fact]
    public void BoardList_LongQuestion_IsCutAndOffersTheWholeText()
    {
        var long500 = new string('a', QnaLimits.QuestionLength);
        var model = new QnaBoardModel(1, "Q&A", true, QnaViewer.Everyone)
        {
            Questions = [new QnaQuestionItem(5, 1, long500, 0, QnaQuestionStatus.Open)],
            OpenCount = 1,
        };

        var json = Sent(QnaBoardCard.Build(model, En));

        Assert.DoesNotContain(long500, json.ToJsonString());
        Assert.Equal("Read all", CardText.ActionWithVerb(json, QnaVerbs.Question)!["title"]!.GetValue<string>());
    }

    [Fact]
    public void ClosedBoard_OffersNoAskingOrVoting()
    {
        var model = QuestionsCardSamples.Crowded(QnaViewer.Participant) with { IsOpen = false };

        var json = Sent(QnaBoardCard.Build(model, En));

        Assert.Null(CardText.ActionWithVerb(json, QnaVerbs.Vote));
        Assert.Null(CardText.ActionWithVerb(json, QnaVerbs.Ask));
        Assert.Contains("closed", string.Join(" ", CardText.Of(json)));
    }

    [Theory]
    [InlineData(QnaAskerVisibility.Nobody, "not even the moderators")]
    [InlineData(QnaAskerVisibility.Moderators, "moderators see your name unless you ask anonymously")]
    public void Board_StatesItsAskerPolicy(QnaAskerVisibility visibility, string expected)
    {
        var json = Sent(QnaBoardCard.Build(new QnaBoardModel(1, "Q&A", true, QnaViewer.Everyone) { AskerVisibility = visibility }, En));

        Assert.Contains(expected, string.Join(" ", CardText.Of(json)));
    }

    [Fact]
    public void SharedBoard_AsksModeratorsClientsToRefresh()
    {
        var model = new QnaBoardModel(4, "Q&A", true, QnaViewer.Everyone) { RefreshUserIds = ["29:mod"] };

        var refresh = Sent(QnaBoardCard.Build(model, En))["refresh"]!;

        Assert.Equal(QnaVerbs.View, refresh["action"]!["verb"]!.GetValue<string>());
        Assert.Equal("4", refresh["action"]!["data"]![QnaKeys.Session]!.GetValue<string>());
        Assert.Equal("29:mod", refresh["userIds"]![0]!.GetValue<string>());
    }

    private static IEnumerable<JsonObject> Nodes(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var inner in Nodes(child))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var inner in Nodes(item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }
}
