using GcmBot.Bot.Languages;
using GcmBot.Bot.Teams.Outbound;
using GcmBot.Cards.Registration;

namespace GcmBot.Bot.Registration;

/// <summary>How a person learns of a change made for them.</summary>
public enum NoticeReach
{
    /// <summary>A notice is on its way to their chat with GcmBot.</summary>
    TeamsChat,

    /// <summary>They registered on the web: their private registration page shows it.</summary>
    WebPage,

    /// <summary>GcmBot has no way to reach them (they never opened a chat with it, or left).</summary>
    Nobody,
}

/// <summary>
/// Tells people proactively when their registration changed without them acting (a freed place, an organiser's
/// decision), in their own language whoever caused it. Each change is queued once: its key holds the registration's version.
/// </summary>
public sealed partial class RegistrationNotifier(INotificationQueue queue, RegistrationStore store, LanguageStore languages, ILogger<RegistrationNotifier> logger)
{
    /// <summary>Queues a notice per change; how each person will learn of it, in the order of the changes.</summary>
    public async Task<IReadOnlyList<NoticeReach>> NotifyAsync(IReadOnlyList<StatusChange> changes, CancellationToken cancellationToken)
    {
        var reach = new List<NoticeReach>(changes.Count);
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
            reach.Add(status switch
            {
                OutboundStatus.Pending or OutboundStatus.Sent => NoticeReach.TeamsChat,
                _ when PublicForms.WebIdentity.IsWebPerson(change.UserStableId) => NoticeReach.WebPage,
                _ => NoticeReach.Nobody,
            });
        }

        return reach;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration change {Reason} queued for the person as {Status}")]
    private static partial void LogQueued(ILogger logger, ChangeReason reason, OutboundStatus status);
}
