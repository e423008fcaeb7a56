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

        services.AddBotCommand<RegisterCommand>("register", "Command.Register", ConversationScopes.Personal, texts: typeof(RegistrationTexts));
        services.AddBotCommand<MyRegistrationsCommand>("my registrations", "Command.MyRegistrations", ConversationScopes.Personal, texts: typeof(RegistrationTexts));
        services.AddBotCommand<CancelRegistrationCommand>("cancel registration", "Command.CancelRegistration", ConversationScopes.Personal, "cancel registration <event|all>", texts: typeof(RegistrationTexts));
        services.AddBotCommand<EventsCommand>("events", "Command.Events", ConversationScopes.All, texts: typeof(RegistrationTexts));
        services.AddBotCommand<ForgetMeCommand>("forget me", "Command.ForgetMe", ConversationScopes.Personal, texts: typeof(RegistrationTexts));
        services.AddCardAction<SubmitRegistrationAction>(RegistrationVerbs.Submit);
        services.AddCardAction<CancelRegistrationAction>(RegistrationVerbs.Cancel);
        services.AddCardAction<ForgetMeAction>(RegistrationVerbs.Forget);

        services.AddBotCommand<RegistrationsCommand>("registrations", "Command.Registrations", ConversationScopes.Personal, "registrations <event>", forOrganisers: true, picks: PickSubject.Event, texts: typeof(RegistrationTexts));
        services.AddBotCommand<ApprovalsCommand>("approvals", "Command.Approvals", ConversationScopes.Personal, "approvals <event>", forOrganisers: true, picks: PickSubject.Event, texts: typeof(RegistrationTexts));
        services.AddBotCommand<ExportRegistrationsCommand>("export registrations", "Command.ExportRegistrations", ConversationScopes.Personal, "export registrations <event>", forOrganisers: true, picks: PickSubject.Event, texts: typeof(RegistrationTexts));
        services.AddBotCommand<EventFormCommand>("event add", "Command.EventAdd", ConversationScopes.Personal, forOrganisers: true, texts: typeof(RegistrationTexts));
        services.AddBotCommand<EventFormCommand>("event edit", "Command.EventEdit", ConversationScopes.Personal, "event edit <event>", forOrganisers: true, picks: PickSubject.Event, texts: typeof(RegistrationTexts));
        services.AddCardAction<DecideRegistrationAction>(RegistrationVerbs.Decide, forOrganisers: true);
        services.AddCardAction<SaveEventAction>(RegistrationVerbs.SaveEvent, forOrganisers: true);
        return services;
    }
}
