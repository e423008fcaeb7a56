namespace GcmBot.Bot.Teams.Routing;

/// <summary>
/// A text command. <see cref="Words"/> are matched case-insensitively at the start of the message (the longest
/// match wins); what follows is the command's arguments. <see cref="ForOrganisers"/> commands are refused to others
/// by the dispatcher; <see cref="ForModerators"/> commands check the person's meeting role themselves (it depends on
/// the meeting) and are listed apart in help. <see cref="Picks"/>: typed or pressed without arguments, the command
/// first offers a choice of that kind (an event, a consultation) instead of asking for an id.
/// </summary>
public sealed record CommandRoute(
    string Words,
    string Usage,
    string Summary,
    ConversationScopes Scopes,
    Type HandlerType,
    bool ForOrganisers = false,
    bool ForModerators = false,
    Type? Texts = null,
    GcmBot.Cards.Help.PickSubject? Picks = null)
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
/// <param name="ClaimsItsTurn">
/// The handler's store claims the turn's de-duplication record in the transaction of its work
/// (<see cref="Storage.FinishedTurns.ClaimAsync"/>) and changes nothing on any other path, so the de-duplication
/// middleware need not read the record before the turn: a re-delivery is found at the write. For the peaks' presses
/// (a vote, a floor request), where that read was a fifth to a quarter of the turn.
/// </param>
public sealed record CardActionRoute(string Verb, Type HandlerType, bool ForOrganisers = false, bool ClaimsItsTurn = false);

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
        Type? texts = null,
        GcmBot.Cards.Help.PickSubject? picks = null)
        where THandler : class, ICommandHandler
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new CommandRoute(words, usage ?? words, summary, scopes, typeof(THandler), forOrganisers, forModerators, texts, picks));
        return services;
    }

    /// <summary>Adds what a command's picker offers for one kind of choice (events, consultations).</summary>
    public static IServiceCollection AddChoiceSource<TSource>(this IServiceCollection services)
        where TSource : class, IChoiceSource
    {
        services.AddScoped<IChoiceSource, TSource>();
        return services;
    }

    /// <summary>Adds an answer to messages that are no command (greetings, thanks).</summary>
    public static IServiceCollection AddSmallTalk<THandler>(this IServiceCollection services)
        where THandler : class, IUnmatchedTextHandler
    {
        services.AddScoped<IUnmatchedTextHandler, THandler>();
        return services;
    }

    /// <summary>Adds a card verb and its scoped handler.</summary>
    public static IServiceCollection AddCardAction<THandler>(
        this IServiceCollection services,
        string verb,
        bool forOrganisers = false,
        bool claimsItsTurn = false)
        where THandler : class, ICardActionHandler
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new CardActionRoute(verb, typeof(THandler), forOrganisers, claimsItsTurn));
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
