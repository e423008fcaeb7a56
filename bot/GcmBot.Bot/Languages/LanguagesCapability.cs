using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Organisers;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Languages;
using GcmBot.Cards.Words;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.Languages;

public static class LanguagesCapability
{
    /// <summary>
    /// Texts from resource files next to the code (Microsoft.Extensions.Localization) with ICU plurals and the
    /// pseudo-locale; each turn in its person's language; the <c>language</c> and <c>chat language</c> commands.
    /// </summary>
    public static IServiceCollection AddLanguages(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory, FormattingStringLocalizerFactory>();
        services.AddSingleton<LanguageStore>();
        services.AddSingleton<LanguageMiddleware>();
        services.AddScoped<Participants.IPersonalDataEraser, LanguageEraser>();
        services.AddBotCommand<LanguageCommand>(
            "language", "Command.Language", ConversationScopes.All, usage: "language [en|fr|ru|zh-Hans]", texts: typeof(LanguagesTexts));
        services.AddBotCommand<ChatLanguageCommand>(
            "chat language", "Command.ChatLanguage", ConversationScopes.Shared, usage: "chat language [en|fr|ru|zh-Hans]",
            forModerators: true, texts: typeof(LanguagesTexts));
        return services;
    }
}

/// <summary>Shows the language choice, or sets the person's language when one is named.</summary>
public sealed class LanguageCommand(LanguageStore languages, IModeratorPolicy moderators, IStringLocalizer<LanguagesTexts> texts) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Arguments))
        {
            var chat = turn.Scope != ConversationScopes.Personal && await moderators.IsModeratorAsync(turn, cancellationToken)
                ? turn.ChatCulture
                : null;
            await turn.SendCardAsync(LanguageCard.Build(new LanguageCardModel(turn.Culture, chat), turn.Culture), cancellationToken);
            return;
        }

        if (SupportedLanguages.Match(input.Arguments) is not { } chosen || SupportedLanguages.IsPseudo(chosen))
        {
            await turn.SendTextAsync(texts["Unknown", input.Arguments.Trim()], cancellationToken);
            return;
        }

        await languages.ChoosePersonalAsync(turn.User.StableId, chosen, cancellationToken);
        // The confirmation is already in the new language.
        using var scope = LanguageScope.Use(chosen);
        await turn.SendTextAsync(texts["Chosen", SupportedLanguages.NativeName(chosen)], cancellationToken);
    }
}

/// <summary>Sets the language of a shared chat's cards (the Q&amp;A board, the speakers' list); moderators only.</summary>
public sealed class ChatLanguageCommand(LanguageStore languages, IModeratorPolicy moderators, IStringLocalizer<LanguagesTexts> texts) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        if (!await moderators.IsModeratorAsync(turn, cancellationToken))
        {
            await turn.SendTextAsync(texts["ModeratorsOnly"], cancellationToken);
            return;
        }

        if (SupportedLanguages.Match(input.Arguments) is not { } chosen || SupportedLanguages.IsPseudo(chosen))
        {
            await turn.SendTextAsync(texts["Unknown", input.Arguments.Trim()], cancellationToken);
            return;
        }

        await languages.ChooseForChatAsync(turn.ConversationId, chosen, cancellationToken);
        await turn.SendTextAsync(texts["ChatChosen", SupportedLanguages.NativeName(chosen)], cancellationToken);
    }
}

/// <summary>"Forget me" forgets the person's language too.</summary>
public sealed class LanguageEraser(LanguageStore languages) : Participants.IPersonalDataEraser
{
    public Task EraseAsync(string userStableId, CancellationToken cancellationToken) => languages.ForgetPersonAsync(userStableId, cancellationToken);
}
