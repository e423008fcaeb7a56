using System.Data.Common;
using System.Globalization;
using System.Text;
using GcmBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Bot.Questions;

/// <summary>
/// The statements of a batch of votes, written out by hand because the vote is the peak's hottest write: one round trip
/// bumps the session's version and reads the batch's voters' votes, one writes the votes and the counts. Through LINQ
/// the same work was five statements, each compiled from its expression tree on every vote (docs/performance.md).
/// Plain SQL that SQLite and PostgreSQL both take (<c>RETURNING</c>, quoted names).
/// </summary>
internal static class VoteBatchSql
{
    /// <summary>
    /// In the batch's transaction: bumps the version and returns it, with the (question, voter) pairs of the batch's
    /// voters in this session. Null when the session is gone.
    /// </summary>
    public static async Task<(long Version, HashSet<(int QuestionId, string VoterId)> Has)?> BumpAndReadAsync(
        GcmDbContext db, int sessionId, IReadOnlyList<string> voterIds, CancellationToken cancellationToken)
    {
        await using var command = RawSql.Command(db, string.Empty);
        var sql = new StringBuilder("UPDATE \"QnaSessions\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = @s RETURNING \"Version\";")
            .Append(" SELECT v.\"QuestionId\", v.\"VoterId\" FROM \"QuestionVotes\" v JOIN \"Questions\" q ON q.\"Id\" = v.\"QuestionId\"")
            .Append(" WHERE q.\"SessionId\" = @s AND v.\"VoterId\" IN (");
        command.AddParameter("@s", sessionId);
        for (var i = 0; i < voterIds.Count; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"@v{i}");
            sql.Append(i == 0 ? string.Empty : ", ").Append(name);
            command.AddParameter(name, voterIds[i]);
        }

        command.CommandText = sql.Append(')').ToString();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var version = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var has = new HashSet<(int, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            has.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return (version, has);
    }

    /// <summary>
    /// Inserts and deletes the votes and moves the counts, in one command (the turns were claimed before). Raw SQL still
    /// passes EF Core's interceptors, so the turn knows that it wrote (CommitObserver). A vote raced in by another instance fails the unique index:
    /// that comes out as the <see cref="DbUpdateException"/> a SaveChanges would have thrown.
    /// </summary>
    public static async Task WriteAsync(
        GcmDbContext db,
        IReadOnlyCollection<QuestionVote> inserts,
        IReadOnlyCollection<(int QuestionId, string VoterId)> deletes,
        IReadOnlyDictionary<int, int> deltas,
        CancellationToken cancellationToken)
    {
        var sql = new StringBuilder();
        var values = new List<object>();
        string Next(object value)
        {
            values.Add(value);
            return string.Create(CultureInfo.InvariantCulture, $"{{{values.Count - 1}}}");
        }

        if (inserts.Count > 0)
        {
            var votedAt = db.Model.FindEntityType(typeof(QuestionVote))!.FindProperty(nameof(QuestionVote.VotedAt))!.GetTypeMapping().Converter;
            sql.Append("INSERT INTO \"QuestionVotes\" (\"QuestionId\", \"VoterId\", \"VotedAt\") VALUES ");
            var first = true;
            foreach (var vote in inserts)
            {
                var at = votedAt is null ? vote.VotedAt : votedAt.ConvertToProvider(vote.VotedAt)!;
                sql.Append(first ? string.Empty : ", ").Append('(').Append(Next(vote.QuestionId)).Append(", ").Append(Next(vote.VoterId!)).Append(", ").Append(Next(at)).Append(')');
                first = false;
            }

            sql.Append(';');
        }

        foreach (var (questionId, voterId) in deletes)
        {
            sql.Append(" DELETE FROM \"QuestionVotes\" WHERE \"QuestionId\" = ").Append(Next(questionId)).Append(" AND \"VoterId\" = ").Append(Next(voterId)).Append(';');
        }

        foreach (var (questionId, delta) in deltas)
        {
            if (delta != 0)
            {
                sql.Append(" UPDATE \"Questions\" SET \"VoteCount\" = \"VoteCount\" + ").Append(Next(delta)).Append(" WHERE \"Id\" = ").Append(Next(questionId)).Append(';');
            }
        }

        try
        {
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), values, cancellationToken);
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            throw new DbUpdateException("A vote was already recorded.", ex);
        }
    }
}
