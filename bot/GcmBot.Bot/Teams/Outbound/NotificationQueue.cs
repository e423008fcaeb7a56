using GcmBot.Bot.Storage;
using GcmBot.Bot.Teams.Conversations;
using GcmBot.Cards.AdaptiveCards;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Bot.Teams.Outbound;

/// <summary>What to send proactively: a text, a card, or both (the text then serves as the notification line).</summary>
public sealed record OutboundContent(string? Text, AdaptiveCard? Card = null);

/// <summary>Queues proactive messages; a background sender delivers them within Teams' limits.</summary>
public interface INotificationQueue
{
    /// <summary>Queues a message to a person's personal chat with the bot (by Entra object id or Teams id).</summary>
    Task<OutboundStatus> EnqueueToPersonAsync(string userStableId, OutboundContent content, string? deduplicationKey, CancellationToken cancellationToken);

    /// <summary>Queues a message to a conversation the bot is in.</summary>
    Task<OutboundStatus> EnqueueToConversationAsync(string conversationId, OutboundContent content, string? deduplicationKey, CancellationToken cancellationToken);
}

public sealed class NotificationQueue(
    IDbContextFactory<GcmDbContext> databases,
    ConversationStore conversations,
    OutboundSignal signal,
    TimeProvider time) : INotificationQueue
{
    public async Task<OutboundStatus> EnqueueToPersonAsync(
        string userStableId, OutboundContent content, string? deduplicationKey, CancellationToken cancellationToken)
    {
        var chat = await conversations.FindPersonalChatAsync(userStableId, cancellationToken);
        return await EnqueueAsync(chat?.ConversationId, content, deduplicationKey, cancellationToken);
    }

    public Task<OutboundStatus> EnqueueToConversationAsync(
        string conversationId, OutboundContent content, string? deduplicationKey, CancellationToken cancellationToken) =>
        EnqueueAsync(conversationId, content, deduplicationKey, cancellationToken);

    private async Task<OutboundStatus> EnqueueAsync(
        string? conversationId, OutboundContent content, string? deduplicationKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var status = conversationId is null ? OutboundStatus.Unreachable : OutboundStatus.Pending;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (deduplicationKey is not null &&
            await db.Set<OutboundMessage>().AnyAsync(m => m.DeduplicationKey == deduplicationKey, cancellationToken))
        {
            return status;
        }

        db.Add(new OutboundMessage
        {
            Id = Guid.NewGuid(),
            ConversationId = conversationId,
            DeduplicationKey = deduplicationKey,
            Text = content.Text,
            CardJson = content.Card?.ToJsonString(),
            Status = status,
            CreatedAt = now,
            NextAttemptAt = now,
            CompletedAt = status == OutboundStatus.Unreachable ? now : null,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (deduplicationKey is not null)
        {
            // The same notification was queued at the same moment by another turn: one copy is enough.
        }

        if (status == OutboundStatus.Pending)
        {
            signal.Notify();
        }

        return status;
    }
}

/// <summary>Wakes the sender when something is queued, so that it need not poll quickly.</summary>
public sealed class OutboundSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        if (_semaphore.CurrentCount == 0)
        {
            try
            {
                _semaphore.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);
}
