namespace GcmBot.Bot.Participants;

/// <summary>
/// Told when the set of confirmed registrants changes (a registration confirmed, withdrawn or forgotten), so that
/// capabilities that act on registrants can catch up at once instead of at their next periodic check. Registration
/// calls every registered listener; Scheduling listens, to add late registrants to scheduled Teams meetings.
/// </summary>
public interface IRegistrantsChangedListener
{
    /// <summary>Must return quickly: listeners only note that work is due.</summary>
    void OnRegistrantsChanged();
}
