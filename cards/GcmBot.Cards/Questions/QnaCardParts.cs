using System.Globalization;
using GcmBot.Cards.AdaptiveCards;

namespace GcmBot.Cards.Questions;

/// <summary>Pieces every Q&amp;A card shares: how a question reads, the policy sentence, the asker's own buttons.</summary>
internal static class QnaCardParts
{
    public static string PolicyText(QnaAskerVisibility visibility) => visibility switch
    {
        QnaAskerVisibility.Moderators =>
            "Privacy: other participants never see who asked. The moderators see your name unless you ask anonymously.",
        _ => "Privacy: questions are anonymous; nobody sees who asked, not even the moderators.",
    };

    public static string StatusText(QnaQuestionItem question) => question.Status switch
    {
        QnaQuestionStatus.Waiting => "waiting for a moderator's approval",
        QnaQuestionStatus.Answered => "answered",
        QnaQuestionStatus.Dismissed => "not taken up by the moderators",
        QnaQuestionStatus.Withdrawn => "withdrawn",
        QnaQuestionStatus.Merged when question.MergedIntoNumber is { } target => $"merged into #{target}",
        QnaQuestionStatus.Merged => "merged into another question",
        _ => "open",
    };

    public static string Votes(int votes) => votes == 1 ? "1 vote" : string.Create(CultureInfo.InvariantCulture, $"{votes:N0} votes");

    /// <summary>
    /// The question's number and text, cut to <paramref name="maxLength"/> in lists. People's text goes in text runs,
    /// which Teams never reads as Markdown.
    /// </summary>
    public static RichTextBlock QuestionText(QnaQuestionItem question, int? maxLength = null) =>
        new([
            new TextRun($"#{question.Number}  ") { Weight = TextWeight.Bolder, Color = TextColor.Accent },
            new TextRun(Shorten(question.Text, maxLength)),
        ]);

    public static RichTextBlock? AnswerText(QnaQuestionItem question, int? maxLength = null) =>
        string.IsNullOrEmpty(question.Answer)
            ? null
            : new RichTextBlock([new TextRun("Answer: ") { Weight = TextWeight.Bolder, Color = TextColor.Good }, new TextRun(Shorten(question.Answer, maxLength))])
            {
                Spacing = Spacing.Small,
            };

    public static string Shorten(string text, int? maxLength) =>
        maxLength is { } max && text.Length > max ? text[..(max - 1)].TrimEnd() + "…" : text;

    /// <summary>Whether the asker may still change their question: only until it is answered or taken out.</summary>
    public static bool AskerMayChange(QnaQuestionItem question, bool sessionOpen) =>
        sessionOpen && question.AskedByViewer && question.Status is QnaQuestionStatus.Waiting or QnaQuestionStatus.Open;

    /// <summary>The asker's Edit (an inline form) and Withdraw buttons.</summary>
    public static IEnumerable<CardAction> AskerActions(int sessionId, QnaQuestionItem question)
    {
        var editForm = new AdaptiveCard([EditInput(question, "Your question")])
        {
            Actions = [new ExecuteAction(Data(QnaVerbs.Edit, sessionId, question.Id)) { Title = "Save", Style = ActionStyle.Positive }],
        };

        yield return new ShowCardAction(editForm) { Title = "Edit" };
        yield return new ExecuteAction(Data(QnaVerbs.Withdraw, sessionId, question.Id))
        {
            Title = "Withdraw",
            Style = ActionStyle.Destructive,
            SendInputs = false,
        };
    }

    /// <summary>
    /// The vote button. The shared board cannot know who looks at it, so its button toggles; a personal view knows,
    /// so its button says exactly what it will do and a double click or replay changes nothing.
    /// </summary>
    public static ExecuteAction VoteButton(int sessionId, QnaViewer viewer, QnaQuestionItem question)
    {
        if (viewer == QnaViewer.Everyone)
        {
            return new ExecuteAction(Data(QnaVerbs.Vote, sessionId, question.Id, (QnaKeys.Vote, QnaKeys.VoteToggle)))
            {
                Title = "▲ Upvote",
                Tooltip = "Add your vote; press again to take it back",
                SendInputs = false,
            };
        }

        return question.VotedByViewer
            ? new ExecuteAction(Data(QnaVerbs.Vote, sessionId, question.Id, (QnaKeys.Vote, QnaKeys.VoteDown)))
            {
                Title = "✓ Upvoted",
                Tooltip = "Take your vote back",
                Style = ActionStyle.Positive,
                SendInputs = false,
            }
            : new ExecuteAction(Data(QnaVerbs.Vote, sessionId, question.Id, (QnaKeys.Vote, QnaKeys.VoteUp)))
            {
                Title = "▲ Upvote",
                SendInputs = false,
            };
    }

    /// <summary>The asker's text box for changing their question, filled with its text.</summary>
    public static TextInput EditInput(QnaQuestionItem question, string label) => new()
    {
        Id = QnaKeys.EditInput(question.Id),
        Label = label,
        Value = question.Text,
        MaxLength = QnaLimits.QuestionLength,
        IsMultiline = true,
        IsRequired = true,
        ErrorMessage = "Please write your question.",
    };

    public static CardActionData Data(string verb, int sessionId, int? questionId = null, params (string Key, string Value)[] more)
    {
        var arguments = new List<(string, string)> { (QnaKeys.Session, sessionId.ToString(CultureInfo.InvariantCulture)) };
        if (questionId is { } id)
        {
            arguments.Add((QnaKeys.Question, id.ToString(CultureInfo.InvariantCulture)));
        }

        arguments.AddRange(more);
        return CardActionData.For(verb, [.. arguments]);
    }

    public static Container Notice(string text, bool warning) =>
        new([new TextBlock(text) { Weight = TextWeight.Bolder, Color = warning ? TextColor.Attention : TextColor.Good }])
        {
            Style = warning ? ContainerStyle.Attention : ContainerStyle.Good,
        };
}
