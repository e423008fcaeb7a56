using GcmBot.Bot.Participants;

namespace GcmBot.Bot.Registration;

/// <summary>
/// "Forget me" for registration: the person's places are cancelled (the waitlist moves up and is told), their answers
/// deleted, and their registrations kept only as anonymous counts.
/// </summary>
public sealed partial class RegistrationEraser(RegistrationStore store, RegistrationNotifier notifier, ILogger<RegistrationEraser> logger) : IPersonalDataEraser
{
    public async Task EraseAsync(string userStableId, CancellationToken cancellationToken)
    {
        var (erased, changes) = await store.EraseAsync(userStableId, cancellationToken);
        await notifier.NotifyAsync(changes, cancellationToken);
        LogErased(logger, erased, changes.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased a person's registration data: {Registrations} registration(s) anonymised, {Promotions} promotion(s)")]
    private static partial void LogErased(ILogger logger, int registrations, int promotions);
}
