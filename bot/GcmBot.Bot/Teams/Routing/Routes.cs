namespace GcmBot.Bot.Teams.Routing;

/// <summary>
/// A text command. <see cref="Words"/> are matched case-insensitively at the start of the message (the longest
/// match wins); what follows is the command's arguments. <see cref="ForOrganisers"/> commands are refused to others
/// by the dispatcher; <see cref="ForModerators"/> commands check the person's meeting role themselves (it depends on
/// the meeting) and are listed apart in help.
/// </summary>
public sealed record CommandRoute(
    string Words,
    string Usage,
    string Summary,
    ConversationScopes Scopes,
    Type HandlerType,
    bool ForOrganisers = false,
    bool ForModerators = false,
    Type? Texts = null)
{
    /// <summary>
    /// The summary in the current language: <see cref="Summary"/> is a key of the resource file named by
    /// <see cref="Texts"/>; a route registered without one shows its summary as written.
    /// </summary>
    public string LocalisedSummary(Microsoft.Extensions.Localization.IStringLocalizerFactory localizers) =>
        Texts is null ? Summary : localizers.Create(Texts)[Summary];

    public string[] WordList { get; } = Words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A card button's verb (Action.Submit data.verb or Action.Execute verb) and the handler that owns it.</summary>
public sealed record CardActionRoute(string Verb, Type HandlerType, bool ForOrganisers = false);

public static class RouteRegistration
{
    /// <summary>Adds a text command and its scoped handler.</summary>
    public static IServiceCollection AddBotCommand<THandler>(
        this IServiceCollection services,
        string words,
        string summary,
        ConversationScopes scopes,
        string? usage = null,
        bool forOrganisers = false,
        bool forModerators = false,
        Type? texts = null)
        where THandler : class, ICommandHandler
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new CommandRoute(words, usage ?? words, summary, scopes, typeof(THandler), forOrganisers, forModerators, texts));
        return services;
    }

    /// <summary>Adds a card verb and its scoped handler.</summary>
    public static IServiceCollection AddCardAction<THandler>(
        this IServiceCollection services,
        string verb,
        bool forOrganisers = false)
        where THandler : class, ICardActionHandler
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new CardActionRoute(verb, typeof(THandler), forOrganisers));
        return services;
    }

    /// <summary>Adds a handler of conversation events (installation, meeting start and end).</summary>
    public static IServiceCollection AddConversationEvents<THandler>(this IServiceCollection services)
        where THandler : class, IConversationEventHandler
    {
        services.AddScoped<IConversationEventHandler, THandler>();
        return services;
    }
}
