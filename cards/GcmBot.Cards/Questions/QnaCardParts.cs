using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Questions;

/// <summary>Pieces every Q&amp;A card shares: how a question reads, the policy sentence, the asker's own buttons.</summary>
internal static class QnaCardParts
{
    public static TextResources Texts(CultureInfo culture) => TextResources.For<QuestionsCardTexts>(culture);

    public static string PolicyText(TextResources t, QnaAskerVisibility visibility) =>
        t[visibility == QnaAskerVisibility.Moderators ? "Policy.Moderators" : "Policy.Nobody"];

    public static string StatusText(TextResources t, QnaQuestionItem question) => question.Status switch
    {
        QnaQuestionStatus.Merged when question.MergedIntoNumber is { } target => t["Status.MergedInto", target],
        _ => t[$"Status.{question.Status}"],
    };

    public static string Votes(TextResources t, int votes) => t["Votes", votes];

    /// <summary>
    /// The question's number and text, cut to <paramref name="maxLength"/> in lists. People's text goes in text runs,
    /// which Teams never reads as Markdown.
    /// </summary>
    public static RichTextBlock QuestionText(QnaQuestionItem question, int? maxLength = null) =>
        new([
            new TextRun($"#{question.Number.ToString(CultureInfo.InvariantCulture)}  ") { Weight = TextWeight.Bolder, Color = TextColor.Accent },
            new TextRun(Shorten(question.Text, maxLength)),
        ]);

    public static RichTextBlock? AnswerText(TextResources t, QnaQuestionItem question, int? maxLength = null) =>
        string.IsNullOrEmpty(question.Answer)
            ? null
            : new RichTextBlock([new TextRun(t["Answer.Label"] + " ") { Weight = TextWeight.Bolder, Color = TextColor.Good }, new TextRun(Shorten(question.Answer, maxLength))])
            {
                Spacing = Spacing.Small,
            };

    /// <summary>A label and then text someone typed (a title), as runs: the typed text is never read as Markdown.</summary>
    public static RichTextBlock Labelled(string label, string typed, bool subtle = true, TextSize size = TextSize.Default) =>
        new([new TextRun(label + " ") { IsSubtle = subtle, Size = size }, new TextRun(typed) { IsSubtle = subtle, Size = size }]);

    public static string Shorten(string text, int? maxLength) =>
        maxLength is { } max && text.Length > max ? text[..(max - 1)].TrimEnd() + "…" : text;

    /// <summary>Whether the asker may still change their question: only until it is answered or taken out.</summary>
    public static bool AskerMayChange(QnaQuestionItem question, bool sessionOpen) =>
        sessionOpen && question.AskedByViewer && question.Status is QnaQuestionStatus.Waiting or QnaQuestionStatus.Open;

    /// <summary>"asked by …" for moderators, where the policy shows it: the name, or "anonymous".</summary>
    public static string? AskedBy(TextResources t, QnaQuestionItem question, int? maxLength = null) =>
        question.AskerShown && !question.AskedByViewer
            ? t["Detail.AskedBy", question.AskerName is { } name ? Shorten(name, maxLength) : t["Detail.Anonymous"]]
            : null;

    /// <summary>The asker's Edit (an inline form) and Withdraw buttons.</summary>
    public static IEnumerable<CardAction> AskerActions(TextResources t, int sessionId, QnaQuestionItem question)
    {
        var editForm = new AdaptiveCard([EditInput(t, question, t["Edit.Label"])])
        {
            Actions = [new ExecuteAction(Data(QnaVerbs.Edit, sessionId, question.Id)) { Title = t["Edit.Save"], Style = ActionStyle.Positive }],
        };

        yield return new ShowCardAction(editForm) { Title = t["Edit.Button"] };
        yield return new ExecuteAction(Data(QnaVerbs.Withdraw, sessionId, question.Id))
        {
            Title = t["Withdraw"],
            Style = ActionStyle.Destructive,
            SendInputs = false,
        };
    }

    /// <summary>
    /// The vote button. The shared board cannot know who looks at it, so its button only ever adds the presser's vote
    /// (pressing it again changes nothing); a personal view knows, so its button says exactly what it will do, and
    /// only there can a vote be taken back.
    /// </summary>
    public static ExecuteAction VoteButton(TextResources t, int sessionId, QnaViewer viewer, QnaQuestionItem question)
    {
        if (viewer == QnaViewer.Everyone)
        {
            return new ExecuteAction(Data(QnaVerbs.Vote, sessionId, question.Id, (QnaKeys.Vote, QnaKeys.VoteUp)))
            {
                Title = t["Vote.Upvote"],
                Tooltip = t["Vote.SharedTooltip"],
                SendInputs = false,
            };
        }

        return question.VotedByViewer
            ? new ExecuteAction(Data(QnaVerbs.Vote, sessionId, question.Id, (QnaKeys.Vote, QnaKeys.VoteDown)))
            {
                Title = t["Vote.Upvoted"],
                Tooltip = t["Vote.TakeBackTooltip"],
                Style = ActionStyle.Positive,
                SendInputs = false,
            }
            : new ExecuteAction(Data(QnaVerbs.Vote, sessionId, question.Id, (QnaKeys.Vote, QnaKeys.VoteUp)))
            {
                Title = t["Vote.Upvote"],
                SendInputs = false,
            };
    }

    /// <summary>The asker's text box for changing their question, filled with its text.</summary>
    public static TextInput EditInput(TextResources t, QnaQuestionItem question, string label) => new()
    {
        Id = QnaKeys.EditInput(question.Id),
        Label = label,
        Value = question.Text,
        MaxLength = QnaLimits.QuestionLength,
        IsMultiline = true,
        IsRequired = true,
        ErrorMessage = t["Ask.Required"],
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

/// <summary>Names the resource files of this folder (<c>QuestionsCardTexts.resx</c> and its translations).</summary>
public sealed class QuestionsCardTexts;
