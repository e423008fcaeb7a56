using System.Net;
using System.Text.Json.Nodes;

namespace GcmBot.Testing;

/// <summary>What one activity produced: the HTTP answer, the invoke body, and the bot's messages to the connector.</summary>
public sealed record Turn(HttpStatusCode Status, string Body, IReadOnlyList<ConnectorCall> Calls)
{
    /// <summary>Messages the bot sent in this turn (new messages and replies).</summary>
    public IReadOnlyList<ReceivedActivity> Replies => Calls.Where(c => c.IsSend).Select(c => c.Activity).ToList();

    /// <summary>Cards the bot replaced in place in this turn.</summary>
    public IReadOnlyList<ReceivedActivity> Updates => Calls.Where(c => c.IsUpdate).Select(c => c.Activity).ToList();

    public ReceivedActivity Reply => Replies.Count == 1
        ? Replies[0]
        : throw new InvalidOperationException($"Expected one reply, got {Replies.Count}: {string.Join(" | ", Replies.Select(r => r.AllText))}");

    /// <summary>The invoke response body (Universal Actions answer in the HTTP body).</summary>
    public JsonObject? InvokeBody => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body) as JsonObject;

    /// <summary>The card an Action.Execute answered with, shown at once to the person who clicked.</summary>
    public JsonObject? InvokeCard =>
        InvokeBody?["type"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive" ? InvokeBody["value"] as JsonObject : null;

    /// <summary>The text an Action.Execute answered with.</summary>
    public string? InvokeMessage =>
        InvokeBody?["type"]?.GetValue<string>() == "application/vnd.microsoft.activity.message" ? InvokeBody["value"]?.GetValue<string>() : null;

    /// <summary>
    /// What the bot answered to turns that ran at the same moment in one chat, one text per message or invoke answer. A
    /// turn records every message sent to its chat while it ran, so turns at once share theirs: each is counted once.
    /// </summary>
    public static IReadOnlyList<string> AnswersOf(IEnumerable<Turn> turnsAtOnce)
    {
        var turns = turnsAtOnce.ToList();
        var messages = turns.SelectMany(t => t.Calls).DistinctBy(c => c.Sequence).Select(c => c.Activity.AllText);
        var invokeAnswers = turns
            .Where(t => t.InvokeBody is not null)
            .Select(t => string.Join("\n", (t.InvokeCard is null ? [] : CardText.Of(t.InvokeCard)).Prepend(t.InvokeMessage ?? string.Empty)));
        return messages.Concat(invokeAnswers).ToList();
    }

    /// <summary>Everything the person would read after this turn: replies, updates and the invoke answer.</summary>
    public string AllText => string.Join("\n",
        Replies.Concat(Updates).Select(r => r.AllText)
            .Append(InvokeMessage ?? string.Empty)
            .Concat(InvokeCard is null ? [] : CardText.Of(InvokeCard)));
}

/// <summary>
/// A Teams conversation with the bot (personal chat, group chat, channel or meeting chat) that a test talks in:
/// messages, card submissions, Universal Actions, installation and meeting events.
/// </summary>
public sealed class TeamsConversation
{
    private readonly BotApp _app;
    private readonly string _kind;
    private readonly string _suffix;
    private readonly TestUser _defaultUser;

    internal TeamsConversation(BotApp app, string kind, string suffix, TestUser defaultUser)
    {
        _app = app;
        _kind = kind;
        _suffix = suffix;
        _defaultUser = defaultUser;
        Id = NewActivity("message", defaultUser)["conversation"]!["id"]!.GetValue<string>();
    }

    public string Id { get; }

    public bool IsShared => _kind != "personal";

    /// <summary>The Teams client's locale (<c>activity.locale</c>) on every activity sent from now on; none when null.</summary>
    public string? Locale { get; set; }

    /// <summary>Sets <see cref="Locale"/> and returns this conversation, e.g. <c>bot.PersonalChat(alice).InLocale("fr-FR")</c>.</summary>
    public TeamsConversation InLocale(string? locale)
    {
        Locale = locale;
        return this;
    }

    /// <summary>A Teams-shaped activity from a fixture, in this conversation, ready to adjust and send.</summary>
    public JsonObject NewActivity(string fixture, TestUser? from = null)
    {
        var activity = ActivityFixtures.Build(fixture, _kind, _suffix, from ?? _defaultUser, _app.Connector.ServiceUrl);
        if (Locale is not null)
        {
            activity["locale"] = Locale;
        }

        return activity;
    }

    /// <summary>Types a message; in shared conversations it @mentions the bot, as Teams requires.</summary>
    public Task<Turn> SayAsync(string text, TestUser? from = null, string? timeZone = null)
    {
        var activity = NewActivity("message", from);
        if (IsShared)
        {
            var mention = $"<at>{BotApp.BotName}</at>";
            activity["text"] = $"{mention} {text}";
            activity["entities"]!.AsArray().Add(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = mention,
                ["mentioned"] = new JsonObject { ["id"] = BotApp.BotId, ["name"] = BotApp.BotName },
            });
        }
        else
        {
            activity["text"] = text;
        }

        if (timeZone is not null)
        {
            activity["localTimezone"] = timeZone;
        }

        return SendAsync(activity);
    }

    /// <summary>An Action.Submit: Teams sends a message whose value is the button's data merged with the inputs.</summary>
    public Task<Turn> SubmitAsync(JsonObject value, TestUser? from = null, string? cardActivityId = null)
    {
        var activity = NewActivity("message", from);
        activity.Remove("text");
        activity["value"] = value.DeepClone();
        if (cardActivityId is not null)
        {
            activity["replyToId"] = cardActivityId;
        }

        return SendAsync(activity);
    }

    /// <summary>An Action.Execute: Teams sends an adaptiveCard/action invoke and shows the answer in the card.</summary>
    public Task<Turn> ExecuteAsync(string verb, JsonObject data, TestUser? from = null, string? cardActivityId = null)
    {
        var activity = NewActivity("invoke-adaptive-card-action", from);
        var action = activity["value"]!["action"]!.AsObject();
        action["verb"] = verb;
        action["data"] = data.DeepClone();
        if (cardActivityId is not null)
        {
            activity["replyToId"] = cardActivityId;
        }

        return SendAsync(activity);
    }

    /// <summary>
    /// Opens a form <paramref name="copies"/> times with a command, then presses <paramref name="verb"/> on every copy at
    /// the same moment, copy i filled with <paramref name="inputs"/>(i), as a person with the form open in several
    /// windows would. Returns the bot's answers, one per message or invoke answer (<see cref="Turn.AnswersOf"/>).
    /// </summary>
    public async Task<IReadOnlyList<string>> SendFormsAtOnceAsync(string command, string verb, int copies, Func<int, IReadOnlyDictionary<string, string>> inputs)
    {
        var forms = new List<JsonObject>();
        for (var i = 0; i < copies; i++)
        {
            forms.Add((await SayAsync(command)).Reply.Card);
        }

        return Turn.AnswersOf(await Task.WhenAll(forms.Select((card, i) => PressAsync(card, verb, inputs(i)))));
    }

    /// <summary>
    /// Presses the button with a verb on a card the bot sent, filling the card's inputs with the given values (other
    /// inputs keep the values the card shows), exactly as the Teams client would.
    /// </summary>
    public Task<Turn> PressAsync(
        JsonObject card,
        string verb,
        IReadOnlyDictionary<string, string>? inputs = null,
        TestUser? from = null,
        string? cardActivityId = null) =>
        SendAsync(PressActivity(fixture => NewActivity(fixture, from), card, verb, inputs, cardActivityId));

    /// <summary>
    /// The activity Teams sends when a button with a verb is pressed on a card, inputs filled as in
    /// <see cref="PressAsync"/>: an Action.Execute invoke or an Action.Submit message, from <paramref name="newActivity"/>
    /// (a fixture name to a fresh activity in the conversation).
    /// </summary>
    public static JsonObject PressActivity(
        Func<string, JsonObject> newActivity,
        JsonObject card,
        string verb,
        IReadOnlyDictionary<string, string>? inputs = null,
        string? cardActivityId = null)
    {
        var action = CardText.ActionWithVerb(card, verb)
            ?? throw new InvalidOperationException($"The card has no button with verb '{verb}'. Card: {card.ToJsonString()}");
        var data = (action["data"] as JsonObject)?.DeepClone().AsObject() ?? [];
        if (action["associatedInputs"]?.GetValue<string>() != "none")
        {
            foreach (var (id, input) in CardText.Inputs(card))
            {
                var shown = input["value"]?.ToString();
                var value = inputs is not null && inputs.TryGetValue(id, out var given) ? given : shown;
                if (value is not null)
                {
                    data[id] = value;
                }
            }

            foreach (var (id, value) in inputs ?? new Dictionary<string, string>())
            {
                data[id] ??= value;
            }
        }

        JsonObject activity;
        if (action["type"]!.GetValue<string>() == "Action.Execute")
        {
            activity = newActivity("invoke-adaptive-card-action");
            var execute = activity["value"]!["action"]!.AsObject();
            execute["verb"] = verb;
            execute["data"] = data;
        }
        else
        {
            activity = newActivity("message");
            activity.Remove("text");
            activity["value"] = data;
        }

        if (cardActivityId is not null)
        {
            activity["replyToId"] = cardActivityId;
        }

        return activity;
    }

    /// <summary>The bot is installed here (personal) or added to this chat, team or meeting.</summary>
    public Task<Turn> AddBotAsync(TestUser? by = null) => SendAsync(NewActivity("conversation-update-bot-added", by));

    public Task<Turn> MeetingStartedAsync() => SendAsync(NewActivity("meeting-start"));

    public Task<Turn> MeetingEndedAsync() => SendAsync(NewActivity("meeting-end"));

    /// <summary>Sends any activity and collects what the bot did during the turn.</summary>
    public async Task<Turn> SendAsync(JsonObject activity)
    {
        var before = _app.Connector.Calls.Select(c => c.Sequence).DefaultIfEmpty(0).Max();
        using var response = await _app.PostActivityAsync(activity);
        var body = await response.Content.ReadAsStringAsync();
        var calls = _app.Connector.Calls.Where(c => c.Sequence > before && c.ConversationId == Id).ToList();
        var turn = new Turn(response.StatusCode, body, calls);
        if (_app.Options.ValidateCards)
        {
            foreach (var card in turn.Replies.Concat(turn.Updates).SelectMany(r => r.Cards).Concat(turn.InvokeCard is null ? [] : [turn.InvokeCard]))
            {
                await CardSchema.AssertValidAsync(card);
            }
        }

        return turn;
    }
}
