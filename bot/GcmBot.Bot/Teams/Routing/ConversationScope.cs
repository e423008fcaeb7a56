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
    /// <summary>"In our personal chat", … in the language of the current turn.</summary>
    public static string Describe(this ConversationScopes scope) => RoutingTexts.Current[scope switch
    {
        ConversationScopes.Personal => "Scope.Personal",
        ConversationScopes.GroupChat => "Scope.GroupChat",
        ConversationScopes.Channel => "Scope.Channel",
        ConversationScopes.Meeting => "Scope.Meeting",
        _ => "Scope.Here",
    }];

    /// <summary>"in a personal chat with me", … in the language of the current turn.</summary>
    public static string Where(this ConversationScopes scopes) => RoutingTexts.Current[
        scopes == ConversationScopes.Personal ? "Where.Personal"
        : scopes == ConversationScopes.Meeting ? "Where.Meeting"
        : (scopes & ConversationScopes.Personal) != 0 ? "Where.Both"
        : "Where.Shared"];
}
