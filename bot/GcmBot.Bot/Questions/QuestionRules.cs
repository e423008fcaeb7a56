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
    /// <summary>Add the vote (idempotent: a double click or a replay changes nothing).</summary>
    Up,

    /// <summary>Take the vote back (idempotent).</summary>
    Down,

    /// <summary>From the shared board, which cannot know the presser's vote: add it, or take it back when present.</summary>
    Toggle,
}

/// <summary>A checked piece of text: the cleaned text, or why it was refused.</summary>
public sealed record TextCheck(string? Text, string? Problem)
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
        CheckText(raw, QnaLimits.QuestionLength, "Please write your question: it was empty.", "question");

    public static TextCheck CheckAnswer(string? raw)
    {
        var text = Normalise(raw);
        return text.Length == 0
            ? new TextCheck(null, null)
            : CheckText(text, QnaLimits.AnswerLength, string.Empty, "answer");
    }

    public static TextCheck CheckTitle(string? raw)
    {
        var text = Normalise(raw).Replace('\n', ' ');
        return CheckText(text, QnaLimits.TitleLength, "Please give the Q&A a title.", "title");
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
            return new TextCheck(null, $"The event should be a short code of letters, digits and . _ : - (at most {QnaLimits.EventIdLength} characters).");
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

    public static VoteIntent? ParseVoteIntent(string? value) => value switch
    {
        QnaKeys.VoteUp => VoteIntent.Up,
        QnaKeys.VoteDown => VoteIntent.Down,
        QnaKeys.VoteToggle => VoteIntent.Toggle,
        _ => null,
    };

    /// <summary>Whether the person should have a vote after pressing, given whether they had one.</summary>
    public static bool WantsVote(VoteIntent intent, bool hasVoted) => intent switch
    {
        VoteIntent.Up => true,
        VoteIntent.Down => false,
        _ => !hasVoted,
    };

    public static bool TakesVotes(QuestionStatus status) => status == QuestionStatus.Open;

    /// <summary>The asker may edit or withdraw until the question is answered (or taken out by the moderators).</summary>
    public static bool AskerMayChange(QuestionStatus status) => status is QuestionStatus.Waiting or QuestionStatus.Open;

    public static bool IsLive(QuestionStatus status) => status is QuestionStatus.Waiting or QuestionStatus.Open;

    /// <summary>Why a question takes no vote, in words for the person who pressed.</summary>
    public static string WhyNoVote(QuestionStatus status, int number, int? mergedIntoNumber) => status switch
    {
        QuestionStatus.Answered => $"Question #{number} is already answered, so it takes no more votes.",
        QuestionStatus.Merged when mergedIntoNumber is { } target =>
            $"Question #{number} was merged into #{target}: its votes moved there, so vote for #{target}.",
        QuestionStatus.Waiting => $"Question #{number} is waiting for a moderator's approval; votes open once it is on the board.",
        _ => $"Question #{number} is no longer on the board.",
    };

    /// <summary>Parses a positive id or number sent by a card; null for anything else.</summary>
    public static int? ParseId(string? value) =>
        int.TryParse(value?.TrimStart('#'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : null;

    private static TextCheck CheckText(string? raw, int maxLength, string emptyProblem, string what)
    {
        var text = Normalise(raw);
        if (text.Length == 0)
        {
            return new TextCheck(null, emptyProblem);
        }

        if (text.Length > maxLength)
        {
            return new TextCheck(null, $"That {what} is {text.Length:N0} characters long; please keep it to {maxLength:N0}.");
        }

        return new TextCheck(text, null);
    }

    [GeneratedRegex("[ \u00A0]{2,}")]
    private static partial Regex SpacesAndTabs();

    [GeneratedRegex(@"^[A-Za-z0-9._:\-]+$")]
    private static partial Regex EventIdPattern();
}
