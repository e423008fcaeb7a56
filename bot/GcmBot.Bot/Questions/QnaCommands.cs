using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Organisers;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Questions;

namespace GcmBot.Bot.Questions;

/// <summary>
/// <c>ask</c>: in a shared chat, <c>@GcmBot ask &lt;question&gt;</c> asks in the chat's open Q&amp;A; in our personal
/// chat it shows the ask form for the open sessions (with the typed text filled in).
/// </summary>
public sealed class AskCommand(QnaStore store, QnaTurns turns) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        if (turn.Scope == ConversationScopes.Personal)
        {
            await ShowFormAsync(turn, input.Arguments, cancellationToken);
            return;
        }

        var session = await store.FindOpenInAsync(turn.ConversationId, cancellationToken);
        if (session is null)
        {
            await turn.SendTextAsync("There is no open Q&A in this chat. A moderator can open one with **qna open**.", cancellationToken);
            return;
        }

        if (input.Arguments.Length == 0)
        {
            await turn.SendTextAsync(
                "To ask, press **Ask a question** on the Q&A board (only you see that form, and nobody sees who asked), or type **ask** followed by your question.",
                cancellationToken);
            return;
        }

        var text = QuestionRules.CheckQuestion(input.Arguments);
        if (!text.IsValid)
        {
            await turn.SendTextAsync(text.Problem!, cancellationToken);
            return;
        }

        var outcome = await store.AskAsync(session.Id, new Asker(turn.User.StableId, turn.User.Name, WantsAnonymity: false), text.Text!, cancellationToken);
        if (outcome.Changed)
        {
            turns.BoardChanged(session.Id);
        }

        // A message in the chat shows its sender to everyone; the board's form and our personal chat do not.
        var tip = outcome.Changed ? " Next time, to ask without your message showing in the chat, use the board's **Ask a question** button." : string.Empty;
        await turn.SendTextAsync(outcome.Notice + tip, cancellationToken);
    }

    private async Task ShowFormAsync(BotTurn turn, string typed, CancellationToken cancellationToken)
    {
        var sessions = await store.OpenSessionsAsync(turn.TenantId, cancellationToken);
        if (sessions.Count == 0)
        {
            await turn.SendTextAsync("No Q&A is open right now. When a briefing or consultation opens one, you can ask here or on its board.", cancellationToken);
            return;
        }

        var choices = sessions
            .Select(s => new QnaSessionChoice(s.Id, s.Title, QnaBoardReader.ToCard(s.AskerVisibility), s.PreModeration))
            .ToList();
        var text = QuestionRules.Normalise(typed);
        await turn.SendCardAsync(
            QnaAskCard.Build(new QnaAskModel(choices) { Text = text.Length == 0 ? null : text[..Math.Min(text.Length, QnaLimits.QuestionLength)] }),
            cancellationToken);
    }
}

/// <summary><c>my questions</c> (personal chat): the person's own questions, with Edit and Withdraw while allowed.</summary>
public sealed class MyQuestionsCommand(QnaBoardReader reader) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var own = await reader.ReadOwnAsync(turn.User.StableId, null, false, cancellationToken);
        await turn.SendCardAsync(QnaMyQuestionsCard.Build(own), cancellationToken);
    }
}

/// <summary><c>qna</c>: for moderators, posts the board again at the bottom of the chat; for others, says where it is.</summary>
public sealed class QnaBoardCommand(QnaStore store, QnaTurns turns, QnaBoardReader reader) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var session = await store.FindCurrentInAsync(turn.ConversationId, cancellationToken);
        if (session is null)
        {
            await turn.SendTextAsync("There is no Q&A in this chat yet. A moderator can open one with **qna open**.", cancellationToken);
            return;
        }

        if (!await turns.IsModeratorAsync(turn, session, cancellationToken))
        {
            await turn.SendTextAsync(
                session.Status == SessionStatus.Open
                    ? "The Q&A is open: use its board in this chat to ask and upvote, or ask me privately in our personal chat (type **ask** there)."
                    : "The Q&A in this chat is closed.",
                cancellationToken);
            return;
        }

        // Read the version first: the board posted shows at least that much.
        session = await store.FindAsync(session.Id, cancellationToken) ?? session;
        var model = await reader.ReadAsync(session, BoardViewer.Everyone, new BoardRequest(), cancellationToken);
        var boardId = await turn.SendCardAsync(QnaBoardCard.Build(model), cancellationToken);
        await store.SetBoardMessageAsync(session.Id, boardId, session.Version, cancellationToken);
    }
}

/// <summary><c>qna open [title]</c>: moderators get the setup form (title, event, pre-moderation, names policy).</summary>
public sealed class QnaOpenCommand(QnaStore store, IModeratorPolicy moderators) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        if (!await moderators.IsModeratorAsync(turn, cancellationToken))
        {
            await turn.SendTextAsync(QnaTurns.NotModeratorText, cancellationToken);
            return;
        }

        var open = await store.FindOpenInAsync(turn.ConversationId, cancellationToken);
        if (open is not null)
        {
            await turn.SendTextAsync($"A Q&A is already open in this chat: “{open.Title}”. Type **qna** to show its board, or **qna close** to close it.", cancellationToken);
            return;
        }

        var title = QuestionRules.Normalise(input.Arguments).Replace('\n', ' ');
        await turn.SendCardAsync(
            QnaSetupCard.Build(new QnaSetupModel { Title = title.Length == 0 ? null : title[..Math.Min(title.Length, QnaLimits.TitleLength)] }),
            cancellationToken);
    }
}

/// <summary><c>qna close</c>: moderators close the chat's open Q&amp;A; its board stays, marked closed.</summary>
public sealed class QnaCloseCommand(QnaStore store, QnaTurns turns) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var session = await store.FindOpenInAsync(turn.ConversationId, cancellationToken);
        if (session is null)
        {
            await turn.SendTextAsync("There is no open Q&A in this chat.", cancellationToken);
            return;
        }

        if (!await turns.IsModeratorAsync(turn, session, cancellationToken))
        {
            await turn.SendTextAsync(QnaTurns.NotModeratorText, cancellationToken);
            return;
        }

        var outcome = await store.CloseAsync(session.Id, cancellationToken);
        if (outcome.Changed)
        {
            turns.BoardChanged(session.Id);
        }

        await turn.SendTextAsync(outcome.Notice, cancellationToken);
    }
}

/// <summary>When the meeting ends, its Q&amp;A closes: the board stays with its questions, and can be reopened.</summary>
public sealed class QnaMeetingEvents(QnaStore store, QnaTurns turns) : IConversationEventHandler
{
    public async Task OnMeetingEndedAsync(BotTurn turn, MeetingEvent meeting, CancellationToken cancellationToken)
    {
        if (await store.CloseOpenInAsync(turn.ConversationId, cancellationToken) is { } sessionId)
        {
            turns.BoardChanged(sessionId);
        }
    }
}
