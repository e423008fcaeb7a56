using System.Globalization;
using GcmBot.Bot.Teams;
using GcmBot.Cards.Words;
using Microsoft.Bot.Builder;

namespace GcmBot.Bot.Languages;

/// <summary>
/// Runs each turn in the language of the person who acted (<see cref="BotTurn.Culture"/>) and records the language of
/// the chat for shared cards (<see cref="BotTurn.ChatCulture"/>). In a personal chat both are the person's.
/// </summary>
public sealed class LanguageMiddleware(LanguageStore languages) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var turn = new BotTurn(turnContext);
        var person = string.IsNullOrEmpty(turn.User.Id)
            ? SupportedLanguages.Match(turnContext.Activity.Locale) ?? SupportedLanguages.English
            : await languages.OfPersonAsync(turn.User.StableId, turnContext.Activity.Locale, cancellationToken);
        var chat = turn.Scope == Teams.Routing.ConversationScopes.Personal
            ? person
            : await languages.OfChatAsync(turn.ConversationId, cancellationToken);
        turnContext.TurnState.Set(BotTurn.CultureKey, person);
        turnContext.TurnState.Set(BotTurn.ChatCultureKey, chat);
        using var scope = LanguageScope.Use(person);
        await next(cancellationToken);
    }
}
