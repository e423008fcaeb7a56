namespace GcmBot.Bot.Teams.Routing;

/// <summary>Where a conversation happens; commands declare where they work.</summary>
[Flags]
public enum ConversationScopes
{
    None = 0,
    Personal = 1,
    GroupChat = 2,
    Channel = 4,
    Meeting = 8,
    Shared = GroupChat | Channel | Meeting,
    All = Personal | Shared,
}

public static class ConversationScopesText
{
    public static string Describe(this ConversationScopes scope) => scope switch
    {
        ConversationScopes.Personal => "In our personal chat",
        ConversationScopes.GroupChat => "In this group chat (mention me)",
        ConversationScopes.Channel => "In this channel (mention me)",
        ConversationScopes.Meeting => "In this meeting's chat (mention me)",
        _ => "Here",
    };

    public static string Where(this ConversationScopes scopes)
    {
        if (scopes == ConversationScopes.Personal)
        {
            return "in a personal chat with me";
        }

        if (scopes == ConversationScopes.Meeting)
        {
            return "in a meeting chat";
        }

        return (scopes & ConversationScopes.Personal) != 0
            ? "in a personal chat or a shared conversation"
            : "in a group chat, channel or meeting chat";
    }
}
