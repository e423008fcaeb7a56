using GcmBot.Bot.Questions;
using GcmBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Bot.Participants;

/// <summary>
/// "Forget me" for the Q&amp;A: the person's questions stay (anonymous, with their votes) and their votes still count,
/// but nothing links them to the person any more; their place in moderators' refresh lists goes.
/// </summary>
public sealed class QuestionsEraser(IDbContextFactory<GcmDbContext> databases, QnaBoardCache boards) : IPersonalDataEraser
{
    public async Task EraseAsync(string userStableId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The boards that showed the person (as asker or in a refresh list) move on a version, so that no snapshot
        // read before this change is taken for current (QnaBoardCache).
        var sessions = db.Set<Question>().Where(q => q.AuthorId == userStableId).Select(q => q.SessionId)
            .Concat(db.Set<QnaModerator>().Where(m => m.AadObjectId == userStableId || m.TeamsUserId == userStableId).Select(m => m.SessionId));
        await db.Set<QnaSession>().Where(s => sessions.Contains(s.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
        await db.Set<Question>().Where(q => q.AuthorId == userStableId).ExecuteUpdateAsync(
            s => s.SetProperty(q => q.AuthorId, (string?)null)
                .SetProperty(q => q.AuthorName, (string?)null)
                .SetProperty(q => q.AskKey, (string?)null)
                .SetProperty(q => q.AskedAnonymously, true),
            cancellationToken);
        await db.Set<QuestionVote>().Where(v => v.VoterId == userStableId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.VoterId, (string?)null), cancellationToken);
        await db.Set<QnaModerator>().Where(m => m.AadObjectId == userStableId || m.TeamsUserId == userStableId)
            .ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        boards.Clear();
    }
}
