using GcmBot.Bot.Teams.Organisers;

namespace GcmBot.Bot.Teams.Routing;

/// <summary>Finds the command a text names and hands it over, or explains kindly why it cannot.</summary>
public sealed class CommandDispatcher(RouteTable routes, IOrganiserPolicy organisers, IServiceProvider services)
{
    public async Task DispatchAsync(BotTurn turn, string text, CancellationToken cancellationToken)
    {
        if (text.Length > CommandText.MaxLength)
        {
            await turn.SendTextAsync(
                $"That message is too long for me ({text.Length:N0} characters; commands stay under {CommandText.MaxLength:N0}). Type **help** to see what I can do.",
                cancellationToken);
            return;
        }

        if (text.Length == 0)
        {
            await turn.SendTextAsync("Hello! Type **help** to see what I can do here.", cancellationToken);
            return;
        }

        var match = routes.MatchCommand(text);
        if (match is null)
        {
            await AnswerUnknownAsync(turn, text, cancellationToken);
            return;
        }

        var route = match.Route;
        if ((route.Scopes & turn.Scope) == 0)
        {
            await turn.SendTextAsync($"**{route.Words}** works {route.Scopes.Where()}. Type **help** to see what works here.", cancellationToken);
            return;
        }

        if (route.ForOrganisers && !await organisers.IsOrganiserAsync(turn, cancellationToken))
        {
            await turn.SendTextAsync(RefusalText(route.Words), cancellationToken);
            return;
        }

        var handler = (ICommandHandler)services.GetRequiredService(route.HandlerType);
        await handler.HandleAsync(turn, new CommandInput(route.Words, match.Arguments), cancellationToken);
    }

    public static string RefusalText(string what) =>
        $"Sorry, **{what}** is for the organisers of the Regional Network secretariat, so I have not changed anything. " +
        "If you should be an organiser, ask the secretariat to add you.";

    private async Task AnswerUnknownAsync(BotTurn turn, string text, CancellationToken cancellationToken)
    {
        var closest = routes.Closest(text, turn.Scope);
        var suggestion = closest is null ? string.Empty : $" Did you mean **{closest.Words}**?";
        await turn.SendTextAsync($"Sorry, I don't know that command.{suggestion} Type **help** to see what I can do here.", cancellationToken);
    }
}
