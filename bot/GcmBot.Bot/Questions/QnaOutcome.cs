namespace GcmBot.Bot.Questions;

/// <summary>
/// What a Q&amp;A change did (or why it did nothing), as a code. The Teams face words it in the reader's language from
/// the resource text <c>Outcome.{code}</c>, whose placeholders are always the same: {0} <see cref="QnaOutcome.Number"/>,
/// {1} <see cref="QnaOutcome.Other"/>, {2} the words for <see cref="QnaOutcome.State"/>, {3} <see cref="QnaOutcome.Title"/>,
/// {4} <see cref="QnaOutcome.Count"/>.
/// </summary>
public enum QnaNotice
{
    // The session.
    Opened,
    AlreadyOpenHere,
    OpenedByAnother,
    Closed,
    AlreadyClosed,
    Reopened,
    AlreadyOpen,
    AnotherOpen,
    SessionGone,
    ClosedToQuestions,
    ClosedToVotes,
    ClosedToChanges,
    ClosedToModeration,
    PreModerationOn,
    PreModerationOff,
    PreModerationAlreadyOn,
    PreModerationAlreadyOff,

    // Asking.
    Asked,
    AskedWaiting,
    AlreadyAsked,
    TooManyQuestions,
    SessionFull,

    // Voting.
    VoteCounted,
    VoteCountedOnce,
    VoteTakenBack,
    NoVote,
    NotInSessionNoVote,
    VoteAnswered,
    VoteMerged,
    VoteWaiting,
    VoteOffBoard,

    // The asker's own changes.
    NotInSession,
    Edited,
    EditedWaiting,
    AlreadyReads,
    SameText,
    Withdrawn,
    NotYours,
    AskerCannotChange,

    // Moderation.
    Approved,
    AlreadyApproved,
    NothingToApprove,
    Dismissed,
    AlreadyDismissed,
    CannotDismiss,
    Answered,
    AlreadyAnswered,
    CannotAnswer,
    AnswerTooLong,
    Pinned,
    AlreadyPinned,
    CannotPin,
    Unpinned,
    NothingPinned,
    Merged,
    AlreadyMerged,
    CannotMerge,
    NoSuchQuestion,
    MergeIntoItself,
    MergeTargetNotOnBoard,
    MergeNeedsNumber,
    Exported,
    CardOutdated,
}

/// <summary>What a change did: a code and its numbers, never a sentence; <see cref="Changed"/> false changes nothing.</summary>
public sealed record QnaOutcome(bool Changed, QnaNotice Notice, bool Warning = false)
{
    public Question? Question { get; init; }

    /// <summary>Askers to tell that their question was answered (after the change is committed).</summary>
    public IReadOnlyList<AnsweredQuestion> Answered { get; init; } = [];

    /// <summary>The number (#3) of the question the notice is about.</summary>
    public int Number { get; init; }

    /// <summary>A second question number: the one merged into, the one asked for.</summary>
    public int Other { get; init; }

    /// <summary>A count: votes, questions, characters.</summary>
    public int Count { get; init; }

    /// <summary>Where the question is, when that is why nothing changed.</summary>
    public QuestionStatus? State { get; init; }

    /// <summary>The session's title, as the moderator wrote it.</summary>
    public string? Title { get; init; }

    public static QnaOutcome Done(QnaNotice notice, int number = 0) => new(true, notice) { Number = number };

    /// <summary>Nothing to do: a replay or double click of something already done. Not a warning.</summary>
    public static QnaOutcome AlreadyDone(QnaNotice notice, int number = 0) => new(false, notice) { Number = number };

    public static QnaOutcome Refused(QnaNotice notice, int number = 0, QuestionStatus? state = null) =>
        new(false, notice, Warning: true) { Number = number, State = state };
}

/// <summary>A question whose asker is to be told of its answer.</summary>
public sealed record AnsweredQuestion(int QuestionId, string AuthorId, int Number, string Text, string? Answer);

/// <summary>Who asked: their stable id, and their name only when it may be stored.</summary>
public sealed record Asker(string StableId, string Name, bool WantsAnonymity);
