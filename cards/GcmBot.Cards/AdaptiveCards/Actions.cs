using System.Text.Json.Nodes;

namespace GcmBot.Cards.AdaptiveCards;

/// <summary>
/// Sends the card's inputs plus <see cref="Data"/> to the bot as a message activity (personal-chat forms).
/// The verb travels inside the data because Action.Submit has none of its own.
/// </summary>
public sealed record SubmitAction(CardActionData Data) : CardAction
{
    protected override string Type => "Action.Submit";

    /// <summary>Whether the card's inputs are validated and sent (false for buttons like "Cancel").</summary>
    public bool SendInputs { get; init; } = true;

    protected override void WriteAction(CardJson json)
    {
        json.Set("data", Data.ToSubmitJson());
        if (!SendInputs)
        {
            json.Set("associatedInputs", "none");
        }
    }
}

/// <summary>
/// A Universal Action: Teams sends an <c>adaptiveCard/action</c> invoke and shows the card the bot answers with to the
/// person who clicked, at once. Needs card version 1.5 in Teams.
/// </summary>
public sealed record ExecuteAction(CardActionData Data) : CardAction
{
    protected override string Type => "Action.Execute";

    public bool SendInputs { get; init; } = true;

    protected override void WriteAction(CardJson json)
    {
        json.Set("verb", Data.Verb);
        json.Set("data", Data.ToExecuteJson());
        if (!SendInputs)
        {
            json.Set("associatedInputs", "none");
        }
    }
}

public sealed record OpenUrlAction(string Url) : CardAction
{
    protected override string Type => "Action.OpenUrl";

    protected override void WriteAction(CardJson json) => json.Set("url", Url);
}

/// <summary>Reveals a nested card (e.g. an inline form) without a round trip.</summary>
public sealed record ShowCardAction(AdaptiveCard Card) : CardAction
{
    protected override string Type => "Action.ShowCard";

    protected override void WriteAction(CardJson json) => json.Property("card", card => Card.Write(card, nested: true));
}

public sealed record ToggleVisibilityAction(IReadOnlyList<string> TargetElementIds) : CardAction
{
    protected override string Type => "Action.ToggleVisibility";

    protected override void WriteAction(CardJson json)
    {
        json.Strings("targetElements", TargetElementIds);
    }
}

/// <summary>
/// What a button sends back: the verb that routes it and a few string arguments. Arguments are strings so that the
/// bot validates every value it receives instead of trusting types chosen by the client.
/// </summary>
public sealed record CardActionData(string Verb, IReadOnlyDictionary<string, string>? Arguments = null)
{
    /// <summary>The data key that carries the verb of an Action.Submit.</summary>
    public const string VerbKey = "verb";

    public static CardActionData For(string verb, params (string Key, string Value)[] arguments) =>
        new(verb, arguments.Length == 0 ? null : arguments.ToDictionary(a => a.Key, a => a.Value));

    internal JsonObject ToSubmitJson()
    {
        var json = ToExecuteJson();
        json[VerbKey] = Verb;
        return json;
    }

    internal JsonObject ToExecuteJson()
    {
        var json = new JsonObject();
        if (Arguments is not null)
        {
            foreach (var (key, value) in Arguments)
            {
                json[key] = value;
            }
        }

        return json;
    }
}
