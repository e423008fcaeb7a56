using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using GcmBot.Bot.Engagement;
using GcmBot.Cards.Questions;

namespace GcmBot.Bot.Questions;

/// <summary>Whether a Q&amp;A takes questions and votes.</summary>
public enum SessionStatus { Open, Closed }

/// <summary>Who may see who asked. Other participants never do.</summary>
public enum AskerVisibility
{
    /// <summary>Nobody, not even the moderators; the asker's name is never stored.</summary>
    Nobody,

    /// <summary>The moderators, unless the asker chose to stay anonymous.</summary>
    Moderators,
}

/// <summary>Where a question is in its life. Only <see cref="Open"/> questions take votes.</summary>
public enum QuestionStatus
{
    /// <summary>Pre-moderation: only the moderators (and the asker) see it.</summary>
    Waiting,
    Open,
    Answered,
    Dismissed,
    Withdrawn,

    /// <summary>A duplicate folded into another question, which took its votes.</summary>
    Merged,
}

/// <summary>How a vote button asks to change the presser's vote.</summary>
public enum VoteIntent
{
    /// <summary>
    /// Add the vote (idempotent: a double click or a replay changes nothing). The shared board's button means this
    /// too: it cannot show the presser their own vote, so pressing it again must not silently take the vote back.
    /// </summary>
    Up,

    /// <summary>Take the vote back (idempotent); offered only where the person sees their own vote.</summary>
    Down,
}

/// <summary>Why typed text was refused.</summary>
public enum TextProblem
{
    QuestionEmpty,
    QuestionTooLong,
    AnswerTooLong,
    TitleEmpty,
    TitleTooLong,
    EventIdInvalid,
}

/// <summary>A checked piece of text: the cleaned text, or why it was refused (with its length and the limit).</summary>
public sealed record TextCheck(string? Text, TextProblem? Problem, int Length = 0, int Limit = 0)
{
    public bool IsValid => Problem is null;
}

/// <summary>The Q&amp;A's rules, free of Teams and storage: what text is accepted, what may change when.</summary>
public static partial class QuestionRules
{
    /// <summary>Open or waiting questions one person may have in a session at once (keeps one person from flooding it).</summary>
    public const int DefaultMaxActivePerPerson = 10;

    /// <summary>Cleans typed text: trims, turns line breaks into \n, drops control characters, squeezes blank lines.</summary>
    public static string Normalise(string? raw) => TypedText.MultiLine(raw);

    public static TextCheck CheckQuestion(string? raw) =>
        CheckText(raw, QnaLimits.QuestionLength, TextProblem.QuestionEmpty, TextProblem.QuestionTooLong);

    public static TextCheck CheckAnswer(string? raw)
    {
        var text = Normalise(raw);
        return text.Length == 0
            ? new TextCheck(null, null)
            : CheckText(text, QnaLimits.AnswerLength, TextProblem.AnswerTooLong, TextProblem.AnswerTooLong);
    }

    public static TextCheck CheckTitle(string? raw)
    {
        var text = Normalise(raw).Replace('\n', ' ');
        return CheckText(text, QnaLimits.TitleLength, TextProblem.TitleEmpty, TextProblem.TitleTooLong);
    }

    /// <summary>An event id from the event catalogue: letters, digits and . _ : - only, or nothing.</summary>
    public static TextCheck CheckEventId(string? raw)
    {
        var text = (raw ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return new TextCheck(null, null);
        }

        if (text.Length > QnaLimits.EventIdLength || !EventIdPattern().IsMatch(text))
        {
            return new TextCheck(null, TextProblem.EventIdInvalid, text.Length, QnaLimits.EventIdLength);
        }

        return new TextCheck(text, null);
    }

    /// <summary>
    /// What identifies "the same question from the same person": a hash of the asker and the text (case and spacing
    /// ignored). Stored only while the question is live, so that a re-sent or double-clicked Ask adds nothing.
    /// </summary>
    public static string AskKey(string askerId, string text)
    {
        var canonical = askerId + "\n" + SpacesAndTabs().Replace(text.Replace('\n', ' '), " ").Trim().ToLowerInvariant();
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// The intent a vote button sends. Boards posted before the shared button meant "vote" carry "toggle": a press on
    /// them now adds the vote too.
    /// </summary>
    public static VoteIntent? ParseVoteIntent(string? value) => value switch
    {
        QnaKeys.VoteUp or QnaKeys.VoteToggle => VoteIntent.Up,
        QnaKeys.VoteDown => VoteIntent.Down,
        _ => null,
    };

    /// <summary>Whether the person should have a vote after pressing (whether they had one changes nothing).</summary>
    public static bool WantsVote(VoteIntent intent, bool hasVoted) => intent == VoteIntent.Up;

    public static bool TakesVotes(QuestionStatus status) => status == QuestionStatus.Open;

    /// <summary>The asker may edit or withdraw until the question is answered (or taken out by the moderators).</summary>
    public static bool AskerMayChange(QuestionStatus status) => status is QuestionStatus.Waiting or QuestionStatus.Open;

    public static bool IsLive(QuestionStatus status) => status is QuestionStatus.Waiting or QuestionStatus.Open;

    /// <summary>Why a question takes no vote.</summary>
    public static QnaOutcome WhyNoVote(QuestionStatus status, int number, int? mergedIntoNumber) => status switch
    {
        QuestionStatus.Answered => QnaOutcome.Refused(QnaNotice.VoteAnswered, number, status),
        QuestionStatus.Merged when mergedIntoNumber is { } target => QnaOutcome.Refused(QnaNotice.VoteMerged, number, status) with { Other = target },
        QuestionStatus.Waiting => QnaOutcome.Refused(QnaNotice.VoteWaiting, number, status),
        _ => QnaOutcome.Refused(QnaNotice.VoteOffBoard, number, status),
    };

    /// <summary>Parses a positive id or number sent by a card; null for anything else.</summary>
    public static int? ParseId(string? value) =>
        int.TryParse(value?.TrimStart('#'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : null;

    private static TextCheck CheckText(string? raw, int maxLength, TextProblem empty, TextProblem tooLong)
    {
        var text = Normalise(raw);
        if (text.Length == 0)
        {
            return new TextCheck(null, empty, 0, maxLength);
        }

        if (text.Length > maxLength)
        {
            return new TextCheck(null, tooLong, text.Length, maxLength);
        }

        return new TextCheck(text, null);
    }

    [GeneratedRegex("[ \u00A0]{2,}")]
    private static partial Regex SpacesAndTabs();

    [GeneratedRegex(@"^[A-Za-z0-9._:\-]+$")]
    private static partial Regex EventIdPattern();
}
