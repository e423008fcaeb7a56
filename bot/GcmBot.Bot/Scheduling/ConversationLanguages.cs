using System.Globalization;
using GcmBot.Bot.Languages;
using GcmBot.Bot.Teams.Conversations;

namespace GcmBot.Bot.Scheduling;

/// <summary>
/// The language to write into a conversation outside a turn (the report after a Graph call, the meeting invitation):
/// a personal chat's person's language, else the shared chat's language.
/// </summary>
public sealed class ConversationLanguages(ConversationStore conversations, LanguageStore languages)
{
    public async Task<CultureInfo> OfConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        var record = await conversations.FindAsync(conversationId, cancellationToken);
        if (record is { ConversationType: "personal" } && (record.UserAadObjectId ?? record.UserId) is { Length: > 0 } person)
        {
            return await languages.OfPersonAsync(person, cancellationToken);
        }

        return await languages.OfChatAsync(conversationId, cancellationToken);
    }
}
