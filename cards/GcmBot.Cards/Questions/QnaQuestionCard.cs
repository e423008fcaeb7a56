using GcmBot.Cards.AdaptiveCards;

namespace GcmBot.Cards.Questions;

/// <summary>
/// One question on its own card, shown only to the person who opened it from the board: the whole text and answer,
/// and the forms that change it: Edit and Withdraw for its asker; approve, answer, pin, merge and dismiss for moderators.
/// </summary>
public static class QnaQuestionCard
{
    public static AdaptiveCard Build(QnaQuestionModel model)
    {
        var question = model.Question;
        var s = model.SessionId;
        var details = new List<string> { QnaCardParts.Votes(question.Votes), QnaCardParts.StatusText(question) };
        if (model.IsPinned)
        {
            details.Add("now answering");
        }

        if (question.AskedByViewer)
        {
            details.Add("asked by you");
        }

        if (model.Viewer == QnaViewer.Moderator && question.AskerLabel is not null && !question.AskedByViewer)
        {
            details.Add("asked by " + question.AskerLabel);
        }

        var body = new List<CardElement>
        {
            new RichTextBlock([new TextRun("Q&A: ") { IsSubtle = true, Size = TextSize.Small }, new TextRun(model.SessionTitle) { IsSubtle = true, Size = TextSize.Small }]),
            QnaCardParts.QuestionText(question),
            new RichTextBlock([new TextRun(string.Join(" · ", details)) { Size = TextSize.Small, IsSubtle = true }]) { Spacing = Spacing.None },
        };
        if (QnaCardParts.AnswerText(question) is { } answer)
        {
            body.Add(answer);
        }

        if (!model.SessionOpen)
        {
            body.Add(new TextBlock("This Q&A is closed, so the question can no longer change.") { IsSubtle = true });
        }
        else
        {
            if (question.Status == QnaQuestionStatus.Open)
            {
                body.Add(new ActionSet([QnaCardParts.VoteButton(s, QnaViewer.Participant, question)]));
            }

            if (QnaCardParts.AskerMayChange(question, model.SessionOpen))
            {
                body.AddRange(AskerForm(model));
            }

            if (model.Viewer == QnaViewer.Moderator && question.Status is QnaQuestionStatus.Waiting or QnaQuestionStatus.Open)
            {
                body.AddRange(ModeratorForm(model));
            }
        }

        return new AdaptiveCard(body)
        {
            Actions = [new ExecuteAction(QnaCardParts.Data(QnaVerbs.View, s)) { Title = "Back to the board", SendInputs = false }],
            FallbackText = $"Question #{question.Number}",
        };
    }

    private static IEnumerable<CardElement> AskerForm(QnaQuestionModel model)
    {
        var question = model.Question;
        yield return new TextBlock("Your question") { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium };
        yield return QnaCardParts.EditInput(question, "Change the text");
        if (model.PreModeration)
        {
            yield return new TextBlock("A changed question waits for a moderator's approval again.") { Size = TextSize.Small, IsSubtle = true };
        }

        yield return new ActionSet(
        [
            new ExecuteAction(QnaCardParts.Data(QnaVerbs.Edit, model.SessionId, question.Id)) { Title = "Save changes", Style = ActionStyle.Positive },
            new ExecuteAction(QnaCardParts.Data(QnaVerbs.Withdraw, model.SessionId, question.Id)) { Title = "Withdraw", Style = ActionStyle.Destructive, SendInputs = false },
        ]);
    }

    private static IEnumerable<CardElement> ModeratorForm(QnaQuestionModel model)
    {
        var question = model.Question;
        var s = model.SessionId;
        yield return new TextBlock("Moderate") { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium };
        if (question.Status == QnaQuestionStatus.Waiting)
        {
            yield return new ActionSet(
            [
                new ExecuteAction(QnaCardParts.Data(QnaVerbs.Approve, s, question.Id)) { Title = "Approve", Style = ActionStyle.Positive, SendInputs = false },
                new ExecuteAction(QnaCardParts.Data(QnaVerbs.Dismiss, s, question.Id)) { Title = "Dismiss", Style = ActionStyle.Destructive, SendInputs = false },
            ]);
        }
        else
        {
            yield return new TextInput
            {
                Id = QnaKeys.AnswerInput(question.Id),
                Label = "Short written answer (optional; the asker receives it)",
                MaxLength = QnaLimits.AnswerLength,
                IsMultiline = true,
            };
            yield return new ActionSet(
            [
                new ExecuteAction(QnaCardParts.Data(QnaVerbs.Answer, s, question.Id)) { Title = "Mark answered", Style = ActionStyle.Positive },
                model.IsPinned
                    ? new ExecuteAction(QnaCardParts.Data(QnaVerbs.Unpin, s)) { Title = "Unpin", SendInputs = false }
                    : new ExecuteAction(QnaCardParts.Data(QnaVerbs.Pin, s, question.Id)) { Title = "Pin: now answering", SendInputs = false },
                new ExecuteAction(QnaCardParts.Data(QnaVerbs.Dismiss, s, question.Id)) { Title = "Dismiss", Style = ActionStyle.Destructive, SendInputs = false },
            ]);
        }

        yield return new TextInput
        {
            Id = QnaKeys.MergeInput(question.Id),
            Label = "Duplicate? Number of the question it repeats",
            Placeholder = "e.g. 12",
            MaxLength = 7,
            Spacing = Spacing.Medium,
        };
        yield return new ActionSet([new ExecuteAction(QnaCardParts.Data(QnaVerbs.Merge, s, question.Id)) { Title = "Merge into that question" }]);
    }
}
