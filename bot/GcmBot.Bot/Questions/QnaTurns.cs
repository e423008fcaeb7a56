using System.Globalization;
using GcmBot.Bot.Languages;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Organisers;
using GcmBot.Bot.Teams.Outbound;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Questions;

namespace GcmBot.Bot.Questions;

/// <summary>
/// What every Q&amp;A handler does around its one change: find and check the session a card names, check moderators,
/// pick the view for the person who pressed, re-render it from the database, and wake the board refresher.
/// What the person alone reads is in their language (<see cref="BotTurn.Culture"/>).
/// </summary>
public sealed class QnaTurns(
    QnaStore store,
    QnaBoardReader reader,
    IModeratorPolicy moderators,
    IOrganiserPolicy organisers,
    BoardSignal signal,
    INotificationQueue notifications,
    QnaBoardCache boards,
    LanguageStore languages,
    QnaWords words)
{
    public QnaWords Words => words;

    public string NotModeratorText => words["NotModerator"];

    /// <summary>A button of an old or altered card.</summary>
    public CardActionResult Outdated() => CardActionResult.Message(words.Say(QnaOutcome.Refused(QnaNotice.CardOutdated)));

    /// <summary>The session a card names, checked against where the button was pressed; or the answer refusing it.</summary>
    /// <remarks>
    /// With <paramref name="cached"/>, the session may come from the latest board snapshot instead of the database:
    /// only for handlers that use nothing of it but its id and where it lives, which never change.
    /// </remarks>
    public async Task<(QnaSession? Session, CardActionResult? Refusal)> SessionOfAsync(
        BotTurn turn, CardActionInput input, bool allowPersonalChat, bool cached, CancellationToken cancellationToken)
    {
        var raw = input.Text(QnaKeys.Session);
        if (raw is null && allowPersonalChat && turn.Scope == ConversationScopes.Personal)
        {
            raw = input.Text(QnaKeys.SessionChoice);
        }

        if (QuestionRules.ParseId(raw) is not { } sessionId)
        {
            return (null, Outdated());
        }

        var session = (cached ? boards.Get(sessionId)?.Session : null) ?? await store.FindAsync(sessionId, cancellationToken);
        if (session is null)
        {
            return (null, CardActionResult.Message(words["Gone"]));
        }

        if (turn.Scope == ConversationScopes.Personal)
        {
            if (!allowPersonalChat)
            {
                return (null, CardActionResult.Message(words["UseTheBoard"]));
            }

            // From our personal chat a person may reach any open session of their own organisation, no other.
            if (session.TenantId is not null && turn.TenantId is not null && session.TenantId != turn.TenantId)
            {
                return (null, CardActionResult.Message(words["Gone"]));
            }
        }
        else if (!string.Equals(session.ConversationId, turn.ConversationId, StringComparison.Ordinal))
        {
            return (null, CardActionResult.Message(words["OtherChat"]));
        }

        return (session, null);
    }

    /// <summary>Asks Teams (or the configuration) whether the person moderates, and keeps the refresh list in step.</summary>
    public async Task<bool> IsModeratorAsync(BotTurn turn, QnaSession session, CancellationToken cancellationToken)
    {
        if (await moderators.IsModeratorAsync(turn, cancellationToken))
        {
            await RememberAsync(turn, session.Id, cancellationToken);
            return true;
        }

        if (await store.IsKnownModeratorAsync(session.Id, turn.User.Id, cancellationToken))
        {
            // No longer a presenter: their client should stop fetching the moderators' view.
            await store.ForgetModeratorAsync(session.Id, turn.User.Id, cancellationToken);
            signal.Notify(session.Id);
        }

        return false;
    }

    /// <summary>
    /// The view for the person who pressed. Teams is asked about meeting roles only for people who moderated this
    /// session before or who ask for the moderators' view, not for every vote of a thousand participants.
    /// </summary>
    public async Task<BoardViewer> ViewerAsync(BotTurn turn, QnaSession session, bool asksToModerate, CancellationToken cancellationToken)
    {
        var participant = new BoardViewer(QnaViewer.Participant, turn.User.StableId);
        if (turn.Scope == ConversationScopes.Personal)
        {
            return participant;
        }

        var mayBeModerator = asksToModerate
            || await organisers.IsOrganiserAsync(turn, cancellationToken)
            || await store.IsKnownModeratorAsync(session.Id, turn.User.Id, cancellationToken);
        return mayBeModerator && await IsModeratorAsync(turn, session, cancellationToken)
            ? new BoardViewer(QnaViewer.Moderator, turn.User.StableId)
            : participant;
    }

    /// <summary>
    /// The board as the viewer sees it now, read again from the database, in their language. An answer owed to them
    /// (they have no personal chat to be told in) shows at the top, once.
    /// </summary>
    public async Task<CardActionResult> BoardAsync(int sessionId, BoardViewer viewer, BoardRequest request, CultureInfo culture, CancellationToken cancellationToken)
    {
        var session = await store.FindAsync(sessionId, cancellationToken);
        if (session is null)
        {
            return CardActionResult.Message(words["Gone"]);
        }

        var model = await reader.ReadAsync(session, viewer, request, cancellationToken);
        if (model.AnsweredForViewer.Count > 0)
        {
            await store.AskersToldAsync(model.AnsweredForViewer.Select(q => q.Id).ToList(), viewer.StableId, cancellationToken);
        }

        return CardActionResult.ReplaceCard(QnaBoardCard.Build(model, culture));
    }

    /// <summary>
    /// After a change: wake the refresher (the shared board follows within a second) and answer the presser with
    /// their own fresh view at once: the board in a shared chat, their questions in our personal chat.
    /// </summary>
    public async Task<CardActionResult> AfterAsync(
        BotTurn turn, QnaSession session, QnaOutcome outcome, BoardViewer? viewer, CancellationToken cancellationToken)
    {
        if (outcome.Changed)
        {
            signal.Notify(session.Id);
        }

        if (outcome.Answered.Count > 0)
        {
            await TellAskersAsync(session, outcome.Answered, cancellationToken);
        }

        var notice = words.Say(outcome);
        if (turn.Scope == ConversationScopes.Personal)
        {
            var own = await reader.ReadOwnAsync(turn.User.StableId, notice, outcome.Warning, cancellationToken);
            return CardActionResult.ReplaceCard(QnaMyQuestionsCard.Build(own, turn.Culture));
        }

        viewer ??= await ViewerAsync(turn, session, asksToModerate: false, cancellationToken);
        return await BoardAsync(session.Id, viewer, new BoardRequest(null, notice, outcome.Warning), turn.Culture, cancellationToken);
    }

    /// <summary>
    /// After a vote: the voter's board comes from the snapshot the vote committed, with their own votes and questions,
    /// without reading the database again. Moderators, organisers and our personal chat take the general way.
    /// </summary>
    public async Task<CardActionResult> AfterVoteAsync(BotTurn turn, QnaSession session, VoteResult vote, CancellationToken cancellationToken)
    {
        if (vote.Board is not { } board
            || turn.Scope == ConversationScopes.Personal
            || board.ModeratorTeamsIds.Contains(turn.User.Id, StringComparer.Ordinal)
            || QnaBoardReader.MayOweAnswer(board, turn.User.StableId)
            || await organisers.IsOrganiserAsync(turn, cancellationToken))
        {
            return await AfterAsync(turn, session, vote.Outcome, null, cancellationToken);
        }

        if (vote.Outcome.Changed)
        {
            signal.Notify(session.Id);
        }

        var viewer = new BoardViewer(QnaViewer.Participant, turn.User.StableId);
        var model = reader.Build(board, viewer, new BoardRequest(null, words.Say(vote.Outcome), vote.Outcome.Warning), vote.VotedByVoter);
        return CardActionResult.ReplaceCard(QnaBoardCard.Build(model, turn.Culture));
    }

    public async Task RememberAsync(BotTurn turn, int sessionId, CancellationToken cancellationToken)
    {
        if (!await store.IsKnownModeratorAsync(sessionId, turn.User.Id, cancellationToken))
        {
            await store.RememberModeratorAsync(sessionId, turn.User.Id, turn.User.AadObjectId, cancellationToken);
            // The shared board's refresh list changed: this moderator's client should fetch their view from now on.
            signal.Notify(sessionId);
        }
    }

    public void BoardChanged(int sessionId) => signal.Notify(sessionId);

    /// <summary>
    /// Tells each asker in their own language, in our personal chat. An asker without one (an anonymous meeting
    /// participant, to whom Teams lets no bot write one-to-one, or a guest who never talked to the bot) is not written
    /// to at all: the answer stays owed and shows in their own view of the board the next time they press a button
    /// there. It is never posted in the meeting chat: that would tell everyone who asked.
    /// </summary>
    private async Task TellAskersAsync(QnaSession session, IReadOnlyList<AnsweredQuestion> answered, CancellationToken cancellationToken)
    {
        var told = new List<int>();
        foreach (var question in answered)
        {
            var language = await languages.OfPersonAsync(question.AuthorId, cancellationToken);
            OutboundContent content;
            using (LanguageScope.Use(language))
            {
                var card = QnaAnsweredCard.Build(new QnaAnsweredModel(session.Title, question.Number, question.Text, question.Answer), language);
                content = new OutboundContent(words["AnsweredNotice", session.Title], card);
            }

            // Keyed by question: marking it answered twice, or a retried turn, tells the asker once.
            var status = await notifications.EnqueueToPersonAsync(question.AuthorId, content, $"qna-answered:{question.QuestionId}", cancellationToken);
            if (status != OutboundStatus.Unreachable)
            {
                told.Add(question.QuestionId);
            }
        }

        await store.AskersToldAsync(told, null, cancellationToken);
    }
}
