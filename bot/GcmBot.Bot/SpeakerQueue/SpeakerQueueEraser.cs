using GcmBot.Bot.Participants;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Teams.Outbound;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Bot.SpeakerQueue;

/// <summary>
/// "Forget me" for the speakers' list: waiting requests are withdrawn, a turn in progress ends, past interventions
/// lose the name, organisation and topic and keep only what the totals need (kind, time, duration and the
/// group, subregion and gender categories, no longer linked to anyone), and the person is no longer a known chair.
/// </summary>
public sealed class SpeakerQueueEraser(
    IDbContextFactory<GcmDbContext> databases,
    [FromKeyedServices(SpeakerQueueService.SignalKey)] OutboundSignal cardSignal,
    TimeProvider time) : IPersonalDataEraser
{
    public const string AnonymousName = "Anonymous speaker";

    public async Task EraseAsync(string userStableId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var requests = db.Set<SpeakerRequest>();
        var queueIds = await requests.Where(r => r.UserStableId == userStableId || r.CalledByStableId == userStableId).Select(r => r.QueueId)
            .Union(db.Set<SpeakerQueueChair>().Where(c => c.UserStableId == userStableId).Select(c => c.QueueId))
            .Distinct()
            .ToListAsync(cancellationToken);
        if (queueIds.Count == 0)
        {
            return;
        }

        await requests.Where(r => r.UserStableId == userStableId && r.Status == RequestStatus.Waiting).ExecuteDeleteAsync(cancellationToken);
        var speaking = await requests.Where(r => r.UserStableId == userStableId && r.Status == RequestStatus.Speaking).Select(r => r.Id).ToListAsync(cancellationToken);
        await requests.Where(r => speaking.Contains(r.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Status, RequestStatus.Done).SetProperty(r => r.EndedAt, now), cancellationToken);
        await db.Set<SpeakerQueueRecord>().Where(q => q.CurrentRequestId != null && speaking.Contains(q.CurrentRequestId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.CurrentRequestId, (long?)null), cancellationToken);
        await requests.Where(r => r.UserStableId == userStableId).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.UserStableId, (string?)null)
                .SetProperty(r => r.DisplayName, AnonymousName)
                .SetProperty(r => r.Organisation, (string?)null)
                .SetProperty(r => r.Topic, (string?)null),
            cancellationToken);
        await requests.Where(r => r.CalledByStableId == userStableId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CalledByStableId, (string?)null), cancellationToken);
        await db.Set<SpeakerQueueChair>().Where(c => c.UserStableId == userStableId).ExecuteDeleteAsync(cancellationToken);

        // The shared cards still show the name until they are re-rendered.
        await db.Set<SpeakerQueueRecord>().Where(q => queueIds.Contains(q.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.Version, q => q.Version + 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        cardSignal.Notify();
    }
}
