using GcmBot.Bot.Engagement;
using GcmBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GcmBot.Bot.KeyIssues;

/// <summary>A key issue or recommendation the rapporteur recorded during a consultation. It names nobody.</summary>
public sealed class KeyIssueEntry
{
    public int Id { get; set; }

    public KeyIssueKind Kind { get; set; }

    public required string Text { get; set; }

    /// <summary>Roundtable theme codes, e.g. "ab" (see <see cref="GcmTagRules"/>).</summary>
    public required string Themes { get; set; }

    /// <summary>GCM objective numbers, e.g. ",2,5," (see <see cref="GcmTagRules"/>).</summary>
    public required string Objectives { get; set; }

    /// <summary>The consultation, as the event catalogue names it (e.g. "consult-a"); not checked against it.</summary>
    public string? EventId { get; set; }

    /// <summary>Where it was recorded: a consultation's meeting chat stands for the consultation.</summary>
    public required string ConversationId { get; set; }

    /// <summary>The question it came from (Q&amp;A), as a free reference.</summary>
    public string? QuestionRef { get; set; }

    /// <summary>The oral intervention it came from (speaker queue), as a free reference.</summary>
    public string? InterventionRef { get; set; }

    /// <summary>Set when it came from a card: the same card sent twice records once.</summary>
    public string? RecordKey { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class KeyIssueEntryConfiguration : IEntityTypeConfiguration<KeyIssueEntry>
{
    public void Configure(EntityTypeBuilder<KeyIssueEntry> builder)
    {
        builder.ToTable("KeyIssues");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(k => k.Text).HasMaxLength(KeyIssueRules.MaxTextLength);
        builder.Property(k => k.Themes).HasMaxLength(8);
        builder.Property(k => k.Objectives).HasMaxLength(100);
        builder.Property(k => k.EventId).HasMaxLength(KeyIssueRules.MaxEventIdLength);
        builder.HasIndex(k => k.EventId);
        builder.Property(k => k.ConversationId).HasMaxLength(512);
        builder.HasIndex(k => k.ConversationId);
        builder.Property(k => k.QuestionRef).HasMaxLength(KeyIssueRules.MaxReferenceLength);
        builder.Property(k => k.InterventionRef).HasMaxLength(KeyIssueRules.MaxReferenceLength);
        builder.Property(k => k.RecordKey).HasMaxLength(64);
        builder.HasIndex(k => k.RecordKey).IsUnique();
    }
}

/// <summary>A key issue or recommendation as the summary report reads it.</summary>
public sealed record KeyIssueRecord(
    int Id,
    KeyIssueKind Kind,
    string Text,
    GcmTags Tags,
    string? EventId,
    string ConversationId,
    string? QuestionRef,
    string? InterventionRef,
    DateTimeOffset RecordedAt);

/// <summary>Which key issues a list shows: those of a consultation (event), of a conversation, or all.</summary>
public sealed record KeyIssueScope(string? EventId, string? ConversationId);

/// <summary>The rapporteur's record in the database.</summary>
public sealed class KeyIssueStore(IDbContextFactory<GcmDbContext> databases, TimeProvider time)
{
    /// <summary>The same text typed again this soon in the same place is taken for Teams re-delivering the message.</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(2);

    /// <summary>Records an entry; the second of two identical sends gives back the first (Repeated is true).</summary>
    public async Task<(KeyIssueRecord Record, bool Repeated)> RecordAsync(
        KeyIssueContent content, string conversationId, string? recordKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var set = db.Set<KeyIssueEntry>();
        var since = now - RepeatWindow;
        var earlier = recordKey is not null
            ? await set.AsNoTracking().FirstOrDefaultAsync(k => k.RecordKey == recordKey, cancellationToken)
            : await set.AsNoTracking().FirstOrDefaultAsync(
                k => k.ConversationId == conversationId && k.Kind == content.Kind && k.Text == content.Text && k.RecordedAt >= since,
                cancellationToken);
        if (earlier is not null)
        {
            return (ToRecord(earlier), true);
        }

        var entry = new KeyIssueEntry
        {
            Kind = content.Kind,
            Text = content.Text,
            Themes = GcmTagRules.StoreThemes(content.Tags.Themes),
            Objectives = GcmTagRules.StoreObjectives(content.Tags.Objectives),
            EventId = content.EventId,
            ConversationId = conversationId,
            QuestionRef = content.QuestionRef,
            InterventionRef = content.InterventionRef,
            RecordKey = recordKey,
            RecordedAt = now,
        };
        set.Add(entry);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (ToRecord(entry), false);
        }
        catch (DbUpdateException) when (recordKey is not null)
        {
            // The same card sent twice at the same moment: the unique key let one in.
            await using var again = await databases.CreateDbContextAsync(cancellationToken);
            var winner = await again.Set<KeyIssueEntry>().AsNoTracking().FirstAsync(k => k.RecordKey == recordKey, cancellationToken);
            return (ToRecord(winner), true);
        }
    }

    /// <summary>Deletes an entry; false when it was not there (deleted already).</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<KeyIssueEntry>().Where(k => k.Id == id).ExecuteDeleteAsync(cancellationToken) == 1;
    }

    /// <summary>A page of entries in a scope, in the order they were recorded.</summary>
    public async Task<ListPage<KeyIssueRecord>> ListAsync(KeyIssueScope scope, int pageIndex, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var query = db.Set<KeyIssueEntry>().AsNoTracking();
        if (scope.EventId is { } eventId)
        {
            query = query.Where(k => k.EventId == eventId);
        }

        if (scope.ConversationId is { } conversationId)
        {
            query = query.Where(k => k.ConversationId == conversationId);
        }

        var total = await query.CountAsync(cancellationToken);
        var index = ListPage<KeyIssueRecord>.Clamp(pageIndex, total, pageSize);
        var rows = await query.OrderBy(k => k.Id).Skip(index * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new ListPage<KeyIssueRecord>(rows.Select(ToRecord).ToList(), index, pageSize, total);
    }

    /// <summary>Everything recorded for a consultation (by its event id), for the summary report.</summary>
    public Task<IReadOnlyList<KeyIssueRecord>> ForEventAsync(string eventId, CancellationToken cancellationToken) =>
        AllAsync(k => k.EventId == eventId, cancellationToken);

    /// <summary>Everything recorded in a conversation (a consultation's meeting chat), for the summary report.</summary>
    public Task<IReadOnlyList<KeyIssueRecord>> ForConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        AllAsync(k => k.ConversationId == conversationId, cancellationToken);

    /// <summary>Everything recorded on a roundtable theme, across consultations.</summary>
    public Task<IReadOnlyList<KeyIssueRecord>> ForThemeAsync(char theme, CancellationToken cancellationToken)
    {
        var code = char.ToLowerInvariant(theme).ToString();
        return AllAsync(k => k.Themes.Contains(code), cancellationToken);
    }

    private async Task<IReadOnlyList<KeyIssueRecord>> AllAsync(
        System.Linq.Expressions.Expression<Func<KeyIssueEntry, bool>> filter, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<KeyIssueEntry>().AsNoTracking().Where(filter).OrderBy(k => k.Id).ToListAsync(cancellationToken);
        return rows.Select(ToRecord).ToList();
    }

    private static KeyIssueRecord ToRecord(KeyIssueEntry k) => new(
        k.Id,
        k.Kind,
        k.Text,
        GcmTagRules.Read(k.Themes, k.Objectives),
        k.EventId,
        k.ConversationId,
        k.QuestionRef,
        k.InterventionRef,
        k.RecordedAt);
}
