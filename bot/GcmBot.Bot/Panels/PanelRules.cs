using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using GcmBot.Bot.Engagement;

namespace GcmBot.Bot.Panels;

/// <summary>How many proposals and selections the panels take (configuration section <c>Panels</c>).</summary>
public sealed class PanelOptions
{
    public const string SectionName = "Panels";

    /// <summary>How many open proposals one person may have on one panel: few, so that civil society converges.</summary>
    [Range(1, 10)]
    public int MaxProposalsPerPersonPerPanel { get; set; } = 2;

    /// <summary>How many panellists organisers may select for one panel.</summary>
    [Range(1, 10)]
    public int MaxSelectedPerPanel { get; set; } = 1;
}

/// <summary>Where a proposal stands.</summary>
public enum ProposalStatus
{
    /// <summary>Proposed, open for endorsements.</summary>
    Proposed,

    /// <summary>On the organisers' shortlist; still open for endorsements.</summary>
    Shortlisted,

    /// <summary>Selected by the organisers; public once they publish the panel.</summary>
    Selected,

    /// <summary>Taken back by the proposer; its endorsements are gone.</summary>
    Withdrawn,
}

/// <summary>An organiser's decision on one proposal.</summary>
public enum PanelDecision { Shortlist, Select, Unselect, Unshortlist }

/// <summary>The questions of the proposal form.</summary>
public enum PanelField { Panel, Name, Organisation, Group, Country, Expertise, Languages, Position, Email, Consent }

/// <summary>What is wrong with one answer: the views word it in the person's language.</summary>
public enum PanelProblemKind { Required, TooLong, NotAChoice, EmailShape, ConsentRequired }

/// <summary>A problem with one answer, with the limit it broke when there is one.</summary>
public sealed record PanelProblem(PanelProblemKind Kind, int Limit = 0);

/// <summary>The form's answers as the client sent them (untrusted text, any of them missing).</summary>
public sealed record PanelInput(IReadOnlyDictionary<PanelField, string?> Values)
{
    public string? this[PanelField field] => Values.GetValueOrDefault(field);
}

/// <summary>A checked proposal, tidied and within every bound.</summary>
/// <param name="Panel">The roundtable theme of the panel, a–d.</param>
/// <param name="NamedWithConsent">The proposer confirms the nominee agreed to be named publicly if selected.</param>
public sealed record PanelContent(
    char Panel,
    string NomineeName,
    string? Organisation,
    string Group,
    string Country,
    string Expertise,
    string Languages,
    string Position,
    string? Email,
    bool NamedWithConsent);

/// <summary>The verdict on a form: the content when valid, else a problem per field.</summary>
public sealed record PanelCheck(PanelContent? Content, IReadOnlyDictionary<PanelField, PanelProblem> Problems)
{
    public bool IsValid => Content is not null;
}

/// <summary>The rules of panellist proposals: what a valid proposal is, and which decisions fit which status.</summary>
public static partial class PanelRules
{
    public const int MaxIdLength = 256;
    public const int MaxNameLength = 100;
    public const int MaxOrganisationLength = 150;
    public const int MaxExpertiseLength = 500;
    public const int MaxLanguagesLength = 200;
    public const int MaxPositionLength = 1000;
    public const int MaxEmailLength = 254;

    /// <summary>The consent answers: the nominee agreed to be named, or not (yet).</summary>
    public const string ConsentYes = "named";
    public const string ConsentNo = "not-named";

    /// <summary>The four panels: one per roundtable theme, a–d.</summary>
    public static IReadOnlyList<char> Panels { get; } = GcmReference.Themes.Select(t => t.Code).ToList();

    /// <summary>The panel a text names ("a", " B "), or null for anything else.</summary>
    public static char? ParsePanel(string? text)
    {
        var tidy = (text ?? string.Empty).Trim();
        return tidy.Length == 1 && Panels.Contains(char.ToLowerInvariant(tidy[0])) ? char.ToLowerInvariant(tidy[0]) : null;
    }

    public static PanelCheck Check(PanelInput input)
    {
        var problems = new Dictionary<PanelField, PanelProblem>();
        var panel = ParsePanel(input[PanelField.Panel]);
        if (panel is null)
        {
            problems[PanelField.Panel] = new PanelProblem(string.IsNullOrWhiteSpace(input[PanelField.Panel]) ? PanelProblemKind.Required : PanelProblemKind.NotAChoice);
        }

        var name = Line(input, PanelField.Name, MaxNameLength, required: true, problems);
        var organisation = Line(input, PanelField.Organisation, MaxOrganisationLength, required: false, problems);
        var expertise = Paragraph(input, PanelField.Expertise, MaxExpertiseLength, problems);
        var languages = Line(input, PanelField.Languages, MaxLanguagesLength, required: true, problems);
        var position = Paragraph(input, PanelField.Position, MaxPositionLength, problems);

        var group = TypedText.SingleLine(input[PanelField.Group]);
        if (group.Length == 0)
        {
            problems[PanelField.Group] = new PanelProblem(PanelProblemKind.Required);
        }
        else if (StakeholderReference.Groups.All(g => g.Code != group))
        {
            problems[PanelField.Group] = new PanelProblem(PanelProblemKind.NotAChoice);
        }

        var country = TypedText.SingleLine(input[PanelField.Country]);
        if (country.Length == 0)
        {
            problems[PanelField.Country] = new PanelProblem(PanelProblemKind.Required);
        }
        else if (StakeholderReference.Country(country) is not { } known)
        {
            problems[PanelField.Country] = new PanelProblem(PanelProblemKind.NotAChoice);
        }
        else
        {
            country = known.Code;
        }

        var email = TypedText.SingleLine(input[PanelField.Email]);
        if (email.Length > MaxEmailLength)
        {
            problems[PanelField.Email] = new PanelProblem(PanelProblemKind.TooLong, MaxEmailLength);
        }
        else if (email.Length > 0 && !EmailShape().IsMatch(email))
        {
            problems[PanelField.Email] = new PanelProblem(PanelProblemKind.EmailShape);
        }

        var consent = TypedText.SingleLine(input[PanelField.Consent]);
        if (consent is not (ConsentYes or ConsentNo))
        {
            problems[PanelField.Consent] = new PanelProblem(consent.Length == 0 ? PanelProblemKind.ConsentRequired : PanelProblemKind.NotAChoice);
        }

        if (problems.Count > 0)
        {
            return new PanelCheck(null, problems);
        }

        return new PanelCheck(
            new PanelContent(panel!.Value, name, organisation.Length == 0 ? null : organisation, group, country, expertise, languages, position,
                email.Length == 0 ? null : email, consent == ConsentYes),
            problems);
    }

    /// <summary>Whether a decision fits a proposal's status (a withdrawn one takes none).</summary>
    public static bool Allows(ProposalStatus status, PanelDecision decision) => decision switch
    {
        PanelDecision.Shortlist => status == ProposalStatus.Proposed,
        PanelDecision.Select => status is ProposalStatus.Proposed or ProposalStatus.Shortlisted,
        PanelDecision.Unselect => status == ProposalStatus.Selected,
        _ => status == ProposalStatus.Shortlisted,
    };

    /// <summary>The status a decision leads to.</summary>
    public static ProposalStatus StatusAfter(PanelDecision decision) => decision switch
    {
        PanelDecision.Shortlist => ProposalStatus.Shortlisted,
        PanelDecision.Select => ProposalStatus.Selected,
        PanelDecision.Unselect => ProposalStatus.Shortlisted,
        _ => ProposalStatus.Proposed,
    };

    /// <summary>Whether others may still endorse (or move their endorsement to) a proposal.</summary>
    public static bool IsOpen(ProposalStatus status) => status != ProposalStatus.Withdrawn;

    private static string Line(PanelInput input, PanelField field, int limit, bool required, Dictionary<PanelField, PanelProblem> problems)
    {
        var text = TypedText.SingleLine(input[field]);
        if (required && text.Length == 0)
        {
            problems[field] = new PanelProblem(PanelProblemKind.Required);
        }
        else if (text.Length > limit)
        {
            problems[field] = new PanelProblem(PanelProblemKind.TooLong, limit);
        }

        return text;
    }

    private static string Paragraph(PanelInput input, PanelField field, int limit, Dictionary<PanelField, PanelProblem> problems)
    {
        var text = TypedText.MultiLine(input[field]);
        if (text.Length == 0)
        {
            problems[field] = new PanelProblem(PanelProblemKind.Required);
        }
        else if (text.Length > limit)
        {
            problems[field] = new PanelProblem(PanelProblemKind.TooLong, limit);
        }

        return text;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailShape();
}
