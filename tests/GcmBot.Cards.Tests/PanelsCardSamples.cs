using System.Globalization;
using GcmBot.Bot.Engagement;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Panels;

namespace GcmBot.Cards.Tests;

public sealed class PanelsCardSamples : ICardSamples
{
    public IEnumerable<CardSample> Samples() => SampleLanguages.All.SelectMany(InLanguage);

    private static IEnumerable<CardSample> InLanguage(CultureInfo culture)
    {
        yield return new CardSample(SampleLanguages.Name("panel-form-new", culture), PanelFormCard.Build(Form(new Dictionary<string, string?>(), new Dictionary<string, string>(), null), culture));
        yield return new CardSample(SampleLanguages.Name("panel-form-errors", culture), PanelFormCard.Build(Form(
            new Dictionary<string, string?>
            {
                [PanelFormCard.Panel] = "b",
                [PanelFormCard.Name] = SubmissionsCardSamples.Hostile,
                [PanelFormCard.Position] = new string('p', 1000),
                [PanelFormCard.Email] = "nope",
            },
            new Dictionary<string, string>
            {
                [PanelFormCard.Name] = "Please give the nominee's name.",
                [PanelFormCard.Email] = "This does not look like an e-mail address.",
                [PanelFormCard.Consent] = "Please say whether the nominee agreed to be named publicly.",
            },
            "There are four panels, a to d. Choose one on the form."), culture));
        yield return new CardSample(SampleLanguages.Name("panel-overview", culture), PanelCards.Overview(new PanelsOverviewModel(
            false,
            GcmReference.Themes.Select(t => new PanelRow(t.Code, $"Panel {t.Code}: {t.Title}", "3 proposals")).ToList(),
            "There are four panels, a to d. Choose one below.",
            "https://gcmbot.example.org/panels"), culture));
        yield return new CardSample(SampleLanguages.Name("panel-review-overview", culture), PanelCards.Overview(new PanelsOverviewModel(
            true,
            GcmReference.Themes.Select(t => new PanelRow(t.Code, $"Panel {t.Code}: {t.Title}", "3 proposals · 1 selected · not published yet")).ToList(),
            null,
            null), culture));
        yield return new CardSample(SampleLanguages.Name("panel-browse", culture), PanelCards.Panel(new PanelProposalsModel(
            false,
            'b',
            "Panel b: Protecting migrants through rights-based border governance measures",
            [Item(1, endorsed: true), Item(2, canEndorse: true), Item(3)],
            "You have one endorsement on panel b: it moved from Maria Santos to Ravi Kumar.",
            "You endorse one proposal on this panel.",
            false,
            "https://gcmbot.example.org/panels"), culture));
        yield return new CardSample(SampleLanguages.Name("panel-browse-empty", culture), PanelCards.Panel(new PanelProposalsModel(
            false, 'a', "Panel a", [], null, null, false, null), culture));
        yield return new CardSample(SampleLanguages.Name("panel-review", culture), PanelCards.Panel(new PanelProposalsModel(
            true,
            'b',
            "Panel b: Protecting migrants through rights-based border governance measures",
            [Item(1, balance: true, decisions: [PanelVerbs.Unselect]), Item(2, balance: true, decisions: [PanelVerbs.Shortlist, PanelVerbs.Select])],
            "Maria Santos is selected for panel b.",
            "Most endorsed first.",
            true,
            null), culture));
        yield return new CardSample(SampleLanguages.Name("panel-mine", culture), PanelCards.Mine(new MyProposalsModel([Item(1, balance: true, canWithdraw: true), Item(2, canWithdraw: true)], null), culture));
        yield return new CardSample(SampleLanguages.Name("panel-mine-empty", culture), PanelCards.Mine(new MyProposalsModel([], "Your proposal of Maria Santos is withdrawn."), culture));
        yield return new CardSample(SampleLanguages.Name("panel-notice", culture), PanelCards.Notice(new PanelNoticeModel(
            "Panel b: your nominee Maria Santos is selected", "The organisers selected your nominee.", Item(1), "https://gcmbot.example.org/panels"), culture));
        yield return new CardSample(SampleLanguages.Name("panel-register-first", culture), PanelCards.RegisterFirst(culture));
    }

    private static PanelFormModel Form(IReadOnlyDictionary<string, string?> values, IReadOnlyDictionary<string, string> errors, string? notice) => new(
        "0123456789abcdef",
        values,
        errors,
        GcmReference.Themes.Select(t => new Choice(t.Label, t.Code.ToString())).ToList(),
        StakeholderReference.Groups.Select(g => new Choice(g.Label, g.Code)).ToList(),
        StakeholderReference.Countries.Select(c => new Choice(c.Name, c.Code)).ToList(),
        notice,
        100,
        150,
        500,
        200,
        1000,
        254);

    private static ProposalItem Item(int id, bool endorsed = false, bool canEndorse = false, bool canWithdraw = false, bool balance = false, IReadOnlyList<string>? decisions = null) => new(
        id,
        2,
        'b',
        id == 3 ? SubmissionsCardSamples.Hostile : "Maria Santos",
        "Open for endorsements",
        id == 1 ? ProposalTone.Good : ProposalTone.Neutral,
        [new Fact("Organisation", "Lawyers Beyond Borders"), new Fact("Stakeholder group", "Civil society organisations"), new Fact("Country", "Philippines"), new Fact("Expertise", new string('e', 500)), new Fact("Languages", "English, Tagalog")],
        new string('x', 1000),
        "3 endorsements",
        balance
            ? [new Fact("By stakeholder group", "Civil society organisations: 2 of 3, 67%; Academia and research: 1 of 3, 33%"), new Fact("By gender", "Woman: 3 of 3, 100%")]
            : [],
        endorsed,
        canEndorse,
        canWithdraw,
        decisions);
}
