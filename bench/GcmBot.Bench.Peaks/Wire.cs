using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GcmBot.Testing;

namespace GcmBot.Bench.Peaks;

/// <summary>What one POST to /api/messages gave: status, body, and how long it took from the client's side.</summary>
internal readonly record struct Shot(HttpStatusCode Status, string Body, double Milliseconds);

/// <summary>
/// A plain HTTP client on the host's Kestrel port: the load comes from outside the ASP.NET Core pipeline, over
/// loopback sockets, as Teams' would. Bodies are serialised before a phase starts, so the client spends its CPU on
/// sockets only.
/// </summary>
internal sealed class Wire : IDisposable
{
    private readonly HttpClient _client;

    public Wire(Uri address)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            UseCookies = false,
        };
        _client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
    }

    public async Task<Shot> PostAsync(string body)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _client.PostAsync("api/messages", content);
            var text = await response.Content.ReadAsStringAsync();
            return new Shot(response.StatusCode, text, watch.Elapsed.TotalMilliseconds);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return new Shot(0, ex.GetType().Name, watch.Elapsed.TotalMilliseconds);
        }
    }

    /// <summary>Every body at the same moment: all requests start together once they are all ready.</summary>
    public async Task<Measured> BurstAsync(string name, IReadOnlyList<string> bodies, Func<Shot, bool> ok)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var total = new Stopwatch();
        var tasks = bodies.Select(async body =>
        {
            await start.Task;
            return await PostAsync(body);
        }).ToList();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        total.Start();
        start.SetResult();
        var shots = await Task.WhenAll(tasks);
        total.Stop();
        return Measured.Of(name, shots, ok, total.Elapsed) with { Cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu };
    }

    /// <summary>A closed loop: <paramref name="concurrency"/> clients, each sending its next request when answered.</summary>
    public async Task<Measured> LoopAsync(string name, IReadOnlyList<string> bodies, int concurrency, Func<Shot, bool> ok)
    {
        var shots = new Shot[bodies.Count];
        var next = -1;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                shots[i] = await PostAsync(bodies[i]);
            }
        }));
        total.Stop();
        return Measured.Of(name, shots, ok, total.Elapsed) with { Cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu };
    }

    public void Dispose() => _client.Dispose();

    /// <summary>A Universal Action (adaptiveCard/action invoke) as Teams posts it, serialised.</summary>
    public static string Invoke(TeamsConversation chat, TestUser from, string verb, JsonObject data, string? replyToId = null)
    {
        var activity = chat.NewActivity("invoke-adaptive-card-action", from);
        var action = activity["value"]!["action"]!.AsObject();
        action["verb"] = verb;
        action["data"] = data.DeepClone();
        if (replyToId is not null)
        {
            activity["replyToId"] = replyToId;
        }

        return activity.ToJsonString();
    }

    /// <summary>A typed message (mentioning the bot outside personal chats), serialised.</summary>
    public static string Message(TeamsConversation chat, TestUser from, string text)
    {
        var activity = chat.NewActivity("message", from);
        if (chat.IsShared)
        {
            var mention = $"<at>{BotApp.BotName}</at>";
            activity["text"] = $"{mention} {text}";
            activity["entities"]!.AsArray().Add(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = mention,
                ["mentioned"] = new JsonObject { ["id"] = BotApp.BotId, ["name"] = BotApp.BotName },
            });
        }
        else
        {
            activity["text"] = text;
        }

        return activity.ToJsonString();
    }
}

/// <summary>Latencies of one phase, sorted, with what went wrong.</summary>
internal sealed record Measured(string Name, double[] Sorted, int Errors, TimeSpan Elapsed)
{
    public int Count => Sorted.Length;

    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    public double Throughput => Count / Elapsed.TotalSeconds;

    /// <summary>
    /// The process's CPU time during the phase (host and client, all threads): less sensitive than latency to what
    /// else the machine runs, as long as the host's own background work is quiet.
    /// </summary>
    public TimeSpan Cpu { get; init; }

    public double CpuPerTurn => Count == 0 ? double.NaN : Cpu.TotalMilliseconds / Count;

    public double Percentile(double p) => Sorted.Length == 0 ? double.NaN : Sorted[Math.Clamp((int)Math.Ceiling(p * Sorted.Length) - 1, 0, Sorted.Length - 1)];

    public static Measured Of(string name, IReadOnlyList<Shot> shots, Func<Shot, bool> ok, TimeSpan elapsed)
    {
        var errors = shots.Count(s => !ok(s));
        if (errors > 0)
        {
            var sample = shots.First(s => !ok(s));
            Console.WriteLine($"  ! {name}: {errors} answers not as expected, e.g. {(int)sample.Status} {sample.Body[..Math.Min(200, sample.Body.Length)]}");
        }

        return new Measured(name, shots.Select(s => s.Milliseconds).Order().ToArray(), errors, elapsed);
    }

    /// <summary>Several rounds of the same phase as one sample.</summary>
    public static Measured Merge(string name, params Measured[] rounds) => new(
        name,
        rounds.SelectMany(r => r.Sorted).Order().ToArray(),
        rounds.Sum(r => r.Errors),
        TimeSpan.FromTicks(rounds.Sum(r => r.Elapsed.Ticks)))
    {
        Cpu = TimeSpan.FromTicks(rounds.Sum(r => r.Cpu.Ticks)),
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: {Count} turns in {Elapsed.TotalSeconds:F2} s ({Throughput:F0}/s), p50 {P50:F1} ms, p99 {P99:F1} ms, {CpuPerTurn:F1} ms CPU a turn, errors {Errors}");
}
