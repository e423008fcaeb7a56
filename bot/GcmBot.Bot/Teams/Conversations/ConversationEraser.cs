using GcmBot.Bot.Participants;

namespace GcmBot.Bot.Teams.Conversations;

/// <summary>Forgets a person's personal chat record (its ids link them to the bot).</summary>
public sealed class ConversationEraser(ConversationStore conversations) : IPersonalDataEraser
{
    public Task EraseAsync(string userStableId, CancellationToken cancellationToken) =>
        conversations.ForgetPersonAsync(userStableId, cancellationToken);
}
