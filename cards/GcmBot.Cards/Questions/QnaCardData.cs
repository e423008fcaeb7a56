namespace GcmBot.Cards.Questions;

/// <summary>The verbs of the Q&amp;A cards' buttons (all Universal Actions, <c>Action.Execute</c>).</summary>
public static class QnaVerbs
{
    public const string Open = "qna.open";
    public const string Ask = "qna.ask";
    public const string Vote = "qna.vote";
    public const string View = "qna.view";

    /// <summary>One question on its own card: full text, and the asker's or moderators' buttons for it.</summary>
    public const string Question = "qna.question";
    public const string Edit = "qna.edit";
    public const string Withdraw = "qna.withdraw";
    public const string Approve = "qna.approve";
    public const string Dismiss = "qna.dismiss";
    public const string Answer = "qna.answer";
    public const string Pin = "qna.pin";
    public const string Unpin = "qna.unpin";
    public const string Merge = "qna.merge";
    public const string Close = "qna.close";
    public const string Reopen = "qna.reopen";
    public const string PreModeration = "qna.premoderation";
    public const string Export = "qna.export";
}

/// <summary>
/// Keys of the data the Q&amp;A buttons send back. Every value is a string that the bot parses and checks again: card
/// data comes from the client and is never trusted.
/// </summary>
public static class QnaKeys
{
    /// <summary>The session the card belongs to; checked against the conversation the button was pressed in.</summary>
    public const string Session = "s";

    public const string Question = "q";

    /// <summary>Vote intent: <see cref="VoteUp"/> or <see cref="VoteDown"/> (<see cref="VoteToggle"/> on old boards).</summary>
    public const string Vote = "v";

    /// <summary>Zero-based page of the "all questions" view.</summary>
    public const string Page = "p";

    /// <summary>"1" when the person asks for the moderators' view.</summary>
    public const string Moderate = "m";

    /// <summary>"1" or "0" for switches (pre-moderation).</summary>
    public const string On = "on";

    public const string VoteUp = "up";
    public const string VoteDown = "down";

    /// <summary>
    /// Sent by boards posted before the shared button meant "I vote for this"; read as <see cref="VoteUp"/> now. The
    /// shared board cannot show a person their own vote, so a press there never takes it back.
    /// </summary>
    public const string VoteToggle = "toggle";

    // Inputs.
    public const string Text = "qnaText";
    public const string Anonymous = "qnaAnonymous";
    public const string SessionChoice = "qnaSession";
    public const string Title = "qnaTitle";
    public const string EventId = "qnaEventId";
    public const string PreModeration = "qnaPreModeration";
    public const string ModeratorsSeeNames = "qnaNames";

    /// <summary>Per-question inputs carry the question id, because input ids must be unique on a card.</summary>
    public static string EditInput(int questionId) => $"qnaEdit{questionId}";

    public static string AnswerInput(int questionId) => $"qnaAnswer{questionId}";

    public static string MergeInput(int questionId) => $"qnaMerge{questionId}";
}

/// <summary>Length limits of what people type into the Q&amp;A; the bot enforces them again on every input.</summary>
public static class QnaLimits
{
    public const int QuestionLength = 500;
    public const int AnswerLength = 500;
    public const int TitleLength = 120;
    public const int EventIdLength = 64;

    /// <summary>Questions listed on one card at most, whatever the configuration says (the card must stay small).</summary>
    public const int MaxListed = 10;

    /// <summary>Board lists cut questions here; the question's own card shows them whole.</summary>
    public const int ListedTextLength = 200;

    /// <summary>Board lists cut answers here.</summary>
    public const int ListedAnswerLength = 160;

    /// <summary>Board lists cut askers' names (moderators' view) here.</summary>
    public const int ListedNameLength = 60;

    /// <summary>Moderators whose Teams clients refresh the board by themselves (Teams allows up to 60).</summary>
    public const int MaxRefreshUsers = 20;
}
