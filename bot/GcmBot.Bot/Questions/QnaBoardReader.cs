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
/// </summary>
public sealed class QnaBoardReader(IDbContextFactory<GcmDbContext> databases, IOptions<QnaOptions> options)
{
    private const int RecentlyAnsweredShown = 3;
    private const int WaitingShown = 3;
    private const int ViewerQuestionsShown = 3;

    public async Task<QnaBoardModel> ReadAsync(QnaSession session, BoardViewer viewer, BoardRequest request, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var questions = db.Set<Question>().AsNoTracking().Where(q => q.SessionId == session.Id);
        var counts = await questions
            .GroupBy(q => q.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Votes = g.Sum(q => q.VoteCount) })
            .ToListAsync(cancellationToken);
        int CountOf(QuestionStatus status) => counts.FirstOrDefault(c => c.Status == status)?.Count ?? 0;
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
            listed = await questions
                .Where(q => q.Status == QuestionStatus.Open || q.Status == QuestionStatus.Answered)
                .OrderBy(q => q.Status == QuestionStatus.Answered ? 1 : 0)
                .ThenByDescending(q => q.VoteCount)
                .ThenBy(q => q.Number)
                .Skip(index * size)
                .Take(size)
                .ToListAsync(cancellationToken);
        }
        else
        {
            listed = await questions
                .Where(q => q.Status == QuestionStatus.Open)
                .OrderByDescending(q => q.VoteCount)
                .ThenBy(q => q.Number)
                .Take(options.Value.BoardTopCount)
                .ToListAsync(cancellationToken);
        }

        var pinned = session.PinnedQuestionId is { } pinnedId && request.Page is null
            ? await questions.FirstOrDefaultAsync(q => q.Id == pinnedId, cancellationToken)
            : null;
        var answered = request.Page is null
            ? await questions.Where(q => q.Status == QuestionStatus.Answered)
                .OrderByDescending(q => q.AnsweredAt).ThenByDescending(q => q.Number)
                .Take(RecentlyAnsweredShown).ToListAsync(cancellationToken)
            : [];
        var waiting = viewer.Role == QnaViewer.Moderator
            ? await questions.Where(q => q.Status == QuestionStatus.Waiting).OrderBy(q => q.Number).Take(WaitingShown).ToListAsync(cancellationToken)
            : [];
        // The viewer's own live questions, and those whose answer is still owed to them (one query: it is rare).
        var ownRows = viewer.StableId is { } viewerId && viewer.Role != QnaViewer.Everyone
            ? await questions.Where(q => q.AuthorId == viewerId && (q.Status == QuestionStatus.Waiting || q.Status == QuestionStatus.Open || q.AskerNoticePending))
                .OrderBy(q => q.Number).ToListAsync(cancellationToken)
            : [];
        var own = ownRows.Where(q => QuestionRules.IsLive(q.Status)).Take(ViewerQuestionsShown).ToList();
        var owed = ownRows.Where(q => q.AskerNoticePending && q.Status is QuestionStatus.Answered or QuestionStatus.Merged).Take(ViewerQuestionsShown).ToList();
        var targetIds = owed.Where(q => q.MergedIntoId is not null).Select(q => q.MergedIntoId!.Value).ToList();
        var owedTargets = targetIds.Count > 0
            ? await questions.Where(q => targetIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, cancellationToken)
            : [];

        var shownIds = listed.Concat(answered).Concat(own).Concat(waiting).Select(q => q.Id)
            .Concat(pinned is null ? [] : [pinned.Id]).Distinct().ToList();
        var voted = viewer.StableId is { } voterId && viewer.Role != QnaViewer.Everyone
            ? (await db.Set<QuestionVote>().AsNoTracking()
                .Where(v => v.VoterId == voterId && shownIds.Contains(v.QuestionId))
                .Select(v => v.QuestionId).ToListAsync(cancellationToken)).ToHashSet()
            : [];
        var refreshIds = viewer.Role == QnaViewer.Everyone
            ? await db.Set<QnaModerator>().AsNoTracking()
                .Where(m => m.SessionId == session.Id)
                .OrderByDescending(m => m.LastSeenAt)
                .Take(QnaLimits.MaxRefreshUsers)
                .Select(m => m.TeamsUserId)
                .ToListAsync(cancellationToken)
            : [];

        QnaQuestionItem Item(Question q) => ToItem(session, viewer, q, voted);

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
            TotalVotes = counts.Where(c => c.Status is QuestionStatus.Open or QuestionStatus.Answered).Sum(c => c.Votes),
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
        return new QnaQuestionModel(session.Id, session.Title, session.Status == SessionStatus.Open, viewer.Role, ToItem(session, viewer, question, voted ? [questionId] : []))
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
                ToItem(r.Session, viewer, r.Question, []) with
                {
                    MergedIntoNumber = r.Question.MergedIntoId is { } m && mergedNumbers.TryGetValue(m, out var n) ? n : null,
                }))
            .ToList();
        return new QnaMyQuestionsModel(items) { Notice = notice, NoticeIsWarning = warning };
    }

    public static QnaAskerVisibility ToCard(AskerVisibility visibility) =>
        visibility == AskerVisibility.Moderators ? QnaAskerVisibility.Moderators : QnaAskerVisibility.Nobody;

    private static QnaQuestionItem ToItem(QnaSession session, BoardViewer viewer, Question q, HashSet<int> voted) =>
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
