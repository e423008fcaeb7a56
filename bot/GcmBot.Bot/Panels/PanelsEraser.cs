using GcmBot.Bot.Participants;

namespace GcmBot.Bot.Panels;

/// <summary>
/// "Forget me" for the panels: the person's proposals (as proposer, or as a nominee known to GcmBot) and their
/// endorsements are deleted; the counts of the proposals they endorsed go down by one.
/// </summary>
public sealed class PanelsEraser(PanelStore store) : IPersonalDataEraser
{
    public Task EraseAsync(string userStableId, CancellationToken cancellationToken) => store.EraseAsync(userStableId, cancellationToken);
}
