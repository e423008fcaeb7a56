using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Help;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Panels;

/// <summary>How a proposal's status line is coloured.</summary>
public enum ProposalTone { Neutral, Accent, Good }

/// <summary>
/// One proposal as a card shows it. Every string is plain text (people's text included): the cards escape it.
/// </summary>
/// <param name="Panel">The panel's code, a–d.</param>
/// <param name="Status">"Open for endorsements", "Shortlisted", "Selected and published", …</param>
/// <param name="Facts">Organisation, group, country, expertise, languages.</param>
/// <param name="Endorsements">"3 endorsements".</param>
/// <param name="Balance">The endorsers' balance (group, subregion, gender) for those who may see it; empty otherwise.</param>
/// <param name="EndorsedByViewer">The person looking endorses this proposal.</param>
/// <param name="CanEndorse">The person looking may endorse it (registered, not their own, not endorsed yet).</param>
/// <param name="Decisions">Organisers' decisions open on it (<see cref="PanelVerbs.Shortlist"/>, …).</param>
public sealed record ProposalItem(
    int Id,
    int Version,
    char Panel,
    string NomineeName,
    string Status,
    ProposalTone Tone,
    IReadOnlyList<Fact> Facts,
    string Position,
    string Endorsements,
    IReadOnlyList<Fact> Balance,
    bool EndorsedByViewer = false,
    bool CanEndorse = false,
    bool CanWithdraw = false,
    IReadOnlyList<string>? Decisions = null);

/// <summary>One panel on the overview: its title, a line of figures, and the button that opens it.</summary>
public sealed record PanelRow(char Code, string Title, string Summary);

/// <summary>The four panels: to browse and endorse, or (organisers) to review.</summary>
public sealed record PanelsOverviewModel(bool ForOrganisers, IReadOnlyList<PanelRow> Panels, string? Banner, string? PublicPageUrl);

/// <summary>One panel's proposals, to endorse (stakeholders) or to decide and publish (organisers).</summary>
/// <param name="CanPublish">Organisers: the panel has a selection to publish.</param>
public sealed record PanelProposalsModel(
    bool ForOrganisers,
    char Panel,
    string PanelTitle,
    IReadOnlyList<ProposalItem> Items,
    string? Banner,
    string? Explanation,
    bool CanPublish,
    string? PublicPageUrl);

/// <summary>A person's own proposals, with endorsements and their balance.</summary>
public sealed record MyProposalsModel(IReadOnlyList<ProposalItem> Items, string? Banner);

/// <summary>News about one proposal: received, or (proactively) the organisers' published selection.</summary>
public sealed record PanelNoticeModel(string Heading, string Message, ProposalItem? Item, string? PublicPageUrl);

/// <summary>The panel cards: overview, one panel, one's own proposals, notices.</summary>
public static class PanelCards
{
    public static AdaptiveCard Overview(PanelsOverviewModel model, CultureInfo culture)
    {
        var t = TextResources.For<PanelsCardTexts>(culture);
        var body = new List<CardElement>
        {
            Heading(t[model.ForOrganisers ? "Overview.Review.Heading" : "Overview.Heading"]),
            new TextBlock(t[model.ForOrganisers ? "Overview.Review.Intro" : "Overview.Intro"]) { Spacing = Spacing.Small },
        };
        AddBanner(body, model.Banner);
        foreach (var panel in model.Panels)
        {
            body.Add(new Container(
            [
                new TextBlock(MarkdownText.Escape(panel.Title)) { Weight = TextWeight.Bolder },
                new TextBlock(MarkdownText.Escape(panel.Summary)) { IsSubtle = true, Spacing = Spacing.None },
                new ActionSet(
                [
                    new SubmitAction(CardActionData.For(model.ForOrganisers ? PanelVerbs.Review : PanelVerbs.Browse, (PanelVerbs.Panel, panel.Code.ToString())))
                    {
                        Title = t[model.ForOrganisers ? "Overview.Review.Open" : "Overview.Open", panel.Code.ToString()],
                    },
                ]),
            ]) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium });
        }

        var actions = new List<CardAction>();
        if (!model.ForOrganisers)
        {
            actions.Add(HelpCard.RunCommandButton("propose panellist", t["Propose"]));
            actions.Add(HelpCard.RunCommandButton("my panel proposals", t["MyProposals"]));
        }

        AddPublicPage(actions, model.PublicPageUrl, culture, t);
        return new AdaptiveCard(body) { Actions = actions, FallbackText = t["Overview.Heading"], Lang = SupportedLanguages.TagOf(culture) };
    }

    public static AdaptiveCard Panel(PanelProposalsModel model, CultureInfo culture)
    {
        var t = TextResources.For<PanelsCardTexts>(culture);
        var body = new List<CardElement> { Heading(MarkdownText.Escape(model.PanelTitle)) };
        AddBanner(body, model.Banner);
        if (model.Explanation is not null)
        {
            body.Add(new TextBlock(MarkdownText.Escape(model.Explanation)) { IsSubtle = true, Spacing = Spacing.Small });
        }

        if (model.Items.Count == 0)
        {
            body.Add(new TextBlock(t["Panel.None"]));
        }

        foreach (var item in model.Items)
        {
            body.Add(Item(t, item, model.ForOrganisers ? DecisionButtons(t, item) : EndorseButtons(t, item)));
        }

        var actions = new List<CardAction>();
        if (model.ForOrganisers)
        {
            if (model.CanPublish)
            {
                actions.Add(new SubmitAction(CardActionData.For(PanelVerbs.Publish, (PanelVerbs.Panel, model.Panel.ToString())))
                {
                    Title = t["Panel.Publish"],
                    Style = ActionStyle.Positive,
                });
            }

            actions.Add(HelpCard.RunCommandButton("panel review", t["Panel.AllPanels"]));
        }
        else
        {
            actions.Add(HelpCard.RunCommandButton($"propose panellist {model.Panel}", t["Propose"]));
            actions.Add(HelpCard.RunCommandButton("panels", t["Panel.AllPanels"]));
        }

        AddPublicPage(actions, model.PublicPageUrl, culture, t);
        return new AdaptiveCard(body) { Actions = actions, FallbackText = model.PanelTitle, Lang = SupportedLanguages.TagOf(culture) };
    }

    public static AdaptiveCard Mine(MyProposalsModel model, CultureInfo culture)
    {
        var t = TextResources.For<PanelsCardTexts>(culture);
        var body = new List<CardElement> { Heading(t["Mine.Heading"]) };
        AddBanner(body, model.Banner);
        if (model.Items.Count == 0)
        {
            body.Add(new TextBlock(t["Mine.None"]));
        }
        else
        {
            body.Add(new TextBlock(t["Mine.Explain"]) { IsSubtle = true, Spacing = Spacing.Small });
        }

        foreach (var item in model.Items)
        {
            body.Add(Item(t, item, WithdrawButtons(t, item)));
        }

        return new AdaptiveCard(body)
        {
            Actions = [HelpCard.RunCommandButton("propose panellist", t["Propose"]), HelpCard.RunCommandButton("panels", t["Panel.AllPanels"])],
            FallbackText = t["Mine.Heading"],
            Lang = SupportedLanguages.TagOf(culture),
        };
    }

    public static AdaptiveCard Notice(PanelNoticeModel model, CultureInfo culture)
    {
        var t = TextResources.For<PanelsCardTexts>(culture);
        var body = new List<CardElement>
        {
            Heading(MarkdownText.Escape(model.Heading)),
            new TextBlock(MarkdownText.Escape(model.Message)) { Spacing = Spacing.Small },
        };
        if (model.Item is not null)
        {
            body.Add(Item(t, model.Item, []));
        }

        var actions = new List<CardAction>
        {
            HelpCard.RunCommandButton("my panel proposals", t["MyProposals"]),
            HelpCard.RunCommandButton("panels", t["Panel.AllPanels"]),
        };
        AddPublicPage(actions, model.PublicPageUrl, culture, t);
        return new AdaptiveCard(body) { Actions = actions, FallbackText = model.Heading, Lang = SupportedLanguages.TagOf(culture) };
    }

    /// <summary>For someone who has not registered yet: why, and the button that starts the registration.</summary>
    public static AdaptiveCard RegisterFirst(CultureInfo culture)
    {
        var t = TextResources.For<PanelsCardTexts>(culture);
        return new AdaptiveCard([new TextBlock(t["RegisterFirst"])])
        {
            Actions = [HelpCard.RunCommandButton("register", t["Register"])],
            FallbackText = t["RegisterFirst"],
            Lang = SupportedLanguages.TagOf(culture),
        };
    }

    private static CardElement Heading(string text) => new TextBlock(text) { Size = TextSize.Medium, Weight = TextWeight.Bolder };

    private static void AddBanner(List<CardElement> body, string? banner)
    {
        if (banner is not null)
        {
            body.Add(new TextBlock(MarkdownText.Escape(banner)) { Color = TextColor.Good, Weight = TextWeight.Bolder });
        }
    }

    private static void AddPublicPage(List<CardAction> actions, string? url, CultureInfo culture, TextResources t)
    {
        if (url is not null)
        {
            var tag = SupportedLanguages.TagOf(culture);
            actions.Add(new OpenUrlAction(tag == "en" ? url : $"{url}?lang={tag}") { Title = t["PublicPage"] });
        }
    }

    private static Container Item(TextResources t, ProposalItem item, IReadOnlyList<CardAction> actions)
    {
        var items = new List<CardElement>
        {
            new TextBlock(MarkdownText.Escape(item.NomineeName)) { Weight = TextWeight.Bolder },
            new TextBlock(MarkdownText.Escape(item.Status + " · " + item.Endorsements))
            {
                Color = item.Tone switch { ProposalTone.Good => TextColor.Good, ProposalTone.Accent => TextColor.Accent, _ => TextColor.Default },
                Size = TextSize.Small,
                Weight = TextWeight.Bolder,
                Spacing = Spacing.None,
            },
            new FactSet(item.Facts.Select(f => new Fact(f.Title, MarkdownText.Escape(f.Value))).ToList()) { Spacing = Spacing.Small },
            new TextBlock(t["Item.Position"]) { Weight = TextWeight.Bolder, Size = TextSize.Small },
            new TextBlock(MarkdownText.Escape(item.Position)) { Spacing = Spacing.None, MaxLines = 8 },
        };
        if (item.Balance.Count > 0)
        {
            items.Add(new TextBlock(t["Item.Balance"]) { Weight = TextWeight.Bolder, Size = TextSize.Small });
            items.Add(new FactSet(item.Balance.Select(f => new Fact(f.Title, MarkdownText.Escape(f.Value))).ToList()) { Spacing = Spacing.None });
        }

        if (actions.Count > 0)
        {
            items.Add(new ActionSet(actions));
        }

        return new Container(items) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium };
    }

    private static IReadOnlyList<CardAction> EndorseButtons(TextResources t, ProposalItem item)
    {
        if (item.EndorsedByViewer)
        {
            return [new SubmitAction(CardActionData.For(PanelVerbs.Unendorse, (PanelVerbs.Panel, item.Panel.ToString()))) { Title = t["Item.Unendorse"] }];
        }

        return item.CanEndorse
            ? [new SubmitAction(CardActionData.For(PanelVerbs.Endorse, (PanelVerbs.Id, item.Id.ToString(CultureInfo.InvariantCulture)))) { Title = t["Item.Endorse"], Style = ActionStyle.Positive }]
            : [];
    }

    private static IReadOnlyList<CardAction> WithdrawButtons(TextResources t, ProposalItem item)
    {
        if (!item.CanWithdraw)
        {
            return [];
        }

        var confirm = new AdaptiveCard([new TextBlock(t["Item.Withdraw.Confirm"])])
        {
            Actions =
            [
                new SubmitAction(CardActionData.For(PanelVerbs.Withdraw, (PanelVerbs.Id, item.Id.ToString(CultureInfo.InvariantCulture))))
                {
                    Title = t["Item.Withdraw.Yes"],
                    Style = ActionStyle.Destructive,
                },
            ],
        };
        return [new ShowCardAction(confirm) { Title = t["Item.Withdraw"] }];
    }

    private static IReadOnlyList<CardAction> DecisionButtons(TextResources t, ProposalItem item) =>
        (item.Decisions ?? []).Select(decision => (CardAction)new SubmitAction(CardActionData.For(
            PanelVerbs.Decide,
            (PanelVerbs.Id, item.Id.ToString(CultureInfo.InvariantCulture)),
            (PanelVerbs.Version, item.Version.ToString(CultureInfo.InvariantCulture)),
            (PanelVerbs.Decision, decision)))
        {
            Title = t[$"Decision.{decision}"],
            Style = decision == PanelVerbs.Select ? ActionStyle.Positive : ActionStyle.Default,
        }).ToList();
}
