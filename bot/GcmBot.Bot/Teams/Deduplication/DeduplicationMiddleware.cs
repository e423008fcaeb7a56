using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Teams.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace GcmBot.Bot.Teams.Deduplication;

public sealed class DeduplicationOptions
{
    public const string SectionName = "Deduplication";

    /// <summary>How long an activity id is remembered; Teams re-delivers within minutes.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 24 * 30)]
    public int RetentionHours { get; set; } = 24;
}

/// <summary>
/// Teams re-delivers an activity whose turn took too long (sometimes while the first delivery is still running), and
/// re-delivers one that got no answer at all (the bot crashed). A re-delivery must be dropped when the first delivery
/// finished, and processed when it did not:
/// <list type="bullet">
/// <item>while a turn runs, its activity is claimed in memory: a concurrent re-delivery is acknowledged and dropped;</item>
/// <item>when the turn has finished (answered or queued its replies) the activity is recorded in the database in one
/// small write: later re-deliveries, also after a restart, are acknowledged and dropped. A vote or a floor request is
/// recorded in its own transaction (<see cref="FinishedTurns"/>): one commit at a peak instead of two;</item>
/// <item>a vote or a floor request pressed on an Action.Execute card (<see cref="CardActionRoute.ClaimsItsTurn"/>) is
/// not looked up before its turn: its store claims the record in the transaction of its work, finds a re-delivery
/// there (the record is there already) and changes nothing, and the turn is answered here as a dropped one would
/// be. At a peak that read was a fifth to a quarter of each press;</item>
/// <item>a turn that fails, or a process that dies mid-turn, leaves no record: the re-delivery runs the turn again, and
/// the capabilities' own idempotency (e.g. one registration per person and event) keeps the work from doubling. A vote
/// or a floor request that committed is recorded with it: its re-delivery is dropped, and the press stands.</item>
/// </list>
/// The in-memory claim relies on ONE bot instance at a time (docs/architecture.md).
/// </summary>
public sealed partial class DeduplicationMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    private readonly ConcurrentDictionary<string, byte> _running = new(StringComparer.Ordinal);
    private readonly IDbContextFactory<GcmDbContext> databases;
    private readonly FinishedTurns finishedTurns;
    private readonly RouteTable routes;
    private readonly TimeProvider time;
    private readonly ILogger<DeduplicationMiddleware> logger;

    /// <summary>
    /// Finished records of turns that end at the same moment go in one statement (one key: all of them). On SQLite a
    /// crowd's 300 records would otherwise be 300 writers each holding a thread asleep in SQLite's busy handler while
    /// another writer (a batch of votes or floor requests) holds the lock.
    /// </summary>
    private readonly GroupCommit<bool, string, bool> _records;

    public DeduplicationMiddleware(
        IDbContextFactory<GcmDbContext> databases, FinishedTurns finishedTurns, RouteTable routes, TimeProvider time, ILogger<DeduplicationMiddleware> logger)
    {
        this.databases = databases;
        this.finishedTurns = finishedTurns;
        this.routes = routes;
        this.time = time;
        this.logger = logger;
        _records = new GroupCommit<bool, string, bool>((_, keys) => RecordFinishedAsync(keys));
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var key = Outbound.OutboundSender.IsProactive(turnContext.Activity) ? null : KeyOf(turnContext.Activity);
        if (key is null)
        {
            await next(cancellationToken);
            return;
        }

        if (!_running.TryAdd(key, 0))
        {
            await DropAsync(turnContext, stillRunning: true, cancellationToken);
            return;
        }

        try
        {
            if (!ClaimsItsTurn(turnContext.Activity) && await IsFinishedAsync(key, cancellationToken))
            {
                await DropAsync(turnContext, stillRunning: false, cancellationToken);
                return;
            }

            var finished = new FinishedTurn(key);
            // A store that claims the record may find the turn to be a re-delivery (also one that raced this check from
            // another instance): what the turn then sends is replaced by what a dropped re-delivery gets.
            turnContext.OnSendActivities((_, activities, send) => finished.IsRedelivery ? SendAsDroppedAsync(activities, send) : send());
            using (finishedTurns.Track(finished))
            {
                await next(cancellationToken);
            }

            if (finished.IsRedelivery)
            {
                LogDuplicate(logger, turnContext.Activity.Type, stillRunning: false);
                return;
            }

            // The turn is done: its record is committed before the turn returns (and the invoke is answered), unless
            // the store that committed its work wrote it in that same transaction (FinishedTurns).
            if (!finished.Recorded)
            {
                await _records.SubmitAsync(true, key);
            }
        }
        finally
        {
            _running.TryRemove(key, out _);
        }
    }

    internal static string? KeyOf(IActivity activity)
    {
        if (string.IsNullOrEmpty(activity.Id))
        {
            return null;
        }

        var identity = $"{activity.ChannelId}\n{activity.Conversation?.Id}\n{activity.Id}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
    }

    /// <summary>Whether the activity is an Action.Execute press whose handler's store claims the turn's record.</summary>
    private bool ClaimsItsTurn(IActivity activity) =>
        activity.Type == ActivityTypes.Invoke
        && activity is IInvokeActivity { Name: "adaptiveCard/action", Value: JObject value }
        && value["action"]?["verb"] is JValue { Type: JTokenType.String } verb
        && routes.FindCardAction((string)verb!) is { ClaimsItsTurn: true };

    /// <summary>An invoke's answer becomes the plain 200 of a dropped re-delivery; nothing else is sent.</summary>
    private static Task<ResourceResponse[]> SendAsDroppedAsync(List<Activity> activities, Func<Task<ResourceResponse[]>> send)
    {
        activities.RemoveAll(a => a.Type != ActivityTypesEx.InvokeResponse);
        foreach (var answer in activities)
        {
            answer.Value = new InvokeResponse { Status = 200 };
        }

        return activities.Count == 0 ? Task.FromResult(Array.Empty<ResourceResponse>()) : send();
    }

    private async Task DropAsync(ITurnContext turnContext, bool stillRunning, CancellationToken cancellationToken)
    {
        // Expected: Teams re-delivers by design. Debug, so that the log's errors and warnings keep meaning trouble.
        LogDuplicate(logger, turnContext.Activity.Type, stillRunning);
        if (turnContext.Activity.Type == ActivityTypes.Invoke)
        {
            // The first delivery answers the person; the duplicate only needs a well-formed 200.
            await turnContext.SendActivityAsync(
                new Activity { Type = ActivityTypesEx.InvokeResponse, Value = new InvokeResponse { Status = 200 } },
                cancellationToken);
        }
    }

    private async Task<bool> IsFinishedAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<ProcessedActivity>().AsNoTracking().AnyAsync(p => p.Key == key, cancellationToken);
    }

    /// <summary>
    /// One statement for a batch of finished turns that cannot fail on a duplicate (both SQLite and PostgreSQL know ON
    /// CONFLICT DO NOTHING): a unique-key exception would make EF Core log an error with a stack trace for something
    /// expected.
    /// </summary>
    private async Task<IReadOnlyList<bool>> RecordFinishedAsync(IReadOnlyList<string> keys)
    {
        // The turns are done: record them even if a request is being cancelled, or a re-delivery would run it again.
        await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
        await FinishedTurns.RecordAsync(db, keys, time.GetUtcNow(), CancellationToken.None);
        return keys.Select(_ => true).ToList();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dropped a re-delivered {ActivityType} activity (first delivery still running: {StillRunning})")]
    private static partial void LogDuplicate(ILogger logger, string activityType, bool stillRunning);
}

/// <summary>Forgets processed activity ids after the retention period.</summary>
public sealed partial class ProcessedActivityCleanup(
    IDbContextFactory<GcmDbContext> databases,
    IOptions<DeduplicationOptions> options,
    TimeProvider time,
    ILogger<ProcessedActivityCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                var cutoff = time.GetUtcNow().AddHours(-options.Value.RetentionHours);
                await using var db = await databases.CreateDbContextAsync(stoppingToken);
                var removed = await db.Set<ProcessedActivity>().Where(p => p.ReceivedAt < cutoff).ExecuteDeleteAsync(stoppingToken);
                LogCleaned(logger, removed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCleanupFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Forgot {Count} processed activity ids")]
    private static partial void LogCleaned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cleaning processed activity ids failed; will try again")]
    private static partial void LogCleanupFailed(ILogger logger, Exception exception);
}
