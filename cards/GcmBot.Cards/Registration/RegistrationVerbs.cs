namespace GcmBot.Cards.Registration;

/// <summary>The card verbs of registration and the keys of their data (all values travel as strings).</summary>
public static class RegistrationVerbs
{
    /// <summary>The registration form's submit button.</summary>
    public const string Submit = "registration.submit";

    /// <summary>Answer to "cancel your registration?": <see cref="EventKey"/> (an event id or "all") and <see cref="AnswerKey"/>.</summary>
    public const string Cancel = "registration.cancel";

    /// <summary>Answer to "erase your data?": <see cref="AnswerKey"/>.</summary>
    public const string Forget = "registration.forget";

    /// <summary>An organiser approves or declines: <see cref="RegistrationKey"/>, <see cref="DecisionKey"/>, <see cref="ShownStatusKey"/>, <see cref="PageKey"/>.</summary>
    public const string Decide = "registration.decide";

    /// <summary>The organisers' event form: <see cref="EventKey"/> (empty when adding).</summary>
    public const string SaveEvent = "registration.event.save";

    public const string EventKey = "event";
    public const string AnswerKey = "answer";
    public const string RegistrationKey = "registration";
    public const string DecisionKey = "decision";
    public const string ShownStatusKey = "shown";
    public const string PageKey = "page";

    public const string Yes = "yes";
    public const string No = "no";
    public const string Approve = "approve";
    public const string Decline = "decline";
    public const string AllEvents = "all";
}

/// <summary>Names the resource files of this folder (<c>RegistrationCardTexts.resx</c> and its translations).</summary>
public sealed class RegistrationCardTexts;
