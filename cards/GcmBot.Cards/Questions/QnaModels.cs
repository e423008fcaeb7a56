namespace GcmBot.Cards.Questions;

/// <summary>Who may see who asked a question. Other participants never do, whatever the policy.</summary>
public enum QnaAskerVisibility
{
    /// <summary>Nobody sees who asked, not even the moderators.</summary>
    Nobody,

    /// <summary>Moderators see the asker's name, unless the asker chose to stay anonymous.</summary>
    Moderators,
}

/// <summary>Where a question is in its life.</summary>
public enum QnaQuestionStatus { Waiting, Open, Answered, Dismissed, Withdrawn, Merged }

/// <summary>Whose view of the board a card is: the shared message, one participant's, or a moderator's.</summary>
public enum QnaViewer { Everyone, Participant, Moderator }

/// <summary>One question as a card shows it.</summary>
public sealed record QnaQuestionItem(int Id, int Number, string Text, int Votes, QnaQuestionStatus Status)
{
    public string? Answer { get; init; }

    /// <summary>The person looking voted for it (personal views only).</summary>
    public bool VotedByViewer { get; init; }

    /// <summary>The person looking asked it (personal views only).</summary>
    public bool AskedByViewer { get; init; }

    /// <summary>Moderators' views only, and only where the policy lets them see who asked: shows the asker.</summary>
    public bool AskerShown { get; init; }

    /// <summary>With <see cref="AskerShown"/>: the asker's name, or null for "anonymous".</summary>
    public string? AskerName { get; init; }

    public int? MergedIntoNumber { get; init; }
}

/// <summary>Which page of "all questions" a card shows.</summary>
public sealed record QnaPage(int Index, int Count);

/// <summary>A download offered on a card (exports).</summary>
public sealed record QnaLink(string Title, string Url);

/// <summary>Everything one view of a Q&amp;A board shows.</summary>
public sealed record QnaBoardModel(int SessionId, string Title, bool IsOpen, QnaViewer Viewer)
{
    public string? EventId { get; init; }
    public bool PreModeration { get; init; }
    public QnaAskerVisibility AskerVisibility { get; init; }
    public QnaQuestionItem? Pinned { get; init; }

    /// <summary>The top questions, or the questions of <see cref="Page"/>.</summary>
    public IReadOnlyList<QnaQuestionItem> Questions { get; init; } = [];

    /// <summary>A few questions answered last (board view only).</summary>
    public IReadOnlyList<QnaQuestionItem> RecentlyAnswered { get; init; } = [];

    /// <summary>The viewer's own questions still open or waiting (personal views only).</summary>
    public IReadOnlyList<QnaQuestionItem> ViewerQuestions { get; init; } = [];

    /// <summary>
    /// The viewer's questions answered since they were last told (personal views only): people without a personal chat
    /// with the bot (anonymous meeting participants, guests) learn of the answer here.
    /// </summary>
    public IReadOnlyList<QnaQuestionItem> AnsweredForViewer { get; init; } = [];

    /// <summary>The oldest questions waiting for approval (moderators' view only).</summary>
    public IReadOnlyList<QnaQuestionItem> Waiting { get; init; } = [];

    public int OpenCount { get; init; }
    public int AnsweredCount { get; init; }
    public int WaitingCount { get; init; }
    public int TotalVotes { get; init; }

    /// <summary>Null for the board (top questions); set for "all questions".</summary>
    public QnaPage? Page { get; init; }

    /// <summary>A line for the person who pressed a button (what happened, or why nothing did).</summary>
    public string? Notice { get; init; }

    public bool NoticeIsWarning { get; init; }
    public IReadOnlyList<QnaLink> Links { get; init; } = [];

    /// <summary>Teams user ids whose clients fetch their own view whenever the shared message changes (moderators).</summary>
    public IReadOnlyList<string> RefreshUserIds { get; init; } = [];
}

/// <summary>One question on its own card, for the person who opened it.</summary>
public sealed record QnaQuestionModel(int SessionId, string SessionTitle, bool SessionOpen, QnaViewer Viewer, QnaQuestionItem Question)
{
    public bool IsPinned { get; init; }
    public QnaAskerVisibility AskerVisibility { get; init; }
    public bool PreModeration { get; init; }
}

/// <summary>An open session a person can ask in from our personal chat.</summary>
public sealed record QnaSessionChoice(int SessionId, string Title, QnaAskerVisibility AskerVisibility, bool PreModeration);

/// <summary>The personal-chat form for asking a question.</summary>
public sealed record QnaAskModel(IReadOnlyList<QnaSessionChoice> Sessions)
{
    public string? Text { get; init; }
    public string? Notice { get; init; }
}

/// <summary>One of a person's own questions, with the session it belongs to.</summary>
public sealed record QnaOwnQuestion(int SessionId, string SessionTitle, bool SessionOpen, QnaAskerVisibility AskerVisibility, QnaQuestionItem Question);

/// <summary>A person's own questions (personal chat).</summary>
public sealed record QnaMyQuestionsModel(IReadOnlyList<QnaOwnQuestion> Questions)
{
    public string? Notice { get; init; }
    public bool NoticeIsWarning { get; init; }
}

/// <summary>The setup form a moderator fills in to open a Q&amp;A in a chat.</summary>
public sealed record QnaSetupModel
{
    public string? Title { get; init; }
    public string? EventId { get; init; }
    public bool PreModeration { get; init; }
    public bool ModeratorsSeeNames { get; init; }
    public string? Notice { get; init; }
}

/// <summary>What the asker is told when their question is answered.</summary>
public sealed record QnaAnsweredModel(string SessionTitle, int Number, string Question, string? Answer);
