using System.Globalization;
using System.Text.RegularExpressions;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Participants;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.SideEvents;

namespace GcmBot.Bot.SideEvents;

/// <summary>Reading the proposal forms' data; shared by the handlers.</summary>
internal static partial class SideEventInputs
{
    /// <summary>Ids the forms put in their data: short, so nothing oversized or odd reaches the database.</summary>
    [GeneratedRegex("^[A-Za-z0-9-]{8,64}$")]
    public static partial Regex SubmitKey();

    public static bool TryNumber(string? text, out int number) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;

    public static SideEventInput ReadForm(CardActionInput input) => new(
        input.Text(SideEventFormCard.Title),
        input.Text(SideEventFormCard.Organisers),
        input.Text(SideEventFormCard.CoOrganisers),
        input.Text(SideEventFormCard.Partner),
        input.Text(SideEventFormCard.Theme),
        input.Text(SideEventFormCard.Objectives),
        input.Text(SideEventFormCard.Format),
        input.Text(SideEventFormCard.Venue),
        input.Text(SideEventFormCard.Date),
        input.Text(SideEventFormCard.StartTime),
        input.Text(SideEventFormCard.EndTime),
        input.Text(SideEventFormCard.ExpectedSize),
        input.Text(SideEventFormCard.Accessibility),
        input.Text(SideEventFormCard.AccessibilityNote),
        input.Text(SideEventFormCard.Description),
        input.Text(SideEventFormCard.ContactEmail),
        input.Text(SideEventFormCard.ContactConsent));
}

/// <summary><c>propose side event</c>: the form, for registered stakeholders.</summary>
public sealed class ProposeSideEventCommand(IParticipantDirectory participants, SideEventViews views, TimeProvider time) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var profile = await participants.FindAsync(turn.User.StableId, cancellationToken);
        if (profile is null)
        {
            await turn.SendTextAsync(views.Texts["RegisterFirst"], cancellationToken);
            return;
        }

        var values = new Dictionary<string, string?> { [SideEventFormCard.Organisers] = profile.Organisation };
        await turn.SendCardAsync(
            views.Form(turn.Culture, Guid.NewGuid().ToString("N"), null, values, turn.TimeZone, time.GetUtcNow()),
            cancellationToken);
    }
}

/// <summary><c>my side events</c>: the person's own proposals.</summary>
public sealed class MySideEventsCommand(SideEventStore store, SideEventViews views) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var page = await store.MineAsync(turn.User.StableId, 0, SideEventViews.MinePageSize, cancellationToken);
        await turn.SendCardAsync(views.Mine(turn.Culture, page, null, turn.TimeZone), cancellationToken);
    }
}

/// <summary>The form's Send: a new proposal, or a revision of one.</summary>
public sealed partial class SaveSideEventAction(
    SideEventStore store,
    SideEventViews views,
    IParticipantDirectory participants,
    TimeProvider time,
    ILogger<SaveSideEventAction> logger) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var form = SideEventInputs.ReadForm(input);
        var now = time.GetUtcNow();
        var zone = SideEventViews.ZoneOf(turn.TimeZone);
        if (input.Text(SideEventVerbs.Id) is { } idText)
        {
            return SideEventInputs.TryNumber(idText, out var id) && SideEventInputs.TryNumber(input.Text(SideEventVerbs.Version), out var version)
                ? await ReviseAsync(turn, id, version, form, zone, now, cancellationToken)
                : CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var key = input.Text(SideEventVerbs.SubmitKey);
        if (key is null || !SideEventInputs.SubmitKey().IsMatch(key))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        // Checked again here, not only when the form was shown: a form can outlive a registration.
        var profile = await participants.FindAsync(turn.User.StableId, cancellationToken);
        if (profile is null)
        {
            return CardActionResult.Message(views.Texts["RegisterFirst"]);
        }

        var check = SideEventRules.Check(form, zone, now);
        if (!check.IsValid)
        {
            return CardActionResult.ReplaceCard(views.Form(turn.Culture, key, null, SideEventViews.ValuesOf(form), turn.TimeZone, now, check.Problems));
        }

        var name = TypedText.SingleLine(profile.DisplayName);
        var proposer = new SideEventProposer(turn.User.StableId, name.Length <= SideEventRules.MaxNameLength ? name : name[..SideEventRules.MaxNameLength]);
        var result = await store.CreateAsync(key, proposer, check.Content!, cancellationToken);
        if (result.Outcome == SideEventOutcome.Done)
        {
            LogReceived(logger, result.Proposal!.Id);
        }

        return result.Outcome switch
        {
            SideEventOutcome.Done or SideEventOutcome.Repeated => CardActionResult.ReplaceCard(views.Notice(
                turn.Culture,
                views.Texts["Received.Heading", result.Proposal!.Id],
                views.Texts["Received.Message"],
                result.Proposal,
                turn.TimeZone)),
            SideEventOutcome.TooMany => CardActionResult.Message(views.Texts["TooMany", SideEventRules.MaxOpenPerPerson]),
            _ => CardActionResult.Message(CardActionDispatcher.OutdatedCardText),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Side event proposal {ProposalId} received")]
    private static partial void LogReceived(ILogger logger, int proposalId);

    private async Task<CardActionResult> ReviseAsync(
        BotTurn turn, int id, int version, SideEventInput form, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var check = SideEventRules.Check(form, zone, now);
        if (!check.IsValid)
        {
            return CardActionResult.ReplaceCard(views.Form(turn.Culture, string.Empty, (id, version), SideEventViews.ValuesOf(form), turn.TimeZone, now, check.Problems));
        }

        var result = await store.ReviseAsync(id, turn.User.StableId, version, check.Content!, cancellationToken);
        var current = result.Proposal;
        return result.Outcome switch
        {
            SideEventOutcome.Done or SideEventOutcome.Repeated => CardActionResult.ReplaceCard(views.Notice(
                turn.Culture, views.Texts["Revised.Heading", id], views.Texts["Revised.Message"], current!, turn.TimeZone)),
            SideEventOutcome.Stale => CardActionResult.ReplaceCard(views.Form(
                turn.Culture, string.Empty, (id, current!.Version), SideEventViews.ValuesOf(form), turn.TimeZone, now, notice: views.Texts["Stale.Notice"])),
            SideEventOutcome.NotAllowed => CardActionResult.ReplaceCard(views.Notice(
                turn.Culture, views.Texts["NotRevisable.Heading", id], views.Texts["NotRevisable.Message", views.State(current!.Status)], current!, turn.TimeZone)),
            _ => CardActionResult.Message(views.Texts["NotFound"]),
        };
    }
}

/// <summary>Revise on one's own proposal: the form with its current answers and the organisers' message.</summary>
public sealed class ReviseSideEventAction(SideEventStore store, SideEventViews views, TimeProvider time) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (!SideEventInputs.TryNumber(input.Text(SideEventVerbs.Id), out var id))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var proposal = await store.FindAsync(id, cancellationToken);
        if (proposal is null || proposal.ProposerId != turn.User.StableId)
        {
            return CardActionResult.Message(views.Texts["NotFound"]);
        }

        if (!SideEventRules.CanRevise(proposal.Status))
        {
            return CardActionResult.ReplaceCard(views.Notice(
                turn.Culture, views.Texts["NotRevisable.Heading", id], views.Texts["NotRevisable.Message", views.State(proposal.Status)], proposal, turn.TimeZone));
        }

        var notice = proposal.Status == SideEventStatus.ChangesRequested && proposal.ReviewComment is not null
            ? views.Texts["ChangesAsked", proposal.ReviewComment].Value
            : null;
        return CardActionResult.ReplaceCard(views.Form(
            turn.Culture, string.Empty, (proposal.Id, proposal.Version), SideEventViews.ValuesOf(proposal, turn.TimeZone), turn.TimeZone, time.GetUtcNow(), notice: notice));
    }
}

/// <summary>Withdraw (after the card's confirmation): the organisers no longer consider it.</summary>
public sealed class WithdrawSideEventAction(SideEventStore store, SideEventViews views) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (!SideEventInputs.TryNumber(input.Text(SideEventVerbs.Id), out var id))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var result = await store.WithdrawAsync(id, turn.User.StableId, cancellationToken);
        if (result.Outcome == SideEventOutcome.NotFound)
        {
            return CardActionResult.Message(views.Texts["NotFound"]);
        }

        var banner = result.Outcome switch
        {
            SideEventOutcome.Done => views.Texts["Withdrawn", id].Value,
            SideEventOutcome.Repeated => views.Texts["AlreadyWithdrawn", id].Value,
            _ => views.Texts["NotWithdrawable", id, views.State(result.Proposal!.Status)].Value,
        };
        var page = await store.MineAsync(turn.User.StableId, 0, SideEventViews.MinePageSize, cancellationToken);
        return CardActionResult.ReplaceCard(views.Mine(turn.Culture, page, banner, turn.TimeZone));
    }
}

/// <summary>Newer or older own proposals.</summary>
public sealed class MySideEventsPageAction(SideEventStore store, SideEventViews views) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (!int.TryParse(input.Text(SideEventVerbs.Page), NumberStyles.None, CultureInfo.InvariantCulture, out var pageIndex))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var page = await store.MineAsync(turn.User.StableId, pageIndex, SideEventViews.MinePageSize, cancellationToken);
        return CardActionResult.ReplaceCard(views.Mine(turn.Culture, page, null, turn.TimeZone));
    }
}
