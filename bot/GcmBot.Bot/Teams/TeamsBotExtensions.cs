using GcmBot.Bot.Teams.Conversations;
using GcmBot.Bot.Teams.Deduplication;
using GcmBot.Bot.Teams.Organisers;
using GcmBot.Bot.Teams.Outbound;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Help;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace GcmBot.Bot.Teams;

public static class TeamsBotExtensions
{
    /// <summary>The Teams face: adapter, authentication, routing, middleware, proactive sending.</summary>
    public static IServiceCollection AddTeamsBot(this IServiceCollection services)
    {
        services.AddOptions<BotIdentityOptions>().BindConfiguration(string.Empty);
        services.AddOptions<OrganiserOptions>().BindConfiguration(OrganiserOptions.SectionName);
        services.AddOptions<DeduplicationOptions>().BindConfiguration(DeduplicationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddHttpClient();
        services.AddMemoryCache();

        // The SDK reads MicrosoftAppType/Id/Password/TenantId itself from the configuration root.
        services.AddSingleton<BotFrameworkAuthentication>(sp => new ConfigurationBotFrameworkAuthentication(
            sp.GetRequiredService<IConfiguration>(),
            httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
            logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()));
        services.AddSingleton<GcmAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<GcmAdapter>());
        services.AddSingleton<DeduplicationMiddleware>();
        services.AddSingleton<ConversationCaptureMiddleware>();
        services.AddSingleton<ConversationStore>();
        services.AddScoped<GcmBot.Bot.Participants.IPersonalDataEraser, ConversationEraser>();
        services.AddHostedService<ProcessedActivityCleanup>();

        services.AddSingleton<OutboundSignal>();
        services.AddSingleton<INotificationQueue, NotificationQueue>();
        services.AddHostedService<OutboundSender>();

        services.AddSingleton<ConfiguredOrganiserPolicy>();
        services.AddSingleton<IOrganiserPolicy>(sp => sp.GetRequiredService<ConfiguredOrganiserPolicy>());
        services.AddSingleton<IModeratorPolicy, ModeratorPolicy>();

        services.AddSingleton<RouteTable>();
        services.AddScoped<CommandDispatcher>();
        services.AddScoped<CommandPicker>();
        services.AddScoped<CardActionDispatcher>();
        services.AddCardAction<RunCommandAction>(HelpCard.RunCommandVerb);
        services.AddScoped<IBot, GcmActivityHandler>();
        return services;
    }

    /// <summary>POST /api/messages: where Teams (or the Agents Playground) delivers activities.</summary>
    public static IEndpointRouteBuilder MapTeamsBot(this IEndpointRouteBuilder endpoints)
    {
        // Built now so that a duplicate command or verb stops the app at start-up, not at the first message.
        endpoints.ServiceProvider.GetRequiredService<RouteTable>();
        endpoints.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, CancellationToken cancellationToken) =>
            adapter.ProcessAsync(request, response, bot, cancellationToken));
        return endpoints;
    }
}
