namespace GcmBot.Cards.SideEvents;

/// <summary>The verbs of the side event cards and the keys of their data.</summary>
public static class SideEventVerbs
{
    /// <summary>The form's send button: a new proposal (with <see cref="SubmitKey"/>) or a revision (with id and version).</summary>
    public const string Save = "sideevent.save";

    /// <summary>Opens the form on one of the person's own proposals.</summary>
    public const string Revise = "sideevent.revise";

    public const string Withdraw = "sideevent.withdraw";

    /// <summary>A page of the person's own proposals.</summary>
    public const string Mine = "sideevent.mine";

    /// <summary>Organisers: a page of the proposals waiting for review.</summary>
    public const string ReviewList = "sideevent.review.list";

    /// <summary>Organisers: one proposal in full, with the decisions.</summary>
    public const string ReviewOpen = "sideevent.review.open";

    /// <summary>Organisers: accept, ask for changes or decline (see <see cref="Decision"/>).</summary>
    public const string ReviewDecide = "sideevent.review.decide";

    public const string SubmitKey = "submitKey";
    public const string Id = "id";
    public const string Version = "version";
    public const string Page = "page";
    public const string Decision = "decision";

    public const string Accept = "accept";
    public const string RequestChanges = "changes";
    public const string Decline = "decline";

    /// <summary>The message inputs of the two forms that need one (distinct ids: both sit on one card).</summary>
    public const string ChangesComment = "changesComment";
    public const string DeclineComment = "declineComment";
}

/// <summary>Names the resource files of the side event cards (<c>SideEventsCardTexts.resx</c> and its translations).</summary>
public sealed class SideEventsCardTexts;
