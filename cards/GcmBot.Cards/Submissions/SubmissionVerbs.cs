namespace GcmBot.Cards.Submissions;

/// <summary>The verbs of the written-submission cards and the keys of their data.</summary>
public static class SubmissionVerbs
{
    /// <summary>The form's send button: a new submission (with <see cref="SubmitKey"/>) or an edit (with id and version).</summary>
    public const string Save = "submission.save";

    /// <summary>Opens the form on one of the person's own submissions.</summary>
    public const string Edit = "submission.edit";

    public const string Withdraw = "submission.withdraw";

    /// <summary>A page of the person's own submissions.</summary>
    public const string Mine = "submission.mine";

    /// <summary>Organisers: a page of the submissions waiting for review.</summary>
    public const string ReviewList = "submission.review.list";

    /// <summary>Organisers: one submission in full, with the decisions.</summary>
    public const string ReviewOpen = "submission.review.open";

    /// <summary>Organisers: accept, return or reject (see <see cref="Decision"/>).</summary>
    public const string ReviewDecide = "submission.review.decide";

    public const string SubmitKey = "submitKey";
    public const string Id = "id";
    public const string Version = "version";
    public const string Page = "page";
    public const string Decision = "decision";

    public const string Accept = "accept";
    public const string Return = "return";
    public const string Reject = "reject";

    /// <summary>The comment inputs of the return and reject forms (distinct ids: both sit on one card).</summary>
    public const string ReturnComment = "returnComment";
    public const string RejectComment = "rejectComment";
}
