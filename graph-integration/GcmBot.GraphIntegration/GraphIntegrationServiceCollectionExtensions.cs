using System.Net;
using Azure.Core;
using GcmBot.GraphIntegration.Configuration;
using GcmBot.GraphIntegration.Meetings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;

namespace GcmBot.GraphIntegration;

public static class GraphIntegrationServiceCollectionExtensions
{
    /// <summary>The named HttpClient that carries every Graph call.</summary>
    public const string HttpClientName = "GcmBot.Graph";

    /// <summary>
    /// Registers <see cref="IMeetingScheduler"/>: over Microsoft Graph when <c>Graph:OrganiserMailbox</c> is set, else the
    /// offline stand-in. One <see cref="GraphServiceClient"/> for the app, over an <see cref="IHttpClientFactory"/>
    /// client that keeps Graph's default middleware (retry on 429/503/504 honouring Retry-After, redirects, …),
    /// signed in with the Azure.Identity credential the configuration names.
    /// </summary>
    public static IServiceCollection AddGraphIntegration(this IServiceCollection services)
    {
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>());

        services.AddHttpClient(HttpClientName, (sp, client) =>
                client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<GraphOptions>>().Value.TimeoutSeconds))
            // Graph's RedirectHandler follows redirects itself; the primary handler must not.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) =>
            {
                // New handler instances for every pipeline the factory builds (handlers cannot be shared).
                foreach (var handler in GraphClientFactory.CreateDefaultHandlers())
                {
                    handlers.Add(handler);
                }
            })
            // The one GraphServiceClient keeps its HttpClient for the app's life; the pooled connection lifetime
            // above is what refreshes DNS.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.TryAddSingleton<TokenCredential>(sp => GraphCredentials.Create(sp.GetRequiredService<IOptions<GraphOptions>>().Value));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            var baseUrl = new Uri(options.BaseUrl);
            var scope = baseUrl.GetLeftPart(UriPartial.Authority) + "/.default";
            // The token goes to the configured Graph host only, never to a host a redirect or a nextLink names.
            var authentication = new AzureIdentityAuthenticationProvider(
                sp.GetRequiredService<TokenCredential>(), allowedHosts: [baseUrl.Host], scopes: [scope]);
            return new GraphServiceClient(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
                authentication,
                options.BaseUrl.TrimEnd('/'));
        });
        services.TryAddSingleton<IMeetingScheduler>(sp => sp.GetRequiredService<IOptions<GraphOptions>>().Value.IsConfigured
            ? new GraphMeetingScheduler(
                sp.GetRequiredService<GraphServiceClient>(),
                sp.GetRequiredService<IOptions<GraphOptions>>(),
                sp.GetRequiredService<ILogger<GraphMeetingScheduler>>())
            : new OfflineMeetingScheduler());
        return services;
    }
}
