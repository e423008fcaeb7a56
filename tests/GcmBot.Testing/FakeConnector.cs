using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GcmBot.Testing;

/// <summary>One request the bot made to the connector.</summary>
public sealed record ConnectorCall(string Method, string Path, string? ConversationId, string? ActivityId, JsonObject? Body, int Sequence)
{
    /// <summary>When the connector received it (<see cref="System.Diagnostics.Stopwatch"/> ticks).</summary>
    public long Timestamp { get; init; } = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>The test instance that made the call, when the instance marks its requests (<see cref="InstanceLink"/>).</summary>
    public string? Instance { get; init; }

    /// <summary>When the call left the instance (Stopwatch ticks), when the instance marks its requests.</summary>
    public long? SentAt { get; init; }

    public bool IsSend => Method == "POST" && Path.Contains("/activities", StringComparison.Ordinal);
    public bool IsUpdate => Method == "PUT";
    public ReceivedActivity Activity => new(Body ?? [], this);
}

/// <summary>What the connector answers to a call; null lets the default answer stand.</summary>
public sealed record ConnectorAnswer(int StatusCode, JsonObject? Body = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>Drop the connection without an answer, as a connector that is down or a network that failed.</summary>
    public static ConnectorAnswer Abort { get; } = new(0) { AbortConnection = true };

    public bool AbortConnection { get; init; }

    /// <summary>429 with a Retry-After header, in seconds.</summary>
    public static ConnectorAnswer Throttled(double retryAfterSeconds) =>
        new(429, Headers: new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}

/// <summary>
/// A Bot Connector stand-in listening on a loopback port, used as the activities' serviceUrl: it records every send,
/// reply, update and delete, answers Teams lookups (members, meeting participants) from test data, and can be told to
/// throttle or fail.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private readonly ConcurrentQueue<ConnectorCall> _rejected = new();
    private readonly ConcurrentDictionary<string, string> _meetingRoles = new();
    private readonly ConcurrentDictionary<string, string> _userRoles = new();
    private readonly ConcurrentDictionary<string, byte[]> _files = new();
    private readonly SemaphoreSlim _changed = new(0, int.MaxValue);
    private readonly WebApplication _app;
    private int _sequence;
    private int _activityIds;

    private FakeConnector(WebApplication app)
    {
        _app = app;
    }

    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>Optional hook deciding an answer per call (e.g. 429 above a rate); return null for the default.</summary>
    public Func<ConnectorCall, ConnectorAnswer?>? Interceptor { get; set; }

    /// <summary>
    /// Scripted faults (a few 429s or 502s, an outage, held calls), applied before <see cref="Interceptor"/>; calls they
    /// answer with an error count as <see cref="Rejected"/>.
    /// </summary>
    public ConnectorFaults Faults { get; } = new();

    /// <summary>Every call answered with success, in order.</summary>
    public IReadOnlyList<ConnectorCall> Calls => _calls.ToArray();

    /// <summary>Calls answered with an error (by the interceptor or for an unknown route).</summary>
    public IReadOnlyList<ConnectorCall> Rejected => _rejected.ToArray();

    /// <summary>Messages the bot sent (new messages and replies), in order.</summary>
    public IReadOnlyList<ReceivedActivity> Sent => Calls.Where(c => c.IsSend).Select(c => c.Activity).ToList();

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.Map("/{**path}", connector.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = new Uri(address.TrimEnd('/') + "/");
        return connector;
    }

    /// <summary>Sets the meeting role Teams reports for a participant (Organizer, Presenter, Attendee).</summary>
    public void SetMeetingRole(string aadObjectId, string role) => _meetingRoles[aadObjectId] = role;

    /// <summary>
    /// Makes a Teams user an anonymous meeting participant (no Entra object id; <c>userRole: "anonymous"</c> in member
    /// lookups) or a guest (<c>userRole: "guest"</c>). For an anonymous participant Create Conversation answers 400
    /// BadArgument, as Teams does: a bot cannot open a one-to-one chat with them.
    /// </summary>
    public void SetUserRole(string teamsUserId, string userRole) => _userRoles[teamsUserId] = userRole;

    /// <summary>
    /// Serves a file at a loopback URL, as the download link of a file a person attached in Teams
    /// (a <c>file.download.info</c> attachment). Downloads are not recorded as connector calls.
    /// </summary>
    public Uri ServeFile(byte[] content)
    {
        var path = $"/files/{Guid.NewGuid():N}";
        _files[path] = content;
        return new Uri(ServiceUrl, path.TrimStart('/'));
    }

    public IReadOnlyList<ConnectorCall> CallsTo(string conversationId) =>
        Calls.Where(c => c.ConversationId == conversationId).ToList();

    public int Count => _calls.Count;

    /// <summary>Waits until the recorded calls satisfy a condition (for work the bot does after the turn).</summary>
    public Task<IReadOnlyList<ConnectorCall>> WaitForAsync(
        Func<IReadOnlyList<ConnectorCall>, bool> condition, TimeSpan? timeout = null) =>
        Recorded.WaitForAsync(() => Calls, condition, _changed, timeout,
            calls => $"The connector did not see the expected calls in time; it saw {calls.Count}.");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var received = System.Diagnostics.Stopwatch.GetTimestamp();
        var request = context.Request;
        if (request.Method == "GET" && _files.TryGetValue(request.Path.Value!, out var file))
        {
            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync(file);
            return;
        }

        JsonObject? body = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync();
            body = text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject;
        }

        var segments = request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        string? conversationId = segments.Length >= 3 && segments[0] == "v3" && segments[1] == "conversations" ? segments[2] : null;
        string? activityId = segments.Length >= 5 && segments[3] == "activities" ? segments[4] : null;
        var call = new ConnectorCall(request.Method, request.Path.Value!, conversationId, activityId, body, Interlocked.Increment(ref _sequence))
        {
            Timestamp = received,
            Instance = request.Headers[InstanceLink.HeaderName].FirstOrDefault(),
            SentAt = long.TryParse(request.Headers[InstanceLink.SentAtHeaderName].FirstOrDefault(), out var sentAt) ? sentAt : null,
        };

        var answer = await Faults.DecideAsync(call) ?? Interceptor?.Invoke(call) ?? DefaultAnswer(call, segments);
        if (answer.AbortConnection)
        {
            _rejected.Enqueue(call);
            context.Abort();
            return;
        }

        if (answer.StatusCode is >= 200 and < 300)
        {
            Record(call);
        }
        else
        {
            _rejected.Enqueue(call);
        }

        await WriteAsync(context, answer);
    }

    private void Record(ConnectorCall call)
    {
        _calls.Enqueue(call);
        _changed.Release();
    }

    private ConnectorAnswer DefaultAnswer(ConnectorCall call, string[] segments)
    {
        // v3/conversations/{id}/activities[/{activityId}]: send, reply, update, delete.
        if (call.ConversationId is not null && segments.Length >= 4 && segments[3] == "activities")
        {
            var id = call.Method == "PUT" ? call.ActivityId! : $"activity-{Interlocked.Increment(ref _activityIds)}";
            return new ConnectorAnswer(200, new JsonObject { ["id"] = id });
        }

        // v3/conversations: create a conversation (proactive 1:1); never with an anonymous meeting participant.
        if (call.Method == "POST" && segments is ["v3", "conversations"])
        {
            var member = (call.Body?["members"] as JsonArray)?.FirstOrDefault()?["id"]?.GetValue<string>();
            if (member is not null && _userRoles.GetValueOrDefault(member) == "anonymous")
            {
                return new ConnectorAnswer(400, new JsonObject
                {
                    ["error"] = new JsonObject { ["code"] = "BadArgument", ["message"] = "Bot cannot create a conversation with an anonymous user" },
                });
            }

            return new ConnectorAnswer(201, new JsonObject { ["id"] = $"a:created-{Interlocked.Increment(ref _activityIds)}" });
        }

        // v3/conversations/{id}/members/{memberId}: TeamsInfo.GetMemberAsync. Anonymous participants have no Entra id.
        if (call.Method == "GET" && segments.Length == 5 && segments[3] == "members")
        {
            var userRole = _userRoles.GetValueOrDefault(segments[4], "user");
            var member = new JsonObject { ["id"] = segments[4], ["name"] = "Member", ["tenantId"] = BotApp.TenantId, ["userRole"] = userRole };
            if (userRole != "anonymous")
            {
                member["aadObjectId"] = segments[4];
            }

            return new ConnectorAnswer(200, member);
        }

        // v1/meetings/{meetingId}/participants/{participantId}?tenantId=: TeamsInfo.GetMeetingParticipantAsync.
        if (call.Method == "GET" && segments.Length == 5 && segments[0] == "v1" && segments[1] == "meetings" && segments[3] == "participants")
        {
            var participant = segments[4];
            var role = _meetingRoles.GetValueOrDefault(participant, "Attendee");
            return new ConnectorAnswer(200, new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = participant, ["aadObjectId"] = participant, ["name"] = "Participant" },
                ["meeting"] = new JsonObject { ["role"] = role, ["inMeeting"] = true },
                ["conversation"] = new JsonObject { ["id"] = "meeting-conversation" },
            });
        }

        // v1/meetings/{meetingId}: TeamsInfo.GetMeetingInfoAsync.
        if (call.Method == "GET" && segments.Length == 3 && segments[0] == "v1" && segments[1] == "meetings")
        {
            return new ConnectorAnswer(200, new JsonObject
            {
                ["details"] = new JsonObject
                {
                    ["id"] = segments[2],
                    ["msGraphResourceId"] = "graph-" + segments[2],
                    ["joinUrl"] = "https://teams.microsoft.com/l/meetup-join/x",
                    ["title"] = "Consultation",
                    ["type"] = "Scheduled",
                },
            });
        }

        return new ConnectorAnswer(404, new JsonObject { ["error"] = new JsonObject { ["code"] = "NotFound", ["message"] = "Fake connector has no route." } });
    }

    private static async Task WriteAsync(HttpContext context, ConnectorAnswer answer)
    {
        context.Response.StatusCode = answer.StatusCode;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (answer.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Body.ToJsonString());
        }
        else if (answer.StatusCode == (int)HttpStatusCode.TooManyRequests)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"error":{"code":"TooManyRequests","message":"Slow down."}}""");
        }
    }
}

/// <summary>
/// Faults a test scripts into the <see cref="FakeConnector"/>: answers for the next matching calls, an outage for a
/// while, or calls held until the test lets them go. By default they apply to sends and updates of messages.
/// </summary>
public sealed class ConnectorFaults
{
    private readonly object _lock = new();
    private readonly List<(Func<ConnectorCall, bool> Match, Queue<ConnectorAnswer> Answers)> _scripts = [];
    private (DateTimeOffset Until, Func<ConnectorCall, bool> Match)? _outage;
    private Hold? _hold;

    /// <summary>Sends and updates of messages (replies, proactive messages, card updates).</summary>
    public static bool IsMessage(ConnectorCall call) => call.IsSend || call.IsUpdate;

    /// <summary>Answers the next matching calls with these answers, one each, in order; later calls are untouched.</summary>
    public void Next(Func<ConnectorCall, bool>? match, params ConnectorAnswer[] answers)
    {
        lock (_lock)
        {
            _scripts.Add((match ?? IsMessage, new Queue<ConnectorAnswer>(answers)));
        }
    }

    /// <summary>Drops every matching call's connection for this long (wall-clock time), as a connector that is down.</summary>
    public void DownFor(TimeSpan duration, Func<ConnectorCall, bool>? match = null)
    {
        lock (_lock)
        {
            _outage = (DateTimeOffset.UtcNow + duration, match ?? IsMessage);
        }
    }

    /// <summary>Holds every matching call unanswered until <see cref="Hold.Release"/>.</summary>
    public Hold HoldAll(Func<ConnectorCall, bool>? match = null)
    {
        lock (_lock)
        {
            _hold = new Hold(match ?? IsMessage);
            return _hold;
        }
    }

    /// <summary>Removes every scripted fault (held calls are let go with their default answer).</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _scripts.Clear();
            _outage = null;
            _hold?.Release(null);
            _hold = null;
        }
    }

    internal async Task<ConnectorAnswer?> DecideAsync(ConnectorCall call)
    {
        Hold? hold;
        lock (_lock)
        {
            hold = _hold is { } h && h.Match(call) ? h : null;
            if (hold is null)
            {
                if (_outage is { } outage && outage.Match(call) && DateTimeOffset.UtcNow < outage.Until)
                {
                    return ConnectorAnswer.Abort;
                }

                foreach (var (match, answers) in _scripts)
                {
                    if (answers.Count > 0 && match(call))
                    {
                        return answers.Dequeue();
                    }
                }

                return null;
            }
        }

        return await hold.WaitAsync();
    }

    /// <summary>Calls held unanswered; <see cref="Release"/> answers them all (and any later ones) the same way.</summary>
    public sealed class Hold(Func<ConnectorCall, bool> match)
    {
        private readonly TaskCompletionSource<ConnectorAnswer?> _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly SemaphoreSlim _arrived = new(0, int.MaxValue);
        private int _waiting;

        internal Func<ConnectorCall, bool> Match { get; } = match;

        /// <summary>How many calls have been held so far.</summary>
        public int Waiting => Volatile.Read(ref _waiting);

        /// <summary>Answers every held call (null: its default answer; <see cref="ConnectorAnswer.Abort"/>: no answer).</summary>
        public void Release(ConnectorAnswer? answer) => _released.TrySetResult(answer);

        /// <summary>Waits until at least this many calls are held.</summary>
        public async Task WaitForHeldAsync(int count, TimeSpan? timeout = null)
        {
            using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
            while (Waiting < count)
            {
                try
                {
                    await _arrived.WaitAsync(TimeSpan.FromMilliseconds(100), cts.Token);
                }
                catch (OperationCanceledException)
                {
                    throw new TimeoutException($"Only {Waiting} of {count} calls reached the connector in time.");
                }
            }
        }

        internal Task<ConnectorAnswer?> WaitAsync()
        {
            Interlocked.Increment(ref _waiting);
            _arrived.Release();
            return _released.Task;
        }
    }
}
