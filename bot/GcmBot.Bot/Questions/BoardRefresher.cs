using System.Collections.Concurrent;
using System.Threading.Channels;
using GcmBot.Bot.Coordination;
using GcmBot.Bot.Languages;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Conversations;
using GcmBot.Bot.Teams.Outbound;
using GcmBot.Cards.Questions;
using GcmBot.Bot.Telemetry;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.Questions;

/// <summary>
/// "This session's board is behind." Notifications for a session already waiting are dropped: however many votes
/// arrive, one refresh is pending. Nothing here needs to survive a crash: what changed is in the database (the
/// session's version), and the refresher looks for boards behind it at start-up and now and then.
/// </summary>
public sealed class BoardSignal
{
    private readonly Channel<int> _channel = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<int, byte> _pending = new();

    public void Notify(int sessionId)
    {
        if (_pending.TryAdd(sessionId, 0))
        {
            _channel.Writer.TryWrite(sessionId);
        }
    }

    internal ChannelReader<int> Reader => _channel.Reader;

    /// <summary>The refresh is about to read the database: later changes need a refresh of their own.</summary>
    internal void Taken(int sessionId) => _pending.TryRemove(sessionId, out _);
}

/// <summary>
/// Keeps each shared board message in step with the database, updating it at most once per
/// <see cref="QnaOptions.BoardUpdateIntervalMilliseconds"/> per chat: the first change after a quiet spell goes out at
/// once, everything arriving during the interval goes out together at its end (Teams allows 7 sends per second per
/// thread, and votes in a meeting arrive far faster). With several instances, the chat's lease ("board:{chat}", a
/// <see cref="WorkLease"/>) lets one instance at a time update it and carries the moment of the next allowed update
/// from one holder to the next; an instance that cannot have the lease tries again shortly, and whoever updates
/// renders the latest version, so every vote shows whichever instance counted it.
/// </summary>
public sealed partial class BoardRefresher(
    BoardSignal signal,
    BoardPublisher publisher,
    QnaStore store,
    LeaseStore leases,
    IOptions<QnaOptions> options,
    TimeProvider time,
    ILogger<BoardRefresher> logger) : BackgroundService
{
    /// <summary>How often boards left behind (a failed update, a restart) are looked for.</summary>
    private static readonly TimeSpan Sweep = TimeSpan.FromSeconds(30);

    /// <summary>How long a chat's lease holds if its holder dies in the middle of an update.</summary>
    private static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(30);

    /// <summary>How soon an instance asks again for a lease another instance holds (real time: it is that instance's pace).</summary>
    private static readonly TimeSpan LeaseRetry = TimeSpan.FromMilliseconds(150);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, int> _failures = new();

    private TimeSpan Interval => TimeSpan.FromMilliseconds(options.Value.BoardUpdateIntervalMilliseconds);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweeping = SweepAsync(stoppingToken);
        try
        {
            await foreach (var sessionId in signal.Reader.ReadAllAsync(stoppingToken))
            {
                // Sessions in different chats refresh side by side; one chat's refreshes queue at its gate.
                _ = RefreshWhenAllowedAsync(sessionId, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        await sweeping;
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Sweep, time);
        try
        {
            do
            {
                try
                {
                    foreach (var sessionId in await store.StaleBoardsAsync(stoppingToken))
                    {
                        signal.Notify(sessionId);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSweepFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task RefreshWhenAllowedAsync(int sessionId, CancellationToken stoppingToken)
    {
        try
        {
            var session = await store.FindAsync(sessionId, stoppingToken);
            if (session is null)
            {
                signal.Taken(sessionId);
                return;
            }

            var conversation = session.ConversationId;
            var gate = _gates.GetOrAdd(conversation, _ => new SemaphoreSlim(1, 1));
            await gate.WaitAsync(stoppingToken);
            try
            {
                var lease = await leases.TryAcquireAsync(BoardLeaseName(conversation), LeaseTime, stoppingToken);
                while (lease is null)
                {
                    // Another instance is updating this chat's board; it may already show what changed here.
                    await Task.Delay(LeaseRetry, stoppingToken);
                    // Taken before reading: a change after this read notifies anew rather than being dropped.
                    signal.Taken(sessionId);
                    if ((await store.FindAsync(sessionId, stoppingToken)) is not { } now || now.Version <= now.RenderedVersion)
                    {
                        return;
                    }

                    lease = await leases.TryAcquireAsync(BoardLeaseName(conversation), LeaseTime, stoppingToken);
                }

                var next = time.GetUtcNow() + Interval;
                try
                {
                    var wait = lease.NotBefore - time.GetUtcNow();
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, time, stoppingToken);
                    }

                    signal.Taken(sessionId);
                    var result = await publisher.PublishAsync(sessionId, stoppingToken);
                    // Counted from the end of this update: the next one starts a full interval after this one was
                    // answered, whichever instance makes it and however long the request took to arrive.
                    next = time.GetUtcNow() + Interval;
                    if (result.RetryAfter is { } retryAfter)
                    {
                        var failures = _failures.AddOrUpdate(sessionId, 1, (_, n) => n + 1);
                        next = time.GetUtcNow() + (retryAfter > TimeSpan.Zero ? retryAfter : Backoff(failures));
                        signal.Notify(sessionId);
                    }
                    else
                    {
                        _failures.TryRemove(sessionId, out _);
                    }
                }
                finally
                {
                    await leases.ReleaseAsync(lease, next, CancellationToken.None);
                }
            }
            finally
            {
                gate.Release();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the database still says the board is behind, so the next start catches up.
        }
        catch (Exception ex)
        {
            // The board is behind until the next change or sweep; the questions and votes themselves are safe.
            signal.Taken(sessionId);
            LogRefreshFailed(logger, ex, sessionId);
        }
    }

    internal static string BoardLeaseName(string conversationId) => "board:" + conversationId;

    private static TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(60_000, 1000 * Math.Pow(2, failures - 1) + Random.Shared.Next(0, 500)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the board of Q&A session {SessionId} failed; it will be caught up later")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, int sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for Q&A boards behind the database failed; will try again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}

/// <summary>How a board update went: null <see cref="RetryAfter"/> means done (or given up on, and logged).</summary>
public sealed record PublishResult(TimeSpan? RetryAfter)
{
    public static PublishResult Done { get; } = new((TimeSpan?)null);
}

/// <summary>
/// Renders the shared view of a board from the database and puts it into the board message, proactively, in the
/// chat's language (a moderator sets it with <c>chat language</c>).
/// </summary>
public sealed partial class BoardPublisher(
    QnaStore store,
    QnaBoardReader reader,
    ConversationStore conversations,
    ProactiveConnector connector,
    GcmMetrics metrics,
    LanguageStore languages,
    ILogger<BoardPublisher> logger)
{
    public async Task<PublishResult> PublishAsync(int sessionId, CancellationToken cancellationToken)
    {
        // The version is read before the questions, so the board never claims more than it shows.
        var session = await store.FindAsync(sessionId, cancellationToken);
        if (session?.BoardActivityId is not { } boardId || session.Version <= session.RenderedVersion)
        {
            return PublishResult.Done;
        }

        var conversation = await conversations.FindAsync(session.ConversationId, cancellationToken);
        if (conversation is null)
        {
            await store.MarkRenderedAsync(sessionId, session.Version, cancellationToken);
            return PublishResult.Done;
        }

        var model = await reader.ReadAsync(session, BoardViewer.Everyone, new BoardRequest(), cancellationToken);
        var culture = await languages.OfChatAsync(session.ConversationId, cancellationToken);
        var activity = CardAttachments.ToActivity(QnaBoardCard.Build(model, culture));
        activity.Id = boardId;
        var (outcome, status, retryAfter) = await connector.UpdateAsync(ConversationStore.ToReference(conversation), activity, cancellationToken);
        switch (outcome)
        {
            case SendOutcome.Sent:
                metrics.CardUpdated("qna-board");
                await store.MarkRenderedAsync(sessionId, session.Version, cancellationToken);
                return PublishResult.Done;
            case SendOutcome.Throttled:
                return new PublishResult(retryAfter ?? TimeSpan.Zero);
            case SendOutcome.Gone:
                // The board message was deleted, or the bot removed: stop updating it. A moderator can post it again.
                LogBoardGone(logger, sessionId, status);
                await store.SetBoardMessageAsync(sessionId, null, session.Version, cancellationToken);
                return PublishResult.Done;
            default:
                LogUpdateRefused(logger, sessionId, status);
                await store.MarkRenderedAsync(sessionId, session.Version, cancellationToken);
                return PublishResult.Done;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The board message of Q&A session {SessionId} is gone (HTTP {StatusCode}); no longer updating it")]
    private static partial void LogBoardGone(ILogger logger, int sessionId, int? statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams refused the board update of Q&A session {SessionId} (HTTP {StatusCode})")]
    private static partial void LogUpdateRefused(ILogger logger, int sessionId, int? statusCode);
}
