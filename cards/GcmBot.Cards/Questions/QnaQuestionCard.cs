using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Questions;

/// <summary>
/// One question on its own card, shown only to the person who opened it from the board (in their language): the whole
/// text and answer, and the forms that change it: Edit and Withdraw for its asker; approve, answer, pin, merge and
/// dismiss for moderators.
/// </summary>
public static class QnaQuestionCard
{
    public static AdaptiveCard Build(QnaQuestionModel model, CultureInfo culture)
    {
        var t = QnaCardParts.Texts(culture);
        var question = model.Question;
        var s = model.SessionId;
        var details = new List<string> { QnaCardParts.Votes(t, question.Votes), QnaCardParts.StatusText(t, question) };
        if (model.IsPinned)
        {
            details.Add(t["Detail.NowAnswering"]);
        }

        if (question.AskedByViewer)
        {
            details.Add(t["Detail.AskedByYou"]);
        }

        if (model.Viewer == QnaViewer.Moderator && QnaCardParts.AskedBy(t, question) is { } askedBy)
        {
            details.Add(askedBy);
        }

        var body = new List<CardElement>
        {
            QnaCardParts.Labelled(t["Label.Qna"], model.SessionTitle, size: TextSize.Small),
            QnaCardParts.QuestionText(question),
            new RichTextBlock([new TextRun(string.Join(" · ", details)) { Size = TextSize.Small, IsSubtle = true }]) { Spacing = Spacing.None },
        };
        if (QnaCardParts.AnswerText(t, question) is { } answer)
        {
            body.Add(answer);
        }

        if (!model.SessionOpen)
        {
            body.Add(new TextBlock(t["Question.Closed"]) { IsSubtle = true });
        }
        else
        {
            if (question.Status == QnaQuestionStatus.Open)
            {
                body.Add(new ActionSet([QnaCardParts.VoteButton(t, s, QnaViewer.Participant, question)]));
            }

            if (QnaCardParts.AskerMayChange(question, model.SessionOpen))
            {
                body.AddRange(AskerForm(t, model));
            }

            if (model.Viewer == QnaViewer.Moderator && question.Status is QnaQuestionStatus.Waiting or QnaQuestionStatus.Open)
            {
                body.AddRange(ModeratorForm(t, model));
            }
        }

        return new AdaptiveCard(body)
        {
            Actions = [new ExecuteAction(QnaCardParts.Data(QnaVerbs.View, s)) { Title = t["Button.BackToBoard"], SendInputs = false }],
            FallbackText = t["Question.Fallback", question.Number],
            Lang = SupportedLanguages.TagOf(culture),
        };
    }

    private static IEnumerable<CardElement> AskerForm(TextResources t, QnaQuestionModel model)
    {
        var question = model.Question;
        yield return new TextBlock(t["Question.Yours"]) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium };
        yield return QnaCardParts.EditInput(t, question, t["Question.ChangeText"]);
        if (model.PreModeration)
        {
            yield return new TextBlock(t["Question.ChangeWaits"]) { Size = TextSize.Small, IsSubtle = true };
        }

        yield return new ActionSet(
        [
            new ExecuteAction(QnaCardParts.Data(QnaVerbs.Edit, model.SessionId, question.Id)) { Title = t["Question.SaveChanges"], Style = ActionStyle.Positive },
            new ExecuteAction(QnaCardParts.Data(QnaVerbs.Withdraw, model.SessionId, question.Id)) { Title = t["Withdraw"], Style = ActionStyle.Destructive, SendInputs = false },
        ]);
    }

    private static IEnumerable<CardElement> ModeratorForm(TextResources t, QnaQuestionModel model)
    {
        var question = model.Question;
        var s = model.SessionId;
        yield return new TextBlock(t["Button.Moderate"]) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium };
        if (question.Status == QnaQuestionStatus.Waiting)
        {
            yield return new ActionSet(
            [
                new ExecuteAction(QnaCardParts.Data(QnaVerbs.Approve, s, question.Id)) { Title = t["Moderate.Approve"], Style = ActionStyle.Positive, SendInputs = false },
                new ExecuteAction(QnaCardParts.Data(QnaVerbs.Dismiss, s, question.Id)) { Title = t["Moderate.Dismiss"], Style = ActionStyle.Destructive, SendInputs = false },
            ]);
        }
        else
        {
            yield return new TextInput
            {
                Id = QnaKeys.AnswerInput(question.Id),
                Label = t["Moderate.AnswerLabel"],
                MaxLength = QnaLimits.AnswerLength,
                IsMultiline = true,
            };
            yield return new ActionSet(
            [
                new ExecuteAction(QnaCardParts.Data(QnaVerbs.Answer, s, question.Id)) { Title = t["Moderate.MarkAnswered"], Style = ActionStyle.Positive },
                model.IsPinned
                    ? new ExecuteAction(QnaCardParts.Data(QnaVerbs.Unpin, s)) { Title = t["Button.Unpin"], SendInputs = false }
                    : new ExecuteAction(QnaCardParts.Data(QnaVerbs.Pin, s, question.Id)) { Title = t["Moderate.Pin"], SendInputs = false },
                new ExecuteAction(QnaCardParts.Data(QnaVerbs.Dismiss, s, question.Id)) { Title = t["Moderate.Dismiss"], Style = ActionStyle.Destructive, SendInputs = false },
            ]);
        }

        yield return new TextInput
        {
            Id = QnaKeys.MergeInput(question.Id),
            Label = t["Moderate.MergeLabel"],
            Placeholder = t["Moderate.MergePlaceholder"],
            MaxLength = 7,
            Spacing = Spacing.Medium,
        };
        yield return new ActionSet([new ExecuteAction(QnaCardParts.Data(QnaVerbs.Merge, s, question.Id)) { Title = t["Moderate.Merge"] }]);
    }
}
