using GcmBot.Bot.Participants;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.StakeholderDirectory;

namespace GcmBot.Bot.StakeholderDirectory;

public static class DirectoryCapability
{
    /// <summary>The stakeholder directory (organisers): registrations and CSV imports, search, export.</summary>
    public static IServiceCollection AddStakeholderDirectory(this IServiceCollection services)
    {
        services.AddOptions<DirectoryOptions>().BindConfiguration(DirectoryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DirectoryStore>();
        services.AddSingleton<DirectoryViews>();
        services.AddSingleton<ImportFileReader>();
        services.AddHttpClient(nameof(ImportFileReader));

        // First of the erasers: it reads the person's registered e-mail, which Registration's eraser deletes.
        services.Insert(0, ServiceDescriptor.Scoped<IPersonalDataEraser, DirectoryEraser>());

        services.AddBotCommand<DirectorySearchCommand>(
            "directory", "Command.Directory", ConversationScopes.Personal, "directory [text]", forOrganisers: true, texts: typeof(DirectoryTexts));
        services.AddBotCommand<DirectorySearchCommand>(
            "directory search", "Command.DirectorySearch", ConversationScopes.Personal, "directory search <text>", forOrganisers: true, texts: typeof(DirectoryTexts));
        services.AddBotCommand<DirectoryImportCommand>(
            "directory import", "Command.DirectoryImport", ConversationScopes.Personal, "directory import [CSV]", forOrganisers: true, texts: typeof(DirectoryTexts));
        services.AddCardAction<DirectorySearchAction>(DirectoryVerbs.Search, forOrganisers: true);
        services.AddCardAction<DirectoryExportAction>(DirectoryVerbs.Export, forOrganisers: true);
        services.AddCardAction<ApplyImportAction>(DirectoryVerbs.ApplyImport, forOrganisers: true);
        services.AddCardAction<DiscardImportAction>(DirectoryVerbs.DiscardImport, forOrganisers: true);
        return services;
    }
}
