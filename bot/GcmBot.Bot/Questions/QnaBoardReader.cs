using GcmBot.Bot.Storage;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.Questions;

/// <summary>Who is looking at a board: nobody in particular (the shared message), a participant, or a moderator.</summary>
public sealed record BoardViewer(QnaViewer Role, string? StableId)
{
    public static BoardViewer Everyone { get; } = new(QnaViewer.Everyone, null);
}

/// <summary>What a view of the board shows besides the questions: a page, a notice for the presser, downloads.</summary>
public sealed record BoardRequest(int? Page = null, string? Notice = null, bool NoticeIsWarning = false)
{
    public IReadOnlyList<QnaLink> Links { get; init; } = [];
}

/// <summary>
/// Reads a board from the database for one viewer. The shared view carries nobody's identity; personal views add only
/// the viewer's own votes and questions; askers' names appear only in moderators' views and only where allowed.
/// Every view is computed from a <see cref="QnaBoardSnapshot"/> of the session at its stored version, kept in
/// <see cref="QnaBoardCache"/> until the version moves: the many views asked for between two changes (moderators'
/// refreshes, the shared board, "My view") read the questions once.
/// </summary>
public sealed class QnaBoardReader(IDbContextFactory<GcmDbContext> databases, IOptions<QnaOptions> options, QnaBoardCache cache)
{
    private const int RecentlyAnsweredShown = 3;
    private const int WaitingShown = 3;
    private const int ViewerQuestionsShown = 3;
    private static readonly IReadOnlySet<int> NoVotes = new HashSet<int>();

    public async Task<QnaBoardModel> ReadAsync(QnaSession session, BoardViewer viewer, BoardRequest request, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var snapshot = cache.At(session.Id, session.Version);
        if (snapshot is null)
        {
            snapshot = await QnaBoardSnapshot.LoadAsync(db, session.Id, cancellationToken)
                ?? new QnaBoardSnapshot(session, session.Version, [], []);
            cache.Offer(snapshot);
        }

        IReadOnlySet<int> voted = viewer.StableId is { } voterId && viewer.Role != QnaViewer.Everyone
            ? (await db.Set<QuestionVote>().AsNoTracking()
                .Where(v => v.VoterId == voterId && db.Set<Question>().Any(q => q.Id == v.QuestionId && q.SessionId == session.Id))
                .Select(v => v.QuestionId).ToListAsync(cancellationToken)).ToHashSet()
            : NoVotes;

        // Answers still owed to the viewer (an asker without a personal chat), read fresh: telling them does not change
        // the board's version, so a cached snapshot may still show them owed.
        IReadOnlyList<Question> owed = viewer.StableId is { } askerId && viewer.Role != QnaViewer.Everyone && MayOweAnswer(snapshot, askerId)
            ? await db.Set<Question>().AsNoTracking()
                .Where(q => q.SessionId == session.Id && q.AuthorId == askerId && q.AskerNoticePending
                    && (q.Status == QuestionStatus.Answered || q.Status == QuestionStatus.Merged))
                .OrderBy(q => q.Number).Take(ViewerQuestionsShown).ToListAsync(cancellationToken)
            : [];
        return Build(snapshot, viewer, request, voted, owed);
    }

    /// <summary>Whether the snapshot shows an answer that may still be owed to this person (then the database decides).</summary>
    public static bool MayOweAnswer(QnaBoardSnapshot snapshot, string? stableId) =>
        stableId is not null && snapshot.Questions.Any(q => q.AskerNoticePending && q.AuthorId == stableId);

    /// <summary>
    /// A view of the board from a snapshot, without the database: <paramref name="voted"/> are the ids of the questions
    /// the viewer has voted for (at least those shown).
    /// </summary>
    public QnaBoardModel Build(QnaBoardSnapshot snapshot, BoardViewer viewer, BoardRequest request, IReadOnlySet<int> voted, IReadOnlyList<Question>? owed = null)
    {
        owed ??= [];
        var session = snapshot.Session;
        var questions = snapshot.Questions;
        int CountOf(QuestionStatus status) => questions.Count(q => q.Status == status);
        var openCount = CountOf(QuestionStatus.Open);
        var answeredCount = CountOf(QuestionStatus.Answered);
        var visible = openCount + answeredCount;

        List<Question> listed;
        QnaPage? page = null;
        if (request.Page is { } requested)
        {
            var size = options.Value.PageSize;
            var pageCount = Math.Max(1, (visible + size - 1) / size);
            var index = Math.Clamp(requested, 0, pageCount - 1);
            page = new QnaPage(index, pageCount);
            // Open questions first (most votes, then oldest), then the answered ones.
            listed = questions
                .Where(q => q.Status == QuestionStatus.Open || q.Status == QuestionStatus.Answered)
                .OrderBy(q => q.Status == QuestionStatus.Answered ? 1 : 0)
                .ThenByDescending(q => q.VoteCount)
                .ThenBy(q => q.Number)
                .Skip(index * size)
                .Take(size)
                .ToList();
        }
        else
        {
            listed = questions
                .Where(q => q.Status == QuestionStatus.Open)
                .OrderByDescending(q => q.VoteCount)
                .ThenBy(q => q.Number)
                .Take(options.Value.BoardTopCount)
                .ToList();
        }

        var pinned = session.PinnedQuestionId is { } pinnedId && request.Page is null ? snapshot.Find(pinnedId) : null;
        var answered = request.Page is null
            ? questions.Where(q => q.Status == QuestionStatus.Answered)
                .OrderByDescending(q => q.AnsweredAt).ThenByDescending(q => q.Number)
                .Take(RecentlyAnsweredShown).ToList()
            : [];
        var waiting = viewer.Role == QnaViewer.Moderator
            ? questions.Where(q => q.Status == QuestionStatus.Waiting).OrderBy(q => q.Number).Take(WaitingShown).ToList()
            : [];
        var own = viewer.StableId is { } viewerId && viewer.Role != QnaViewer.Everyone
            ? questions.Where(q => q.AuthorId == viewerId && (q.Status == QuestionStatus.Waiting || q.Status == QuestionStatus.Open))
                .OrderBy(q => q.Number).Take(ViewerQuestionsShown).ToList()
            : [];
        var owedTargets = owed.Where(q => q.MergedIntoId is not null)
            .Select(q => snapshot.Find(q.MergedIntoId!.Value))
            .OfType<Question>()
            .ToDictionary(q => q.Id);
        var shownVotes = viewer.Role == QnaViewer.Everyone ? NoVotes : voted;
        var refreshIds = viewer.Role == QnaViewer.Everyone
            ? snapshot.ModeratorTeamsIds.Take(QnaLimits.MaxRefreshUsers).ToList()
            : [];

        QnaQuestionItem Item(Question q) => ToItem(session, viewer, q, shownVotes);

        return new QnaBoardModel(session.Id, session.Title, session.Status == SessionStatus.Open, viewer.Role)
        {
            EventId = session.EventId,
            PreModeration = session.PreModeration,
            AskerVisibility = ToCard(session.AskerVisibility),
            Pinned = pinned is null ? null : Item(pinned),
            Questions = listed.Select(Item).ToList(),
            RecentlyAnswered = answered.Select(Item).ToList(),
            ViewerQuestions = own.Select(Item).ToList(),
            AnsweredForViewer = owed.Select(q => q.MergedIntoId is { } target && owedTargets.TryGetValue(target, out var into)
                    ? Item(q) with { Answer = into.Answer, MergedIntoNumber = into.Number }
                    : Item(q))
                .ToList(),
            Waiting = waiting.Select(Item).ToList(),
            OpenCount = openCount,
            AnsweredCount = answeredCount,
            WaitingCount = viewer.Role == QnaViewer.Moderator ? CountOf(QuestionStatus.Waiting) : 0,
            TotalVotes = questions.Where(q => q.Status is QuestionStatus.Open or QuestionStatus.Answered).Sum(q => q.VoteCount),
            Page = page,
            Notice = request.Notice,
            NoticeIsWarning = request.NoticeIsWarning,
            Links = request.Links,
            RefreshUserIds = refreshIds,
        };
    }

    /// <summary>One question for its own card; null when the viewer may not see it (e.g. another's waiting question).</summary>
    public async Task<QnaQuestionModel?> ReadQuestionAsync(QnaSession session, BoardViewer viewer, int questionId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var question = await db.Set<Question>().AsNoTracking().FirstOrDefaultAsync(q => q.Id == questionId && q.SessionId == session.Id, cancellationToken);
        if (question is null)
        {
            return null;
        }

        var isAsker = viewer.StableId is not null && question.AuthorId == viewer.StableId;
        var visible = question.Status is QuestionStatus.Open or QuestionStatus.Answered || isAsker ||
            (viewer.Role == QnaViewer.Moderator && question.Status == QuestionStatus.Waiting);
        if (!visible)
        {
            return null;
        }

        var voted = viewer.StableId is { } voterId &&
            await db.Set<QuestionVote>().AnyAsync(v => v.QuestionId == questionId && v.VoterId == voterId, cancellationToken);
        return new QnaQuestionModel(session.Id, session.Title, session.Status == SessionStatus.Open, viewer.Role, ToItem(session, viewer, question, voted ? new HashSet<int> { questionId } : NoVotes))
        {
            IsPinned = session.PinnedQuestionId == questionId,
            AskerVisibility = ToCard(session.AskerVisibility),
            PreModeration = session.PreModeration,
        };
    }

    /// <summary>A person's own questions across sessions, newest first, for our personal chat.</summary>
    public async Task<QnaMyQuestionsModel> ReadOwnAsync(string askerId, string? notice, bool warning, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from q in db.Set<Question>().AsNoTracking()
            join s in db.Set<QnaSession>().AsNoTracking() on q.SessionId equals s.Id
            where q.AuthorId == askerId && q.Status != QuestionStatus.Withdrawn
            orderby s.Status == SessionStatus.Open ? 0 : 1, q.Id descending
            select new { Question = q, Session = s }).Take(QnaLimits.MaxListed).ToListAsync(cancellationToken);
        var viewer = new BoardViewer(QnaViewer.Participant, askerId);
        var mergedIds = rows.Where(r => r.Question.MergedIntoId != null).Select(r => r.Question.MergedIntoId!.Value).ToList();
        var mergedNumbers = await db.Set<Question>().AsNoTracking()
            .Where(q => mergedIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, q => q.Number, cancellationToken);
        var items = rows.Select(r => new QnaOwnQuestion(
                r.Session.Id,
                r.Session.Title,
                r.Session.Status == SessionStatus.Open,
                ToCard(r.Session.AskerVisibility),
                ToItem(r.Session, viewer, r.Question, NoVotes) with
                {
                    MergedIntoNumber = r.Question.MergedIntoId is { } m && mergedNumbers.TryGetValue(m, out var n) ? n : null,
                }))
            .ToList();
        return new QnaMyQuestionsModel(items) { Notice = notice, NoticeIsWarning = warning };
    }

    public static QnaAskerVisibility ToCard(AskerVisibility visibility) =>
        visibility == AskerVisibility.Moderators ? QnaAskerVisibility.Moderators : QnaAskerVisibility.Nobody;

    private static QnaQuestionItem ToItem(QnaSession session, BoardViewer viewer, Question q, IReadOnlySet<int> voted) =>
        new(q.Id, q.Number, q.Text, q.VoteCount, ToCard(q.Status))
        {
            Answer = q.Answer,
            VotedByViewer = voted.Contains(q.Id),
            AskedByViewer = viewer.Role != QnaViewer.Everyone && viewer.StableId is not null && q.AuthorId == viewer.StableId,
            // Moderators only, and only under a policy that lets them see names: the name, or "anonymous".
            AskerShown = viewer.Role == QnaViewer.Moderator && session.AskerVisibility == AskerVisibility.Moderators,
            AskerName = viewer.Role == QnaViewer.Moderator && session.AskerVisibility == AskerVisibility.Moderators && !q.AskedAnonymously
                ? q.AuthorName
                : null,
        };

    private static QnaQuestionStatus ToCard(QuestionStatus status) => status switch
    {
        QuestionStatus.Waiting => QnaQuestionStatus.Waiting,
        QuestionStatus.Open => QnaQuestionStatus.Open,
        QuestionStatus.Answered => QnaQuestionStatus.Answered,
        QuestionStatus.Dismissed => QnaQuestionStatus.Dismissed,
        QuestionStatus.Withdrawn => QnaQuestionStatus.Withdrawn,
        _ => QnaQuestionStatus.Merged,
    };
}
