using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Testing;

namespace GcmBot.Bench.Peaks;

/// <summary>How the run is set up: the database, and how much of each row (quick: fewer turns, for a smoke run).</summary>
internal sealed record PeakOptions(bool Postgres, bool Quick, IReadOnlySet<string> Rows)
{
    public static PeakOptions Parse(string[] args)
    {
        var rowsAt = Array.IndexOf(args, "--rows");
        var rows = rowsAt >= 0 && rowsAt + 1 < args.Length
            ? args[rowsAt + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>(["qna", "floor", "notices", "balance"], StringComparer.OrdinalIgnoreCase);
        return new PeakOptions(args.Contains("--postgres"), args.Contains("--quick"), rows);
    }

    public int Scale(int full) => Quick ? Math.Max(1, full / 5) : full;
}

/// <summary>The real host, served on a Kestrel loopback port, with the benchmark's baseline routes added.</summary>
internal static class BenchHost
{
    public static Task<BotApp> StartAsync(PeakOptions options, Action<BotAppOptions>? more = null) =>
        BotApp.StartAsync(o =>
        {
            o.ValidateCards = false;
            o.UseKestrel = true;
            o.UsePostgres = options.Postgres;
            // Below the server's max_connections (100 by default, a few kept for superusers), as a deployment sets it.
            o.PostgresMaxPoolSize = 60;
            o.Settings["Logging:LogLevel:Default"] = "Error";
            o.Services.Add(services =>
            {
                // The bare turns: routing and middleware (de-duplication claim, conversation capture), nothing else.
                services.AddBotCommand<EchoCommand>("echo", "Benchmark baseline", ConversationScopes.All);
                services.AddCardAction<EchoAction>(EchoAction.Verb);
            });
            more?.Invoke(o);
        });

    public static bool IsEcho(Shot shot) => shot.Status == System.Net.HttpStatusCode.OK && shot.Body.Contains("echo", StringComparison.Ordinal);

    public static string BareInvoke(TeamsConversation chat, TestUser from) => Wire.Invoke(chat, from, EchoAction.Verb, new JsonObject());
}

/// <summary>When the fake connector accepted each update of a message, to check the pace of shared cards.</summary>
internal sealed class UpdateClock
{
    private readonly ConcurrentDictionary<int, long> _at = new();

    public ConnectorAnswer? Record(ConnectorCall call)
    {
        if (call.IsUpdate)
        {
            _at[call.Sequence] = Stopwatch.GetTimestamp();
        }

        return null;
    }

    public long? At(ConnectorCall call) => _at.TryGetValue(call.Sequence, out var at) ? at : null;

    /// <summary>The shortest time between two updates of one message, in milliseconds (infinity with fewer than two).</summary>
    public double ShortestGap(IEnumerable<ConnectorCall> updates)
    {
        var times = updates.Select(At).OfType<long>().Order().ToArray();
        return times.Length < 2 ? double.PositiveInfinity : times.Zip(times.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b).TotalMilliseconds).Min();
    }
}

/// <summary>The baseline for messages: answered with its own text through the connector.</summary>
internal sealed class EchoCommand : ICommandHandler
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken) =>
        turn.SendTextAsync("echo " + input.Arguments, cancellationToken);
}

/// <summary>The baseline for invokes: a Universal Action answered in the HTTP body, touching nothing.</summary>
internal sealed class EchoAction : ICardActionHandler
{
    public const string Verb = "bench.echo";

    public Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken) =>
        Task.FromResult(CardActionResult.Message("echo"));
}
