using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Organisers;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Questions;

namespace GcmBot.Bot.Questions;

/// <summary>
/// <c>ask</c>: in a shared chat, <c>@GcmBot ask &lt;question&gt;</c> asks in the chat's open Q&amp;A; in our personal
/// chat it shows the ask form for the open sessions (with the typed text filled in).
/// </summary>
public sealed class AskCommand(QnaStore store, QnaTurns turns, QnaWords words) : ICommandHandler
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
            await turn.SendTextAsync(words["NoOpenQnaHere"], cancellationToken);
            return;
        }

        if (input.Arguments.Length == 0)
        {
            await turn.SendTextAsync(words["HowToAsk"], cancellationToken);
            return;
        }

        var text = QuestionRules.CheckQuestion(input.Arguments);
        if (!text.IsValid)
        {
            await turn.SendTextAsync(words.Say(text), cancellationToken);
            return;
        }

        var outcome = await store.AskAsync(session.Id, new Asker(turn.User.StableId, turn.User.Name, WantsAnonymity: false), text.Text!, cancellationToken);
        if (outcome.Changed)
        {
            turns.BoardChanged(session.Id);
        }

        // A message in the chat shows its sender to everyone; the board's form and our personal chat do not.
        var notice = words.Say(outcome);
        await turn.SendTextAsync(outcome.Changed ? notice + " " + words["AskTip"] : notice, cancellationToken);
    }

    private async Task ShowFormAsync(BotTurn turn, string typed, CancellationToken cancellationToken)
    {
        var sessions = await store.OpenSessionsAsync(turn.TenantId, cancellationToken);
        if (sessions.Count == 0)
        {
            await turn.SendTextAsync(words["NoneOpen"], cancellationToken);
            return;
        }

        var choices = sessions
            .Select(s => new QnaSessionChoice(s.Id, s.Title, QnaBoardReader.ToCard(s.AskerVisibility), s.PreModeration))
            .ToList();
        var text = QuestionRules.Normalise(typed);
        await turn.SendCardAsync(
            QnaAskCard.Build(new QnaAskModel(choices) { Text = text.Length == 0 ? null : text[..Math.Min(text.Length, QnaLimits.QuestionLength)] }, turn.Culture),
            cancellationToken);
    }
}

/// <summary><c>my questions</c> (personal chat): the person's own questions, with Edit and Withdraw while allowed.</summary>
public sealed class MyQuestionsCommand(QnaBoardReader reader) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var own = await reader.ReadOwnAsync(turn.User.StableId, null, false, cancellationToken);
        await turn.SendCardAsync(QnaMyQuestionsCard.Build(own, turn.Culture), cancellationToken);
    }
}

/// <summary><c>qna</c>: for moderators, posts the board again at the bottom of the chat; for others, says where it is.</summary>
public sealed class QnaBoardCommand(QnaStore store, QnaTurns turns, QnaBoardReader reader, QnaWords words) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var session = await store.FindCurrentInAsync(turn.ConversationId, cancellationToken);
        if (session is null)
        {
            await turn.SendTextAsync(words["NoQnaYet"], cancellationToken);
            return;
        }

        if (!await turns.IsModeratorAsync(turn, session, cancellationToken))
        {
            await turn.SendTextAsync(words[session.Status == SessionStatus.Open ? "BoardIsOpen" : "BoardIsClosed"], cancellationToken);
            return;
        }

        // Read the version first: the board posted shows at least that much. It is shared: in the chat's language.
        session = await store.FindAsync(session.Id, cancellationToken) ?? session;
        var model = await reader.ReadAsync(session, BoardViewer.Everyone, new BoardRequest(), cancellationToken);
        var boardId = await turn.SendCardAsync(QnaBoardCard.Build(model, turn.ChatCulture), cancellationToken);
        await store.SetBoardMessageAsync(session.Id, boardId, session.Version, cancellationToken);
    }
}

/// <summary><c>qna open [title]</c>: moderators get the setup form (title, event, pre-moderation, names policy).</summary>
public sealed class QnaOpenCommand(QnaStore store, IModeratorPolicy moderators, QnaWords words) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        if (!await moderators.IsModeratorAsync(turn, cancellationToken))
        {
            await turn.SendTextAsync(words["NotModerator"], cancellationToken);
            return;
        }

        var open = await store.FindOpenInAsync(turn.ConversationId, cancellationToken);
        if (open is not null)
        {
            await turn.SendTextAsync(words["AlreadyOpenHere", open.Title], cancellationToken);
            return;
        }

        var title = QuestionRules.Normalise(input.Arguments).Replace('\n', ' ');
        await turn.SendCardAsync(
            QnaSetupCard.Build(new QnaSetupModel { Title = title.Length == 0 ? null : title[..Math.Min(title.Length, QnaLimits.TitleLength)] }, turn.Culture),
            cancellationToken);
    }
}

/// <summary><c>qna close</c>: moderators close the chat's open Q&amp;A; its board stays, marked closed.</summary>
public sealed class QnaCloseCommand(QnaStore store, QnaTurns turns, QnaWords words) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var session = await store.FindOpenInAsync(turn.ConversationId, cancellationToken);
        if (session is null)
        {
            await turn.SendTextAsync(words["NoOpenQna"], cancellationToken);
            return;
        }

        if (!await turns.IsModeratorAsync(turn, session, cancellationToken))
        {
            await turn.SendTextAsync(words["NotModerator"], cancellationToken);
            return;
        }

        var outcome = await store.CloseAsync(session.Id, cancellationToken);
        if (outcome.Changed)
        {
            turns.BoardChanged(session.Id);
        }

        await turn.SendTextAsync(words.Say(outcome), cancellationToken);
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
