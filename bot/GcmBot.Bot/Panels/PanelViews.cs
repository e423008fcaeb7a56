using System.Globalization;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Exports;
using GcmBot.Bot.Participants;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Panels;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.Panels;

/// <summary>Who is looking at a proposal, which decides what the card shows of it.</summary>
public enum PanelViewer
{
    /// <summary>A stakeholder browsing a panel: counts only, endorse buttons.</summary>
    Stakeholder,

    /// <summary>The proposer: counts and the endorsers' balance, never names.</summary>
    Proposer,

    /// <summary>An organiser: everything the decision needs, with the decision buttons.</summary>
    Organiser,
}

/// <summary>
/// Turns stored proposals and typed outcomes into the card models people see, in the current language (the turn's
/// person, or the recipient of a notice); no decisions are taken here.
/// </summary>
public sealed class PanelViews(PublicAddress host, IStringLocalizer<PanelsTexts> texts)
{
    private static readonly IReadOnlyDictionary<PanelField, string> InputIds = new Dictionary<PanelField, string>
    {
        [PanelField.Panel] = PanelFormCard.Panel,
        [PanelField.Name] = PanelFormCard.Name,
        [PanelField.Organisation] = PanelFormCard.Organisation,
        [PanelField.Group] = PanelFormCard.Group,
        [PanelField.Country] = PanelFormCard.Country,
        [PanelField.Expertise] = PanelFormCard.Expertise,
        [PanelField.Languages] = PanelFormCard.Languages,
        [PanelField.Position] = PanelFormCard.Position,
        [PanelField.Email] = PanelFormCard.Email,
        [PanelField.Consent] = PanelFormCard.Consent,
    };

    public IStringLocalizer<PanelsTexts> Texts => texts;

    /// <summary>The public page of published panellists, as people reach the host.</summary>
    public string PublicPageUrl => host.Link(PanelEndpoints.PagePath).ToString();

    public static PanelInput ReadForm(Func<string, string?> value) => new(InputIds.ToDictionary(p => p.Key, p => value(p.Value)));

    public static IReadOnlyDictionary<string, string?> ValuesOf(PanelInput input) =>
        InputIds.ToDictionary(p => p.Value, p => input[p.Key]);

    public AdaptiveCard Form(
        CultureInfo culture,
        string submitKey,
        IReadOnlyDictionary<string, string?> values,
        IReadOnlyDictionary<PanelField, PanelProblem>? problems = null,
        string? notice = null) =>
        PanelFormCard.Build(
            new PanelFormModel(
                submitKey,
                values,
                (problems ?? new Dictionary<PanelField, PanelProblem>()).ToDictionary(p => InputIds[p.Key], p => Describe(p.Key, p.Value)),
                GcmReference.Themes.Select(t => new Choice(PanelTitle(t.Code), t.Code.ToString())).ToList(),
                StakeholderReference.Groups.Select(g => new Choice(g.LabelIn(culture), g.Code)).ToList(),
                StakeholderReference.Countries.Select(c => new Choice(c.NameIn(culture), c.Code)).ToList(),
                notice,
                PanelRules.MaxNameLength,
                PanelRules.MaxOrganisationLength,
                PanelRules.MaxExpertiseLength,
                PanelRules.MaxLanguagesLength,
                PanelRules.MaxPositionLength,
                PanelRules.MaxEmailLength),
            culture);

    /// <summary>A problem with an answer, in the current language.</summary>
    public string Describe(PanelField field, PanelProblem problem) => problem.Kind switch
    {
        PanelProblemKind.TooLong => texts["Problem.TooLong", problem.Limit],
        PanelProblemKind.EmailShape => texts["Problem.EmailShape"],
        PanelProblemKind.ConsentRequired => texts["Problem.ConsentRequired"],
        PanelProblemKind.NotAChoice => texts["Problem.NotAChoice"],
        _ => texts[$"Problem.Required.{field}"],
    };

    /// <summary>"Panel a: Ensuring that migration is voluntary, orderly and regular".</summary>
    public string PanelTitle(char panel) => texts["PanelTitle", panel.ToString(), GcmReference.Theme(panel)!.TitleIn()];

    public AdaptiveCard Overview(CultureInfo culture, IReadOnlyDictionary<char, (int Proposals, int Selected, int Published)> counts, bool forOrganisers, string? banner) =>
        PanelCards.Overview(
            new PanelsOverviewModel(
                forOrganisers,
                PanelRules.Panels.Select(p =>
                {
                    var (proposals, selected, published) = counts.GetValueOrDefault(p);
                    var summary = forOrganisers
                        ? texts["Overview.OrganiserSummary", proposals, selected, published > 0 ? texts["Overview.Published"] : texts["Overview.NotPublished"]]
                        : texts["Overview.Summary", proposals];
                    return new PanelRow(p, PanelTitle(p), summary);
                }).ToList(),
                banner,
                PublicPageUrl),
            culture);

    public AdaptiveCard Panel(
        CultureInfo culture,
        char panel,
        IReadOnlyList<ProposalStanding> standings,
        PanelViewer viewer,
        string viewerId,
        int? endorsed,
        IReadOnlyDictionary<string, ParticipantProfile> profiles,
        string? banner)
    {
        var forOrganisers = viewer == PanelViewer.Organiser;
        var items = standings.Select(s => Item(s, s.Proposal.ProposerId == viewerId && !forOrganisers ? PanelViewer.Proposer : viewer, viewerId, endorsed, profiles)).ToList();
        var explanation = forOrganisers
            ? texts["Panel.OrganiserExplain"]
            : endorsed is null ? texts["Panel.Explain"] : texts["Panel.ExplainEndorsed"];
        return PanelCards.Panel(
            new PanelProposalsModel(
                forOrganisers,
                panel,
                PanelTitle(panel),
                items,
                banner,
                explanation,
                forOrganisers && standings.Any(s => s.Proposal.Status == ProposalStatus.Selected),
                PublicPageUrl),
            culture);
    }

    public AdaptiveCard Mine(CultureInfo culture, IReadOnlyList<ProposalStanding> standings, IReadOnlyDictionary<string, ParticipantProfile> profiles, string viewerId, string? banner) =>
        PanelCards.Mine(new MyProposalsModel(standings.Select(s => Item(s, PanelViewer.Proposer, viewerId, null, profiles)).ToList(), banner), culture);

    public AdaptiveCard Notice(CultureInfo culture, string heading, string message, ProposalStanding? standing, string viewerId) =>
        PanelCards.Notice(
            new PanelNoticeModel(
                heading,
                message,
                standing is null ? null : Item(standing, PanelViewer.Proposer, viewerId, null, new Dictionary<string, ParticipantProfile>()),
                PublicPageUrl),
            culture);

    /// <summary>The nominee's name as a sentence may use it.</summary>
    public static string Nominee(PanelProposal p) => p.NomineeName;

    public ProposalItem Item(
        ProposalStanding standing,
        PanelViewer viewer,
        string viewerId,
        int? endorsed,
        IReadOnlyDictionary<string, ParticipantProfile> profiles)
    {
        var p = standing.Proposal;
        var panel = p.Panel[0];
        var facts = new List<Fact>();
        if (p.NomineeOrganisation is not null)
        {
            facts.Add(new Fact(texts["Fact.Organisation"], p.NomineeOrganisation));
        }

        facts.Add(new Fact(texts["Fact.Group"], StakeholderReference.LabelIn(StakeholderReference.Groups, p.NomineeGroup)));
        facts.Add(new Fact(texts["Fact.Country"], StakeholderReference.Country(p.NomineeCountry)?.NameIn() ?? p.NomineeCountry));
        facts.Add(new Fact(texts["Fact.Expertise"], p.Expertise));
        facts.Add(new Fact(texts["Fact.Languages"], p.Languages));
        if (viewer != PanelViewer.Stakeholder)
        {
            facts.Add(new Fact(texts["Fact.Consent"], p.NamedWithConsent ? texts["Consent.Yes"] : texts["Consent.No"]));
        }

        var (status, tone) = Status(p, viewer);
        var balance = viewer == PanelViewer.Stakeholder || standing.Endorsements == 0
            ? []
            : Balance(EndorserBalance.Of(standing.EndorserIds, profiles));
        var decisions = viewer == PanelViewer.Organiser
            ? new[] { (PanelDecision.Shortlist, PanelVerbs.Shortlist), (PanelDecision.Select, PanelVerbs.Select), (PanelDecision.Unselect, PanelVerbs.Unselect), (PanelDecision.Unshortlist, PanelVerbs.Unshortlist) }
                .Where(d => PanelRules.Allows(p.Status, d.Item1)).Select(d => d.Item2).ToList()
            : null;
        var own = p.ProposerId == viewerId;
        return new ProposalItem(
            p.Id,
            p.Version,
            panel,
            p.NomineeName,
            status,
            tone,
            facts,
            p.Position,
            texts["Endorsements", standing.Endorsements],
            balance,
            EndorsedByViewer: viewer != PanelViewer.Organiser && endorsed == p.Id,
            CanEndorse: viewer == PanelViewer.Stakeholder && !own && endorsed != p.Id && PanelRules.IsOpen(p.Status),
            CanWithdraw: own && viewer == PanelViewer.Proposer && p.Status != ProposalStatus.Withdrawn,
            Decisions: decisions);
    }

    /// <summary>
    /// The endorsers' balance as lines a screen reader reads plainly: "Civil society organisations: 2 of 3, 67%".
    /// </summary>
    public IReadOnlyList<Fact> Balance(EndorserBalance balance) =>
        balance.Dimensions.Select(d => new Fact(
            texts[$"Dimension.{d.Kind}"],
            string.Join("; ", d.Categories.Select(c => texts["BalanceLine", CategoryLabel(d.Kind, c.Code), c.Count, balance.Total, Percent(c.Count, balance.Total)].Value))))
            .ToList();

    private static int Percent(int count, int total) =>
        total <= 0 ? 0 : (int)Math.Round(100.0 * count / total, MidpointRounding.AwayFromZero);

    private static string CategoryLabel(BalanceDimensionKind kind, string code) => kind switch
    {
        BalanceDimensionKind.Group => StakeholderReference.LabelIn(StakeholderReference.Groups, code),
        BalanceDimensionKind.Subregion => StakeholderReference.LabelIn(StakeholderReference.Subregions, code),
        _ => code == StakeholderReference.Unknown ? StakeholderReference.NotSaid() : StakeholderReference.LabelIn(StakeholderReference.Genders, code),
    };

    private (string Text, ProposalTone Tone) Status(PanelProposal p, PanelViewer viewer)
    {
        // Stakeholders and proposers learn of a selection when the organisers publish it, not before.
        if (viewer != PanelViewer.Organiser)
        {
            return p.Status == ProposalStatus.Selected && p.PublishedAt is not null
                ? (texts["Status.Published"], ProposalTone.Good)
                : p.Status == ProposalStatus.Withdrawn ? (texts["Status.Withdrawn"], ProposalTone.Neutral) : (texts["Status.Open"], ProposalTone.Neutral);
        }

        return p.Status switch
        {
            ProposalStatus.Shortlisted => (texts["Status.Shortlisted"], ProposalTone.Accent),
            ProposalStatus.Selected when p.PublishedAt is null => (texts["Status.SelectedNotPublished"], ProposalTone.Good),
            ProposalStatus.Selected => (texts["Status.Published"], ProposalTone.Good),
            ProposalStatus.Withdrawn => (texts["Status.Withdrawn"], ProposalTone.Neutral),
            _ => (texts["Status.Open"], ProposalTone.Neutral),
        };
    }
}
