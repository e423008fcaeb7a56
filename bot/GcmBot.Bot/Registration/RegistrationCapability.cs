using GcmBot.Bot.Participants;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Help;
using GcmBot.Cards.Registration;

namespace GcmBot.Bot.Registration;

public static class RegistrationCapability
{
    /// <summary>Registration by chat: the event catalogue, the form, waitlists, approvals, balance and exports.</summary>
    public static IServiceCollection AddRegistration(this IServiceCollection services)
    {
        services.AddSingleton<EventCatalogue>();
        services.AddSingleton<RegistrationStore>();
        services.AddHostedService<EventCatalogueSeeder>();
        services.AddScoped<RegistrationNotifier>();
        services.AddScoped<EventArgument>();
        services.AddScoped<ApprovalsView>();
        services.AddChoiceSource<EventChoices>();

        services.AddSingleton<RegistrationDirectory>();
        services.AddSingleton<IParticipantDirectory>(sp => sp.GetRequiredService<RegistrationDirectory>());
        services.AddSingleton<IRegistrantDirectory>(sp => sp.GetRequiredService<RegistrationDirectory>());
        services.AddSingleton<IRegisteredStakeholders>(sp => sp.GetRequiredService<RegistrationDirectory>());
        services.AddScoped<IPersonalDataEraser, RegistrationEraser>();

        services.AddBotCommand<RegisterCommand>("register", "Register for the briefing and the consultations", ConversationScopes.Personal);
        services.AddBotCommand<MyRegistrationsCommand>("my registrations", "See your registrations and their status", ConversationScopes.Personal);
        services.AddBotCommand<CancelRegistrationCommand>("cancel registration", "Cancel a registration (or all)", ConversationScopes.Personal, "cancel registration <event|all>");
        services.AddBotCommand<EventsCommand>("events", "See the events and whether registration is open", ConversationScopes.All);
        services.AddBotCommand<ForgetMeCommand>("forget me", "Erase everything GcmBot keeps about you", ConversationScopes.Personal);
        services.AddCardAction<SubmitRegistrationAction>(RegistrationVerbs.Submit);
        services.AddCardAction<CancelRegistrationAction>(RegistrationVerbs.Cancel);
        services.AddCardAction<ForgetMeAction>(RegistrationVerbs.Forget);

        services.AddBotCommand<RegistrationsCommand>("registrations", "Counts and balance of an event's registrations", ConversationScopes.Personal, "registrations <event>", forOrganisers: true, picks: PickSubject.Event);
        services.AddBotCommand<ApprovalsCommand>("approvals", "Confirm or decline pending and waitlisted people", ConversationScopes.Personal, "approvals <event>", forOrganisers: true, picks: PickSubject.Event);
        services.AddBotCommand<ExportRegistrationsCommand>("export registrations", "Download an event's registrations as CSV", ConversationScopes.Personal, "export registrations <event>", forOrganisers: true, picks: PickSubject.Event);
        services.AddBotCommand<EventFormCommand>("event add", "Add an event to the catalogue", ConversationScopes.Personal, forOrganisers: true);
        services.AddBotCommand<EventFormCommand>("event edit", "Edit an event", ConversationScopes.Personal, "event edit <event>", forOrganisers: true, picks: PickSubject.Event);
        services.AddCardAction<DecideRegistrationAction>(RegistrationVerbs.Decide, forOrganisers: true);
        services.AddCardAction<SaveEventAction>(RegistrationVerbs.SaveEvent, forOrganisers: true);
        return services;
    }
}
