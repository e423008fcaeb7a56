using GcmBot.Bot.Languages;
using GcmBot.Bot.Teams.Outbound;
using GcmBot.Cards.Registration;

namespace GcmBot.Bot.Registration;

/// <summary>
/// Tells people proactively when their registration changed without them acting (a freed place, an organiser's
/// decision), in their own language whoever caused it. Each change is queued once: its key holds the registration's version.
/// </summary>
public sealed partial class RegistrationNotifier(INotificationQueue queue, RegistrationStore store, LanguageStore languages, ILogger<RegistrationNotifier> logger)
{
    public async Task NotifyAsync(IReadOnlyList<StatusChange> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            var profile = await store.ProfileAsync(change.UserStableId, cancellationToken);
            var zone = profile?.TimeZoneId is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : null;
            var culture = await languages.OfPersonAsync(change.UserStableId, cancellationToken);
            using var scope = LanguageScope.Use(culture);
            var model = RegistrationViews.Update(change, zone, culture);
            var status = await queue.EnqueueToPersonAsync(
                change.UserStableId,
                new OutboundContent(model.Heading, RegistrationUpdateCard.Build(model, culture)),
                $"registration:{change.RegistrationId}:v{change.Version}",
                cancellationToken);
            LogQueued(logger, change.Reason, status);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration change {Reason} queued for the person as {Status}")]
    private static partial void LogQueued(ILogger logger, ChangeReason reason, OutboundStatus status);
}
