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

    /// <summary>
    /// Queues messages to many conversations at once (a fan-out to many people); keys already queued are skipped.
    /// Returns how many were queued.
    /// </summary>
    async Task<int> EnqueueManyAsync(IReadOnlyList<OutboundRequest> messages, CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var message in messages)
        {
            await EnqueueToConversationAsync(message.ConversationId, message.Content, message.DeduplicationKey, cancellationToken);
            queued++;
        }

        return queued;
    }
}

/// <summary>One message of a fan-out: where, what, and the key that makes queueing it idempotent.</summary>
public sealed record OutboundRequest(string ConversationId, OutboundContent Content, string? DeduplicationKey);

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

    /// <summary>One transaction for the whole fan-out: a commit per message would queue every one for SQLite's writer.</summary>
    public async Task<int> EnqueueManyAsync(IReadOnlyList<OutboundRequest> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var keys = messages.Select(m => m.DeduplicationKey).OfType<string>().Distinct().ToList();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(500))
        {
            known.UnionWith(await db.Set<OutboundMessage>().Where(m => chunk.Contains(m.DeduplicationKey!)).Select(m => m.DeduplicationKey!).ToListAsync(cancellationToken));
        }

        var fresh = messages.Where(m => m.DeduplicationKey is null || known.Add(m.DeduplicationKey)).ToList();
        db.AddRange(fresh.Select(m => new OutboundMessage
        {
            Id = Guid.NewGuid(),
            ConversationId = m.ConversationId,
            DeduplicationKey = m.DeduplicationKey,
            Text = m.Content.Text,
            CardJson = m.Content.Card?.ToJsonString(),
            Status = OutboundStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Some of them were queued at the same moment by someone else: queue one by one, skipping those.
            foreach (var message in fresh)
            {
                await EnqueueAsync(message.ConversationId, message.Content, message.DeduplicationKey, cancellationToken);
            }
        }

        signal.Notify();
        return fresh.Count;
    }

    /// <summary>
    /// Queues a whole activity (a turn's reply or card update that Teams would not take in time), to be delivered not
    /// before <paramref name="notBefore"/>; a key already queued is not queued again.
    /// </summary>
    public async Task EnqueueActivityAsync(
        string conversationId,
        string activityJson,
        string? replacesActivityId,
        string? deduplicationKey,
        DateTimeOffset notBefore,
        CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (deduplicationKey is not null &&
            await db.Set<OutboundMessage>().AnyAsync(m => m.DeduplicationKey == deduplicationKey, cancellationToken))
        {
            return;
        }

        db.Add(new OutboundMessage
        {
            Id = Guid.NewGuid(),
            ConversationId = conversationId,
            DeduplicationKey = deduplicationKey,
            ActivityJson = activityJson,
            ReplacesActivityId = replacesActivityId,
            Status = OutboundStatus.Pending,
            CreatedAt = time.GetUtcNow(),
            NextAttemptAt = notBefore,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (deduplicationKey is not null)
        {
            // The same reply was queued at the same moment by a re-delivery of the turn: one copy is enough.
        }

        signal.Notify();
    }

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
