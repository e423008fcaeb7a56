using GcmBot.GraphIntegration.Meetings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.GraphIntegration.Tests;

/// <summary>
/// The Graph integration as the app registers it (<see cref="GraphIntegrationServiceCollectionExtensions.AddGraphIntegration"/>),
/// pointed at a <see cref="FakeGraphServer"/>, with a fixed token instead of Entra ID.
/// </summary>
public sealed class GraphTestHost : IAsyncDisposable
{
    public const string JoinUrl =
        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjY2ZDVjYzQtYjdh%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf%22%2c%22Oid%22%3a%22550fae72%22%7d";

    public const string ThreadId = "19:meeting_NjY2ZDVjYzQtYjdh@thread.v2";

    public const string EventsPath = "/v1.0/users/" + FakeGraphServer.Mailbox + "/events";

    private readonly ServiceProvider _services;

    private GraphTestHost(FakeGraphServer graph, ServiceProvider services)
    {
        Graph = graph;
        _services = services;
        Scheduler = services.GetRequiredService<IMeetingScheduler>();
    }

    public FakeGraphServer Graph { get; }

    public IMeetingScheduler Scheduler { get; }

    public static async Task<GraphTestHost> StartAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        var graph = await FakeGraphServer.StartAsync();
        var options = new BotAppOptions();
        graph.ConfigureBot(options);
        configure?.Invoke(options.Settings);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(options.Settings).Build());
        services.AddLogging();
        services.AddGraphIntegration();
        foreach (var configureServices in options.Services)
        {
            configureServices(services);
        }

        return new GraphTestHost(graph, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
    }

    public static MeetingDetails Details(params MeetingAttendee[] attendees) => new(
        "Consultation: Protecting migrants through rights-based border governance measures",
        "<h2>Agenda</h2><p>Opening &amp; welcome</p>",
        new DateTimeOffset(2026, 12, 12, 14, 0, 0, TimeSpan.FromHours(7)),
        new DateTimeOffset(2026, 12, 12, 16, 0, 0, TimeSpan.FromHours(7)),
        "Asia/Bangkok",
        attendees,
        "5b0c2b5e-8d6e-4f55-9a5a-0e3c7b9c2f11");

    public GraphAnswer Created(string eventId = "AAMkADk0event1") =>
        GraphAnswer.Fixture(201, "event-created", ("eventId", eventId), ("joinUrl", JoinUrl));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Graph.DisposeAsync();
    }
}
