using System.Text.Json.Nodes;
using GcmBot.Cards.AdaptiveCards;

namespace GcmBot.Bot.Teams.Routing;

/// <summary>The text that followed a command's words.</summary>
public sealed record CommandInput(string Command, string Arguments);

/// <summary>Answers a text command.</summary>
public interface ICommandHandler
{
    Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken);
}

/// <summary>
/// A card button press: the verb, the data (the card's inputs merged with the button's data, all as sent by the client
/// and so untrusted), whether it came as a Universal Action (invoke) and the id of the message holding the card.
/// </summary>
public sealed record CardActionInput(string Verb, JsonObject Data, bool IsUniversalAction, string? CardActivityId)
{
    /// <summary>A string value of the data, trimmed; null when absent or not a string.</summary>
    public string? Text(string key) =>
        Data.TryGetPropertyValue(key, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text)
            ? text.Trim()
            : null;
}

/// <summary>Answers a card button press.</summary>
public interface ICardActionHandler
{
    Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken);
}

/// <summary>What a card action answers with.</summary>
public abstract record CardActionResult
{
    /// <summary>Replace the card that was pressed (for Action.Execute: the clicking person sees it at once).</summary>
    public static CardActionResult ReplaceCard(AdaptiveCard card) => new ReplaceCardResult(card);

    /// <summary>A short text answer (for Action.Execute: shown to the clicking person only).</summary>
    public static CardActionResult Message(string text) => new MessageResult(text);

    /// <summary>The handler already sent what it wanted to.</summary>
    public static CardActionResult Done { get; } = new DoneResult();
}

public sealed record ReplaceCardResult(AdaptiveCard Card) : CardActionResult;

public sealed record MessageResult(string Text) : CardActionResult;

public sealed record DoneResult : CardActionResult;

/// <summary>Conversation-level events. Implement the ones a capability cares about.</summary>
public interface IConversationEventHandler
{
    /// <summary>The bot was installed or added to a conversation.</summary>
    Task OnBotAddedAsync(BotTurn turn, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A Teams meeting whose chat the bot is in started.</summary>
    Task OnMeetingStartedAsync(BotTurn turn, MeetingEvent meeting, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A Teams meeting whose chat the bot is in ended.</summary>
    Task OnMeetingEndedAsync(BotTurn turn, MeetingEvent meeting, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>What Teams says about a meeting start or end.</summary>
public sealed record MeetingEvent(string MeetingId, string? JoinUrl, string? Title, DateTimeOffset At);

/// <summary>Where Teams lets the bot upload a file the person accepted (their OneDrive), as the invoke carried it.</summary>
public sealed record FileUploadTarget(string UploadUrl, string? ContentUrl, string? Name, string? UniqueId, string? FileType);

/// <summary>
/// A person's answer to a file consent card (Teams' way for a bot to put a file into a personal chat): accepted with
/// an upload target, or declined. The context is what the bot put on the card, echoed back by the client (untrusted).
/// </summary>
public sealed record FileConsentAnswer(bool Accepted, JsonObject? Context, FileUploadTarget? Upload);

/// <summary>Answers file consent cards whose context names its <see cref="Purpose"/> (the context's "purpose" value).</summary>
public interface IFileConsentHandler
{
    public const string PurposeKey = "purpose";

    string Purpose { get; }

    Task HandleAsync(BotTurn turn, FileConsentAnswer answer, CancellationToken cancellationToken);
}
