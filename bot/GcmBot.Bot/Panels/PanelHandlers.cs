using System.Globalization;
using System.Text.RegularExpressions;
using GcmBot.Bot.Participants;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Panels;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.Panels;

/// <summary>Reading the panel cards' data; shared by the handlers.</summary>
internal static partial class PanelInputs
{
    /// <summary>Ids the form puts in its data: short, so nothing oversized or odd reaches the database.</summary>
    [GeneratedRegex("^[A-Za-z0-9-]{8,64}$")]
    public static partial Regex SubmitKey();

    public static bool TryNumber(string? text, out int number) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;
}

/// <summary>What the stakeholder handlers share: who may take part, and one panel's card for a person.</summary>
public sealed class PanelPages(PanelStore store, PanelViews views, IParticipantDirectory participants)
{
    public PanelViews Views => views;

    public Task<ParticipantProfile?> RegisteredAsync(BotTurn turn, CancellationToken cancellationToken) =>
        participants.FindAsync(turn.User.StableId, cancellationToken);

    public async Task<Cards.AdaptiveCards.AdaptiveCard> PanelAsync(BotTurn turn, char panel, PanelViewer viewer, string? banner, CancellationToken cancellationToken)
    {
        var standings = await store.PanelAsync(panel, cancellationToken);
        var endorsed = viewer == PanelViewer.Organiser ? null : await store.EndorsedByAsync(turn.User.StableId, panel, cancellationToken);

        // Profiles are read for the balance only where the viewer may see one (their own proposals, or organisers).
        var needed = standings
            .Where(s => viewer == PanelViewer.Organiser || s.Proposal.ProposerId == turn.User.StableId)
            .SelectMany(s => s.EndorserIds)
            .Distinct()
            .ToList();
        var profiles = needed.Count == 0 ? new Dictionary<string, ParticipantProfile>() : await participants.FindManyAsync(needed, cancellationToken);
        return views.Panel(turn.Culture, panel, standings, viewer, turn.User.StableId, endorsed, profiles, banner);
    }

    public async Task<Cards.AdaptiveCards.AdaptiveCard> MineAsync(BotTurn turn, string? banner, CancellationToken cancellationToken)
    {
        var mine = await store.MineAsync(turn.User.StableId, cancellationToken);
        var ids = mine.SelectMany(s => s.EndorserIds).Distinct().ToList();
        var profiles = ids.Count == 0 ? new Dictionary<string, ParticipantProfile>() : await participants.FindManyAsync(ids, cancellationToken);
        return views.Mine(turn.Culture, mine, profiles, turn.User.StableId, banner);
    }
}

/// <summary><c>propose panellist [panel]</c>: the form, for registered stakeholders.</summary>
public sealed class ProposePanellistCommand(PanelPages pages) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        if (await pages.RegisteredAsync(turn, cancellationToken) is null)
        {
            await turn.SendCardAsync(PanelCards.RegisterFirst(turn.Culture), cancellationToken);
            return;
        }

        var panel = PanelRules.ParsePanel(input.Arguments);
        var notice = panel is null && !string.IsNullOrWhiteSpace(input.Arguments) ? pages.Views.Texts["UnknownPanel.OnForm"].Value : null;
        var values = new Dictionary<string, string?> { [PanelFormCard.Panel] = panel?.ToString() };
        await turn.SendCardAsync(pages.Views.Form(turn.Culture, Guid.NewGuid().ToString("N"), values, notice: notice), cancellationToken);
    }
}

/// <summary>The form's Send: a new proposal, replaced by its confirmation.</summary>
public sealed partial class SaveProposalAction(
    PanelStore store,
    PanelPages pages,
    IOptions<PanelOptions> options,
    IServiceProvider services,
    ILogger<SaveProposalAction> logger) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var views = pages.Views;
        var key = input.Text(PanelVerbs.SubmitKey);
        if (key is null || !PanelInputs.SubmitKey().IsMatch(key))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        // Checked again here, not only when the form was shown: a form can outlive a registration.
        if (await pages.RegisteredAsync(turn, cancellationToken) is null)
        {
            await turn.SendCardAsync(PanelCards.RegisterFirst(turn.Culture), cancellationToken);
            return CardActionResult.Done;
        }

        var form = PanelViews.ReadForm(input.Text);
        var check = PanelRules.Check(form);
        if (!check.IsValid)
        {
            return CardActionResult.ReplaceCard(views.Form(turn.Culture, key, PanelViews.ValuesOf(form), check.Problems));
        }

        var result = await store.ProposeAsync(key, turn.User.StableId, check.Content!, options.Value.MaxProposalsPerPersonPerPanel, cancellationToken);
        switch (result.Outcome)
        {
            case PanelOutcome.Done:
                LogProposed(logger, result.Proposal!.Id);
                await FindNomineeAsync(result.Proposal, cancellationToken);
                return Received(turn, result.Proposal, views.Texts["Received.Heading"], views.Texts["Received.Message", result.Proposal.Panel]);
            case PanelOutcome.Repeated:
                return Received(turn, result.Proposal!, views.Texts["Received.Heading"], views.Texts["Received.Already"]);
            case PanelOutcome.TooMany:
                return CardActionResult.ReplaceCard(views.Form(
                    turn.Culture, key, PanelViews.ValuesOf(form), notice: views.Texts["TooMany", options.Value.MaxProposalsPerPersonPerPanel, check.Content!.Panel.ToString()]));
            default:
                return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }
    }

    private CardActionResult Received(BotTurn turn, PanelProposal proposal, string heading, string message) =>
        CardActionResult.ReplaceCard(pages.Views.Notice(turn.Culture, heading, message, new ProposalStanding(proposal, []), turn.User.StableId));

    /// <summary>When the nominee is a registered GcmBot user (by e-mail), they can be told in their own chat later.</summary>
    private async Task FindNomineeAsync(PanelProposal proposal, CancellationToken cancellationToken)
    {
        if (proposal.NomineeEmail is null || services.GetService<IRegisteredStakeholders>() is not { } stakeholders)
        {
            return;
        }

        var all = await stakeholders.AllStakeholdersAsync(cancellationToken);
        var match = all.FirstOrDefault(s => string.Equals(s.Email, proposal.NomineeEmail, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            await store.SetNomineeUserAsync(proposal.Id, match.UserStableId, cancellationToken);
            proposal.NomineeUserId = match.UserStableId;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Panellist proposal {ProposalId} received")]
    private static partial void LogProposed(ILogger logger, int proposalId);
}

/// <summary><c>panels [panel]</c>: the four panels, or one panel's proposals to endorse.</summary>
public sealed class PanelsCommand(PanelStore store, PanelPages pages) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        if (PanelRules.ParsePanel(input.Arguments) is { } panel)
        {
            await turn.SendCardAsync(await pages.PanelAsync(turn, panel, PanelViewer.Stakeholder, null, cancellationToken), cancellationToken);
            return;
        }

        var banner = string.IsNullOrWhiteSpace(input.Arguments) ? null : pages.Views.Texts["UnknownPanel"].Value;
        var counts = await store.CountsAsync(cancellationToken);
        await turn.SendCardAsync(pages.Views.Overview(turn.Culture, counts, forOrganisers: false, banner), cancellationToken);
    }
}

/// <summary>A panel's proposals (from the overview's buttons).</summary>
public sealed class BrowsePanelAction(PanelPages pages) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken) =>
        PanelRules.ParsePanel(input.Text(PanelVerbs.Panel)) is { } panel
            ? CardActionResult.ReplaceCard(await pages.PanelAsync(turn, panel, PanelViewer.Stakeholder, null, cancellationToken))
            : CardActionResult.Message(pages.Views.Texts["UnknownPanel"]);
}

/// <summary>Endorse: one endorsement per person and panel; endorsing another proposal moves it, and says so.</summary>
public sealed partial class EndorseAction(PanelStore store, PanelPages pages, ILogger<EndorseAction> logger) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (!PanelInputs.TryNumber(input.Text(PanelVerbs.Id), out var id))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        if (await pages.RegisteredAsync(turn, cancellationToken) is null)
        {
            await turn.SendCardAsync(PanelCards.RegisterFirst(turn.Culture), cancellationToken);
            return CardActionResult.Done;
        }

        var texts = pages.Views.Texts;
        var result = await store.EndorseAsync(turn.User.StableId, id, cancellationToken);
        if (result.Outcome == EndorseOutcome.NotFound)
        {
            return CardActionResult.Message(texts["NoLongerOpen"]);
        }

        var p = result.Proposal!;
        var banner = result.Outcome switch
        {
            EndorseOutcome.Endorsed => texts["Endorsed", p.NomineeName, p.Panel],
            EndorseOutcome.Moved => texts["Moved", p.Panel, result.MovedFrom?.NomineeName ?? texts["AnotherProposal"], p.NomineeName],
            EndorseOutcome.OwnProposal => texts["OwnProposal"],
            _ => texts["AlreadyEndorsed", p.NomineeName],
        };
        if (result.Outcome is EndorseOutcome.Endorsed or EndorseOutcome.Moved)
        {
            LogEndorsed(logger, p.Id, result.Outcome);
        }

        return CardActionResult.ReplaceCard(await pages.PanelAsync(turn, p.Panel[0], PanelViewer.Stakeholder, banner, cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Panellist proposal {ProposalId} endorsement: {Outcome}")]
    private static partial void LogEndorsed(ILogger logger, int proposalId, EndorseOutcome outcome);
}

/// <summary>Take one's endorsement on a panel back.</summary>
public sealed class UnendorseAction(PanelStore store, PanelPages pages) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (PanelRules.ParsePanel(input.Text(PanelVerbs.Panel)) is not { } panel)
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var removed = await store.UnendorseAsync(turn.User.StableId, panel, cancellationToken);
        var banner = pages.Views.Texts[removed ? "Unendorsed" : "NothingToUnendorse", panel.ToString()];
        return CardActionResult.ReplaceCard(await pages.PanelAsync(turn, panel, PanelViewer.Stakeholder, banner, cancellationToken));
    }
}

/// <summary><c>my panel proposals</c>: one's own proposals with their endorsements (count and balance, no names).</summary>
public sealed class MyPanelProposalsCommand(PanelPages pages) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken) =>
        await turn.SendCardAsync(await pages.MineAsync(turn, null, cancellationToken), cancellationToken);
}

/// <summary>Withdraw one's proposal (after the card's confirmation).</summary>
public sealed class WithdrawProposalAction(PanelStore store, PanelPages pages) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (!PanelInputs.TryNumber(input.Text(PanelVerbs.Id), out var id))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var result = await store.WithdrawAsync(id, turn.User.StableId, cancellationToken);
        if (result.Outcome == PanelOutcome.NotFound)
        {
            return CardActionResult.Message(pages.Views.Texts["NotYours"]);
        }

        var banner = pages.Views.Texts[result.Outcome == PanelOutcome.Done ? "Withdrawn" : "AlreadyWithdrawn", result.Proposal!.NomineeName];
        return CardActionResult.ReplaceCard(await pages.MineAsync(turn, banner, cancellationToken));
    }
}
