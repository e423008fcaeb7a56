using System.Globalization;
using GcmBot.Bot.Languages;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Outbound;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.SideEvents;

namespace GcmBot.Bot.SideEvents;

/// <summary><c>review side events</c> (organisers): the proposals waiting for a decision, each one press away.</summary>
public sealed class ReviewSideEventsCommand(SideEventStore store, SideEventViews views) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var page = await store.PendingAsync(0, SideEventViews.ReviewPageSize, cancellationToken);
        await turn.SendCardAsync(views.ReviewList(turn.Culture, page, null, turn.TimeZone), cancellationToken);
    }
}

/// <summary>Organisers: another page of the review list.</summary>
public sealed class SideEventReviewListAction(SideEventStore store, SideEventViews views) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (!int.TryParse(input.Text(SideEventVerbs.Page), NumberStyles.None, CultureInfo.InvariantCulture, out var pageIndex))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var page = await store.PendingAsync(pageIndex, SideEventViews.ReviewPageSize, cancellationToken);
        return CardActionResult.ReplaceCard(views.ReviewList(turn.Culture, page, null, turn.TimeZone));
    }
}

/// <summary>Organisers: one proposal in full.</summary>
public sealed class SideEventReviewOpenAction(SideEventStore store, SideEventViews views) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (!SideEventInputs.TryNumber(input.Text(SideEventVerbs.Id), out var id))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var proposal = await store.FindAsync(id, cancellationToken);
        if (proposal is null)
        {
            return CardActionResult.Message(views.Texts["NoSuchProposal", id]);
        }

        var banner = SideEventRules.CanReview(proposal.Status) ? null : views.Texts["NoLongerWaiting", views.State(proposal.Status)].Value;
        return CardActionResult.ReplaceCard(views.Review(turn.Culture, proposal, banner, turn.TimeZone));
    }
}

/// <summary>
/// Organisers: accept (the side event goes into the catalogue), ask for changes, or decline with a reason; the
/// proposer is told in their own chat and language.
/// </summary>
public sealed partial class SideEventDecideAction(
    SideEventStore store,
    SideEventViews views,
    INotificationQueue notifications,
    LanguageStore languages,
    ILogger<SideEventDecideAction> logger) : ICardActionHandler
{
    private static readonly IReadOnlyDictionary<string, SideEventDecision> Decisions = new Dictionary<string, SideEventDecision>
    {
        [SideEventVerbs.Accept] = SideEventDecision.Accept,
        [SideEventVerbs.RequestChanges] = SideEventDecision.RequestChanges,
        [SideEventVerbs.Decline] = SideEventDecision.Decline,
    };

    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (!SideEventInputs.TryNumber(input.Text(SideEventVerbs.Id), out var id) ||
            !SideEventInputs.TryNumber(input.Text(SideEventVerbs.Version), out var version) ||
            input.Text(SideEventVerbs.Decision) is not { } code ||
            !Decisions.TryGetValue(code, out var decision))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var rawComment = decision switch
        {
            SideEventDecision.RequestChanges => input.Text(SideEventVerbs.ChangesComment),
            SideEventDecision.Decline => input.Text(SideEventVerbs.DeclineComment),
            _ => null,
        };
        if (SideEventRules.CheckComment(decision, rawComment, out var comment) is { } problem)
        {
            var shown = await store.FindAsync(id, cancellationToken);
            return shown is null
                ? CardActionResult.Message(views.Texts["NoSuchProposal", id])
                : CardActionResult.ReplaceCard(views.Review(turn.Culture, shown, views.Describe(problem), turn.TimeZone));
        }

        var result = await store.DecideAsync(id, version, decision, comment, cancellationToken);
        var current = result.Proposal;
        string banner;
        switch (result.Outcome)
        {
            case SideEventOutcome.Done:
                LogDecided(logger, id, decision);
                var told = await TellProposerAsync(current!, cancellationToken);
                banner = decision == SideEventDecision.Accept
                    ? views.Texts["Decided.Accepted", id, told]
                    : views.Texts["Decided", id, views.State(current!.Status), told];
                break;
            case SideEventOutcome.Repeated:
                banner = views.Texts["DecidedAlready", id, views.State(current!.Status)];
                break;
            case SideEventOutcome.Stale:
                return CardActionResult.ReplaceCard(views.Review(turn.Culture, current!, views.Texts["ChangedWhileReading"], turn.TimeZone));
            case SideEventOutcome.NotAllowed:
                banner = views.Texts["DecidedByOther", id, views.State(current!.Status)];
                break;
            default:
                return CardActionResult.Message(views.Texts["NoSuchProposal", id]);
        }

        var page = await store.PendingAsync(0, SideEventViews.ReviewPageSize, cancellationToken);
        return CardActionResult.ReplaceCard(views.ReviewList(turn.Culture, page, banner, turn.TimeZone));
    }

    // The proposer gave the slot in their zone: the notice shows it there (and in GMT+7), with no turn to tell it.
    private static TimeZoneInfo? ZoneOf(SideEventProposal p) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(p.TimeZoneId, out var zone) ? zone : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Side event proposal {ProposalId} reviewed: {Decision}")]
    private static partial void LogDecided(ILogger logger, int proposalId, SideEventDecision decision);

    private async Task<string> TellProposerAsync(SideEventProposal p, CancellationToken cancellationToken)
    {
        if (p.ProposerId is null)
        {
            return views.Texts["Told.Forgotten"];
        }

        OutboundStatus status;

        // The notice is written in the proposer's language, whoever decided; the organiser's banner stays in theirs.
        var proposerLanguage = await languages.OfPersonAsync(p.ProposerId, cancellationToken);
        using (LanguageScope.Use(proposerLanguage))
        {
            var (heading, message) = p.Status switch
            {
                SideEventStatus.Accepted => (views.Texts["Notice.Accepted.Heading", p.Id].Value, views.Texts["Notice.Accepted.Message"].Value),
                SideEventStatus.ChangesRequested => (views.Texts["Notice.Changes.Heading", p.Id].Value, views.Texts["Notice.Changes.Message"].Value),
                _ => (views.Texts["Notice.Declined.Heading", p.Id].Value, views.Texts["Notice.Declined.Message"].Value),
            };

            // One notice per decision: the version the decision produced makes the key unique; a double click does not.
            status = await notifications.EnqueueToPersonAsync(
                p.ProposerId,
                new OutboundContent(heading, views.Notice(proposerLanguage, heading, message, p, ZoneOf(p))),
                $"side-event-decision:{p.Id.ToString(CultureInfo.InvariantCulture)}:{p.Version.ToString(CultureInfo.InvariantCulture)}",
                cancellationToken);
        }

        return status == OutboundStatus.Unreachable ? views.Texts["Told.Unreachable"] : views.Texts["Told.Queued"];
    }
}
