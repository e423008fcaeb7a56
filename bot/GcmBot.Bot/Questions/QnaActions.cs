using System.Globalization;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Organisers;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Questions;

namespace GcmBot.Bot.Questions;

/// <summary>The setup card's button: opens the Q&amp;A, and that very message becomes its board.</summary>
public sealed class OpenQnaAction(QnaStore store, QnaTurns turns, IModeratorPolicy moderators, QnaBoardReader reader) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (turn.Scope == ConversationScopes.Personal)
        {
            return CardActionResult.Message(turns.Words["OpenWhere"]);
        }

        if (!await moderators.IsModeratorAsync(turn, cancellationToken))
        {
            return CardActionResult.Message(turns.NotModeratorText);
        }

        var title = QuestionRules.CheckTitle(input.Text(QnaKeys.Title));
        var eventId = QuestionRules.CheckEventId(input.Text(QnaKeys.EventId));
        var preModeration = input.Text(QnaKeys.PreModeration) == "true";
        var showNames = input.Text(QnaKeys.ModeratorsSeeNames) == "true";
        if (!title.IsValid || !eventId.IsValid)
        {
            // The form again, with what was typed (cut to size) and what to fix.
            var typed = input.Text(QnaKeys.Title);
            return CardActionResult.ReplaceCard(QnaSetupCard.Build(new QnaSetupModel
            {
                Title = typed is null ? null : typed[..Math.Min(typed.Length, QnaLimits.TitleLength)],
                PreModeration = preModeration,
                ModeratorsSeeNames = showNames,
                Notice = turns.Words.Say(title.IsValid ? eventId : title),
            }, turn.Culture));
        }

        var (outcome, session) = await store.OpenAsync(
            new QnaSession
            {
                ConversationId = turn.ConversationId,
                TenantId = turn.TenantId,
                Title = title.Text!,
                EventId = eventId.Text,
                PreModeration = preModeration,
                AskerVisibility = showNames ? AskerVisibility.Moderators : AskerVisibility.Nobody,
                // The setup message turns into the board; Teams gives its id as the invoke's replyToId.
                BoardActivityId = input.CardActivityId,
            },
            cancellationToken);
        if (session is null)
        {
            return CardActionResult.Message(turns.Words.Say(outcome));
        }

        await turns.RememberAsync(turn, session.Id, cancellationToken);
        if (outcome.Changed && input.CardActivityId is null)
        {
            // No message to turn into the board (a client that sends no replyToId): post the board instead, shared,
            // so in the chat's language.
            var model = await reader.ReadAsync(session, BoardViewer.Everyone, new BoardRequest(), cancellationToken);
            var boardId = await turn.SendCardAsync(QnaBoardCard.Build(model, turn.ChatCulture), cancellationToken);
            await store.SetBoardMessageAsync(session.Id, boardId, 0, cancellationToken);
        }

        return await turns.AfterAsync(turn, session, outcome, new BoardViewer(QnaViewer.Moderator, turn.User.StableId), cancellationToken);
    }
}

/// <summary>
/// A button on a Q&amp;A card. Before the action runs, the session the card names is found and checked against where
/// the button was pressed, and, for buttons about one question, the question id is read.
/// </summary>
public abstract class SessionCardAction(QnaTurns turns) : ICardActionHandler
{
    protected QnaTurns Turns => turns;

    /// <summary>Whether the button also works in our personal chat (asking, and the asker's own questions).</summary>
    protected virtual bool WorksInPersonalChat => false;

    /// <summary>Whether the button names a question (data <c>q</c>).</summary>
    protected virtual bool NeedsQuestion => false;

    /// <summary>Whether the handler uses only the session's id and place, so a cached copy will do (see QnaTurns).</summary>
    protected virtual bool UsesCachedSession => false;

    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var (session, refusal) = await turns.SessionOfAsync(turn, input, WorksInPersonalChat, UsesCachedSession, cancellationToken);
        if (session is null)
        {
            return refusal!;
        }

        var questionId = QuestionRules.ParseId(input.Text(QnaKeys.Question));
        if (NeedsQuestion && questionId is null)
        {
            return turns.Outdated();
        }

        return await HandleAsync(turn, input, session, questionId ?? 0, cancellationToken);
    }

    protected abstract Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, QnaSession session, int questionId, CancellationToken cancellationToken);
}

/// <summary>Asks a question: from the board's form in the chat, or from the ask form in our personal chat.</summary>
public sealed class AskQuestionAction(QnaStore store, QnaTurns turns) : SessionCardAction(turns)
{
    protected override bool WorksInPersonalChat => true;

    protected override async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, QnaSession session, int questionId, CancellationToken cancellationToken)
    {
        var text = QuestionRules.CheckQuestion(input.Text(QnaKeys.Text));
        if (!text.IsValid)
        {
            // A message leaves the form as it was, with what the person typed.
            return CardActionResult.Message(Turns.Words.Say(text));
        }

        var asker = new Asker(turn.User.StableId, turn.User.Name, input.Text(QnaKeys.Anonymous) == "true");
        var outcome = await store.AskAsync(session.Id, asker, text.Text!, cancellationToken);
        return await Turns.AfterAsync(turn, session, outcome, null, cancellationToken);
    }
}

/// <summary>
/// Adds the presser's vote (the shared board's button, and "Upvote" in their own view) or takes it back (only offered
/// in their own view, where they see that they voted).
/// </summary>
public sealed class VoteAction(QnaStore store, QnaTurns turns) : SessionCardAction(turns)
{
    protected override bool NeedsQuestion => true;

    // The vote checks the session itself, under the write lock; the answer comes from what the vote committed.
    protected override bool UsesCachedSession => true;

    protected override async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, QnaSession session, int questionId, CancellationToken cancellationToken)
    {
        if (QuestionRules.ParseVoteIntent(input.Text(QnaKeys.Vote)) is not { } intent)
        {
            return Turns.Outdated();
        }

        var vote = await store.VoteWithBoardAsync(session.Id, questionId, turn.User.StableId, intent, cancellationToken);
        return await Turns.AfterVoteAsync(turn, session, vote, cancellationToken);
    }
}

/// <summary>
/// The presser's own view of the board: "My view", "Moderate", the pages of "Show all", and the automatic refresh
/// Teams asks for on behalf of moderators whenever the shared board changes.
/// </summary>
public sealed class ViewBoardAction(QnaTurns turns) : SessionCardAction(turns)
{
    protected override async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, QnaSession session, int questionId, CancellationToken cancellationToken)
    {
        int? page = null;
        if (input.Text(QnaKeys.Page) is { } pageText)
        {
            if (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                return Turns.Outdated();
            }

            page = index;
        }

        var asksToModerate = input.Text(QnaKeys.Moderate) == "1";
        var viewer = await Turns.ViewerAsync(turn, session, asksToModerate, cancellationToken);
        var notice = asksToModerate && viewer.Role != QnaViewer.Moderator ? Turns.Words["OnlyModeratorsModerate"] : null;
        return await Turns.BoardAsync(session.Id, viewer, new BoardRequest(page, notice, notice is not null), turn.Culture, cancellationToken);
    }
}

/// <summary>One question on its own card: whole text, and the asker's or the moderators' forms for it.</summary>
public sealed class ViewQuestionAction(QnaTurns turns, QnaBoardReader reader) : SessionCardAction(turns)
{
    protected override bool NeedsQuestion => true;

    protected override async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, QnaSession session, int questionId, CancellationToken cancellationToken)
    {
        var viewer = await Turns.ViewerAsync(turn, session, asksToModerate: false, cancellationToken);
        var model = await reader.ReadQuestionAsync(session, viewer, questionId, cancellationToken);
        return model is null
            ? await Turns.BoardAsync(session.Id, viewer, new BoardRequest(null, Turns.Words["NotOnBoard"], true), turn.Culture, cancellationToken)
            : CardActionResult.ReplaceCard(QnaQuestionCard.Build(model, turn.Culture));
    }
}

/// <summary>The asker changes the text of their own question, until it is answered.</summary>
public sealed class EditQuestionAction(QnaStore store, QnaTurns turns) : SessionCardAction(turns)
{
    protected override bool WorksInPersonalChat => true;

    protected override bool NeedsQuestion => true;

    protected override async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, QnaSession session, int questionId, CancellationToken cancellationToken)
    {
        var text = QuestionRules.CheckQuestion(input.Text(QnaKeys.EditInput(questionId)));
        if (!text.IsValid)
        {
            return CardActionResult.Message(Turns.Words.Say(text));
        }

        var outcome = await store.EditAsync(session.Id, questionId, turn.User.StableId, text.Text!, cancellationToken);
        return await Turns.AfterAsync(turn, session, outcome, null, cancellationToken);
    }
}

/// <summary>The asker takes their own question back, until it is answered.</summary>
public sealed class WithdrawQuestionAction(QnaStore store, QnaTurns turns) : SessionCardAction(turns)
{
    protected override bool WorksInPersonalChat => true;

    protected override bool NeedsQuestion => true;

    protected override async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, QnaSession session, int questionId, CancellationToken cancellationToken)
    {
        var outcome = await store.WithdrawAsync(session.Id, questionId, turn.User.StableId, cancellationToken);
        return await Turns.AfterAsync(turn, session, outcome, null, cancellationToken);
    }
}

/// <summary>
/// A moderators' button: only in the session's own chat, only for moderators (asked of Teams each time), then one
/// change, then the moderators' view with what happened.
/// </summary>
public abstract class ModeratorAction(QnaTurns turns) : SessionCardAction(turns)
{
    protected override bool NeedsQuestion => true;

    protected sealed override async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, QnaSession session, int questionId, CancellationToken cancellationToken)
    {
        if (!await Turns.IsModeratorAsync(turn, session, cancellationToken))
        {
            return CardActionResult.Message(Turns.NotModeratorText);
        }

        var moderator = new BoardViewer(QnaViewer.Moderator, turn.User.StableId);
        var result = await ApplyAsync(session, questionId, input, cancellationToken);
        if (result.Links.Count > 0)
        {
            var notice = Turns.Words.Say(result.Outcome);
            return await Turns.BoardAsync(session.Id, moderator, new BoardRequest(null, notice) { Links = result.Links }, turn.Culture, cancellationToken);
        }

        return await Turns.AfterAsync(turn, session, result.Outcome, moderator, cancellationToken);
    }

    protected abstract Task<ModeratorResult> ApplyAsync(QnaSession session, int questionId, CardActionInput input, CancellationToken cancellationToken);

    protected sealed record ModeratorResult(QnaOutcome Outcome)
    {
        public IReadOnlyList<QnaLink> Links { get; init; } = [];

        public static implicit operator ModeratorResult(QnaOutcome outcome) => new(outcome);
    }
}

public sealed class ApproveQuestionAction(QnaStore store, QnaTurns turns) : ModeratorAction(turns)
{
    protected override async Task<ModeratorResult> ApplyAsync(QnaSession session, int questionId, CardActionInput input, CancellationToken cancellationToken) =>
        await store.ApproveAsync(session.Id, questionId, cancellationToken);
}

public sealed class DismissQuestionAction(QnaStore store, QnaTurns turns) : ModeratorAction(turns)
{
    protected override async Task<ModeratorResult> ApplyAsync(QnaSession session, int questionId, CardActionInput input, CancellationToken cancellationToken) =>
        await store.DismissAsync(session.Id, questionId, cancellationToken);
}

/// <summary>Marks a question answered, with an optional short written answer; the asker is told personally.</summary>
public sealed class AnswerQuestionAction(QnaStore store, QnaTurns turns) : ModeratorAction(turns)
{
    protected override async Task<ModeratorResult> ApplyAsync(QnaSession session, int questionId, CardActionInput input, CancellationToken cancellationToken)
    {
        var answer = QuestionRules.CheckAnswer(input.Text(QnaKeys.AnswerInput(questionId)));
        if (!answer.IsValid)
        {
            return QnaOutcome.Refused(QnaNotice.AnswerTooLong) with { Count = answer.Length, Other = answer.Limit };
        }

        return await store.AnswerAsync(session.Id, questionId, answer.Text, cancellationToken);
    }
}

public sealed class PinQuestionAction(QnaStore store, QnaTurns turns) : ModeratorAction(turns)
{
    protected override async Task<ModeratorResult> ApplyAsync(QnaSession session, int questionId, CardActionInput input, CancellationToken cancellationToken) =>
        await store.PinAsync(session.Id, questionId, cancellationToken);
}

public sealed class UnpinAction(QnaStore store, QnaTurns turns) : ModeratorAction(turns)
{
    protected override bool NeedsQuestion => false;

    protected override async Task<ModeratorResult> ApplyAsync(QnaSession session, int questionId, CardActionInput input, CancellationToken cancellationToken) =>
        await store.UnpinAsync(session.Id, cancellationToken);
}

/// <summary>Merges a duplicate into the question whose number the moderator typed.</summary>
public sealed class MergeQuestionAction(QnaStore store, QnaTurns turns) : ModeratorAction(turns)
{
    protected override async Task<ModeratorResult> ApplyAsync(QnaSession session, int questionId, CardActionInput input, CancellationToken cancellationToken)
    {
        if (QuestionRules.ParseId(input.Text(QnaKeys.MergeInput(questionId))) is not { } targetNumber)
        {
            return QnaOutcome.Refused(QnaNotice.MergeNeedsNumber);
        }

        return await store.MergeAsync(session.Id, questionId, targetNumber, cancellationToken);
    }
}

public sealed class CloseQnaAction(QnaStore store, QnaTurns turns) : ModeratorAction(turns)
{
    protected override bool NeedsQuestion => false;

    protected override async Task<ModeratorResult> ApplyAsync(QnaSession session, int questionId, CardActionInput input, CancellationToken cancellationToken) =>
        await store.CloseAsync(session.Id, cancellationToken);
}

public sealed class ReopenQnaAction(QnaStore store, QnaTurns turns) : ModeratorAction(turns)
{
    protected override bool NeedsQuestion => false;

    protected override async Task<ModeratorResult> ApplyAsync(QnaSession session, int questionId, CardActionInput input, CancellationToken cancellationToken) =>
        await store.ReopenAsync(session.Id, cancellationToken);
}

public sealed class PreModerationAction(QnaStore store, QnaTurns turns) : ModeratorAction(turns)
{
    protected override bool NeedsQuestion => false;

    protected override async Task<ModeratorResult> ApplyAsync(QnaSession session, int questionId, CardActionInput input, CancellationToken cancellationToken) =>
        input.Text(QnaKeys.On) switch
        {
            "1" => await store.SetPreModerationAsync(session.Id, true, cancellationToken),
            "0" => await store.SetPreModerationAsync(session.Id, false, cancellationToken),
            _ => QnaOutcome.Refused(QnaNotice.CardOutdated),
        };
}

/// <summary>Exports the questions (CSV and Markdown) behind expiring links, shown only to the moderator who asked.</summary>
public sealed class ExportQnaAction(QnaExporter exporter, QnaTurns turns) : ModeratorAction(turns)
{
    protected override bool NeedsQuestion => false;

    protected override async Task<ModeratorResult> ApplyAsync(QnaSession session, int questionId, CardActionInput input, CancellationToken cancellationToken)
    {
        // The files are for the moderator who asked: in their language.
        var export = await exporter.ExportAsync(session, cancellationToken);
        return new ModeratorResult(QnaOutcome.AlreadyDone(QnaNotice.Exported) with { Count = export.Count, Other = export.Minutes })
        {
            Links = [new QnaLink(Turns.Words["Export.Csv"], export.Csv.ToString()), new QnaLink(Turns.Words["Export.Markdown"], export.Markdown.ToString())],
        };
    }
}
