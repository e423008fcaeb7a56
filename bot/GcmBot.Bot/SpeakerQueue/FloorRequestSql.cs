using System.Data.Common;
using System.Globalization;
using System.Text;
using GcmBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Bot.SpeakerQueue;

/// <summary>
/// The statements of a batch of floor requests, written out by hand because "the floor is open" is the list's peak:
/// one read of the list's version, then one statement each to move the version and insert the batch's new requests
/// (their turns are claimed by <see cref="FinishedTurns.ClaimAsync"/>). Through EF Core's change tracker the batch was
/// an INSERT per request, each parsed again by SQLite on every batch (docs/performance.md). Plain SQL that SQLite and
/// PostgreSQL both take (<c>RETURNING</c>, quoted names).
/// </summary>
internal static class FloorRequestSql
{
    /// <summary>The list's id and version in the batch's transaction; null when the conversation has no list.</summary>
    public static async Task<(Guid Id, long Version)?> VersionAsync(GcmDbContext db, string conversationId, CancellationToken cancellationToken)
    {
        await using var command = RawSql.Command(db, "SELECT \"Id\", \"Version\" FROM \"SpeakerQueues\" WHERE \"ConversationId\" = @c");
        command.AddParameter("@c", conversationId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetGuid(0), reader.GetInt64(1)) : null;
    }

    /// <summary>
    /// Moves the list from <paramref name="fromVersion"/> to <paramref name="toVersion"/> (when they differ), inserts
    /// the new requests and gives them their ids and changes the kind and topic of the updated ones (the turns were
    /// claimed before). False when the list was no longer at <paramref name="fromVersion"/> (changed from elsewhere):
    /// the caller rolls back and starts again. A second active request of the same person, raced in by another
    /// instance, fails the unique index: that comes out as the <see cref="DbUpdateException"/> a SaveChanges would
    /// have thrown.
    /// </summary>
    /// <remarks>
    /// A statement a command: Microsoft.Data.Sqlite binds every parameter of a command to each of its statements by
    /// name, so one command of several statements and a few hundred parameters spent more time binding than writing.
    /// </remarks>
    public static async Task<bool> WriteAsync(
        GcmDbContext db,
        Guid queueId,
        long fromVersion,
        long toVersion,
        IReadOnlyList<SpeakerRequest> inserts,
        IReadOnlyCollection<SpeakerRequest> updates,
        CancellationToken cancellationToken)
    {
        try
        {
            if (toVersion != fromVersion)
            {
                await using var bump = RawSql.Command(db, "UPDATE \"SpeakerQueues\" SET \"Version\" = @to WHERE \"Id\" = @id AND \"Version\" = @from");
                bump.AddParameter("@to", toVersion);
                bump.AddParameter("@id", queueId);
                bump.AddParameter("@from", fromVersion);
                if (await bump.ExecuteNonQueryAsync(cancellationToken) != 1)
                {
                    return false;
                }
            }

            if (inserts.Count > 0)
            {
                await InsertAsync(db, inserts, cancellationToken);
            }

            foreach (var r in updates)
            {
                await using var update = RawSql.Command(db, "UPDATE \"SpeakerRequests\" SET \"Kind\" = @kind, \"Topic\" = @topic WHERE \"Id\" = @id");
                update.AddParameter("@kind", r.Kind.ToString());
                update.AddParameter("@topic", r.Topic);
                update.AddParameter("@id", r.Id);
                await update.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        catch (DbException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            throw new DbUpdateException("The person already has an active request on this list.", ex);
        }

        return true;
    }

    /// <summary>
    /// One INSERT for the batch's new requests, which come back with their ids. Every request of a batch is new and
    /// waiting, in the same list: those columns are the same for all (the enums are stored by name).
    /// </summary>
    private static async Task InsertAsync(GcmDbContext db, IReadOnlyList<SpeakerRequest> inserts, CancellationToken cancellationToken)
    {
        await using var command = RawSql.Command(db, string.Empty);
        var at = db.Model.FindEntityType(typeof(SpeakerRequest))!.FindProperty(nameof(SpeakerRequest.RequestedAt))!.GetTypeMapping().Converter;
        var sql = new StringBuilder("INSERT INTO \"SpeakerRequests\" (\"QueueId\", \"Status\", \"Adjustment\", \"AdjustedSequence\", \"NextNoticeSent\", \"FloorNoticeSent\",")
            .Append(" \"UserStableId\", \"DisplayName\", \"Origin\", \"Kind\", \"Topic\", \"RequestedAt\", \"StakeholderGroup\", \"Subregion\", \"Gender\") VALUES ");
        var same = string.Create(CultureInfo.InvariantCulture, $"{command.AddParameter(inserts[0].QueueId)}, {command.AddParameter(nameof(RequestStatus.Waiting))}, 0, 0, {command.AddParameter(false)}, {command.AddParameter(false)}");
        for (var i = 0; i < inserts.Count; i++)
        {
            var r = inserts[i];
            sql.Append(i == 0 ? "(" : ", (").Append(same).Append(", ")
                .Append(command.AddParameter(r.UserStableId)).Append(", ").Append(command.AddParameter(r.DisplayName)).Append(", ")
                .Append(command.AddParameter(r.Origin.ToString())).Append(", ").Append(command.AddParameter(r.Kind.ToString())).Append(", ").Append(command.AddParameter(r.Topic)).Append(", ")
                .Append(command.AddParameter(at is null ? r.RequestedAt : at.ConvertToProvider(r.RequestedAt))).Append(", ")
                .Append(command.AddParameter(r.StakeholderGroup)).Append(", ").Append(command.AddParameter(r.Subregion)).Append(", ").Append(command.AddParameter(r.Gender)).Append(')');
        }

        // Ids are matched back by person, not by row order: neither database promises the order of RETURNING rows.
        command.CommandText = sql.Append(" RETURNING \"Id\", \"UserStableId\"").ToString();
        var byPerson = inserts.ToDictionary(r => r.UserStableId!, StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                byPerson[reader.GetString(1)].Id = reader.GetInt64(0);
            }
        }

        if (inserts.Any(r => r.Id <= 0))
        {
            throw new InvalidOperationException("A new floor request came back without its id.");
        }
    }
}
