using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GcmBot.Testing;

/// <summary>How a test wants the bot host configured.</summary>
public sealed class BotAppOptions
{
    /// <summary>Extra configuration, as keys like "Storage:Provider".</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>Service overrides applied after the app's own registrations.</summary>
    public List<Action<IServiceCollection>> Services { get; } = [];

    /// <summary>Entra object ids configured as organisers (the test organiser by default).</summary>
    public List<string> Organisers { get; } = [TestUsers.Organiser.AadObjectId];

    /// <summary>When set, the host's clock is a <see cref="FakeTimeProvider"/> starting here.</summary>
    public DateTimeOffset? FakeTimeStart { get; set; }

    /// <summary>Run on a fresh PostgreSQL database (see <see cref="PostgresTestServer"/>) instead of SQLite.</summary>
    public bool UsePostgres { get; set; }

    /// <summary>Fail a turn when the bot sends a card that does not validate against the 1.5 schema.</summary>
    public bool ValidateCards { get; set; } = true;

    /// <summary>Serve on a real loopback port (Kestrel) as well, for clients outside the process such as a browser.</summary>
    public bool UseKestrel { get; set; }

    /// <summary>The host environment's name ("Testing" by default; "Production" to test what production refuses).</summary>
    public string Environment { get; set; } = "Testing";

    /// <summary>Run on this existing PostgreSQL database (another instance's), which this host neither creates nor drops.</summary>
    public string? SharedPostgres { get; set; }

    /// <summary>
    /// The most connections this host's pool opens to its own PostgreSQL database (null: Npgsql's default, 100). A
    /// crowd of hundreds at once needs it below the server's <c>max_connections</c>, so that turns wait for a pooled
    /// connection instead of being refused one (docs/deploy.md).
    /// </summary>
    public int? PostgresMaxPoolSize { get; set; }

    /// <summary>Use this connector (shared with other instances) instead of a new one; this host does not dispose it.</summary>
    public FakeConnector? SharedConnector { get; set; }
}

/// <summary>
/// The real GcmBot host (ASP.NET Core, CloudAdapter, SQLite) started in process, with a <see cref="FakeConnector"/> as
/// the serviceUrl of every activity. Tests talk to it through <see cref="TeamsConversation"/>s.
/// </summary>
public sealed class BotApp : IAsyncDisposable
{
    public const string BotId = "28:gcmbot-app-id";
    public const string BotName = "GcmBot";
    public const string TenantId = "72f988bf-0000-0000-0000-000000000001";

    private readonly BotAppOptions _options;
    private WebApplicationFactory<Program> _factory;

    private readonly string? _postgresConnectionString;
    private Random? _spread;
    private IReadOnlyList<BotApp> _instances = [];

    private BotApp(BotAppOptions options, FakeConnector connector, string dataFolder, string? postgresConnectionString)
    {
        _instances = [this];
        _options = options;
        Connector = connector;
        DataFolder = dataFolder;
        _postgresConnectionString = postgresConnectionString;
        Time = options.FakeTimeStart is { } start ? new FakeTimeProvider(start) : null;
        _factory = CreateFactory();
        Http = CreateClient(_factory);
    }

    public FakeConnector Connector { get; }

    /// <summary>The host's clock when the test asked for fake time.</summary>
    public FakeTimeProvider? Time { get; }

    public string DataFolder { get; }

    public HttpClient Http { get; private set; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>The host's loopback address when <see cref="BotAppOptions.UseKestrel"/> is set, e.g. http://127.0.0.1:51234/.</summary>
    public Uri? ServerAddress => _options.UseKestrel ? Http.BaseAddress : null;

    internal BotAppOptions Options => _options;

    public static async Task<BotApp> StartAsync(Action<BotAppOptions>? configure = null)
    {
        var options = new BotAppOptions();
        configure?.Invoke(options);
        var connector = options.SharedConnector ?? await FakeConnector.StartAsync();
        var dataFolder = Path.Combine(Path.GetTempPath(), "gcmbot-tests", Guid.NewGuid().ToString("N"));
        var postgres = options.SharedPostgres ?? (options.UsePostgres ? await PostgresTestServer.CreateDatabaseAsync() : null);
        if (postgres is not null && options.SharedPostgres is null && options.PostgresMaxPoolSize is { } most)
        {
            postgres = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { MaxPoolSize = most }.ConnectionString;
        }

        var app = new BotApp(options, connector, dataFolder, postgres);
        try
        {
            // The host starts (and migrates its database) on first use; do it now so that tests start from a ready bot.
            _ = app.Services;
        }
        catch
        {
            // A host that refuses to start (as tests of start-up checks expect) must not leave its connector behind.
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    public TeamsConversation PersonalChat(TestUser user) =>
        new(this, "personal", $"{user.Id.Replace(':', '-')}", user);

    public TeamsConversation GroupChat(string name = "group") => new(this, "groupChat", name, TestUsers.Alice);

    public TeamsConversation Channel(string name = "general") => new(this, "channel", name, TestUsers.Alice);

    public TeamsConversation MeetingChat(string name = "consultation") => new(this, "meeting", name, TestUsers.Alice);

    /// <summary>Stops the host and starts a new one on the same data folder: what survives is what was stored.</summary>
    public async Task RestartAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _factory = CreateFactory();
        Http = CreateClient(_factory);
        _ = _factory.Services;
    }

    /// <summary>
    /// From now on, activities posted through this host go to one of <paramref name="instances"/> chosen at random,
    /// as a load balancer in front of several instances would spread them.
    /// </summary>
    public void SpreadTurnsOver(IReadOnlyList<BotApp> instances, int seed)
    {
        _instances = instances;
        _spread = new Random(seed);
    }

    /// <summary>
    /// A client like a browser for the public pages: it keeps cookies (the antiforgery cookie) and does not follow
    /// redirects, so a test sees where a form sends the person.
    /// </summary>
    public HttpClient CreateBrowserClient() =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = Http.BaseAddress! });

    /// <summary>POSTs an activity to /api/messages as Teams would.</summary>
    public Task<HttpResponseMessage> PostActivityAsync(JsonObject activity, string? bearerToken = null)
    {
        if (_spread is not null)
        {
            BotApp target;
            lock (_spread)
            {
                target = _instances[_spread.Next(_instances.Count)];
            }

            return target.PostHereAsync(activity, bearerToken);
        }

        return PostHereAsync(activity, bearerToken);
    }

    private Task<HttpResponseMessage> PostHereAsync(JsonObject activity, string? bearerToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
        if (_options.SharedConnector is null)
        {
            await Connector.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        if (_postgresConnectionString is not null && _options.SharedPostgres is null)
        {
            await PostgresTestServer.DropDatabaseAsync(_postgresConnectionString);
        }

        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing background task; the temp folder is cleaned by the OS.
        }
    }

    // Crowd tests put hundreds of turns in flight on a 2-core machine; the default 100 s would cut slow ones off.
    private static HttpClient CreateClient(WebApplicationFactory<Program> factory)
    {
        var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5);
        return client;
    }

    private WebApplicationFactory<Program> CreateFactory()
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = string.Empty,
            ["MicrosoftAppId"] = string.Empty,
            ["MicrosoftAppPassword"] = string.Empty,
            ["MicrosoftAppTenantId"] = string.Empty,
            // Outside Development the host refuses to start without authentication unless told so on purpose.
            ["Bot:AllowUnauthenticatedRequests"] = "true",
            ["Storage:Provider"] = _postgresConnectionString is null ? "Sqlite" : "Postgres",
            ["Storage:DataFolder"] = DataFolder,
            ["Storage:ConnectionString"] = _postgresConnectionString ?? string.Empty,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Outbound:BaseRetryDelayMilliseconds"] = "50",
        };
        for (var i = 0; i < _options.Organisers.Count; i++)
        {
            settings[$"Organisers:ObjectIds:{i}"] = _options.Organisers[i];
        }

        if (_options.UseKestrel)
        {
            // appsettings.json names a fixed port; a test takes any free loopback port instead.
            settings["Urls"] = "http://127.0.0.1:0";
        }

        foreach (var (key, value) in _options.Settings)
        {
            settings[key] = value;
        }

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(_options.Environment);
            // As in Development: a singleton holding a scoped service, or a service that cannot be built, fails at start.
            builder.UseDefaultServiceProvider(o =>
            {
                o.ValidateScopes = true;
                o.ValidateOnBuild = true;
            });
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
            builder.ConfigureTestServices(services =>
            {
                if (Time is not null)
                {
                    services.AddSingleton<TimeProvider>(Time);
                }

                foreach (var configure in _options.Services)
                {
                    configure(services);
                }
            });
        });
        if (_options.UseKestrel)
        {
            factory.UseKestrel(0);
        }

        return factory;
    }
}
