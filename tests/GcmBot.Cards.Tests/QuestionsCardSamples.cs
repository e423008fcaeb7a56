using System.Globalization;
using GcmBot.Cards.Questions;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Tests;

/// <summary>
/// The Q&amp;A cards: empty, typical and crowded boards in every view, the forms, the personal cards, in English; the
/// main ones in French, Russian, Chinese and the pseudo-locale too.
/// </summary>
public sealed class QuestionsCardSamples : ICardSamples
{
    /// <summary>The languages besides English that the main cards are sampled in (Russian is the longest).</summary>
    public static IEnumerable<CultureInfo> OtherLanguages =>
        SupportedLanguages.All.Where(c => c.Name != "en").Append(CultureInfo.GetCultureInfo(SupportedLanguages.PseudoTag));

    public IEnumerable<CardSample> Samples()
    {
        foreach (var sample in All(SupportedLanguages.English))
        {
            yield return sample;
        }

        // The crowded worst case is measured in every language by QuestionsCardTests (as the bytes Teams receives).
        string[] main = ["qna-board-shared", "qna-board-participant", "qna-board-moderator", "qna-board-page", "qna-question-moderator", "qna-setup", "qna-ask-several", "qna-my-questions", "qna-answered"];
        foreach (var culture in OtherLanguages)
        {
            foreach (var sample in All(culture).Where(s => main.Contains(s.Name)))
            {
                yield return sample with { Name = $"{sample.Name}-{culture.Name}" };
            }
        }
    }

    private static IEnumerable<CardSample> All(CultureInfo culture)
    {
        yield return new CardSample("qna-board-empty", QnaBoardCard.Build(new QnaBoardModel(1, "Briefing on the regional review", true, QnaViewer.Everyone), culture));
        yield return new CardSample("qna-board-shared", QnaBoardCard.Build(Typical(QnaViewer.Everyone), culture));
        yield return new CardSample("qna-board-participant", QnaBoardCard.Build(Typical(QnaViewer.Participant) with
        {
            Notice = "Your vote for #3 is counted.",
            AnsweredForViewer =
            [
                Item(4, 5, QnaQuestionStatus.Answered) with { AskedByViewer = true, Answer = "Yes: the review takes written inputs until June." },
                Item(8, 0, QnaQuestionStatus.Merged) with { AskedByViewer = true, MergedIntoNumber = 2 },
            ],
        }, culture));
        yield return new CardSample("qna-board-moderator", QnaBoardCard.Build(Typical(QnaViewer.Moderator) with
        {
            Links = [new QnaLink("Download CSV", "https://gcmbot.example.org/exports/abc"), new QnaLink("Download Markdown", "https://gcmbot.example.org/exports/def")],
            Notice = "Exported 12 questions. The links work for 60 minutes and only you see them.",
        }, culture));
        yield return new CardSample("qna-board-closed", QnaBoardCard.Build(Typical(QnaViewer.Moderator) with { IsOpen = false, Pinned = null }, culture));
        yield return new CardSample("qna-board-page", QnaBoardCard.Build(Crowded(QnaViewer.Participant) with { Page = new QnaPage(3, 63) }, culture));
        foreach (var viewer in Enum.GetValues<QnaViewer>())
        {
            yield return new CardSample($"qna-board-crowded-{viewer}", QnaBoardCard.Build(Crowded(viewer), culture));
        }

        var question = new QnaQuestionItem(30, 3, "How can migrant-led organisations join the thematic consultations?", 12, QnaQuestionStatus.Open)
        {
            AskedByViewer = true,
            VotedByViewer = true,
            AskerShown = true,
        };
        yield return new CardSample("qna-question-asker", QnaQuestionCard.Build(new QnaQuestionModel(7, "Briefing", true, QnaViewer.Participant, question) { PreModeration = true }, culture));
        yield return new CardSample("qna-question-moderator", QnaQuestionCard.Build(new QnaQuestionModel(7, "Briefing", true, QnaViewer.Moderator, question) { IsPinned = true }, culture));
        yield return new CardSample("qna-question-waiting", QnaQuestionCard.Build(new QnaQuestionModel(7, "Briefing", true, QnaViewer.Moderator, question with { Status = QnaQuestionStatus.Waiting, AskedByViewer = false }), culture));
        yield return new CardSample("qna-question-answered", QnaQuestionCard.Build(new QnaQuestionModel(7, "Briefing", false, QnaViewer.Participant, question with { Status = QnaQuestionStatus.Answered, Answer = "Through the open call for engagement." }), culture));
        yield return new CardSample("qna-setup", QnaSetupCard.Build(new QnaSetupModel { Title = "Briefing: open Q&A" }, culture));
        yield return new CardSample("qna-setup-error", QnaSetupCard.Build(new QnaSetupModel { Notice = "Please give the Q&A a title.", PreModeration = true }, culture));
        yield return new CardSample("qna-ask-one", QnaAskCard.Build(new QnaAskModel([new QnaSessionChoice(1, "Briefing", QnaAskerVisibility.Nobody, false)]), culture));
        yield return new CardSample("qna-ask-several", QnaAskCard.Build(new QnaAskModel(
        [
            new QnaSessionChoice(1, "Briefing", QnaAskerVisibility.Nobody, false),
            new QnaSessionChoice(2, "Consultation a: voluntary, orderly and regular migration", QnaAskerVisibility.Moderators, true),
        ])
        {
            Text = "How will the review hear migrants in irregular situations?",
            Notice = "Please choose the Q&A.",
        }, culture));
        yield return new CardSample("qna-my-questions-empty", QnaMyQuestionsCard.Build(new QnaMyQuestionsModel([]), culture));
        yield return new CardSample("qna-my-questions", QnaMyQuestionsCard.Build(new QnaMyQuestionsModel(
        [
            new QnaOwnQuestion(1, "Briefing", true, QnaAskerVisibility.Nobody, Item(1, 4, QnaQuestionStatus.Open) with { AskedByViewer = true }),
            new QnaOwnQuestion(1, "Briefing", true, QnaAskerVisibility.Nobody, Item(2, 0, QnaQuestionStatus.Waiting) with { AskedByViewer = true }),
            new QnaOwnQuestion(1, "Briefing", true, QnaAskerVisibility.Nobody, Item(3, 9, QnaQuestionStatus.Answered) with { AskedByViewer = true, Answer = "Yes, through the stakeholder consultations." }),
            new QnaOwnQuestion(2, "Consultation b", false, QnaAskerVisibility.Moderators, Item(4, 0, QnaQuestionStatus.Merged) with { AskedByViewer = true, MergedIntoNumber = 2 }),
        ])
        {
            Notice = "Question #2 is changed.",
        }, culture));
        yield return new CardSample("qna-answered", QnaAnsweredCard.Build(new QnaAnsweredModel("Briefing", 7, "Will there be interpretation into Bahasa Indonesia?", "Yes, for the consultations."), culture));
        yield return new CardSample("qna-answered-live", QnaAnsweredCard.Build(new QnaAnsweredModel("Briefing", 8, "When is the regional review meeting?", null), culture));
    }

    /// <summary>A board of 500 questions with every text at its longest: the biggest card any view can be.</summary>
    public static QnaBoardModel Crowded(QnaViewer viewer)
    {
        var longText = string.Concat(Enumerable.Repeat("Why are migrant domestic workers excluded? ", 20))[..QnaLimits.QuestionLength];
        var longAnswer = string.Concat(Enumerable.Repeat("The Regional Network will raise this at the review. ", 20))[..QnaLimits.AnswerLength];
        QnaQuestionItem Long(int n, QnaQuestionStatus status) => new(n, n, longText, 1000 - n, status)
        {
            Answer = status == QnaQuestionStatus.Answered ? longAnswer : null,
            AskedByViewer = viewer != QnaViewer.Everyone && n % 2 == 0,
            VotedByViewer = viewer != QnaViewer.Everyone && n % 3 == 0,
            AskerShown = viewer == QnaViewer.Moderator,
            AskerName = viewer == QnaViewer.Moderator ? new string('N', 200) : null,
        };

        return new QnaBoardModel(2_000_000_000, new string('T', QnaLimits.TitleLength), true, viewer)
        {
            EventId = new string('e', QnaLimits.EventIdLength),
            PreModeration = true,
            AskerVisibility = QnaAskerVisibility.Moderators,
            Pinned = Long(1, QnaQuestionStatus.Open),
            Questions = Enumerable.Range(1, QnaLimits.MaxListed).Select(n => Long(n, QnaQuestionStatus.Open)).ToList(),
            RecentlyAnswered = Enumerable.Range(100, 3).Select(n => Long(n, QnaQuestionStatus.Answered)).ToList(),
            ViewerQuestions = viewer == QnaViewer.Everyone ? [] : Enumerable.Range(200, 3).Select(n => Long(n, QnaQuestionStatus.Waiting) with { AskedByViewer = true }).ToList(),
            AnsweredForViewer = viewer == QnaViewer.Everyone ? [] : Enumerable.Range(250, 3).Select(n => Long(n, QnaQuestionStatus.Answered) with { AskedByViewer = true }).ToList(),
            Waiting = viewer == QnaViewer.Moderator ? Enumerable.Range(300, 3).Select(n => Long(n, QnaQuestionStatus.Waiting)).ToList() : [],
            OpenCount = 400,
            AnsweredCount = 100,
            WaitingCount = viewer == QnaViewer.Moderator ? 40 : 0,
            TotalVotes = 250_000,
            Notice = new string('x', 300),
            RefreshUserIds = viewer == QnaViewer.Everyone ? Enumerable.Range(0, 60).Select(i => $"29:1{i:D6}-moderator-id-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx").ToList() : [],
        };
    }

    private static QnaBoardModel Typical(QnaViewer viewer) =>
        new(7, "Briefing on the regional review: open Q&A", true, viewer)
        {
            EventId = "briefing-2020-08-26",
            PreModeration = true,
            AskerVisibility = QnaAskerVisibility.Moderators,
            Pinned = Item(3, 12, QnaQuestionStatus.Open),
            Questions =
            [
                Item(3, 12, QnaQuestionStatus.Open) with { VotedByViewer = viewer != QnaViewer.Everyone, AskerShown = viewer == QnaViewer.Moderator },
                Item(1, 7, QnaQuestionStatus.Open) with { AskedByViewer = viewer != QnaViewer.Everyone, AskerShown = viewer == QnaViewer.Moderator, AskerName = viewer == QnaViewer.Moderator ? "Alice Ahmed" : null },
                Item(5, 2, QnaQuestionStatus.Open),
            ],
            RecentlyAnswered = [Item(2, 9, QnaQuestionStatus.Answered) with { Answer = "The report is due in November." }],
            Waiting = viewer == QnaViewer.Moderator ? [Item(6, 0, QnaQuestionStatus.Waiting) with { AskerShown = true }] : [],
            WaitingCount = viewer == QnaViewer.Moderator ? 1 : 0,
            OpenCount = 3,
            AnsweredCount = 1,
            TotalVotes = 30,
            RefreshUserIds = viewer == QnaViewer.Everyone ? ["29:organiser"] : [],
        };

    private static QnaQuestionItem Item(int number, int votes, QnaQuestionStatus status) =>
        new(number * 10, number, $"Question {number}: how can civil society organisations take part in the review?", votes, status);
}
