using System.Diagnostics;

namespace GcmBot.Bot.Telemetry;

/// <summary>
/// GcmBot's trace source and the names of its spans and attributes. Attributes describe what happened (activity
/// type, outcome, HTTP status, a path with its ids replaced), never who: no names, e-mail addresses, user or
/// conversation ids, message text or card content.
/// </summary>
public static class GcmTelemetry
{
    public const string Name = "GcmBot";

    /// <summary>The one <see cref="ActivitySource"/> of the app; immutable, listened to by OpenTelemetry when configured.</summary>
    public static readonly ActivitySource Source = new(Name);

    public const string Turn = "gcmbot.turn";
    public const string ProactiveSend = "gcmbot.proactive.send";
    public const string ProactiveUpdate = "gcmbot.proactive.update";
    public const string GraphCall = "gcmbot.graph.call";

    public const string ActivityType = "gcmbot.activity.type";
    public const string ActivityName = "gcmbot.activity.name";
    public const string ConversationType = "gcmbot.conversation.type";
    public const string Outcome = "gcmbot.outcome";
    public const string Card = "gcmbot.card";
    public const string Operation = "gcmbot.operation";
}
