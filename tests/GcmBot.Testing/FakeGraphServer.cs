using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GcmBot.Testing;

/// <summary>One request a Graph client made to the fake server, as it arrived.</summary>
public sealed record GraphRequest(
    string Method,
    string Path,
    string RawQuery,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    int Sequence,
    DateTimeOffset ReceivedAt)
{
    public JsonObject? Json => Body.Length == 0 ? null : JsonNode.Parse(Body) as JsonObject;

    /// <summary>A query parameter, URL-decoded (null when absent).</summary>
    public string? Query(string name) => System.Web.HttpUtility.ParseQueryString(RawQuery)[name];

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>What the fake Graph answers.</summary>
public sealed record GraphAnswer(int StatusCode, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Graph");

    /// <summary>A JSON fixture (Fixtures/Graph/{name}.json) with {placeholders} replaced.</summary>
    public static GraphAnswer Fixture(int statusCode, string name, params (string Key, string Value)[] values)
    {
        var text = File.ReadAllText(Path.Combine(Folder, name + ".json"));
        foreach (var (key, value) in values)
        {
            text = text.Replace("{" + key + "}", JsonEncodedText(value), StringComparison.Ordinal);
        }

        return new GraphAnswer(statusCode, text);
    }

    /// <summary>A Graph error body ({"error":{"code","message"}}), as Graph sends it.</summary>
    public static GraphAnswer Error(int statusCode, string code, string message, string? retryAfter = null) =>
        new(statusCode,
            new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["innerError"] = new JsonObject { ["request-id"] = Guid.NewGuid().ToString() } } }.ToJsonString(),
            retryAfter is null ? null : new Dictionary<string, string> { ["Retry-After"] = retryAfter });

    public static GraphAnswer NoContent { get; } = new(204);

    public static GraphAnswer Accepted { get; } = new(202);

    private static string JsonEncodedText(string value) => System.Text.Json.JsonEncodedText.Encode(value).ToString();
}

/// <summary>
/// A strict Microsoft Graph stand-in on a loopback port: routes by method and path (a "*" segment matches any one
/// segment), answers from JSON fixtures, records every request, and answers 501 (recorded as unmatched) to anything no
/// route expects. A real GraphServiceClient talks to it through its whole middleware pipeline.
/// </summary>
public sealed class FakeGraphServer : IAsyncDisposable
{
    /// <summary>The organiser mailbox tests configure.</summary>
    public const string Mailbox = "consultations@rnm-ap.example.org";

    public const string Token = "fake-graph-token";

    private readonly ConcurrentQueue<GraphRequest> _requests = new();
    private readonly ConcurrentQueue<GraphRequest> _unmatched = new();
    private readonly List<Route> _routes = [];
    private readonly SemaphoreSlim _changed = new(0, int.MaxValue);
    private readonly WebApplication _app;
    private int _sequence;

    private FakeGraphServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>Graph's base address on this server (…/v1.0).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<GraphRequest> Requests => _requests.ToArray();

    public IReadOnlyList<GraphRequest> Unmatched => _unmatched.ToArray();

    public static async Task<FakeGraphServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeGraphServer(app);
        app.Map("/{**path}", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/v1.0");
        return server;
    }

    /// <summary>Answers a route with these answers in turn; the last one repeats.</summary>
    public FakeGraphServer On(string method, string path, params GraphAnswer[] answers)
    {
        var queue = new ConcurrentQueue<GraphAnswer>(answers);
        var last = answers[^1];
        return On(method, path, _ => queue.TryDequeue(out var next) ? next : last);
    }

    public FakeGraphServer On(string method, string path, Func<GraphRequest, GraphAnswer> answer)
    {
        lock (_routes)
        {
            _routes.Add(new Route(method, path.Split('/', StringSplitOptions.RemoveEmptyEntries), answer));
        }

        return this;
    }

    /// <summary>Requests to one method and path (wildcards allowed), in order.</summary>
    public IReadOnlyList<GraphRequest> RequestsTo(string method, string path)
    {
        var pattern = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return Requests.Where(r => r.Method == method && Matches(pattern, r.Path)).ToList();
    }

    /// <summary>Waits until the recorded requests satisfy a condition (for work the bot does after the turn).</summary>
    public Task<IReadOnlyList<GraphRequest>> WaitForAsync(Func<IReadOnlyList<GraphRequest>, bool> condition, TimeSpan? timeout = null) =>
        Recorded.WaitForAsync(() => Requests, condition, _changed, timeout,
            requests => $"Graph did not see the expected requests in time; it saw {requests.Count}, {Unmatched.Count} unmatched.");

    /// <summary>Configures a bot host to use this server as Graph, with a fixed token instead of Entra ID.</summary>
    public void ConfigureBot(BotAppOptions options)
    {
        options.Settings["Graph:OrganiserMailbox"] = Mailbox;
        options.Settings["Graph:TenantId"] = BotApp.TenantId;
        options.Settings["Graph:ClientId"] = "11111111-2222-3333-4444-555555555555";
        options.Settings["Graph:ClientSecret"] = "not-a-real-secret";
        options.Settings["Graph:BaseUrl"] = BaseUrl.ToString();
        options.Services.Add(services => services.AddSingleton<TokenCredential>(new FixedTokenCredential()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var recorded = new GraphRequest(
            request.Method,
            request.Path.Value ?? string.Empty,
            request.QueryString.Value ?? string.Empty,
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            Interlocked.Increment(ref _sequence),
            DateTimeOffset.UtcNow);

        Route? route;
        lock (_routes)
        {
            route = _routes.LastOrDefault(r => r.Method == recorded.Method && Matches(r.Segments, recorded.Path));
        }

        var answer = route?.Answer(recorded);
        if (answer is null)
        {
            _unmatched.Enqueue(recorded);
            answer = GraphAnswer.Error(501, "NotImplementedInFake", $"No fake route for {recorded.Method} {recorded.Path}.");
        }

        _requests.Enqueue(recorded);
        _changed.Release();
        context.Response.StatusCode = answer.StatusCode;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (answer.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Body);
        }
    }

    private static bool Matches(string[] pattern, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length == pattern.Length &&
            pattern.Zip(segments).All(p => p.First == "*" || string.Equals(p.First, p.Second, StringComparison.Ordinal));
    }

    private sealed record Route(string Method, string[] Segments, Func<GraphRequest, GraphAnswer> Answer);

    /// <summary>A credential that hands out a fixed token: tests never sign in to Entra ID.</summary>
    public sealed class FixedTokenCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(Token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
