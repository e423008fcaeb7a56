using GcmBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GcmBot.Bot.DraftSummary;

/// <summary>
/// The organisers' side of the combined draft summary (one row): their introduction, the draft's version (bumped by
/// every edit), and what is public: the version published, when, and its rendered text in each language.
/// </summary>
public sealed class DraftSummaryState
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public string? Introduction { get; set; }

    /// <summary>Starts at 1; every edit (introduction, a wording) makes the next version.</summary>
    public int Version { get; set; } = 1;

    public DateTimeOffset? EditedAt { get; set; }

    /// <summary>The version last published (null: never).</summary>
    public int? PublishedVersion { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Whether the published version is served at <c>/summary</c> (false after "unpublish").</summary>
    public bool IsPublic { get; set; }

    /// <summary>The published version as rendered at publication, in every language (JSON of <see cref="PublishedDraft"/>).</summary>
    public string? PublishedContent { get; set; }
}

/// <summary>
/// The organisers' wording of a recorded key issue or recommendation in the draft. The recorded entry is never changed;
/// deleting the wording restores the recorded text.
/// </summary>
public sealed class DraftSummaryWording
{
    public int KeyIssueId { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset EditedAt { get; set; }
}

internal sealed class DraftSummaryStateConfiguration : IEntityTypeConfiguration<DraftSummaryState>
{
    public void Configure(EntityTypeBuilder<DraftSummaryState> builder)
    {
        builder.ToTable("DraftSummaries");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Introduction).HasMaxLength(DraftSummaryRules.MaxIntroductionLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class DraftSummaryWordingConfiguration : IEntityTypeConfiguration<DraftSummaryWording>
{
    public void Configure(EntityTypeBuilder<DraftSummaryWording> builder)
    {
        builder.ToTable("DraftSummaryWordings");
        builder.HasKey(w => w.KeyIssueId);
        builder.Property(w => w.KeyIssueId).ValueGeneratedNever();
        builder.Property(w => w.Text).HasMaxLength(DraftSummaryRules.MaxWordingLength);
    }
}

/// <summary>Limits on what organisers type into the draft.</summary>
public static class DraftSummaryRules
{
    public const int MaxIntroductionLength = 4000;
    public const int MaxWordingLength = 2000;

    /// <summary>Trimmed text, line ends normalised; null for empty; <paramref name="tooLong"/> when over the limit.</summary>
    public static string? Clean(string? text, int max, out bool tooLong)
    {
        var cleaned = (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        tooLong = cleaned.Length > max;
        return cleaned.Length == 0 ? null : cleaned;
    }
}

/// <summary>What an edit or a publication came to.</summary>
public enum DraftChange
{
    Saved,
    Unchanged,
    Published,
    AlreadyPublished,
    Unpublished,
    NotPublic,

    /// <summary>Another organiser changed the draft meanwhile: nothing was published.</summary>
    ChangedMeanwhile,
}

/// <summary>The draft's state as organisers see it.</summary>
public sealed record DraftStatus(
    string? Introduction,
    int Version,
    DateTimeOffset? EditedAt,
    int? PublishedVersion,
    DateTimeOffset? PublishedAt,
    bool IsPublic,
    IReadOnlyDictionary<int, string> Wordings)
{
    /// <summary>Edited since the version that was published.</summary>
    public bool EditedSincePublished => PublishedVersion is { } p && p != Version;
}

/// <summary>Reads and changes the organisers' side of the draft; every edit makes a new version.</summary>
public sealed class DraftSummaryStore(IDbContextFactory<GcmDbContext> databases, TimeProvider time)
{
    public async Task<DraftStatus> StatusAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var state = await db.Set<DraftSummaryState>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == DraftSummaryState.SingletonId, cancellationToken)
            ?? new DraftSummaryState();
        var wordings = await db.Set<DraftSummaryWording>().AsNoTracking().ToDictionaryAsync(w => w.KeyIssueId, w => w.Text, cancellationToken);
        return new DraftStatus(state.Introduction, state.Version, state.EditedAt, state.PublishedVersion, state.PublishedAt, state.IsPublic, wordings);
    }

    /// <summary>The published draft while it is public; null otherwise.</summary>
    public async Task<string?> PublicContentAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<DraftSummaryState>().AsNoTracking()
            .Where(s => s.Id == DraftSummaryState.SingletonId && s.IsPublic)
            .Select(s => s.PublishedContent)
            .SingleOrDefaultAsync(cancellationToken);
    }

    public Task<DraftChange> SetIntroductionAsync(string? text, CancellationToken cancellationToken) =>
        ChangeAsync(s =>
        {
            if (s.Introduction == text)
            {
                return false;
            }

            s.Introduction = text;
            return true;
        }, null, cancellationToken);

    /// <summary>Sets the draft's wording of a key issue; null restores the recorded text.</summary>
    public Task<DraftChange> SetWordingAsync(int keyIssueId, string? text, CancellationToken cancellationToken) =>
        ChangeAsync(_ => true, async db =>
        {
            var row = await db.Set<DraftSummaryWording>().SingleOrDefaultAsync(w => w.KeyIssueId == keyIssueId, cancellationToken);
            if (text is null)
            {
                if (row is null)
                {
                    return false;
                }

                db.Remove(row);
                return true;
            }

            if (row is null)
            {
                db.Add(new DraftSummaryWording { KeyIssueId = keyIssueId, Text = text, EditedAt = time.GetUtcNow() });
                return true;
            }

            if (row.Text == text)
            {
                return false;
            }

            row.Text = text;
            row.EditedAt = time.GetUtcNow();
            return true;
        }, cancellationToken);

    /// <summary>
    /// Makes <paramref name="version"/> public with its rendered text, unless the draft moved on since it was rendered
    /// (another organiser's edit): then nothing changes.
    /// </summary>
    public async Task<DraftChange> PublishAsync(int version, string content, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var state = await LoadAsync(db, cancellationToken);
        if (state.Version != version)
        {
            return DraftChange.ChangedMeanwhile;
        }

        if (state.IsPublic && state.PublishedVersion == version)
        {
            return DraftChange.AlreadyPublished;
        }

        state.PublishedVersion = version;
        state.PublishedAt = time.GetUtcNow();
        state.IsPublic = true;
        state.PublishedContent = content;
        return await SaveAsync(db, DraftChange.Published, cancellationToken);
    }

    public async Task<DraftChange> UnpublishAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var state = await LoadAsync(db, cancellationToken);
        if (!state.IsPublic)
        {
            return DraftChange.NotPublic;
        }

        state.IsPublic = false;
        return await SaveAsync(db, DraftChange.Unpublished, cancellationToken);
    }

    private async Task<DraftChange> ChangeAsync(Func<DraftSummaryState, bool> onState, Func<GcmDbContext, Task<bool>>? onRows, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var state = await LoadAsync(db, cancellationToken);
        var changed = onState(state);
        if (onRows is not null)
        {
            changed = await onRows(db) && changed;
        }

        if (!changed)
        {
            return DraftChange.Unchanged;
        }

        state.Version++;
        state.EditedAt = time.GetUtcNow();
        return await SaveAsync(db, DraftChange.Saved, cancellationToken);
    }

    private static async Task<DraftSummaryState> LoadAsync(GcmDbContext db, CancellationToken cancellationToken)
    {
        var state = await db.Set<DraftSummaryState>().SingleOrDefaultAsync(s => s.Id == DraftSummaryState.SingletonId, cancellationToken);
        if (state is null)
        {
            state = new DraftSummaryState();
            db.Add(state);
        }

        return state;
    }

    private static async Task<DraftChange> SaveAsync(GcmDbContext db, DraftChange outcome, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return outcome;
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException or DbUpdateException)
        {
            // Two organisers at the same moment: the version (a concurrency token) or the first row let one win.
            return DraftChange.ChangedMeanwhile;
        }
    }
}
