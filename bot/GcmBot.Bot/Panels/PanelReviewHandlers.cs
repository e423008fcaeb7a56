using System.Globalization;
using GcmBot.Bot.Languages;
using GcmBot.Bot.Participants;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Outbound;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Panels;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.Panels;

/// <summary><c>panel review [panel]</c> (organisers): the four panels, or one panel's proposals to decide on.</summary>
public sealed class PanelReviewCommand(PanelStore store, PanelPages pages) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        if (PanelRules.ParsePanel(input.Arguments) is { } panel)
        {
            await turn.SendCardAsync(await pages.PanelAsync(turn, panel, PanelViewer.Organiser, null, cancellationToken), cancellationToken);
            return;
        }

        var banner = string.IsNullOrWhiteSpace(input.Arguments) ? null : pages.Views.Texts["UnknownPanel"].Value;
        var counts = await store.CountsAsync(cancellationToken);
        await turn.SendCardAsync(pages.Views.Overview(turn.Culture, counts, forOrganisers: true, banner), cancellationToken);
    }
}

/// <summary>Organisers: one panel's proposals (from the overview's buttons).</summary>
public sealed class ReviewPanelAction(PanelPages pages) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken) =>
        PanelRules.ParsePanel(input.Text(PanelVerbs.Panel)) is { } panel
            ? CardActionResult.ReplaceCard(await pages.PanelAsync(turn, panel, PanelViewer.Organiser, null, cancellationToken))
            : CardActionResult.Message(pages.Views.Texts["UnknownPanel"]);
}

/// <summary>Organisers: shortlist, select, undo, on the version they saw.</summary>
public sealed partial class DecideProposalAction(PanelStore store, PanelPages pages, IOptions<PanelOptions> options, ILogger<DecideProposalAction> logger) : ICardActionHandler
{
    private static readonly IReadOnlyDictionary<string, PanelDecision> Decisions = new Dictionary<string, PanelDecision>
    {
        [PanelVerbs.Shortlist] = PanelDecision.Shortlist,
        [PanelVerbs.Select] = PanelDecision.Select,
        [PanelVerbs.Unselect] = PanelDecision.Unselect,
        [PanelVerbs.Unshortlist] = PanelDecision.Unshortlist,
    };

    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (!PanelInputs.TryNumber(input.Text(PanelVerbs.Id), out var id) ||
            !PanelInputs.TryNumber(input.Text(PanelVerbs.Version), out var version) ||
            input.Text(PanelVerbs.Decision) is not { } code ||
            !Decisions.TryGetValue(code, out var decision))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var texts = pages.Views.Texts;
        var result = await store.DecideAsync(id, version, decision, options.Value.MaxSelectedPerPanel, cancellationToken);
        if (result.Proposal is not { } p)
        {
            return CardActionResult.Message(texts["NoSuchProposal"]);
        }

        var banner = result.Outcome switch
        {
            PanelOutcome.Done => texts[$"Decided.{decision}", p.NomineeName, p.Panel],
            PanelOutcome.Repeated => texts["DecidedAlready", p.NomineeName],
            PanelOutcome.PanelFull => texts["PanelFull", options.Value.MaxSelectedPerPanel, p.Panel],
            PanelOutcome.Stale => texts["ChangedMeanwhile", p.NomineeName],
            _ => texts["NotPossibleNow", p.NomineeName],
        };
        if (result.Outcome == PanelOutcome.Done)
        {
            LogDecided(logger, id, decision);
        }

        return CardActionResult.ReplaceCard(await pages.PanelAsync(turn, p.Panel[0], PanelViewer.Organiser, banner, cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Panellist proposal {ProposalId}: {Decision}")]
    private static partial void LogDecided(ILogger logger, int proposalId, PanelDecision decision);
}

/// <summary>Organisers: publish a panel's selection; the people concerned are told in their own chat and language.</summary>
public sealed partial class PublishPanelAction(PanelStore store, PanelPages pages, PanelNotifier notifier, ILogger<PublishPanelAction> logger) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (PanelRules.ParsePanel(input.Text(PanelVerbs.Panel)) is not { } panel)
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var texts = pages.Views.Texts;
        var result = await store.PublishAsync(panel, cancellationToken);
        string banner;
        if (result.NothingSelected)
        {
            banner = texts["NothingSelected", panel.ToString()];
        }
        else if (result.NewlyPublished.Count == 0)
        {
            banner = texts["PublishedAlready", panel.ToString()];
        }
        else
        {
            var told = await notifier.NotifyAsync(result, cancellationToken);
            LogPublished(logger, result.NewlyPublished.Count, told);
            banner = texts["Published", panel.ToString(), told];
        }

        return CardActionResult.ReplaceCard(await pages.PanelAsync(turn, panel, PanelViewer.Organiser, banner, cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Panel selection published: {Count} panellists, {Told} people being told")]
    private static partial void LogPublished(ILogger logger, int count, int told);
}

/// <summary>
/// Tells the people concerned by a published selection, each in their own language whoever published: the proposers
/// (selected or not) and the selected nominees who use GcmBot. Each notice is queued once: its key holds the version.
/// </summary>
public sealed class PanelNotifier(
    INotificationQueue queue,
    LanguageStore languages,
    PanelViews views,
    PanelStore store,
    IServiceProvider services)
{
    /// <summary>Queues the notices; returns how many people are being told.</summary>
    public async Task<int> NotifyAsync(PublishResult result, CancellationToken cancellationToken)
    {
        var told = 0;
        foreach (var p in result.NewlyPublished)
        {
            var nominee = p.NomineeUserId ?? await FindNomineeAsync(p, cancellationToken);
            told += await TellAsync(p.ProposerId, p, "Notice.Selected", $"panel-selected:{Key(p)}", cancellationToken);
            if (nominee is not null && nominee != p.ProposerId)
            {
                told += await TellAsync(nominee, p, "Notice.Nominee", $"panel-nominee:{Key(p)}", cancellationToken);
            }
        }

        foreach (var p in result.NotSelected)
        {
            told += await TellAsync(p.ProposerId, p, "Notice.NotSelected", $"panel-not-selected:{Key(p)}", cancellationToken);
        }

        return told;
    }

    private static string Key(PanelProposal p) =>
        p.Id.ToString(CultureInfo.InvariantCulture) + ":v" + p.Version.ToString(CultureInfo.InvariantCulture);

    private async Task<int> TellAsync(string personId, PanelProposal p, string kind, string key, CancellationToken cancellationToken)
    {
        var culture = await languages.OfPersonAsync(personId, cancellationToken);
        using var scope = LanguageScope.Use(culture);
        var texts = views.Texts;
        var title = views.PanelTitle(p.Panel[0]);
        var (heading, message) = kind switch
        {
            "Notice.Selected" => (texts["Notice.Selected.Heading", p.Panel, p.NomineeName].Value,
                texts[p.NamedWithConsent ? "Notice.Selected.Named" : "Notice.Selected.Unnamed", title].Value),
            "Notice.Nominee" => (texts["Notice.Nominee.Heading", p.Panel].Value,
                texts[p.NamedWithConsent ? "Notice.Nominee.Named" : "Notice.Nominee.Unnamed", title].Value),
            _ => (texts["Notice.NotSelected.Heading", p.Panel].Value, texts["Notice.NotSelected.Message", p.NomineeName].Value),
        };
        var card = views.Notice(culture, heading, message, kind == "Notice.Nominee" ? null : new ProposalStanding(p, []), personId);
        var status = await queue.EnqueueToPersonAsync(personId, new OutboundContent(heading, card), key, cancellationToken);
        return status == OutboundStatus.Unreachable ? 0 : 1;
    }

    private async Task<string?> FindNomineeAsync(PanelProposal p, CancellationToken cancellationToken)
    {
        if (p.NomineeEmail is null || services.GetService<IRegisteredStakeholders>() is not { } stakeholders)
        {
            return null;
        }

        var match = (await stakeholders.AllStakeholdersAsync(cancellationToken))
            .FirstOrDefault(s => string.Equals(s.Email, p.NomineeEmail, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            await store.SetNomineeUserAsync(p.Id, match.UserStableId, cancellationToken);
        }

        return match?.UserStableId;
    }
}
