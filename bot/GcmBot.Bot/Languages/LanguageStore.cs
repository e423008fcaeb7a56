using System.Globalization;
using GcmBot.Bot.Storage;
using GcmBot.Cards.Words;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace GcmBot.Bot.Languages;

/// <summary>
/// Whose language is what. A person's language: the one they chose, else the one their Teams client last reported,
/// else English. A shared chat's: the one a moderator set, else English. Reads are cached briefly (every turn asks);
/// a change made here clears this instance's cache at once, other instances see it within <see cref="CacheFor"/>.
/// </summary>
public sealed class LanguageStore(IDbContextFactory<GcmDbContext> databases, IMemoryCache cache, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// <summary>The language to write to a person in, for a proactive message (no Teams locale at hand).</summary>
    public async Task<CultureInfo> OfPersonAsync(string stableId, CancellationToken cancellationToken) =>
        SupportedLanguages.Match((await FindAsync(LanguageSubject.Person, stableId, cancellationToken))?.Tag) ?? SupportedLanguages.English;

    /// <summary>
    /// The languages to write to many people in (a fan-out of notices), in one query; people without a known language
    /// get English. Not cached: a fan-out reads each person once.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, CultureInfo>> OfPeopleAsync(IReadOnlyCollection<string> stableIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, CultureInfo>(StringComparer.Ordinal);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        foreach (var chunk in stableIds.Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var rows = await db.Set<LanguageChoice>().AsNoTracking()
                .Where(c => c.Subject == LanguageSubject.Person && chunk.Contains(c.SubjectId))
                .Select(c => new { c.SubjectId, c.Tag })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                found[row.SubjectId] = SupportedLanguages.Match(row.Tag) ?? SupportedLanguages.English;
            }
        }

        return stableIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, id => found.GetValueOrDefault(id) ?? SupportedLanguages.English, StringComparer.Ordinal);
    }

    /// <summary>The language of a person in a turn: their choice, else what their client says now, else English.</summary>
    public async Task<CultureInfo> OfPersonAsync(string stableId, string? clientLocale, CancellationToken cancellationToken)
    {
        var known = await FindAsync(LanguageSubject.Person, stableId, cancellationToken);
        if (known is { Chosen: true } && SupportedLanguages.Match(known.Tag) is { } chosen)
        {
            return chosen;
        }

        var reported = SupportedLanguages.Match(clientLocale);
        if (reported is not null && !SupportedLanguages.IsPseudo(reported) && known?.Tag != reported.Name)
        {
            // Remembered for proactive messages, which have no client locale to go by.
            await SaveAsync(LanguageSubject.Person, stableId, reported.Name, chosen: false, cancellationToken);
        }

        return reported ?? SupportedLanguages.Match(known?.Tag) ?? SupportedLanguages.English;
    }

    /// <summary>The language of a shared chat's cards: the one a moderator set, else English.</summary>
    public async Task<CultureInfo> OfChatAsync(string conversationId, CancellationToken cancellationToken) =>
        SupportedLanguages.Match((await FindAsync(LanguageSubject.Chat, conversationId, cancellationToken))?.Tag) ?? SupportedLanguages.English;

    public Task ChoosePersonalAsync(string stableId, CultureInfo language, CancellationToken cancellationToken) =>
        SaveAsync(LanguageSubject.Person, stableId, language.Name, chosen: true, cancellationToken);

    public Task ChooseForChatAsync(string conversationId, CultureInfo language, CancellationToken cancellationToken) =>
        SaveAsync(LanguageSubject.Chat, conversationId, language.Name, chosen: true, cancellationToken);

    /// <summary>Forgets a person's language (part of "forget me").</summary>
    public async Task ForgetPersonAsync(string stableId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Set<LanguageChoice>()
            .Where(c => c.Subject == LanguageSubject.Person && c.SubjectId == stableId)
            .ExecuteDeleteAsync(cancellationToken);
        cache.Remove(CacheKey(LanguageSubject.Person, stableId));
    }

    private async Task<LanguageChoice?> FindAsync(LanguageSubject subject, string id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var key = CacheKey(subject, id);
        if (cache.TryGetValue(key, out LanguageChoice? cached))
        {
            return cached;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var found = await db.Set<LanguageChoice>().AsNoTracking()
            .FirstOrDefaultAsync(c => c.Subject == subject && c.SubjectId == id, cancellationToken);
        cache.Set(key, found, CacheFor);
        return found;
    }

    private async Task SaveAsync(LanguageSubject subject, string id, string tag, bool chosen, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id))
        {
            return;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        Task<LanguageChoice?> StoredAsync() => db.Set<LanguageChoice>().FirstOrDefaultAsync(c => c.Subject == subject && c.SubjectId == id, cancellationToken);
        var row = await StoredAsync();
        if (row is null)
        {
            row = new LanguageChoice { Subject = subject, SubjectId = id, Tag = tag, Chosen = chosen, UpdatedAt = time.GetUtcNow() };
            if (await RawSql.InsertIfAbsentAsync(db, row, cancellationToken))
            {
                cache.Set(CacheKey(subject, id), row, CacheFor);
                return;
            }

            // Another first turn of the same person recorded a language meanwhile. A client's report then changes
            // nothing (either will do); a choice goes over it.
            cache.Remove(CacheKey(subject, id));
            row = chosen ? await StoredAsync() : null;
            if (row is null)
            {
                return;
            }
        }
        else if (row.Chosen && !chosen)
        {
            // A client's report never overrides what the person chose.
            return;
        }

        row.Tag = tag;
        row.Chosen = chosen;
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        cache.Set(CacheKey(subject, id), row, CacheFor);
    }

    private static string CacheKey(LanguageSubject subject, string id) => $"language:{(int)subject}:{id}";
}
