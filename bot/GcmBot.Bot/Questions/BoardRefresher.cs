using System.Collections.Concurrent;
using System.Threading.Channels;
using GcmBot.Bot.Languages;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Conversations;
using GcmBot.Bot.Teams.Outbound;
using GcmBot.Cards.Questions;
using Microsoft.Bot.Schema;
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
/// thread, and votes in a meeting arrive far faster).
/// </summary>
public sealed partial class BoardRefresher(
    BoardSignal signal,
    BoardPublisher publisher,
    QnaStore store,
    IOptions<QnaOptions> options,
    TimeProvider time,
    ILogger<BoardRefresher> logger) : BackgroundService
{
    /// <summary>How often boards left behind (a failed update, a restart) are looked for.</summary>
    private static readonly TimeSpan Sweep = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _nextAllowed = new(StringComparer.Ordinal);
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
                var wait = _nextAllowed.GetValueOrDefault(conversation) - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stoppingToken);
                }

                signal.Taken(sessionId);
                _nextAllowed[conversation] = time.GetUtcNow() + Interval;
                var result = await publisher.PublishAsync(sessionId, stoppingToken);
                if (result.RetryAfter is { } retryAfter)
                {
                    var failures = _failures.AddOrUpdate(sessionId, 1, (_, n) => n + 1);
                    var delay = retryAfter > TimeSpan.Zero ? retryAfter : Backoff(failures);
                    _nextAllowed[conversation] = time.GetUtcNow() + delay;
                    signal.Notify(sessionId);
                }
                else
                {
                    _failures.TryRemove(sessionId, out _);
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
    LanguageStore languages,
    GcmAdapter adapter,
    IOptions<BotIdentityOptions> identity,
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
        var (outcome, status, retryAfter) = await OutboundSender.ContinueAsync(
            adapter,
            identity.Value.MicrosoftAppId ?? string.Empty,
            ConversationStore.ToReference(conversation),
            (turn, ct) => turn.UpdateActivityAsync(activity, ct),
            cancellationToken);
        switch (outcome)
        {
            case SendOutcome.Sent:
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
