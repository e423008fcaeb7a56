using Microsoft.Bot.Builder;
using Microsoft.Extensions.Caching.Memory;

namespace GcmBot.Bot.Teams.Conversations;

/// <summary>
/// Records every conversation the bot hears from, with its serviceUrl, for proactive messages later. A short-lived
/// cache only saves repeated writes during a busy meeting; the database is the record.
/// </summary>
public sealed class ConversationCaptureMiddleware(ConversationStore store, IMemoryCache recent, TimeProvider time) : Microsoft.Bot.Builder.IMiddleware
{
    private static readonly TimeSpan RecentWindow = TimeSpan.FromMinutes(10);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        // A proactive send starts from the stored record: nothing new to capture.
        if (!Outbound.OutboundSender.IsProactive(activity) && !string.IsNullOrEmpty(activity.Conversation?.Id) && !string.IsNullOrEmpty(activity.ServiceUrl))
        {
            var record = ConversationStore.FromActivity(activity, time.GetUtcNow());
            var cacheKey = $"conversation:{record.ConversationId}:{record.ServiceUrl}:{record.UserId}:{record.TimeZoneId}";
            if (!recent.TryGetValue(cacheKey, out _))
            {
                await store.UpsertAsync(record, cancellationToken);
                recent.Set(cacheKey, true, RecentWindow);
            }
        }

        await next(cancellationToken);
    }
}
