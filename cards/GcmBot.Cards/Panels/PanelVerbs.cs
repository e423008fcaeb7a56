namespace GcmBot.Cards.Panels;

/// <summary>The verbs of the panel cards and the keys of their data.</summary>
public static class PanelVerbs
{
    /// <summary>The proposal form's send button (with <see cref="SubmitKey"/>).</summary>
    public const string Save = "panel.propose";

    /// <summary>The proposals of one panel (with <see cref="Panel"/>), to read and endorse.</summary>
    public const string Browse = "panel.browse";

    /// <summary>Endorse a proposal (with <see cref="Id"/>); moves the person's endorsement on that panel.</summary>
    public const string Endorse = "panel.endorse";

    /// <summary>Take one's endorsement on a panel back (with <see cref="Panel"/>).</summary>
    public const string Unendorse = "panel.unendorse";

    /// <summary>The proposer withdraws their proposal (with <see cref="Id"/>), after a confirmation.</summary>
    public const string Withdraw = "panel.withdraw";

    /// <summary>Organisers: one panel's proposals with endorsements and balance (with <see cref="Panel"/>).</summary>
    public const string Review = "panel.review";

    /// <summary>Organisers: shortlist, select, unselect (with <see cref="Id"/>, <see cref="Version"/>, <see cref="Decision"/>).</summary>
    public const string Decide = "panel.decide";

    /// <summary>Organisers: publish a panel's selection (with <see cref="Panel"/>).</summary>
    public const string Publish = "panel.publish";

    public const string SubmitKey = "submitKey";
    public const string Id = "id";
    public const string Version = "version";
    public const string Panel = "panel";
    public const string Decision = "decision";

    public const string Shortlist = "shortlist";
    public const string Select = "select";
    public const string Unselect = "unselect";
    public const string Unshortlist = "unshortlist";
}

/// <summary>Names the resource files of this folder (<c>PanelsCardTexts.resx</c> and its translations).</summary>
public sealed class PanelsCardTexts;
