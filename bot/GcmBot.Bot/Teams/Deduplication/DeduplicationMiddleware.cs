using System.Security.Cryptography;
using System.Text;
using GcmBot.Bot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.Teams.Deduplication;

public sealed class DeduplicationOptions
{
    public const string SectionName = "Deduplication";

    /// <summary>How long an activity id is remembered; Teams re-delivers within minutes.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 24 * 30)]
    public int RetentionHours { get; set; } = 24;
}

/// <summary>
/// Teams re-delivers an activity whose turn took too long (sometimes while the first delivery is still running). The
/// first delivery claims the activity id in the database; later ones are acknowledged and dropped. A turn that fails
/// releases its claim so that a retry can still do the work.
/// </summary>
public sealed partial class DeduplicationMiddleware(
    IDbContextFactory<GcmDbContext> databases,
    TimeProvider time,
    ILogger<DeduplicationMiddleware> logger) : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var key = Outbound.OutboundSender.IsProactive(turnContext.Activity) ? null : KeyOf(turnContext.Activity);
        if (key is null)
        {
            await next(cancellationToken);
            return;
        }

        if (!await TryClaimAsync(key, cancellationToken))
        {
            LogDuplicate(logger, turnContext.Activity.Type);
            if (turnContext.Activity.Type == ActivityTypes.Invoke)
            {
                // The first delivery answers the person; the duplicate only needs a well-formed 200.
                await turnContext.SendActivityAsync(
                    new Activity { Type = ActivityTypesEx.InvokeResponse, Value = new InvokeResponse { Status = 200 } },
                    cancellationToken);
            }

            return;
        }

        try
        {
            await next(cancellationToken);
        }
        catch
        {
            await ReleaseAsync(key);
            throw;
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

    private async Task<bool> TryClaimAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.Add(new ProcessedActivity { Key = key, ReceivedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // A unique-key violation means another delivery claimed it; anything else must not be swallowed.
            await using var check = await databases.CreateDbContextAsync(cancellationToken);
            if (await check.Set<ProcessedActivity>().AnyAsync(p => p.Key == key, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    private async Task ReleaseAsync(string key)
    {
        try
        {
            await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
            await db.Set<ProcessedActivity>().Where(p => p.Key == key).ExecuteDeleteAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            LogReleaseFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped a re-delivered {ActivityType} activity")]
    private static partial void LogDuplicate(ILogger logger, string activityType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the claim of a failed activity; a retry will be dropped")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);
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
