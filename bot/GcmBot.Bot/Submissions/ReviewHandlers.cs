using System.Globalization;
using GcmBot.Bot.Languages;
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
        await turn.SendCardAsync(views.ReviewList(turn.Culture, page, null, turn.TimeZone), cancellationToken);
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
        return CardActionResult.ReplaceCard(views.ReviewList(turn.Culture, page, null, turn.TimeZone));
    }
}

/// <summary>Organisers: one submission in full.</summary>
public sealed class ReviewOpenAction(SubmissionStore store, SubmissionViews views) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (!SubmissionInputs.TryNumber(input.Text(SubmissionVerbs.Id), out var id))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var submission = await store.FindAsync(id, cancellationToken);
        if (submission is null)
        {
            return CardActionResult.Message(views.Texts["NoSuchSubmission", id]);
        }

        var banner = SubmissionRules.CanReview(submission.Status) ? null : views.Texts["NoLongerWaiting", views.State(submission.Status)].Value;
        return CardActionResult.ReplaceCard(views.Review(turn.Culture, submission, banner, turn.TimeZone));
    }
}

/// <summary>Organisers: accept, return with a comment, or reject; the author is told proactively.</summary>
public sealed partial class ReviewDecideAction(
    SubmissionStore store,
    SubmissionViews views,
    INotificationQueue notifications,
    LanguageStore languages,
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
        if (!SubmissionInputs.TryNumber(input.Text(SubmissionVerbs.Id), out var id) ||
            !SubmissionInputs.TryNumber(input.Text(SubmissionVerbs.Version), out var version) ||
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
                ? CardActionResult.Message(views.Texts["NoSuchSubmission", id])
                : CardActionResult.ReplaceCard(views.Review(turn.Culture, shown, views.Describe(problem), turn.TimeZone));
        }

        var result = await store.ReviewAsync(id, version, decision, comment, cancellationToken);
        var current = result.Submission;
        string banner;
        switch (result.Outcome)
        {
            case SubmissionOutcome.Done:
                LogDecided(logger, id, decision);
                var told = await TellAuthorAsync(current!, decision, cancellationToken);
                banner = views.Texts["Decided", id, views.State(current!.Status), told];
                break;
            case SubmissionOutcome.Repeated:
                banner = views.Texts["DecidedAlready", id, views.State(current!.Status)];
                break;
            case SubmissionOutcome.Stale:
                return CardActionResult.ReplaceCard(views.Review(turn.Culture, current!, views.Texts["ChangedWhileReading"], turn.TimeZone));
            case SubmissionOutcome.NotAllowed:
                banner = views.Texts["DecidedByOther", id, views.State(current!.Status)];
                break;
            default:
                return CardActionResult.Message(views.Texts["NoSuchSubmission", id]);
        }

        var page = await store.PendingAsync(0, SubmissionViews.ReviewPageSize, cancellationToken);
        return CardActionResult.ReplaceCard(views.ReviewList(turn.Culture, page, banner, turn.TimeZone));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Written submission {SubmissionId} reviewed: {Decision}")]
    private static partial void LogDecided(ILogger logger, int submissionId, ReviewDecision decision);

    private async Task<string> TellAuthorAsync(WrittenSubmission s, ReviewDecision decision, CancellationToken cancellationToken)
    {
        if (s.AuthorId is null)
        {
            return views.Texts["Told.Forgotten"];
        }

        OutboundStatus status;

        // The notice is written in the author's language, whoever decided; the organiser's own banner stays in theirs.
        var authorLanguage = await languages.OfPersonAsync(s.AuthorId, cancellationToken);
        using (LanguageScope.Use(authorLanguage))
        {
            var (heading, message) = decision switch
            {
                ReviewDecision.Accept when s.Consent == PublicationConsent.NotPublished => (
                    views.Texts["Notice.Accepted.Heading", s.Id].Value, views.Texts["Notice.AcceptedKept.Message"].Value),
                ReviewDecision.Accept => (
                    views.Texts["Notice.Accepted.Heading", s.Id].Value, views.Texts["Notice.AcceptedPublished.Message"].Value),
                ReviewDecision.Return => (
                    views.Texts["Notice.Returned.Heading", s.Id].Value, views.Texts["Notice.Returned.Message"].Value),
                _ => (views.Texts["Notice.Rejected.Heading", s.Id].Value, views.Texts["Notice.Rejected.Message"].Value),
            };

            // One notice per decision: the version the decision produced makes the key unique, a double click does not.
            status = await notifications.EnqueueToPersonAsync(
                s.AuthorId,
                new OutboundContent(heading, views.Notice(authorLanguage, heading, message, s, null)),
                $"submission-decision:{s.Id.ToString(CultureInfo.InvariantCulture)}:{s.Version.ToString(CultureInfo.InvariantCulture)}",
                cancellationToken);
        }

        return status == OutboundStatus.Unreachable ? views.Texts["Told.Unreachable"] : views.Texts["Told.Queued"];
    }
}
