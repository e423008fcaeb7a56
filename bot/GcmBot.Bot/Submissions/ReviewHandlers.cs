using System.Globalization;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Outbound;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Submissions;

namespace GcmBot.Bot.Submissions;

/// <summary><c>review submissions</c> (organisers): what waits for a decision.</summary>
public sealed class ReviewSubmissionsCommand(SubmissionStore store, SubmissionViews views) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var page = await store.PendingAsync(0, SubmissionViews.ReviewPageSize, cancellationToken);
        await turn.SendCardAsync(views.ReviewList(page, null, turn.TimeZone), cancellationToken);
    }
}

/// <summary>Organisers: another page of the review list.</summary>
public sealed class ReviewListAction(SubmissionStore store, SubmissionViews views) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (!int.TryParse(input.Text(SubmissionVerbs.Page), NumberStyles.None, CultureInfo.InvariantCulture, out var pageIndex))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var page = await store.PendingAsync(pageIndex, SubmissionViews.ReviewPageSize, cancellationToken);
        return CardActionResult.ReplaceCard(views.ReviewList(page, null, turn.TimeZone));
    }
}

/// <summary>Organisers: one submission in full.</summary>
public sealed class ReviewOpenAction(SubmissionStore store) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (!SubmissionTexts.TryNumber(input.Text(SubmissionVerbs.Id), out var id))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var submission = await store.FindAsync(id, cancellationToken);
        if (submission is null)
        {
            return CardActionResult.Message($"There is no submission #{id}.");
        }

        var banner = SubmissionRules.CanReview(submission.Status) ? null : $"This submission is no longer waiting: it is {Describe(submission.Status)}.";
        return CardActionResult.ReplaceCard(SubmissionViews.Review(submission, banner, turn.TimeZone));
    }

    internal static string Describe(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Accepted => "accepted",
        SubmissionStatus.Returned => "returned to its author",
        SubmissionStatus.Rejected => "rejected",
        SubmissionStatus.Withdrawn => "withdrawn by its author",
        _ => "waiting for review",
    };
}

/// <summary>Organisers: accept, return with a comment, or reject; the author is told proactively.</summary>
public sealed partial class ReviewDecideAction(
    SubmissionStore store,
    SubmissionViews views,
    INotificationQueue notifications,
    ILogger<ReviewDecideAction> logger) : ICardActionHandler
{
    private static readonly IReadOnlyDictionary<string, ReviewDecision> Decisions = new Dictionary<string, ReviewDecision>
    {
        [SubmissionVerbs.Accept] = ReviewDecision.Accept,
        [SubmissionVerbs.Return] = ReviewDecision.Return,
        [SubmissionVerbs.Reject] = ReviewDecision.Reject,
    };

    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (!SubmissionTexts.TryNumber(input.Text(SubmissionVerbs.Id), out var id) ||
            !SubmissionTexts.TryNumber(input.Text(SubmissionVerbs.Version), out var version) ||
            input.Text(SubmissionVerbs.Decision) is not { } code ||
            !Decisions.TryGetValue(code, out var decision))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var rawComment = decision switch
        {
            ReviewDecision.Return => input.Text(SubmissionVerbs.ReturnComment),
            ReviewDecision.Reject => input.Text(SubmissionVerbs.RejectComment),
            _ => null,
        };
        if (SubmissionRules.CheckComment(decision, rawComment, out var comment) is { } problem)
        {
            var shown = await store.FindAsync(id, cancellationToken);
            return shown is null
                ? CardActionResult.Message($"There is no submission #{id}.")
                : CardActionResult.ReplaceCard(SubmissionViews.Review(shown, problem, turn.TimeZone));
        }

        var result = await store.ReviewAsync(id, version, decision, comment, cancellationToken);
        var current = result.Submission;
        string banner;
        switch (result.Outcome)
        {
            case SubmissionOutcome.Done:
                LogDecided(logger, id, decision);
                var told = await TellAuthorAsync(current!, decision, cancellationToken);
                banner = $"#{id} is {ReviewOpenAction.Describe(current!.Status)}. {told}";
                break;
            case SubmissionOutcome.Repeated:
                banner = $"#{id} was already {ReviewOpenAction.Describe(current!.Status)}; nothing more was done.";
                break;
            case SubmissionOutcome.Stale:
                return CardActionResult.ReplaceCard(SubmissionViews.Review(
                    current!, "The author changed this submission while you were reading it. This is the new version: please decide again.", turn.TimeZone));
            case SubmissionOutcome.NotAllowed:
                banner = $"#{id} had already been {ReviewOpenAction.Describe(current!.Status)}, so your decision was not applied.";
                break;
            default:
                return CardActionResult.Message($"There is no submission #{id}.");
        }

        var page = await store.PendingAsync(0, SubmissionViews.ReviewPageSize, cancellationToken);
        return CardActionResult.ReplaceCard(views.ReviewList(page, banner, turn.TimeZone));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Written submission {SubmissionId} reviewed: {Decision}")]
    private static partial void LogDecided(ILogger logger, int submissionId, ReviewDecision decision);

    private async Task<string> TellAuthorAsync(WrittenSubmission s, ReviewDecision decision, CancellationToken cancellationToken)
    {
        if (s.AuthorId is null)
        {
            return "Its author asked to be forgotten, so nobody was told.";
        }

        var (heading, message) = decision switch
        {
            ReviewDecision.Accept when s.Consent == PublicationConsent.NotPublished => (
                $"Your submission #{s.Id} was accepted",
                "Thank you. As you chose, it is kept for the Regional Network secretariat and not published."),
            ReviewDecision.Accept => (
                $"Your submission #{s.Id} was accepted",
                "Thank you. It is now published on the regional review's web page, as you allowed."),
            ReviewDecision.Return => (
                $"Your submission #{s.Id} was returned for changes",
                "The organisers ask you to change something before they publish it; their comment is below. Edit it to send it again."),
            _ => (
                $"Your submission #{s.Id} was not accepted",
                "The organisers decided not to publish it. Their comment, if any, is below. You can still send a new submission."),
        };

        // One notice per decision: the version the decision produced makes the key unique, a double click does not.
        var status = await notifications.EnqueueToPersonAsync(
            s.AuthorId,
            new OutboundContent(heading, views.Notice(heading, message, s, null)),
            $"submission-decision:{s.Id.ToString(CultureInfo.InvariantCulture)}:{s.Version.ToString(CultureInfo.InvariantCulture)}",
            cancellationToken);
        return status == OutboundStatus.Unreachable
            ? "I could not tell the author: they have no chat with me."
            : "The author is being told.";
    }
}
