using GcmBot.Bot.Participants;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Scheduling;
using GcmBot.GraphIntegration;

namespace GcmBot.Bot.Scheduling;

public static class SchedulingCapability
{
    /// <summary>Roundtable scheduling: commands, cards, the Graph integration and the worker that applies changes to Teams.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddGraphIntegration();
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<ConsultationStore>();
        services.AddSingleton<RegistrantSource>();
        services.AddSingleton<ConsultationNotifier>();
        services.AddSingleton<ConsultationReconciler>();
        services.AddSingleton<SchedulingSignal>();
        services.AddSingleton<IRegistrantsChangedListener>(sp => sp.GetRequiredService<SchedulingSignal>());
        services.AddSingleton<SchedulingService>();
        services.AddHostedService<SchedulingWorker>();
        services.AddScoped<IPersonalDataEraser, ConsultationInviteeEraser>();

        services.AddBotCommand<ScheduleCommand>("schedule", "Schedule a roundtable consultation as a Teams meeting (no arguments: a form)", ConversationScopes.All, ScheduleCommand.Usage, forOrganisers: true);
        services.AddBotCommand<RescheduleCommand>("reschedule", "Move a consultation to a new time", ConversationScopes.All, "reschedule <number> <date> <time> [duration]", forOrganisers: true);
        services.AddBotCommand<CancelConsultationCommand>("cancel consultation", "Cancel a consultation and its Teams meeting", ConversationScopes.All, "cancel consultation <number>", forOrganisers: true, picks: GcmBot.Cards.Help.PickSubject.Consultation);
        services.AddBotCommand<RetryConsultationCommand>("retry consultation", "Try again to put a consultation in Teams", ConversationScopes.All, "retry consultation <number>", forOrganisers: true, picks: GcmBot.Cards.Help.PickSubject.Consultation);
        services.AddBotCommand<ConsultationsCommand>("consultations", "List the consultations and their state in Teams", ConversationScopes.All, forOrganisers: true);

        services.AddCardAction<ScheduleFormAction>(SchedulingVerbs.Create, forOrganisers: true);
        services.AddCardAction<RescheduleAction>(SchedulingVerbs.Reschedule, forOrganisers: true);
        services.AddCardAction<CancelAction>(SchedulingVerbs.Cancel, forOrganisers: true);
        services.AddCardAction<RetryAction>(SchedulingVerbs.Retry, forOrganisers: true);
        services.AddCardAction<ShowConsultationAction>(SchedulingVerbs.Show, forOrganisers: true);
        services.AddCardAction<ScheduleFormShowAction>(SchedulingVerbs.Form, forOrganisers: true);
        return services;
    }
}

/// <summary>"Forget me": removes the person from every consultation's invitee list (the meetings keep no trace in GcmBot).</summary>
public sealed class ConsultationInviteeEraser(ConsultationStore store) : IPersonalDataEraser
{
    public Task EraseAsync(string userStableId, CancellationToken cancellationToken) => store.ForgetPersonAsync(userStableId, cancellationToken);
}
