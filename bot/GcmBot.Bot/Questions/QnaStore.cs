using GcmBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.Questions;

/// <summary>One vote to add or take back, and the turn it came in (its record is written with the vote).</summary>
public sealed record VoteRequest(int QuestionId, string VoterId, VoteIntent Intent, FinishedTurn? Turn = null);

/// <summary>
/// What a vote did, and the board right after it (null when it could not be told): the snapshot it committed, and the
/// questions the voter has voted for then.
/// </summary>
public sealed record VoteResult(QnaOutcome Outcome, QnaBoardSnapshot? Board, IReadOnlySet<int> VotedByVoter);

/// <summary>Options of the Q&amp;A.</summary>
public sealed class QnaOptions
{
    public const string SectionName = "Questions";

    /// <summary>The shared board message is updated at most this often per chat (Teams allows 7 sends per second per thread).</summary>
    [System.ComponentModel.DataAnnotations.Range(200, 60_000)]
    public int BoardUpdateIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Questions on the board; "show all" pages through the rest.</summary>
    [System.ComponentModel.DataAnnotations.Range(3, GcmBot.Cards.Questions.QnaLimits.MaxListed)]
    public int BoardTopCount { get; set; } = 8;

    [System.ComponentModel.DataAnnotations.Range(3, GcmBot.Cards.Questions.QnaLimits.MaxListed)]
    public int PageSize { get; set; } = 8;

    [System.ComponentModel.DataAnnotations.Range(1, 100)]
    public int MaxActiveQuestionsPerPerson { get; set; } = QuestionRules.DefaultMaxActivePerPerson;

    [System.ComponentModel.DataAnnotations.Range(10, 100_000)]
    public int MaxQuestionsPerSession { get; set; } = 5000;
}

/// <summary>
/// The Q&amp;A's storage. Every change runs in one short transaction (on SQLite an immediate one, so writers queue
/// instead of failing) that also bumps the session's <see cref="QnaSession.Version"/>: the board is always rendered
/// from what is committed. Races are settled by unique indexes (one vote per person, one open session per chat).
/// </summary>
public sealed class QnaStore : IDisposable
{
    private const int MaxAttempts = 3;

    private readonly IDbContextFactory<GcmDbContext> databases;
    private readonly IOptions<QnaOptions> options;
    private readonly QnaBoardCache cache;
    private readonly FinishedTurns finishedTurns;
    private readonly TimeProvider time;

    // Votes arriving while a batch of the same session commits go together in the next one (see GroupCommit).
    private readonly GroupCommit<int, VoteRequest, VoteResult> _votes;

    public QnaStore(
        IDbContextFactory<GcmDbContext> databases,
        IOptions<QnaOptions> options,
        IOptions<StorageOptions> storage,
        QnaBoardCache cache,
        FinishedTurns finishedTurns,
        TimeProvider time)
    {
        this.databases = databases;
        this.options = options;
        this.cache = cache;
        this.finishedTurns = finishedTurns;
        this.time = time;
        _sqliteWriter = storage.Value.Provider == StorageProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;
        _votes = new GroupCommit<int, VoteRequest, VoteResult>(CommitVotesAsync);
    }

    // SQLite lets one writer in at a time and makes the others sleep and retry (blocking a thread each). Q&A writers
    // queue here instead, asynchronously, so a thousand votes at once wait their turn without spinning or timing out.
    // PostgreSQL needs no gate: row locks order the writers.
    private readonly SemaphoreSlim? _sqliteWriter;

    public async Task<QnaSession?> FindAsync(int sessionId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<QnaSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
    }

    public async Task<QnaSession?> FindOpenInAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<QnaSession>().AsNoTracking()
            .FirstOrDefaultAsync(s => s.ConversationId == conversationId && s.Status == SessionStatus.Open, cancellationToken);
    }

    /// <summary>The open session of a conversation, else the one opened last there.</summary>
    public async Task<QnaSession?> FindCurrentInAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<QnaSession>().AsNoTracking()
            .Where(s => s.ConversationId == conversationId)
            .OrderBy(s => s.Status == SessionStatus.Open ? 0 : 1)
            .ThenByDescending(s => s.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Open sessions a person of this tenant can ask in from our personal chat.</summary>
    public async Task<IReadOnlyList<QnaSession>> OpenSessionsAsync(string? tenantId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<QnaSession>().AsNoTracking()
            .Where(s => s.Status == SessionStatus.Open && (tenantId == null || s.TenantId == null || s.TenantId == tenantId))
            .OrderByDescending(s => s.Id)
            .Take(25)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Opens a session; refused when one is already open in the conversation.</summary>
    public async Task<(QnaOutcome Outcome, QnaSession? Session)> OpenAsync(QnaSession draft, CancellationToken cancellationToken)
    {
        draft.Status = SessionStatus.Open;
        draft.OpenedAt = time.GetUtcNow();
        draft.Version = 1;
        draft.RenderedVersion = 0;
        try
        {
            return await WriteAsync(async db =>
            {
                var existing = await db.Set<QnaSession>().AsNoTracking()
                    .FirstOrDefaultAsync(s => s.ConversationId == draft.ConversationId && s.Status == SessionStatus.Open, cancellationToken);
                if (existing is not null)
                {
                    return (QnaOutcome.Refused(QnaNotice.AlreadyOpenHere) with { Title = existing.Title }, existing);
                }

                db.Add(draft);
                await db.SaveChangesAsync(cancellationToken);
                return (QnaOutcome.Done(QnaNotice.Opened) with { Title = draft.Title }, (QnaSession?)draft);
            }, cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Another moderator opened one in the same moment (another process, or PostgreSQL); theirs stands.
            return (QnaOutcome.Refused(QnaNotice.OpenedByAnother), await FindOpenInAsync(draft.ConversationId, cancellationToken));
        }
    }

    public async Task<QnaOutcome> AskAsync(int sessionId, Asker asker, string text, CancellationToken cancellationToken)
    {
        var askKey = QuestionRules.AskKey(asker.StableId, text);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteAsync(db => AskOnceAsync(db, sessionId, asker, text, askKey, cancellationToken), cancellationToken);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex) && attempt < MaxAttempts)
            {
                // A concurrent Ask of the same text, or (PostgreSQL) of the same number: the next attempt sees it.
            }
        }
    }

    private async Task<QnaOutcome> AskOnceAsync(GcmDbContext db, int sessionId, Asker asker, string text, string askKey, CancellationToken cancellationToken)
    {
        var session = await db.Set<QnaSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null || session.Status != SessionStatus.Open)
        {
            return QnaOutcome.Refused(QnaNotice.ClosedToQuestions);
        }

        var questions = db.Set<Question>();
        var same = await questions.AsNoTracking().FirstOrDefaultAsync(q => q.SessionId == sessionId && q.AskKey == askKey, cancellationToken);
        if (same is not null)
        {
            return QnaOutcome.AlreadyDone(QnaNotice.AlreadyAsked, same.Number) with { Question = same };
        }

        var live = await questions.CountAsync(
            q => q.SessionId == sessionId && q.AuthorId == asker.StableId && (q.Status == QuestionStatus.Waiting || q.Status == QuestionStatus.Open),
            cancellationToken);
        if (live >= options.Value.MaxActiveQuestionsPerPerson)
        {
            return QnaOutcome.Refused(QnaNotice.TooManyQuestions) with { Count = live };
        }

        if (session.LastNumber >= options.Value.MaxQuestionsPerSession)
        {
            return QnaOutcome.Refused(QnaNotice.SessionFull);
        }

        // The row update also holds the session row (PostgreSQL) until commit, so numbers are handed out one by one.
        await db.Set<QnaSession>().Where(s => s.Id == sessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastNumber, x => x.LastNumber + 1).SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
        var number = await db.Set<QnaSession>().Where(s => s.Id == sessionId).Select(s => s.LastNumber).FirstAsync(cancellationToken);
        var now = time.GetUtcNow();
        var question = new Question
        {
            SessionId = sessionId,
            Number = number,
            Text = text,
            Status = session.PreModeration ? QuestionStatus.Waiting : QuestionStatus.Open,
            AuthorId = asker.StableId,
            AuthorName = session.AskerVisibility == AskerVisibility.Moderators && !asker.WantsAnonymity ? Truncate(asker.Name, 200) : null,
            AskedAnonymously = asker.WantsAnonymity || session.AskerVisibility == AskerVisibility.Nobody,
            AskKey = askKey,
            AskedAt = now,
            UpdatedAt = now,
        };
        questions.Add(question);
        await db.SaveChangesAsync(cancellationToken);
        return QnaOutcome.Done(session.PreModeration ? QnaNotice.AskedWaiting : QnaNotice.Asked, number) with { Question = question };
    }

    public async Task<QnaOutcome> VoteAsync(int sessionId, int questionId, string voterId, VoteIntent intent, CancellationToken cancellationToken) =>
        (await VoteWithBoardAsync(sessionId, questionId, voterId, intent, cancellationToken)).Outcome;

    /// <summary>
    /// Adds or takes back a vote, together with the other votes of the session arriving at the same moment (one
    /// transaction for them all), and answers with the board as the vote left it: the voter's answer needs no
    /// further read of the database.
    /// </summary>
    public async Task<VoteResult> VoteWithBoardAsync(int sessionId, int questionId, string voterId, VoteIntent intent, CancellationToken cancellationToken)
    {
        try
        {
            return await _votes.SubmitAsync(sessionId, new VoteRequest(questionId, voterId, intent, finishedTurns.Current)).WaitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // The same person's other click won the race (another instance, or PostgreSQL): their vote is counted once.
            return new VoteResult(QnaOutcome.AlreadyDone(QnaNotice.VoteCountedOnce), null, new HashSet<int>());
        }
    }

    /// <summary>
    /// One transaction for a batch of votes of one session: the session's version is bumped first (on SQLite the
    /// transaction already holds the write lock, on PostgreSQL this takes the session row's lock), so the version
    /// before the batch is exact and the cached snapshot at that version can be trusted for the questions' states.
    /// Double clicks within the batch are settled in memory; the unique index still guards against other processes.
    /// </summary>
    private async Task<IReadOnlyList<VoteResult>> CommitVotesAsync(int sessionId, IReadOnlyList<VoteRequest> votes)
    {
        var cancellationToken = CancellationToken.None;
        if (_sqliteWriter is not null)
        {
            await _sqliteWriter.WaitAsync(cancellationToken);
        }

        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var voterIds = votes.Select(v => v.VoterId).Distinct(StringComparer.Ordinal).ToList();
            if (await VoteBatchSql.BumpAndReadAsync(db, sessionId, voterIds, cancellationToken) is not { } read)
            {
                var gone = new VoteResult(QnaOutcome.Refused(QnaNotice.NotInSessionNoVote), null, new HashSet<int>());
                return votes.Select(_ => gone).ToList();
            }

            // The turns' de-duplication records are claimed with their votes: a re-delivered press is found here
            // (its record is there) and changes nothing; the others' records commit with their votes.
            var claimed = await FinishedTurns.ClaimAsync(db, FinishedTurns.Pending(votes.Select(v => v.Turn)), time.GetUtcNow(), cancellationToken);
            var (bumped, has) = read;
            var before = bumped - 1;
            var snapshot = cache.At(sessionId, before) ?? await LoadUnderLockAsync(db, sessionId, before, cancellationToken);
            var outcomes = new List<QnaOutcome>(votes.Count);
            var deltas = new Dictionary<int, int>();
            var inserts = new Dictionary<(int, string), QuestionVote>();
            var deletes = new HashSet<(int, string)>();
            foreach (var vote in votes)
            {
                outcomes.Add(Apply(vote));
            }

            QnaBoardSnapshot after;
            if (inserts.Count == 0 && deletes.Count == 0)
            {
                // Nothing changed (replays, double clicks, refusals): the bump and the claims are rolled back with
                // the transaction; the de-duplication middleware records those turns.
                after = snapshot;
            }
            else
            {
                await VoteBatchSql.WriteAsync(db, inserts.Values, deletes, deltas, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                FinishedTurns.Recorded(claimed);
                after = snapshot.WithVotes(deltas, before + 1);
                cache.Offer(after);
            }

            return votes.Select((vote, i) => new VoteResult(
                    outcomes[i],
                    after,
                    has.Where(h => h.VoterId == vote.VoterId).Select(h => h.QuestionId).ToHashSet()))
                .ToList();

            QnaOutcome Apply(VoteRequest vote)
            {
                if (snapshot.Find(vote.QuestionId) is not { } target)
                {
                    return QnaOutcome.Refused(QnaNotice.NotInSessionNoVote);
                }

                if (snapshot.Session.Status != SessionStatus.Open)
                {
                    return QnaOutcome.Refused(QnaNotice.ClosedToVotes);
                }

                if (!QuestionRules.TakesVotes(target.Status))
                {
                    int? mergedInto = target.MergedIntoId is { } id ? snapshot.Find(id)?.Number : null;
                    return QuestionRules.WhyNoVote(target.Status, target.Number, mergedInto);
                }

                var key = (vote.QuestionId, vote.VoterId);
                var hasVoted = has.Contains(key);
                if (vote.Turn is { IsRedelivery: true })
                {
                    // This very press was counted before (Teams re-delivered it): it changes nothing.
                    return QnaOutcome.AlreadyDone(hasVoted ? QnaNotice.VoteCounted : QnaNotice.NoVote, target.Number);
                }

                var wantsVote = QuestionRules.WantsVote(vote.Intent, hasVoted);
                if (wantsVote == hasVoted)
                {
                    return QnaOutcome.AlreadyDone(hasVoted ? QnaNotice.VoteCounted : QnaNotice.NoVote, target.Number);
                }

                if (wantsVote)
                {
                    has.Add(key);
                    if (!deletes.Remove(key))
                    {
                        inserts[key] = new QuestionVote { QuestionId = vote.QuestionId, VoterId = vote.VoterId, VotedAt = time.GetUtcNow() };
                    }
                }
                else
                {
                    has.Remove(key);
                    if (!inserts.Remove(key))
                    {
                        deletes.Add(key);
                    }
                }

                deltas[vote.QuestionId] = deltas.GetValueOrDefault(vote.QuestionId) + (wantsVote ? 1 : -1);
                return QnaOutcome.Done(wantsVote ? QnaNotice.VoteCounted : QnaNotice.VoteTakenBack, target.Number);
            }
        }
        finally
        {
            _sqliteWriter?.Release();
        }
    }

    /// <summary>The snapshot before a batch, read inside its transaction once the version is bumped: exact.</summary>
    private async Task<QnaBoardSnapshot> LoadUnderLockAsync(GcmDbContext db, int sessionId, long before, CancellationToken cancellationToken)
    {
        var loaded = await QnaBoardSnapshot.LoadAsync(db, sessionId, cancellationToken)
            ?? throw new InvalidOperationException("The session disappeared inside the transaction that bumped it.");
        var snapshot = new QnaBoardSnapshot(loaded.Session, before, loaded.Questions, loaded.ModeratorTeamsIds);
        cache.Offer(snapshot);
        return snapshot;
    }

    public Task<QnaOutcome> EditAsync(int sessionId, int questionId, string askerId, string text, CancellationToken cancellationToken) =>
        ChangeOwnAsync(sessionId, questionId, askerId, cancellationToken, async (db, session, question) =>
        {
            if (question.Text == text)
            {
                return QnaOutcome.AlreadyDone(QnaNotice.AlreadyReads, question.Number);
            }

            var askKey = QuestionRules.AskKey(askerId, text);
            if (await db.Set<Question>().AnyAsync(q => q.SessionId == sessionId && q.AskKey == askKey && q.Id != questionId, cancellationToken))
            {
                return QnaOutcome.Refused(QnaNotice.SameText);
            }

            question.Text = text;
            question.AskKey = askKey;
            // With pre-moderation, a changed question is checked again: an approved text must not turn into another.
            var backToQueue = session.PreModeration && question.Status == QuestionStatus.Open;
            if (backToQueue)
            {
                question.Status = QuestionStatus.Waiting;
                await UnpinAsync(db, sessionId, questionId, cancellationToken);
            }

            return QnaOutcome.Done(backToQueue ? QnaNotice.EditedWaiting : QnaNotice.Edited, question.Number);
        });

    public Task<QnaOutcome> WithdrawAsync(int sessionId, int questionId, string askerId, CancellationToken cancellationToken) =>
        ChangeOwnAsync(sessionId, questionId, askerId, cancellationToken, async (db, _, question) =>
        {
            question.Status = QuestionStatus.Withdrawn;
            question.AskKey = null;
            await UnpinAsync(db, sessionId, questionId, cancellationToken);
            return QnaOutcome.Done(QnaNotice.Withdrawn, question.Number);
        });

    /// <summary>The asker's own change: only theirs, only while the Q&amp;A is open and the question not yet answered.</summary>
    private Task<QnaOutcome> ChangeOwnAsync(
        int sessionId,
        int questionId,
        string askerId,
        CancellationToken cancellationToken,
        Func<GcmDbContext, QnaSession, Question, Task<QnaOutcome>> change) =>
        ChangeQuestionAsync(sessionId, questionId, cancellationToken, (session, question) =>
        {
            if (question.AuthorId is null || question.AuthorId != askerId)
            {
                return QnaOutcome.Refused(QnaNotice.NotYours);
            }

            if (session.Status != SessionStatus.Open)
            {
                return QnaOutcome.Refused(QnaNotice.ClosedToChanges);
            }

            return QuestionRules.AskerMayChange(question.Status)
                ? null
                : QnaOutcome.Refused(QnaNotice.AskerCannotChange, question.Number, question.Status);
        }, change);

    public Task<QnaOutcome> ApproveAsync(int sessionId, int questionId, CancellationToken cancellationToken) =>
        ModerateAsync(sessionId, questionId, cancellationToken, (_, _, question) =>
        {
            if (question.Status == QuestionStatus.Open)
            {
                return Task.FromResult(QnaOutcome.AlreadyDone(QnaNotice.AlreadyApproved, question.Number));
            }

            if (question.Status != QuestionStatus.Waiting)
            {
                return Task.FromResult(QnaOutcome.Refused(QnaNotice.NothingToApprove, question.Number, question.Status));
            }

            question.Status = QuestionStatus.Open;
            return Task.FromResult(QnaOutcome.Done(QnaNotice.Approved, question.Number));
        });

    public Task<QnaOutcome> DismissAsync(int sessionId, int questionId, CancellationToken cancellationToken) =>
        ModerateAsync(sessionId, questionId, cancellationToken, async (db, _, question) =>
        {
            if (question.Status == QuestionStatus.Dismissed)
            {
                return QnaOutcome.AlreadyDone(QnaNotice.AlreadyDismissed, question.Number);
            }

            if (!QuestionRules.IsLive(question.Status))
            {
                return QnaOutcome.Refused(QnaNotice.CannotDismiss, question.Number, question.Status);
            }

            question.Status = QuestionStatus.Dismissed;
            question.AskKey = null;
            await UnpinAsync(db, sessionId, questionId, cancellationToken);
            return QnaOutcome.Done(QnaNotice.Dismissed, question.Number);
        });

    public Task<QnaOutcome> AnswerAsync(int sessionId, int questionId, string? answer, CancellationToken cancellationToken) =>
        ModerateAsync(sessionId, questionId, cancellationToken, async (db, _, question) =>
        {
            if (question.Status == QuestionStatus.Answered)
            {
                return QnaOutcome.AlreadyDone(QnaNotice.AlreadyAnswered, question.Number);
            }

            if (question.Status != QuestionStatus.Open)
            {
                return QnaOutcome.Refused(QnaNotice.CannotAnswer, question.Number, question.Status);
            }

            var now = time.GetUtcNow();
            question.Status = QuestionStatus.Answered;
            question.Answer = answer;
            question.AnsweredAt = now;
            // Owed to the askers (this one and those of merged duplicates) until a message to their personal chat is
            // queued; one who has no such chat (an anonymous meeting participant) is told in their next view instead.
            question.AskerNoticePending = question.AuthorId is not null;
            await db.Set<Question>().Where(q => q.MergedIntoId == questionId && q.AuthorId != null)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.AskerNoticePending, true), cancellationToken);
            await UnpinAsync(db, sessionId, questionId, cancellationToken);

            // The askers of duplicates merged into this one wanted the same answer.
            var merged = await db.Set<Question>().AsNoTracking()
                .Where(q => q.MergedIntoId == questionId && q.AuthorId != null)
                .Select(q => new AnsweredQuestion(q.Id, q.AuthorId!, q.Number, q.Text, answer))
                .ToListAsync(cancellationToken);
            var told = question.AuthorId is null ? merged : [new AnsweredQuestion(question.Id, question.AuthorId, question.Number, question.Text, answer), .. merged];
            return QnaOutcome.Done(QnaNotice.Answered, question.Number) with { Answered = told };
        });

    public Task<QnaOutcome> PinAsync(int sessionId, int questionId, CancellationToken cancellationToken) =>
        ModerateAsync(sessionId, questionId, cancellationToken, async (db, session, question) =>
        {
            if (session.PinnedQuestionId == question.Id)
            {
                return QnaOutcome.AlreadyDone(QnaNotice.AlreadyPinned, question.Number);
            }

            if (question.Status != QuestionStatus.Open)
            {
                return QnaOutcome.Refused(QnaNotice.CannotPin, question.Number, question.Status);
            }

            await db.Set<QnaSession>().Where(s => s.Id == sessionId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.PinnedQuestionId, questionId), cancellationToken);
            return QnaOutcome.Done(QnaNotice.Pinned, question.Number);
        });

    public Task<QnaOutcome> UnpinAsync(int sessionId, CancellationToken cancellationToken) =>
        WriteAsync(async db =>
        {
            var session = await db.Set<QnaSession>().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
            if (session?.PinnedQuestionId is null)
            {
                return QnaOutcome.AlreadyDone(QnaNotice.NothingPinned);
            }

            session.PinnedQuestionId = null;
            await db.SaveChangesAsync(cancellationToken);
            await BumpAsync(db, sessionId, cancellationToken);
            return QnaOutcome.Done(QnaNotice.Unpinned);
        }, cancellationToken);

    /// <summary>Folds a duplicate into another question: its voters' votes move there, once per person.</summary>
    public Task<QnaOutcome> MergeAsync(int sessionId, int duplicateId, int targetNumber, CancellationToken cancellationToken) =>
        ModerateAsync(sessionId, duplicateId, cancellationToken, async (db, _, duplicate) =>
        {
            if (duplicate.Status == QuestionStatus.Merged)
            {
                return QnaOutcome.AlreadyDone(QnaNotice.AlreadyMerged, duplicate.Number);
            }

            if (!QuestionRules.IsLive(duplicate.Status))
            {
                return QnaOutcome.Refused(QnaNotice.CannotMerge, duplicate.Number, duplicate.Status);
            }

            var target = await db.Set<Question>().FirstOrDefaultAsync(q => q.SessionId == sessionId && q.Number == targetNumber, cancellationToken);
            if (target is null || target.Id == duplicate.Id)
            {
                return (target is null
                    ? QnaOutcome.Refused(QnaNotice.NoSuchQuestion, duplicate.Number) with { Other = targetNumber }
                    : QnaOutcome.Refused(QnaNotice.MergeIntoItself, duplicate.Number));
            }

            if (target.Status != QuestionStatus.Open)
            {
                return QnaOutcome.Refused(QnaNotice.MergeTargetNotOnBoard, duplicate.Number, target.Status) with { Other = target.Number };
            }

            var votes = db.Set<QuestionVote>();
            var targetId = target.Id;
            var duplicateId = duplicate.Id;
            // Votes of people who had not voted for the target move over; the rest would count someone twice.
            await votes
                .Where(v => v.QuestionId == duplicateId && (v.VoterId == null || !votes.Any(t => t.QuestionId == targetId && t.VoterId == v.VoterId)))
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.QuestionId, targetId), cancellationToken);
            await votes.Where(v => v.QuestionId == duplicateId).ExecuteDeleteAsync(cancellationToken);
            target.VoteCount = await votes.CountAsync(v => v.QuestionId == targetId, cancellationToken);
            duplicate.Status = QuestionStatus.Merged;
            duplicate.MergedIntoId = targetId;
            duplicate.VoteCount = 0;
            await UnpinAsync(db, sessionId, duplicateId, cancellationToken);
            return QnaOutcome.Done(QnaNotice.Merged, duplicate.Number) with { Other = target.Number, Count = target.VoteCount };
        });

    public Task<QnaOutcome> CloseAsync(int sessionId, CancellationToken cancellationToken) =>
        ChangeSessionAsync(sessionId, cancellationToken, session =>
        {
            if (session.Status == SessionStatus.Closed)
            {
                return QnaOutcome.AlreadyDone(QnaNotice.AlreadyClosed);
            }

            session.Status = SessionStatus.Closed;
            session.ClosedAt = time.GetUtcNow();
            session.PinnedQuestionId = null;
            return QnaOutcome.Done(QnaNotice.Closed) with { Title = session.Title };
        });

    public async Task<QnaOutcome> ReopenAsync(int sessionId, CancellationToken cancellationToken)
    {
        try
        {
            return await ChangeSessionAsync(sessionId, cancellationToken, session =>
            {
                if (session.Status == SessionStatus.Open)
                {
                    return QnaOutcome.AlreadyDone(QnaNotice.AlreadyOpen);
                }

                session.Status = SessionStatus.Open;
                session.ClosedAt = null;
                return QnaOutcome.Done(QnaNotice.Reopened) with { Title = session.Title };
            });
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return QnaOutcome.Refused(QnaNotice.AnotherOpen);
        }
    }

    public Task<QnaOutcome> SetPreModerationAsync(int sessionId, bool on, CancellationToken cancellationToken) =>
        ChangeSessionAsync(sessionId, cancellationToken, session =>
        {
            if (session.PreModeration == on)
            {
                return QnaOutcome.AlreadyDone(on ? QnaNotice.PreModerationAlreadyOn : QnaNotice.PreModerationAlreadyOff);
            }

            session.PreModeration = on;
            return QnaOutcome.Done(on ? QnaNotice.PreModerationOn : QnaNotice.PreModerationOff);
        });

    /// <summary>
    /// The askers of these questions were told of the answer (a message to their personal chat is queued, or their own
    /// view showed it): nothing more is owed. Only the asker's own questions are touched.
    /// </summary>
    public Task AskersToldAsync(IReadOnlyCollection<int> questionIds, string? askerId, CancellationToken cancellationToken) =>
        questionIds.Count == 0
            ? Task.CompletedTask
            : WriteAsync(db => db.Set<Question>()
                .Where(q => questionIds.Contains(q.Id) && q.AskerNoticePending && (askerId == null || q.AuthorId == askerId))
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.AskerNoticePending, false), cancellationToken), cancellationToken);

    /// <summary>Remembers where the board message is and that it shows <paramref name="version"/>.</summary>
    public Task SetBoardMessageAsync(int sessionId, string? activityId, long version, CancellationToken cancellationToken) =>
        WriteAsync(db => db.Set<QnaSession>().Where(s => s.Id == sessionId).ExecuteUpdateAsync(
            s => s.SetProperty(x => x.BoardActivityId, activityId)
                .SetProperty(x => x.RenderedVersion, x => x.RenderedVersion > version ? x.RenderedVersion : version),
            cancellationToken), cancellationToken);

    /// <summary>Records that the board shows <paramref name="version"/> (never moves backwards).</summary>
    public Task MarkRenderedAsync(int sessionId, long version, CancellationToken cancellationToken) =>
        WriteAsync(db => db.Set<QnaSession>().Where(s => s.Id == sessionId && s.RenderedVersion < version)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RenderedVersion, version), cancellationToken), cancellationToken);

    /// <summary>Sessions whose board message is behind the database (after a crash or a throttled update).</summary>
    public async Task<IReadOnlyList<int>> StaleBoardsAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<QnaSession>().AsNoTracking()
            .Where(s => s.BoardActivityId != null && s.Version > s.RenderedVersion)
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Closes the open session of a conversation (the meeting ended); null when none was open.</summary>
    public async Task<int?> CloseOpenInAsync(string conversationId, CancellationToken cancellationToken)
    {
        var open = await FindOpenInAsync(conversationId, cancellationToken);
        if (open is null)
        {
            return null;
        }

        var outcome = await CloseAsync(open.Id, cancellationToken);
        return outcome.Changed ? open.Id : null;
    }

    public async Task<bool> IsKnownModeratorAsync(int sessionId, string teamsUserId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<QnaModerator>().AnyAsync(m => m.SessionId == sessionId && m.TeamsUserId == teamsUserId, cancellationToken);
    }

    /// <summary>Adds (or refreshes) a moderator in the board's refresh list, which is part of the board: it bumps the version.</summary>
    public async Task RememberModeratorAsync(int sessionId, string teamsUserId, string? aadObjectId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            await WriteAsync(async db =>
            {
                var moderators = db.Set<QnaModerator>();
                if (await moderators.Where(m => m.SessionId == sessionId && m.TeamsUserId == teamsUserId)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastSeenAt, now), cancellationToken) == 0)
                {
                    moderators.Add(new QnaModerator { SessionId = sessionId, TeamsUserId = teamsUserId, AadObjectId = aadObjectId, LastSeenAt = now });
                    await db.SaveChangesAsync(cancellationToken);
                    await BumpAsync(db, sessionId, cancellationToken);
                }

                return true;
            }, cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Remembered by a concurrent turn of the same person.
        }
    }

    public Task ForgetModeratorAsync(int sessionId, string teamsUserId, CancellationToken cancellationToken) =>
        WriteAsync(async db =>
        {
            if (await db.Set<QnaModerator>().Where(m => m.SessionId == sessionId && m.TeamsUserId == teamsUserId).ExecuteDeleteAsync(cancellationToken) > 0)
            {
                await BumpAsync(db, sessionId, cancellationToken);
            }

            return true;
        }, cancellationToken);

    /// <summary>A moderator's change of one question, while the Q&amp;A is open.</summary>
    private Task<QnaOutcome> ModerateAsync(
        int sessionId,
        int questionId,
        CancellationToken cancellationToken,
        Func<GcmDbContext, QnaSession, Question, Task<QnaOutcome>> change) =>
        ChangeQuestionAsync(
            sessionId,
            questionId,
            cancellationToken,
            (session, _) => session.Status == SessionStatus.Open ? null : QnaOutcome.Refused(QnaNotice.ClosedToModeration),
            change);

    /// <summary>
    /// Loads a question of the session in a write transaction, lets <paramref name="refusal"/> say why it may not
    /// change (null: it may), applies the change, and saves it with the session's version bumped.
    /// </summary>
    private Task<QnaOutcome> ChangeQuestionAsync(
        int sessionId,
        int questionId,
        CancellationToken cancellationToken,
        Func<QnaSession, Question, QnaOutcome?> refusal,
        Func<GcmDbContext, QnaSession, Question, Task<QnaOutcome>> change) =>
        WriteAsync(async db =>
        {
            var session = await db.Set<QnaSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
            var question = await db.Set<Question>().FirstOrDefaultAsync(q => q.Id == questionId && q.SessionId == sessionId, cancellationToken);
            if (session is null || question is null)
            {
                return QnaOutcome.Refused(QnaNotice.NotInSession);
            }

            if (refusal(session, question) is { } refused)
            {
                return refused;
            }

            var outcome = await change(db, session, question);
            if (outcome.Changed)
            {
                question.UpdatedAt = time.GetUtcNow();
                await db.SaveChangesAsync(cancellationToken);
                await BumpAsync(db, sessionId, cancellationToken);
            }

            return outcome with { Question = question };
        }, cancellationToken);

    private Task<QnaOutcome> ChangeSessionAsync(int sessionId, CancellationToken cancellationToken, Func<QnaSession, QnaOutcome> change) =>
        WriteAsync(async db =>
        {
            var session = await db.Set<QnaSession>().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
            if (session is null)
            {
                return QnaOutcome.Refused(QnaNotice.SessionGone);
            }

            var outcome = change(session);
            if (outcome.Changed)
            {
                await db.SaveChangesAsync(cancellationToken);
                await BumpAsync(db, sessionId, cancellationToken);
            }

            return outcome;
        }, cancellationToken);

    public void Dispose() => _sqliteWriter?.Dispose();

    private async Task<T> WriteAsync<T>(Func<GcmDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        if (_sqliteWriter is not null)
        {
            await _sqliteWriter.WaitAsync(cancellationToken);
        }

        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            // Short and explicit: on SQLite this is BEGIN IMMEDIATE, so another process's writer makes it wait (busy
            // timeout) at the start rather than fail when a read inside the transaction turns into a write.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await work(db);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            _sqliteWriter?.Release();
        }
    }

    private static Task BumpAsync(GcmDbContext db, int sessionId, CancellationToken cancellationToken) =>
        db.Set<QnaSession>().Where(s => s.Id == sessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);

    private static Task UnpinAsync(GcmDbContext db, int sessionId, int questionId, CancellationToken cancellationToken) =>
        db.Set<QnaSession>().Where(s => s.Id == sessionId && s.PinnedQuestionId == questionId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PinnedQuestionId, (int?)null), cancellationToken);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
