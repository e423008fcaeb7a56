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
    public bool IsSend => Method == "POST" && Path.Contains("/activities", StringComparison.Ordinal);
    public bool IsUpdate => Method == "PUT";
    public ReceivedActivity Activity => new(Body ?? [], this);
}

/// <summary>What the connector answers to a call; null lets the default answer stand.</summary>
public sealed record ConnectorAnswer(int StatusCode, JsonObject? Body = null, IReadOnlyDictionary<string, string>? Headers = null);

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
        var call = new ConnectorCall(request.Method, request.Path.Value!, conversationId, activityId, body, Interlocked.Increment(ref _sequence));

        var answer = Interceptor?.Invoke(call) ?? DefaultAnswer(call, segments);
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
