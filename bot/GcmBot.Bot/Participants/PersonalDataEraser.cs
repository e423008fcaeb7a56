namespace GcmBot.Bot.Participants;

/// <summary>
/// Implemented by every capability that stores a person's data. "forget me" (Registration) calls all of them, so that
/// a person is removed everywhere; each keeps only anonymised counts (e.g. a vote total, "an anonymous question").
/// Register with <c>services.AddScoped&lt;IPersonalDataEraser, YourEraser&gt;()</c>.
/// </summary>
public interface IPersonalDataEraser
{
    /// <summary>Erases or anonymises what the capability holds about the person (Entra object id or Teams id).</summary>
    Task EraseAsync(string userStableId, CancellationToken cancellationToken);
}
