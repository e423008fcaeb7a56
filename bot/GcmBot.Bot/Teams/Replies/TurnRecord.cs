using GcmBot.Bot.Storage;
using Microsoft.Bot.Builder;

namespace GcmBot.Bot.Teams.Replies;

/// <summary>
/// What the Teams face knows about the turn in progress: when it started (the reply budget counts from there), how
/// many replies it has sent (a reply's place makes its queue key), and whether the capability wrote anything.
/// </summary>
public sealed class TurnRecord(DateTimeOffset startedAt)
{
    private int _replies;

    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>Marked when the capability's work reached the database.</summary>
    public CommitRecord Commits { get; } = new();

    /// <summary>The place of the next reply in this turn: 0, 1, 2…</summary>
    public int NextReplyIndex() => Interlocked.Increment(ref _replies) - 1;

    public static TurnRecord? Of(ITurnContext turnContext) => turnContext.TurnState.Get<TurnRecord>();
}

/// <summary>
/// Opens a <see cref="TurnRecord"/> for every incoming turn and observes the capability's database writes into it.
/// It runs after de-duplication and conversation capture, so that their own bookkeeping writes do not count as the
/// person's change.
/// </summary>
public sealed class TurnTrackingMiddleware(CommitObserver commits, TimeProvider time) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (Outbound.OutboundSender.IsProactive(turnContext.Activity))
        {
            await next(cancellationToken);
            return;
        }

        var record = new TurnRecord(time.GetUtcNow());
        turnContext.TurnState.Set(record);
        using (commits.Observe(record.Commits))
        {
            await next(cancellationToken);
        }
    }
}
