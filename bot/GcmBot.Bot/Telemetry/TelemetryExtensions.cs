using System.Diagnostics;
using System.Text.RegularExpressions;
using Azure.Monitor.OpenTelemetry.Exporter;
using GcmBot.Bot.Coordination;
using GcmBot.GraphIntegration;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GcmBot.Bot.Telemetry;

public static partial class TelemetryExtensions
{
    /// <summary>
    /// OpenTelemetry traces and metrics: GcmBot's own (turns, proactive sends, Graph calls, queue, throttling, cards)
    /// and ASP.NET Core's and HttpClient's, with every path's ids replaced. Exported over OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, to Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is;
    /// otherwise collected for nobody (tests add an in-memory exporter).
    /// </summary>
    public static IServiceCollection AddGcmTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<GcmMetrics>();
        services.AddScoped<TurnInfo>();
        services.AddHttpClient(GraphIntegrationServiceCollectionExtensions.HttpClientName)
            .AddHttpMessageHandler(() => new GraphCallTracing());

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "gcmbot")
                .AddDetector(sp => new InstanceDetector(sp.GetRequiredService<InstanceIdentity>())))
            .WithTracing(tracing => tracing
                .AddSource(GcmTelemetry.Name)
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = context => !IsProbe(context.Request.Path);
                    o.EnrichWithHttpResponse = (activity, response) =>
                    {
                        activity.SetTag("url.path", RedactPath(response.HttpContext.Request.Path.Value));
                        activity.SetTag("url.query", null);
                    };
                })
                .AddHttpClientInstrumentation(o =>
                {
                    o.EnrichWithHttpRequestMessage = (activity, request) =>
                        activity.SetTag("url.full", request.RequestUri is { } uri ? RedactUrl(uri) : null);
                }))
            .WithMetrics(metrics => metrics
                .AddMeter(GcmTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }

        if (configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"] is { Length: > 0 } azureMonitor)
        {
            otel.WithTracing(tracing => tracing.AddAzureMonitorTraceExporter(o => o.ConnectionString = azureMonitor))
                .WithMetrics(metrics => metrics.AddAzureMonitorMetricExporter(o => o.ConnectionString = azureMonitor));
        }

        return services;
    }

    internal static bool IsProbe(PathString path) => path.StartsWithSegments("/alive") || path.StartsWithSegments("/healthz");

    /// <summary>Scheme, host and path with every segment that could be an id, an address or a token replaced.</summary>
    internal static string RedactUrl(Uri uri) =>
        uri.IsAbsoluteUri ? $"{uri.Scheme}://{uri.Authority}{RedactPath(uri.AbsolutePath)}" : RedactPath(uri.OriginalString.Split('?')[0]);

    internal static string RedactPath(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "/";
        }

        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Length > 0 && !Word().IsMatch(segments[i]))
            {
                segments[i] = "{id}";
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>Resource words of the Bot Connector, Graph and GcmBot's own pages ("v3", "v1.0", "users", "$batch").</summary>
    [GeneratedRegex(@"^(\$?[A-Za-z]{1,30}|v\d+(\.\d+)?|[A-Za-z]+\.json)$")]
    private static partial Regex Word();

    /// <summary>Names the instance in every span and metric, so that several instances can be told apart.</summary>
    private sealed class InstanceDetector(InstanceIdentity instance) : IResourceDetector
    {
        public Resource Detect() => new([new KeyValuePair<string, object>("service.instance.id", instance.Id)]);
    }
}

/// <summary>A span for every call to Microsoft Graph (each retry too), with the path's ids and addresses replaced.</summary>
internal sealed class GraphCallTracing : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var span = GcmTelemetry.Source.StartActivity(GcmTelemetry.GraphCall, ActivityKind.Client);
        span?.SetTag("http.request.method", request.Method.Method);
        span?.SetTag("url.full", request.RequestUri is { } uri ? TelemetryExtensions.RedactUrl(uri) : null);
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            span?.SetTag("http.response.status_code", (int)response.StatusCode);
            if (!response.IsSuccessStatusCode)
            {
                span?.SetStatus(ActivityStatusCode.Error);
            }

            return response;
        }
        catch (Exception ex) when (span is not null)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }
}
