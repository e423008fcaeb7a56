using System.Collections.Concurrent;
using GcmBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Bot.Questions;

/// <summary>
/// A Q&amp;A as it stood at one <see cref="QnaSession.Version"/>: the session, all its questions, and its moderators'
/// Teams ids (most recently seen first). Every view of the board is computed from one of these
/// (<see cref="QnaBoardReader.Build"/>). Immutable: a change makes a new snapshot.
/// </summary>
public sealed class QnaBoardSnapshot
{
    private readonly Dictionary<int, Question> _byId;

    public QnaBoardSnapshot(QnaSession session, long version, IReadOnlyList<Question> questions, IReadOnlyList<string> moderatorTeamsIds)
    {
        Session = session;
        Version = version;
        Questions = questions;
        ModeratorTeamsIds = moderatorTeamsIds;
        _byId = questions.ToDictionary(q => q.Id);
    }

    /// <summary>The session's settings (its <see cref="QnaSession.Version"/> field may be older: see <see cref="Version"/>).</summary>
    public QnaSession Session { get; }

    /// <summary>The session version this snapshot shows (at least: it never shows less than that version holds).</summary>
    public long Version { get; }

    public IReadOnlyList<Question> Questions { get; }

    public IReadOnlyList<string> ModeratorTeamsIds { get; }

    public Question? Find(int questionId) => _byId.GetValueOrDefault(questionId);

    /// <summary>The same Q&amp;A after a batch of votes, at <paramref name="version"/>: only vote counts changed.</summary>
    public QnaBoardSnapshot WithVotes(IReadOnlyDictionary<int, int> deltas, long version) =>
        new(Session, version, Questions.Select(q => deltas.TryGetValue(q.Id, out var delta) && delta != 0 ? Copy(q, q.VoteCount + delta) : q).ToList(), ModeratorTeamsIds);

    /// <summary>
    /// Reads a session's snapshot. The version is read first: if a change commits between the reads, the snapshot
    /// shows more than its version says, never less, so a newer version is never mistaken for it.
    /// </summary>
    public static async Task<QnaBoardSnapshot?> LoadAsync(GcmDbContext db, int sessionId, CancellationToken cancellationToken)
    {
        var session = await db.Set<QnaSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }

        var questions = await db.Set<Question>().AsNoTracking().Where(q => q.SessionId == sessionId).OrderBy(q => q.Number).ToListAsync(cancellationToken);
        var moderators = await db.Set<QnaModerator>().AsNoTracking()
            .Where(m => m.SessionId == sessionId)
            .OrderByDescending(m => m.LastSeenAt)
            .Select(m => m.TeamsUserId)
            .ToListAsync(cancellationToken);
        return new QnaBoardSnapshot(session, session.Version, questions, moderators);
    }

    private static Question Copy(Question q, int voteCount) => new()
    {
        Id = q.Id,
        SessionId = q.SessionId,
        Number = q.Number,
        Text = q.Text,
        Status = q.Status,
        AuthorId = q.AuthorId,
        AuthorName = q.AuthorName,
        AskedAnonymously = q.AskedAnonymously,
        AskKey = q.AskKey,
        VoteCount = voteCount,
        MergedIntoId = q.MergedIntoId,
        Answer = q.Answer,
        AskedAt = q.AskedAt,
        UpdatedAt = q.UpdatedAt,
        AnsweredAt = q.AnsweredAt,
    };
}

/// <summary>
/// The latest snapshot of each Q&amp;A this instance has read or written. A snapshot is used only for the version it
/// names: a reader compares it with the session's stored version, the vote writer with the version it bumps under
/// the write lock. Nothing depends on it being there; it is a cache (the bot runs as one instance, docs/architecture.md).
/// </summary>
public sealed class QnaBoardCache
{
    private readonly ConcurrentDictionary<int, QnaBoardSnapshot> _latest = new();

    public QnaBoardSnapshot? Get(int sessionId) => _latest.GetValueOrDefault(sessionId);

    /// <summary>The cached snapshot when it shows exactly <paramref name="version"/>.</summary>
    public QnaBoardSnapshot? At(int sessionId, long version) => Get(sessionId) is { } s && s.Version == version ? s : null;

    /// <summary>Keeps the snapshot unless a newer one is already kept.</summary>
    public void Offer(QnaBoardSnapshot snapshot)
    {
        var id = snapshot.Session.Id;
        while (true)
        {
            if (!_latest.TryGetValue(id, out var current))
            {
                if (_latest.TryAdd(id, snapshot))
                {
                    return;
                }
            }
            else if (current.Version >= snapshot.Version || _latest.TryUpdate(id, snapshot, current))
            {
                return;
            }
        }
    }

    /// <summary>Forgets every snapshot (after "forget me": snapshots hold askers' ids and names).</summary>
    public void Clear() => _latest.Clear();
}
