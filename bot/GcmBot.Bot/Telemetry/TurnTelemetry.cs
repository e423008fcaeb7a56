using System.Diagnostics;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Outbound;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Activity = System.Diagnostics.Activity;

namespace GcmBot.Bot.Telemetry;

/// <summary>What the endpoint learns about a turn from inside it (one per request scope).</summary>
public sealed class TurnInfo
{
    public string ActivityType { get; set; } = "unknown";
}

/// <summary>
/// Wraps the activity handler: names the turn (activity type, invoke name, conversation type; nothing about the
/// person) on its span and in <see cref="TurnInfo"/>, and counts the replies the turn sends, which take their place in
/// Teams' per-app rate beside the proactive sends (<see cref="TeamsRateGate"/>).
/// </summary>
public sealed class InstrumentedBot(GcmActivityHandler inner, TurnInfo info, TeamsRateGate rates) : IBot
{
    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        info.ActivityType = activity.Type ?? "unknown";
        if (TurnSpan() is { } span)
        {
            span.SetTag(GcmTelemetry.ActivityType, activity.Type);
            // Invoke and event names are fixed protocol words (adaptiveCard/action, task/fetch), never user input.
            if (activity.Type is ActivityTypes.Invoke or ActivityTypes.Event)
            {
                span.SetTag(GcmTelemetry.ActivityName, activity.Name);
            }

            span.SetTag(GcmTelemetry.ConversationType, activity.Conversation?.ConversationType);
        }

        turnContext.OnSendActivities(async (_, activities, next) =>
        {
            foreach (var sent in activities)
            {
                if (sent.Type is not (ActivityTypesEx.InvokeResponse or ActivityTypes.Trace or ActivityTypes.Delay))
                {
                    rates.CountReply();
                }
            }

            return await next();
        });
        return inner.OnTurnAsync(turnContext, cancellationToken);
    }

    private static Activity? TurnSpan()
    {
        for (var span = Activity.Current; span is not null; span = span.Parent)
        {
            if (span.OperationName == GcmTelemetry.Turn)
            {
                return span;
            }
        }

        return null;
    }
}
