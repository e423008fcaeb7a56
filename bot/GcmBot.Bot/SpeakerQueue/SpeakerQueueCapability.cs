using GcmBot.Bot.Participants;
using GcmBot.Bot.Teams.Outbound;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.SpeakerQueue;

namespace GcmBot.Bot.SpeakerQueue;

public static class SpeakerQueueCapability
{
    /// <summary>
    /// The speakers' list of consultations: the <c>speakers</c> command, the card's buttons, the meeting start/end
    /// events, the card updater and the speaking-time watcher. Profiles for the balanced order come from
    /// <see cref="IParticipantDirectory"/> when Registration provides it; without it every speaker counts as unknown.
    /// </summary>
    public static IServiceCollection AddSpeakerQueue(this IServiceCollection services)
    {
        services.AddOptions<SpeakerQueueOptions>().BindConfiguration(SpeakerQueueOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddKeyedSingleton<OutboundSignal>(SpeakerQueueService.SignalKey);
        services.AddSingleton<SpeakerQueueGate>();
        services.AddSingleton<SpeakerQueueWriter>();
        services.AddSingleton<SpeakerQueueNotifier>();
        services.AddScoped<SpeakerQueueService>();
        services.AddScoped<SpeakerQueueReplies>();
        services.AddScoped<SpeakerQueueCardPoster>();
        services.AddScoped<SpeakerQueueExporter>();

        services.AddBotCommand<ShowSpeakersCommand>(
            "speakers", "Command.Speakers", ConversationScopes.Shared, texts: typeof(SpeakerQueueTexts));
        foreach (var verb in new[]
                 {
                     SpeakerQueueCard.RequestVerb, SpeakerQueueCard.WithdrawVerb, SpeakerQueueCard.MyPlaceVerb,
                     SpeakerQueueCard.ParticipantViewVerb, SpeakerQueueCard.ChairVerb, SpeakerQueueCard.RefreshVerb,
                 })
        {
            // A floor request's writer claims its turn's record (SpeakerQueueWriter); the other verbs do not.
            services.AddCardAction<SpeakerQueueParticipantActions>(verb, claimsItsTurn: verb == SpeakerQueueCard.RequestVerb);
        }

        // Not "forOrganisers": meeting organisers and presenters chair too; the handler asks the moderator policy.
        foreach (var verb in new[]
                 {
                     SpeakerQueueCard.NextVerb, SpeakerQueueCard.EndTurnVerb, SpeakerQueueCard.OpenVerb, SpeakerQueueCard.CloseVerb,
                     SpeakerQueueCard.ClearVerb, SpeakerQueueCard.MoveUpVerb, SpeakerQueueCard.MoveDownVerb, SpeakerQueueCard.SkipVerb,
                     SpeakerQueueCard.RemoveVerb, SpeakerQueueCard.SettingsVerb, SpeakerQueueCard.ExportVerb, SpeakerQueueCard.AddInRoomVerb,
                 })
        {
            services.AddCardAction<SpeakerQueueChairActions>(verb);
        }

        services.AddConversationEvents<SpeakerQueueMeetingEvents>();
        services.AddScoped<IPersonalDataEraser, SpeakerQueueEraser>();
        services.AddHostedService<SpeakerQueueCardUpdater>();
        services.AddHostedService<SpeakingTimeWatcher>();
        return services;
    }
}
