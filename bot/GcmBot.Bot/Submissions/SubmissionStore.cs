using GcmBot.Bot.Engagement;
using GcmBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Bot.Submissions;

/// <summary>How a change to a submission went.</summary>
public enum SubmissionOutcome
{
    /// <summary>The change was made.</summary>
    Done,

    /// <summary>The same change had been made already (a double click or a re-delivered form): nothing more was done.</summary>
    Repeated,

    /// <summary>No such submission, or not the person's own.</summary>
    NotFound,

    /// <summary>Its status does not allow the change (e.g. editing after it was accepted).</summary>
    NotAllowed,

    /// <summary>It changed since the card was shown; nothing was done.</summary>
    Stale,

    /// <summary>The person has as many open submissions as allowed.</summary>
    TooMany,
}

/// <summary>A change's outcome and the submission as it now stands (null when not found).</summary>
public sealed record SubmissionResult(SubmissionOutcome Outcome, WrittenSubmission? Submission);

/// <summary>Who submits: their stable id and the name they registered with.</summary>
public sealed record SubmissionAuthor(string Id, string Name);

/// <summary>
/// A submission as others may read it (the public page, the summary report): who is named is already limited to what
/// the author consented to, so no reader can show more by mistake.
/// </summary>
public sealed record SubmissionRecord(
    int Id,
    string Title,
    GcmTags Tags,
    string? Text,
    string? Link,
    string? PublicName,
    string? PublicOrganisation,
    PublicationConsent Consent,
    SubmissionStatus Status,
    bool IsPublished,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? PublishedAt);

/// <summary>
/// Written submissions in the database. Every change is one conditional UPDATE (status, owner and version in its WHERE),
/// so that two people acting at once, or one person clicking twice, change a submission once.
/// </summary>
public sealed class SubmissionStore(IDbContextFactory<GcmDbContext> databases, TimeProvider time)
{
    public async Task<SubmissionResult> CreateAsync(
        string submitKey, SubmissionAuthor author, SubmissionContent content, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var set = db.Set<WrittenSubmission>();
        // The count and the insert hold together: two forms sent at once by one person cannot both pass the limit.
        await using var transaction = await db.Database.BeginLockedAsync("submission-author:" + author.Id, cancellationToken);
        if (await set.AsNoTracking().FirstOrDefaultAsync(s => s.SubmitKey == submitKey, cancellationToken) is { } existing)
        {
            return Repeat(existing, author.Id);
        }

        var open = await set.CountAsync(
            s => s.AuthorId == author.Id && s.Status != SubmissionStatus.Withdrawn && s.Status != SubmissionStatus.Rejected,
            cancellationToken);
        if (open >= SubmissionRules.MaxOpenPerPerson)
        {
            return new SubmissionResult(SubmissionOutcome.TooMany, null);
        }

        var now = time.GetUtcNow();
        var submission = new WrittenSubmission
        {
            SubmitKey = submitKey,
            AuthorId = author.Id,
            AuthorName = author.Name,
            Title = content.Title,
            Themes = GcmTagRules.StoreThemes(content.Tags.Themes),
            Objectives = GcmTagRules.StoreObjectives(content.Tags.Objectives),
            Text = content.Text,
            Link = content.Link,
            Organisation = content.Organisation,
            Consent = content.Consent,
            Status = SubmissionStatus.Pending,
            Version = 1,
            SubmittedAt = now,
            UpdatedAt = now,
        };
        set.Add(submission);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new SubmissionResult(SubmissionOutcome.Done, submission);
        }
        catch (DbUpdateException)
        {
            // The unique key refused it: the same form was stored meanwhile, by a turn outside this person's lock.
            await transaction.RollbackAsync(cancellationToken);
            await using var again = await databases.CreateDbContextAsync(cancellationToken);
            var winner = await again.Set<WrittenSubmission>().AsNoTracking().FirstOrDefaultAsync(s => s.SubmitKey == submitKey, cancellationToken);
            return winner is null ? throw new InvalidOperationException("A submission could not be stored.") : Repeat(winner, author.Id);
        }
    }

    public async Task<WrittenSubmission?> FindAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<WrittenSubmission>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
    }

    /// <summary>The author changes their submission; a returned one goes back to the organisers.</summary>
    public async Task<SubmissionResult> EditAsync(
        int id, string authorId, int version, SubmissionContent content, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var themes = GcmTagRules.StoreThemes(content.Tags.Themes);
        var objectives = GcmTagRules.StoreObjectives(content.Tags.Objectives);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<WrittenSubmission>()
            .Where(s => s.Id == id && s.AuthorId == authorId && s.Version == version &&
                        (s.Status == SubmissionStatus.Pending || s.Status == SubmissionStatus.Returned))
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Title, content.Title)
                .SetProperty(s => s.Themes, themes)
                .SetProperty(s => s.Objectives, objectives)
                .SetProperty(s => s.Text, content.Text)
                .SetProperty(s => s.Link, content.Link)
                .SetProperty(s => s.Organisation, content.Organisation)
                .SetProperty(s => s.Consent, content.Consent)
                .SetProperty(s => s.Status, SubmissionStatus.Pending)
                .SetProperty(s => s.Version, s => s.Version + 1)
                .SetProperty(s => s.UpdatedAt, now),
                cancellationToken);

        var current = await FindAsync(id, cancellationToken);
        if (current is null || current.AuthorId != authorId)
        {
            return new SubmissionResult(SubmissionOutcome.NotFound, null);
        }

        if (rows == 1)
        {
            return new SubmissionResult(SubmissionOutcome.Done, current);
        }

        if (current.Version == version + 1 && current.Status == SubmissionStatus.Pending && SameContent(current, content, themes, objectives))
        {
            return new SubmissionResult(SubmissionOutcome.Repeated, current);
        }

        return new SubmissionResult(SubmissionRules.CanEdit(current.Status) ? SubmissionOutcome.Stale : SubmissionOutcome.NotAllowed, current);
    }

    public async Task<SubmissionResult> WithdrawAsync(int id, string authorId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<WrittenSubmission>()
            .Where(s => s.Id == id && s.AuthorId == authorId && s.Status != SubmissionStatus.Withdrawn)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, SubmissionStatus.Withdrawn)
                .SetProperty(s => s.Version, s => s.Version + 1)
                .SetProperty(s => s.UpdatedAt, now),
                cancellationToken);

        var current = await FindAsync(id, cancellationToken);
        if (current is null || current.AuthorId != authorId)
        {
            return new SubmissionResult(SubmissionOutcome.NotFound, null);
        }

        return new SubmissionResult(rows == 1 ? SubmissionOutcome.Done : SubmissionOutcome.Repeated, current);
    }

    /// <summary>An organiser's decision on the version they read.</summary>
    public async Task<SubmissionResult> ReviewAsync(
        int id, int version, ReviewDecision decision, string? comment, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var status = SubmissionRules.StatusAfter(decision);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<WrittenSubmission>()
            .Where(s => s.Id == id && s.Version == version && s.Status == SubmissionStatus.Pending)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, status)
                .SetProperty(s => s.ReviewComment, comment)
                .SetProperty(s => s.ReviewedAt, now)
                .SetProperty(s => s.Version, s => s.Version + 1)
                .SetProperty(s => s.UpdatedAt, now),
                cancellationToken);

        var current = await FindAsync(id, cancellationToken);
        if (current is null)
        {
            return new SubmissionResult(SubmissionOutcome.NotFound, null);
        }

        if (rows == 1)
        {
            return new SubmissionResult(SubmissionOutcome.Done, current);
        }

        if (current.Version == version + 1 && current.Status == status)
        {
            return new SubmissionResult(SubmissionOutcome.Repeated, current);
        }

        return new SubmissionResult(SubmissionRules.CanReview(current.Status) ? SubmissionOutcome.Stale : SubmissionOutcome.NotAllowed, current);
    }

    /// <summary>A person's own submissions, newest first (withdrawn ones too, so they can see what they took back).</summary>
    public Task<ListPage<WrittenSubmission>> MineAsync(string authorId, int pageIndex, int pageSize, CancellationToken cancellationToken) =>
        PageAsync(s => s.AuthorId == authorId, newestFirst: true, pageIndex, pageSize, cancellationToken);

    /// <summary>Submissions waiting for a decision, oldest first (first come, first reviewed).</summary>
    public Task<ListPage<WrittenSubmission>> PendingAsync(int pageIndex, int pageSize, CancellationToken cancellationToken) =>
        PageAsync(s => s.Status == SubmissionStatus.Pending, newestFirst: false, pageIndex, pageSize, cancellationToken);

    /// <summary>What the public page shows: accepted submissions whose authors allowed publication, oldest first.</summary>
    public Task<IReadOnlyList<SubmissionRecord>> PublishedAsync(CancellationToken cancellationToken) =>
        RecordsAsync(s => s.Status == SubmissionStatus.Accepted && s.Consent != PublicationConsent.NotPublished, cancellationToken);

    /// <summary>Submissions received on a roundtable theme (all but withdrawn ones), for the summary report.</summary>
    public Task<IReadOnlyList<SubmissionRecord>> ForThemeAsync(char theme, CancellationToken cancellationToken)
    {
        var code = char.ToLowerInvariant(theme).ToString();
        return RecordsAsync(s => s.Status != SubmissionStatus.Withdrawn && s.Themes.Contains(code), cancellationToken);
    }

    /// <summary>Submissions received on a GCM objective (all but withdrawn ones).</summary>
    public Task<IReadOnlyList<SubmissionRecord>> ForObjectiveAsync(int objective, CancellationToken cancellationToken)
    {
        var pattern = GcmTagRules.StoredObjectivePattern(objective);
        return RecordsAsync(s => s.Status != SubmissionStatus.Withdrawn && EF.Functions.Like(s.Objectives, pattern), cancellationToken);
    }

    /// <summary>
    /// "Forget me": the person's id and name leave every submission. One published with their name is withdrawn, since
    /// the consent it was published under named them; others stay as their organisation's (or the secretariat's) record.
    /// </summary>
    public async Task EraseAuthorAsync(string authorId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var set = db.Set<WrittenSubmission>();
        await set.Where(s => s.AuthorId == authorId && s.Consent == PublicationConsent.WithName && s.Status != SubmissionStatus.Withdrawn)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, SubmissionStatus.Withdrawn)
                .SetProperty(s => s.Version, s => s.Version + 1)
                .SetProperty(s => s.UpdatedAt, now),
                cancellationToken);
        await set.Where(s => s.AuthorId == authorId)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.AuthorId, (string?)null)
                .SetProperty(s => s.AuthorName, (string?)null)
                .SetProperty(s => s.Version, s => s.Version + 1)
                .SetProperty(s => s.UpdatedAt, now),
                cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public static SubmissionRecord ToRecord(WrittenSubmission s)
    {
        var (name, organisation) = SubmissionRules.PublicAuthor(s.Consent, s.AuthorName, s.Organisation);
        var published = SubmissionRules.IsPublished(s.Status, s.Consent);
        return new SubmissionRecord(
            s.Id,
            s.Title,
            GcmTagRules.Read(s.Themes, s.Objectives),
            s.Text,
            s.Link,
            name,
            organisation,
            s.Consent,
            s.Status,
            published,
            s.SubmittedAt,
            published ? s.ReviewedAt : null);
    }

    public static GcmTags TagsOf(WrittenSubmission s) => GcmTagRules.Read(s.Themes, s.Objectives);

    private async Task<IReadOnlyList<SubmissionRecord>> RecordsAsync(
        System.Linq.Expressions.Expression<Func<WrittenSubmission, bool>> filter, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<WrittenSubmission>().AsNoTracking().Where(filter).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return rows.Select(ToRecord).ToList();
    }

    private async Task<ListPage<WrittenSubmission>> PageAsync(
        System.Linq.Expressions.Expression<Func<WrittenSubmission, bool>> filter,
        bool newestFirst,
        int pageIndex,
        int pageSize,
        CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var query = db.Set<WrittenSubmission>().AsNoTracking().Where(filter);
        var total = await query.CountAsync(cancellationToken);
        var index = ListPage<WrittenSubmission>.Clamp(pageIndex, total, pageSize);
        var ordered = newestFirst ? query.OrderByDescending(s => s.Id) : query.OrderBy(s => s.Id);
        var items = await ordered.Skip(index * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new ListPage<WrittenSubmission>(items, index, pageSize, total);
    }

    private static SubmissionResult Repeat(WrittenSubmission existing, string authorId) =>
        existing.AuthorId == authorId
            ? new SubmissionResult(SubmissionOutcome.Repeated, existing)
            : new SubmissionResult(SubmissionOutcome.NotFound, null);

    private static bool SameContent(WrittenSubmission s, SubmissionContent content, string themes, string objectives) =>
        s.Title == content.Title && s.Themes == themes && s.Objectives == objectives && s.Text == content.Text &&
        s.Link == content.Link && s.Organisation == content.Organisation && s.Consent == content.Consent;
}
