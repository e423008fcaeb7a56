using System.Text.Json.Nodes;
using GcmBot.Bot.Teams.Organisers;

namespace GcmBot.Bot.Teams.Routing;

/// <summary>Hands a card button press to the capability that owns its verb.</summary>
public sealed class CardActionDispatcher(RouteTable routes, IOrganiserPolicy organisers, IServiceProvider services)
{
    /// <summary>Card data larger than this is refused unread: no GcmBot form sends more.</summary>
    public const int MaxDataLength = 64 * 1024;

    public const string OutdatedCardText =
        "Sorry, this button no longer works: the card may be out of date. Type **help** to start again.";

    public async Task<CardActionResult> DispatchAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var route = routes.FindCardAction(input.Verb);
        if (route is null)
        {
            return CardActionResult.Message(OutdatedCardText);
        }

        if (route.ForOrganisers && !await organisers.IsOrganiserAsync(turn, cancellationToken))
        {
            return CardActionResult.Message(CommandDispatcher.RefusalText("that action"));
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

/// <summary>The help card's buttons: run a text command as if it had been typed.</summary>
public sealed class RunCommandAction(CommandDispatcher commands) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var command = input.Text(GcmBot.Cards.Help.HelpCard.CommandKey);
        if (string.IsNullOrEmpty(command))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        await commands.DispatchAsync(turn, command, cancellationToken);
        return CardActionResult.Done;
    }
}
