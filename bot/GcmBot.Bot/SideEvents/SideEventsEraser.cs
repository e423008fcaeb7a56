using GcmBot.Bot.Participants;

namespace GcmBot.Bot.SideEvents;

/// <summary>
/// "Forget me" for side events: proposals not yet decided are removed; accepted (and declined) ones keep the event but
/// lose the proposer's id, name and contact (see <see cref="SideEventStore.EraseProposerAsync"/>).
/// </summary>
public sealed class SideEventsEraser(SideEventStore store) : IPersonalDataEraser
{
    public Task EraseAsync(string userStableId, CancellationToken cancellationToken) =>
        store.EraseProposerAsync(userStableId, cancellationToken);
}
