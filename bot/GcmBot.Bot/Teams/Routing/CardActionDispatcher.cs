using System.Text.Json.Nodes;
using GcmBot.Bot.Teams.Organisers;

namespace GcmBot.Bot.Teams.Routing;

/// <summary>Hands a card button press to the capability that owns its verb.</summary>
public sealed class CardActionDispatcher(RouteTable routes, IOrganiserPolicy organisers, IServiceProvider services)
{
    /// <summary>Card data larger than this is refused unread: no GcmBot form sends more.</summary>
    public const int MaxDataLength = 64 * 1024;

    /// <summary>"Sorry, this button no longer works…", in the language of the current turn.</summary>
    public static string OutdatedCardText => RoutingTexts.Current["OutdatedCard"];

    public async Task<CardActionResult> DispatchAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var route = routes.FindCardAction(input.Verb);
        if (route is null)
        {
            return CardActionResult.Message(OutdatedCardText);
        }

        if (route.ForOrganisers && !await organisers.IsOrganiserAsync(turn, cancellationToken))
        {
            return CardActionResult.Message(CommandDispatcher.RefusalText(RoutingTexts.Current["RefusalAction"]));
        }

        var handler = (ICardActionHandler)services.GetRequiredService(route.HandlerType);
        return await handler.HandleAsync(turn, input, cancellationToken);
    }

    /// <summary>Reads client-sent card data; null when it is not a JSON object of reasonable size.</summary>
    public static JsonObject? ParseData(object? value)
    {
        var json = value switch
        {
            null => null,
            string s => s,
            Newtonsoft.Json.Linq.JToken token => token.ToString(Newtonsoft.Json.Formatting.None),
            _ => Newtonsoft.Json.JsonConvert.SerializeObject(value),
        };
        if (json is null || json.Length > MaxDataLength)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// The help card's buttons: run a text command as if it had been typed. A picker's "Continue" adds the choice made in
/// its list (<see cref="GcmBot.Cards.Help.PickerCard.PickKey"/>) as the command's argument.
/// </summary>
public sealed class RunCommandAction(CommandDispatcher commands) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var command = input.Text(GcmBot.Cards.Help.HelpCard.CommandKey);
        if (string.IsNullOrEmpty(command))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var pick = input.Text(GcmBot.Cards.Help.PickerCard.PickKey);
        if (pick is { Length: > 0 and <= 100 } && !pick.Contains(' ', StringComparison.Ordinal))
        {
            command = command + " " + pick;
        }

        await commands.DispatchAsync(turn, command, cancellationToken);
        return CardActionResult.Done;
    }
}
