using System.Diagnostics;
using GcmBot.Bot.Teams.Conversations;
using GcmBot.Bot.Teams.Deduplication;
using GcmBot.Bot.Teams.Organisers;
using GcmBot.Bot.Teams.Outbound;
using GcmBot.Bot.Teams.Replies;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Bot.Telemetry;
using GcmBot.Cards.Help;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.Teams;

public static partial class TeamsBotExtensions
{
    /// <summary>The Teams face: adapter, authentication, routing, middleware, proactive sending.</summary>
    public static IServiceCollection AddTeamsBot(this IServiceCollection services)
    {
        services.AddOptions<BotIdentityOptions>().BindConfiguration(string.Empty);
        services.AddOptions<BotSecurityOptions>().BindConfiguration(BotSecurityOptions.SectionName)
            .Validate<IOptions<BotIdentityOptions>, IHostEnvironment>(
                (security, identity, environment) => identity.Value.AuthenticationEnabled || security.AllowUnauthenticatedRequests || environment.IsDevelopment(),
                BotSecurityOptions.RefusalMessage)
            .ValidateOnStart();
        services.AddOptions<ReplyOptions>().BindConfiguration(ReplyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OrganiserOptions>().BindConfiguration(OrganiserOptions.SectionName);
        services.AddOptions<DeduplicationOptions>().BindConfiguration(DeduplicationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.SendTimeoutSeconds < o.LeaseSeconds, "Outbound:SendTimeoutSeconds must be less than Outbound:LeaseSeconds.")
            .ValidateOnStart();

        services.AddHttpClient();
        services.AddMemoryCache();

        // The SDK reads MicrosoftAppType/Id/Password/TenantId itself from the configuration root (and, for other clouds,
        // ToBotFromChannelOpenIdMetadataUrl, ToBotFromChannelTokenIssuer, OAuthUrl, ValidateAuthority…).
        services.AddSingleton<ServiceClientCredentialsFactory>(sp => new ConfigurationServiceClientCredentialFactory(
            sp.GetRequiredService<IConfiguration>(),
            logger: sp.GetRequiredService<ILogger<ConfigurationServiceClientCredentialFactory>>()));
        services.AddSingleton<BotFrameworkAuthentication>(sp => new ReusingBotFrameworkAuthentication(
            new ConfigurationBotFrameworkAuthentication(
                sp.GetRequiredService<IConfiguration>(),
                credentialsFactory: sp.GetRequiredService<ServiceClientCredentialsFactory>(),
                httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
                logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<GcmAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<GcmAdapter>());
        services.AddSingleton<DeduplicationMiddleware>();
        services.AddSingleton<ConversationCaptureMiddleware>();
        services.AddSingleton<TurnTrackingMiddleware>();
        services.AddSingleton<ReplyDelivery>();
        services.AddSingleton<ConversationStore>();
        services.AddScoped<GcmBot.Bot.Participants.IPersonalDataEraser, ConversationEraser>();
        services.AddHostedService<ProcessedActivityCleanup>();

        services.AddSingleton<OutboundSignal>();
        services.AddSingleton<NotificationQueue>();
        services.AddSingleton<INotificationQueue>(sp => sp.GetRequiredService<NotificationQueue>());
        services.AddSingleton<ProactiveConnector>();
        services.AddSingleton<TeamsRateGate>();
        services.AddSingleton<OutboundSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboundSender>());

        services.AddSingleton<ConfiguredOrganiserPolicy>();
        services.AddSingleton<IOrganiserPolicy>(sp => sp.GetRequiredService<ConfiguredOrganiserPolicy>());
        services.AddSingleton<IModeratorPolicy, ModeratorPolicy>();

        services.AddSingleton<RouteTable>();
        services.AddScoped<CommandDispatcher>();
        services.AddScoped<CommandPicker>();
        services.AddScoped<CardActionDispatcher>();
        services.AddCardAction<RunCommandAction>(HelpCard.RunCommandVerb);
        services.AddScoped<GcmActivityHandler>();
        services.AddScoped<IBot, InstrumentedBot>();
        return services;
    }

    /// <summary>POST /api/messages: where Teams (or the Agents Playground) delivers activities.</summary>
    public static IEndpointRouteBuilder MapTeamsBot(this IEndpointRouteBuilder endpoints)
    {
        // Built now so that a duplicate command or verb stops the app at start-up, not at the first message.
        endpoints.ServiceProvider.GetRequiredService<RouteTable>();
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<BotIdentityOptions>>().Value.AuthenticationEnabled)
        {
            LogAuthenticationOff(endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TeamsBotExtensions)));
        }

        endpoints.MapPost("/api/messages", async (
            HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, TurnInfo turn, GcmMetrics metrics, CancellationToken cancellationToken) =>
        {
            // One span and one latency measure per turn; InstrumentedBot names it from inside.
            using var span = GcmTelemetry.Source.StartActivity(GcmTelemetry.Turn, ActivityKind.Server);
            var started = Stopwatch.GetTimestamp();
            try
            {
                await adapter.ProcessAsync(request, response, bot, cancellationToken);
            }
            finally
            {
                metrics.TurnCompleted(Stopwatch.GetElapsedTime(started), turn.ActivityType, response.StatusCode);
                span?.SetTag("http.response.status_code", response.StatusCode);
            }
        });
        return endpoints;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authentication is OFF: MicrosoftAppId is empty, so /api/messages accepts requests from anyone. Only for local use and tests.")]
    private static partial void LogAuthenticationOff(ILogger logger);
}
