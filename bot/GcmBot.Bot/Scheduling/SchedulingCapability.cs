using GcmBot.Bot.Participants;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Scheduling;
using GcmBot.GraphIntegration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GcmBot.Bot.Scheduling;

public static class SchedulingCapability
{
    /// <summary>Roundtable scheduling: commands, cards, the Graph integration and the worker that applies changes to Teams.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddGraphIntegration();
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<ConsultationStore>();
        // The meeting body and .ics carry the concept note (its resources, its page's link).
        services.TryAddSingleton<ConceptNotes.ConceptNoteStore>();
        services.TryAddSingleton<ConceptNotes.ConceptNoteViews>();
        services.AddSingleton<RegistrantSource>();
        services.AddSingleton<ConsultationNotifier>();
        services.AddSingleton<ConsultationReconciler>();
        services.AddSingleton<SchedulingSignal>();
        services.AddSingleton<IRegistrantsChangedListener>(sp => sp.GetRequiredService<SchedulingSignal>());
        services.AddSingleton<SchedulingService>();
        services.AddHostedService<SchedulingWorker>();
        services.AddScoped<IPersonalDataEraser, ConsultationInviteeEraser>();

        services.AddSingleton<ConversationLanguages>();

        var texts = typeof(SchedulingTexts);
        services.AddBotCommand<ScheduleCommand>("schedule", "Command.Schedule", ConversationScopes.All, ScheduleCommand.Usage, forOrganisers: true, texts: texts);
        services.AddBotCommand<RescheduleCommand>("reschedule", "Command.Reschedule", ConversationScopes.All, "reschedule <number> <date> <time> [duration]", forOrganisers: true, texts: texts);
        services.AddBotCommand<CancelConsultationCommand>("cancel consultation", "Command.CancelConsultation", ConversationScopes.All, "cancel consultation <number>", forOrganisers: true, texts: texts, picks: GcmBot.Cards.Help.PickSubject.Consultation);
        services.AddBotCommand<RetryConsultationCommand>("retry consultation", "Command.RetryConsultation", ConversationScopes.All, "retry consultation <number>", forOrganisers: true, texts: texts, picks: GcmBot.Cards.Help.PickSubject.Consultation);
        services.AddBotCommand<ConsultationsCommand>("consultations", "Command.Consultations", ConversationScopes.All, forOrganisers: true, texts: texts);

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
