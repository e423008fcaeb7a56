using GcmBot.Bot.Storage;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Bot.Teams.Conversations;

/// <summary>The conversations the bot is in, kept for proactive messages.</summary>
public sealed class ConversationStore(IDbContextFactory<GcmDbContext> databases)
{
    public async Task UpsertAsync(ConversationRecord record, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var existing = await db.Set<ConversationRecord>().FindAsync([record.ConversationId], cancellationToken);
        if (existing is null)
        {
            if (await RawSql.InsertIfAbsentAsync(db, record, cancellationToken))
            {
                return;
            }

            // The first messages of a new chat arrived together and another turn inserted it: these facts go over it.
            existing = await db.Set<ConversationRecord>().FindAsync([record.ConversationId], cancellationToken);
            if (existing is null)
            {
                // Erased again meanwhile ("forget me"): nothing is kept.
                return;
            }
        }

        // Not every activity carries the person's zone; keep the last one Teams told.
        record.TimeZoneId ??= existing.TimeZoneId;
        db.Entry(existing).CurrentValues.SetValues(record);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<ConversationRecord?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<ConversationRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.ConversationId == conversationId, cancellationToken);
    }

    /// <summary>The personal chat with a person, by Entra object id or Teams id; null if they never talked to the bot.</summary>
    public async Task<ConversationRecord?> FindPersonalChatAsync(string userStableId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<ConversationRecord>().AsNoTracking()
            .Where(c => c.ConversationType == "personal" && (c.UserAadObjectId == userStableId || c.UserId == userStableId))
            .OrderByDescending(c => c.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The personal chats of many people at once, by Entra object id or Teams id (those who have one).</summary>
    public async Task<IReadOnlyDictionary<string, ConversationRecord>> FindPersonalChatsAsync(
        IReadOnlyCollection<string> userStableIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, ConversationRecord>(StringComparer.Ordinal);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        foreach (var chunk in userStableIds.Distinct().Chunk(500))
        {
            var chats = await db.Set<ConversationRecord>().AsNoTracking()
                .Where(c => c.ConversationType == "personal" && (chunk.Contains(c.UserAadObjectId!) || chunk.Contains(c.UserId!)))
                .ToListAsync(cancellationToken);
            foreach (var chat in chats.OrderBy(c => c.UpdatedAt))
            {
                // The most recent chat wins, as in FindPersonalChatAsync.
                if (chat.UserAadObjectId is { } aad && chunk.Contains(aad))
                {
                    found[aad] = chat;
                }

                if (chat.UserId is { } id && chunk.Contains(id))
                {
                    found[id] = chat;
                }
            }
        }

        return found;
    }

    /// <summary>Removes a person's personal chat record (part of "forget me").</summary>
    public async Task ForgetPersonAsync(string userStableId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Set<ConversationRecord>()
            .Where(c => c.UserAadObjectId == userStableId || c.UserId == userStableId)
            .ExecuteDeleteAsync(cancellationToken);
    }

    public static ConversationRecord FromActivity(IActivity activity, DateTimeOffset now)
    {
        var isPersonal = activity.Conversation?.ConversationType is "personal" or null && activity.Conversation?.IsGroup != true;
        var meetingScope = BotTurn.ScopeOf(activity, null) == Routing.ConversationScopes.Meeting;
        return new ConversationRecord
        {
            ConversationId = activity.Conversation?.Id ?? string.Empty,
            ChannelId = activity.ChannelId ?? string.Empty,
            ServiceUrl = activity.ServiceUrl ?? string.Empty,
            TenantId = activity.Conversation?.TenantId,
            ConversationType = activity.Conversation?.ConversationType ?? (isPersonal ? "personal" : null),
            IsMeetingChat = meetingScope,
            BotId = activity.Recipient?.Id,
            BotName = activity.Recipient?.Name,
            UserId = isPersonal ? activity.From?.Id : null,
            UserAadObjectId = isPersonal && !string.IsNullOrEmpty(activity.From?.AadObjectId) ? activity.From.AadObjectId : null,
            TimeZoneId = isPersonal && (activity as Activity)?.LocalTimezone is { Length: > 0 and <= 64 } zone && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) ? zone : null,
            UpdatedAt = now,
        };
    }

    public static ConversationReference ToReference(ConversationRecord record) => new()
    {
        ChannelId = record.ChannelId,
        ServiceUrl = record.ServiceUrl,
        Bot = new ChannelAccount(record.BotId, record.BotName),
        User = record.UserId is null ? null : new ChannelAccount(record.UserId, aadObjectId: record.UserAadObjectId),
        Conversation = new ConversationAccount(
            isGroup: record.ConversationType is "groupChat" or "channel",
            conversationType: record.ConversationType,
            id: record.ConversationId,
            tenantId: record.TenantId),
    };
}
