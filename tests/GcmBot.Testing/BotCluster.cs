using GcmBot.Bot.Teams.Outbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GcmBot.Testing;

/// <summary>
/// Several instances of the bot in one test process, as behind a load balancer: one PostgreSQL database, one fake
/// Teams connector, and every activity a test posts (through any instance's conversations) sent to an instance chosen
/// at random. <see cref="StopHardAsync"/> kills one instance the way a crashed process goes: nothing more leaves it,
/// and it hands nothing over.
/// </summary>
public sealed class BotCluster : IAsyncDisposable
{
    private readonly string _database;
    private readonly List<InstanceLink> _links;
    private readonly HashSet<int> _stopped = [];

    private BotCluster(FakeConnector connector, string database, List<BotApp> instances, List<InstanceLink> links)
    {
        Connector = connector;
        _database = database;
        Instances = instances;
        _links = links;
    }

    public FakeConnector Connector { get; }

    public IReadOnlyList<BotApp> Instances { get; }

    /// <summary>The instance through which a test starts conversations (its turns are spread over all instances).</summary>
    public BotApp Front => Instances[0];

    public InstanceLink Link(int index) => _links[index];

    /// <summary>When <see cref="StopHardAsync"/> cut the instance off (Stopwatch ticks).</summary>
    public long KilledAt { get; private set; }

    public static async Task<BotCluster> StartAsync(int count, int seed = 17, Action<BotAppOptions>? configure = null)
    {
        var connector = await FakeConnector.StartAsync();
        // Each instance has a pool of its own; together they stay well under the server's connections (100 by default).
        var database = new Npgsql.NpgsqlConnectionStringBuilder(await PostgresTestServer.CreateDatabaseAsync())
        {
            MaxPoolSize = 20,
            Timeout = 60,
        }.ConnectionString;
        var instances = new List<BotApp>();
        var links = new List<InstanceLink>();
        for (var i = 0; i < count; i++)
        {
            var link = new InstanceLink($"instance-{i}");
            links.Add(link);
            // One after the other: the first migrates the database, the others find it ready.
            instances.Add(await BotApp.StartAsync(o =>
            {
                configure?.Invoke(o);
                o.SharedConnector = connector;
                o.SharedPostgres = database;
                o.Services.Add(services =>
                {
                    services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(link.CreateHandler));
                    // A killed instance's stuck sends must not hold the test up.
                    services.Configure<HostOptions>(h => h.ShutdownTimeout = TimeSpan.FromSeconds(2));
                });
            }));
        }

        foreach (var instance in instances)
        {
            instance.SpreadTurnsOver(instances, seed++);
        }

        return new BotCluster(connector, database, instances, links);
    }

    /// <summary>
    /// Kills instance <paramref name="index"/>: its network is cut (nothing more reaches Teams), and once what had
    /// already reached Teams is recorded, the host goes without releasing anything it had claimed: those claims only
    /// expire. Turns keep being spread over the instances still running.
    /// </summary>
    public async Task StopHardAsync(int index)
    {
        var instance = Instances[index];
        var link = _links[index];
        link.Cut();
        KilledAt = System.Diagnostics.Stopwatch.GetTimestamp();
        var sender = instance.Services.GetRequiredService<OutboundSender>();
        for (var i = 0; i < 1200 && sender.InFlight > link.HeldSends; i++)
        {
            await Task.Delay(25);
        }

        _stopped.Add(index);
        var running = Instances.Where((_, i) => !_stopped.Contains(i)).ToList();
        foreach (var other in running)
        {
            other.SpreadTurnsOver(running, index);
        }

        await instance.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = 0; i < Instances.Count; i++)
        {
            if (_stopped.Add(i))
            {
                await Instances[i].DisposeAsync();
            }
        }

        await Connector.DisposeAsync();
        await PostgresTestServer.DropDatabaseAsync(_database);
    }
}
