using System.Diagnostics;
using System.Diagnostics.Metrics;
using GcmBot.Bot.Teams.Outbound;

namespace GcmBot.Bot.Telemetry;

/// <summary>GcmBot's metrics (meter <see cref="GcmTelemetry.Name"/>); tags carry kinds and outcomes, never people.</summary>
public sealed class GcmMetrics
{
    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _proactiveCalls;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _cardUpdates;
    private long _queueDepth;
    private double _queueAgeSeconds;

    public GcmMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(GcmTelemetry.Name);
        _turnDuration = meter.CreateHistogram<double>("gcmbot.turn.duration", "s", "Time to answer one activity from Teams.");
        _proactiveCalls = meter.CreateCounter<long>("gcmbot.proactive.calls", "{call}", "Proactive sends and updates, by outcome.");
        _throttled = meter.CreateCounter<long>("gcmbot.teams.throttled", "{response}", "Answers 429 (Too Many Requests) from Teams.");
        _cardUpdates = meter.CreateCounter<long>("gcmbot.card.updates", "{update}", "Shared cards (Q&A board, speakers' list) updated in place.");
        meter.CreateObservableGauge("gcmbot.outbound.queue.depth", () => Interlocked.Read(ref _queueDepth), "{message}", "Proactive messages waiting to be sent.");
        meter.CreateObservableGauge("gcmbot.outbound.queue.age", () => Volatile.Read(ref _queueAgeSeconds), "s", "Age of the oldest proactive message waiting.");
    }

    public void TurnCompleted(TimeSpan elapsed, string activityType, int statusCode) =>
        _turnDuration.Record(elapsed.TotalSeconds, new TagList
        {
            { GcmTelemetry.ActivityType, activityType },
            { "http.response.status_code", statusCode },
        });

    public void ProactiveCall(string operation, ProactiveResult result)
    {
        _proactiveCalls.Add(1, new TagList { { GcmTelemetry.Operation, operation }, { GcmTelemetry.Outcome, result.Outcome.ToString() } });
        if (result.StatusCode == 429)
        {
            _throttled.Add(1, new TagList { { GcmTelemetry.Operation, operation } });
        }
    }

    public void CardUpdated(string card) => _cardUpdates.Add(1, new TagList { { GcmTelemetry.Card, card } });

    /// <summary>The outbound queue as last counted (by the sender, every few seconds).</summary>
    public void OutboundQueue(long depth, TimeSpan oldestAge)
    {
        Interlocked.Exchange(ref _queueDepth, depth);
        Volatile.Write(ref _queueAgeSeconds, Math.Max(0, oldestAge.TotalSeconds));
    }
}
