using GcmBot.Bot.Teams.Organisers;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.Teams.Routing;

/// <summary>Finds the command a text names and hands it over, or explains kindly why it cannot.</summary>
public sealed class CommandDispatcher(
    RouteTable routes,
    IOrganiserPolicy organisers,
    IServiceProvider services,
    CommandPicker picker,
    IEnumerable<IUnmatchedTextHandler> smallTalk,
    IStringLocalizer<RoutingTexts> texts)
{
    public async Task DispatchAsync(BotTurn turn, string text, CancellationToken cancellationToken)
    {
        if (text.Length > CommandText.MaxLength)
        {
            await turn.SendTextAsync(texts["TooLong", text.Length, CommandText.MaxLength], cancellationToken);
            return;
        }

        if (text.Length == 0)
        {
            if (!await AnsweredAsSmallTalkAsync(turn, text, cancellationToken))
            {
                await turn.SendTextAsync(texts["Empty"], cancellationToken);
            }

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
            await turn.SendTextAsync(texts["WrongPlace", route.Words, route.Scopes.Where()], cancellationToken);
            return;
        }

        if (route.ForOrganisers && !await organisers.IsOrganiserAsync(turn, cancellationToken))
        {
            await turn.SendTextAsync(RefusalText(route.Words), cancellationToken);
            return;
        }

        // A command that needs an event or a consultation offers the choice instead of asking for an id.
        if (match.Arguments.Length == 0 && await picker.TryShowAsync(turn, route, cancellationToken))
        {
            return;
        }

        var handler = (ICommandHandler)services.GetRequiredService(route.HandlerType);
        await handler.HandleAsync(turn, new CommandInput(route.Words, match.Arguments), cancellationToken);
    }

    /// <summary>"Sorry, <paramref name="what"/> is for the organisers…", in the language of the current turn.</summary>
    public static string RefusalText(string what) => RoutingTexts.Current["Refusal", what];

    private async Task<bool> AnsweredAsSmallTalkAsync(BotTurn turn, string text, CancellationToken cancellationToken)
    {
        foreach (var handler in smallTalk)
        {
            if (await handler.TryAnswerAsync(turn, text, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private async Task AnswerUnknownAsync(BotTurn turn, string text, CancellationToken cancellationToken)
    {
        if (await AnsweredAsSmallTalkAsync(turn, text, cancellationToken))
        {
            return;
        }

        var closest = routes.Closest(text, turn.Scope);
        await turn.SendTextAsync(closest is null ? texts["Unknown"] : texts["UnknownDidYouMean", closest.Words], cancellationToken);
    }
}
