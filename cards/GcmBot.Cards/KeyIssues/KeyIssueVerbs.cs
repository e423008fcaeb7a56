namespace GcmBot.Cards.KeyIssues;

/// <summary>The verbs of the rapporteur's cards (Universal Actions) and the keys of their data.</summary>
public static class KeyIssueVerbs
{
    /// <summary>The form's Record button.</summary>
    public const string Record = "keyissue.record";

    /// <summary>Opens the form.</summary>
    public const string Form = "keyissue.form";

    public const string Delete = "keyissue.delete";

    /// <summary>A page of the list.</summary>
    public const string List = "keyissue.list";

    public const string RecordKey = "recordKey";
    public const string Id = "id";
    public const string Page = "page";

    /// <summary>The consultation a list or form is about (carried by the card, checked again by the bot).</summary>
    public const string Event = "event";
}
