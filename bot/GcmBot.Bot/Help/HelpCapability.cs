using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Organisers;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Help;

namespace GcmBot.Bot.Help;

public static class HelpCapability
{
    public static IServiceCollection AddHelp(this IServiceCollection services)
    {
        services.AddBotCommand<HelpCommand>("help", "Show what I can do here", ConversationScopes.All);
        services.AddConversationEvents<WelcomeOnInstall>();
        return services;
    }
}

/// <summary>Lists the commands that work where the person asked, with organiser commands for organisers only.</summary>
public sealed class HelpCommand(RouteTable routes, IOrganiserPolicy organisers, Microsoft.Extensions.Localization.IStringLocalizerFactory localizers) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var isOrganiser = await organisers.IsOrganiserAsync(turn, cancellationToken);
        var entries = routes.Commands
            .Where(c => (c.Scopes & turn.Scope) != 0)
            .Select(c => new HelpEntry(c.Words, c.Usage, c.LocalisedSummary(localizers), c.ForOrganisers, c.ForModerators))
            .ToList();
        await turn.SendCardAsync(HelpCard.Build(new HelpCardModel(turn.Scope.Describe(), entries, isOrganiser)), cancellationToken);
    }
}

/// <summary>Greets once when the bot is installed in a personal chat or added to a chat, team or meeting.</summary>
public sealed class WelcomeOnInstall : IConversationEventHandler
{
    public async Task OnBotAddedAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var place = turn.Scope switch
        {
            ConversationScopes.Personal => WelcomePlace.PersonalChat,
            ConversationScopes.Meeting => WelcomePlace.MeetingChat,
            ConversationScopes.Channel => WelcomePlace.Team,
            _ => WelcomePlace.GroupChat,
        };
        await turn.SendCardAsync(WelcomeCard.Build(place), cancellationToken);
    }
}
