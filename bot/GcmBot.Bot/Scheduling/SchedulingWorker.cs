using System.ComponentModel.DataAnnotations;
using GcmBot.Bot.Coordination;
using GcmBot.Bot.Languages;
using GcmBot.Bot.Participants;
using GcmBot.Bot.Teams.Outbound;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.Scheduling;

public sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>How often scheduled meetings are checked for new registrants (also done at once when Registration says so).</summary>
    [Range(1, 24 * 60)]
    public int InviteSyncMinutes { get; set; } = 15;
}

/// <summary>
/// Wakes the scheduling worker: a consultation was recorded or changed, or (as <see cref="IRegistrantsChangedListener"/>)
/// the registrants changed and scheduled meetings may need new attendees.
/// </summary>
public sealed class SchedulingSignal : IRegistrantsChangedListener
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);
    private int _registrantsChanged;

    public void Notify()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public void OnRegistrantsChanged()
    {
        Interlocked.Exchange(ref _registrantsChanged, 1);
        Notify();
    }

    /// <summary>True once after registrants changed.</summary>
    public bool TakeRegistrantsChanged() => Interlocked.Exchange(ref _registrantsChanged, 0) == 1;

    /// <summary>Waits for a signal or until <paramref name="timeout"/> passes on <paramref name="time"/>'s clock.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var wake = _semaphore.WaitAsync(linked.Token);
        var delay = Task.Delay(timeout, time, linked.Token);
        await Task.WhenAny(wake, delay);
        await linked.CancelAsync();
        await Task.WhenAll(wake, delay).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        cancellationToken.ThrowIfCancellationRequested();
    }
}

/// <summary>
/// Does the slow scheduling work after the turn (Teams wants answers within seconds; Graph may ask to wait): applies
/// pending consultations to Teams and reports to the organiser where they asked, and every
/// <see cref="SchedulingOptions.InviteSyncMinutes"/> (or when registrants change) adds late registrants to upcoming
/// meetings and links meeting chats still unknown. Pending work is in the database, so a restart resumes it. With
/// several instances, each consultation is reconciled under its lease ("consultation:{id}") and the invitation sync
/// under one lease for all ("scheduling:invitations"), so one instance at a time does each; a lease whose holder died
/// expires, and the next look (at most <see cref="Recheck"/> later) takes it over.
/// </summary>
public sealed partial class SchedulingWorker(
    ConsultationStore store,
    ConsultationReconciler reconciler,
    RegistrantSource registrants,
    ConsultationNotifier notifier,
    INotificationQueue queue,
    LeaseStore leases,
    SchedulingSignal signal,
    ConversationLanguages languages,
    IStringLocalizer<SchedulingTexts> texts,
    IOptions<SchedulingOptions> options,
    TimeProvider time,
    ILogger<SchedulingWorker> logger) : BackgroundService
{
    /// <summary>How soon work held by another instance is looked at again.</summary>
    internal static readonly TimeSpan Recheck = TimeSpan.FromSeconds(30);

    /// <summary>How long a lease holds: longer than a reconciliation or a sync takes, Graph's retries included.</summary>
    private static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(options.Value.InviteSyncMinutes);
        var nextSync = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var heldElsewhere = await ProcessPendingAsync(stoppingToken);
                var registrantsChanged = signal.TakeRegistrantsChanged();
                if (registrantsChanged || time.GetUtcNow() >= nextSync)
                {
                    var changed = false;
                    var synced = await leases.TryRunAsync(
                        "scheduling:invitations", LeaseTime, async ct => changed = await SyncInvitationsAsync(ct), stoppingToken);
                    if (synced)
                    {
                        nextSync = time.GetUtcNow() + interval;
                        if (changed)
                        {
                            continue;
                        }
                    }
                    else
                    {
                        // Another instance is syncing; what changed here may have come after its reading.
                        heldElsewhere = true;
                        if (registrantsChanged)
                        {
                            signal.OnRegistrantsChanged();
                            await Task.Delay(Recheck / 10, stoppingToken);
                        }
                    }
                }

                var wait = nextSync - time.GetUtcNow();
                if (heldElsewhere && wait > Recheck)
                {
                    wait = Recheck;
                }

                await signal.WaitAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException or InvalidOperationException or HttpRequestException)
            {
                LogLoopFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    /// <summary>Reconciles every pending consultation no other instance is working on; true when some were held elsewhere.</summary>
    private async Task<bool> ProcessPendingAsync(CancellationToken cancellationToken)
    {
        var heldElsewhere = false;
        foreach (var id in await store.PendingAsync(cancellationToken))
        {
            heldElsewhere |= !await leases.TryRunAsync($"consultation:{id}", LeaseTime, async ct =>
            {
                var result = await reconciler.ReconcileAsync(id, ct);
                if (result is null)
                {
                    return;
                }

                var consultation = result.Consultation;
                if (consultation.Teams == TeamsState.Failed || consultation.LastChange != ConsultationChange.RegistrantsChanged)
                {
                    await ReportAsync(consultation, result.Figures, ct);
                }
            }, cancellationToken);
        }

        return heldElsewhere;
    }

    /// <summary>True when some consultation became pending (new registrants to add): process it at once.</summary>
    private async Task<bool> SyncInvitationsAsync(CancellationToken cancellationToken)
    {
        var changed = false;
        foreach (var consultation in await store.UpcomingWithInvitationsAsync(cancellationToken))
        {
            var invited = await registrants.InvitedToAsync(consultation, cancellationToken);
            if (consultation.Teams == TeamsState.InTeams)
            {
                var known = (await store.InviteesAsync(consultation.Id, cancellationToken)).Select(i => i.UserStableId).ToHashSet(StringComparer.Ordinal);
                if (!known.SetEquals(invited.Select(r => r.UserStableId)))
                {
                    // The Graph event's attendees must change: the reconciler sends the whole list and tells the new ones.
                    var (_, refusal) = await store.ChangeAsync(consultation.Id, c =>
                    {
                        if (c.Teams != TeamsState.InTeams || c.Status != ConsultationStatus.Scheduled)
                        {
                            return SchedulingProblem.Of("Store.Concurrent");
                        }

                        c.Teams = TeamsState.Pending;
                        c.LastChange = ConsultationChange.RegistrantsChanged;
                        return null;
                    }, cancellationToken);
                    changed |= refusal is null;
                    continue;
                }

                await reconciler.FindChatAsync(consultation, cancellationToken);
            }

            // People invited before they ever talked to the bot hear from it once they have.
            await notifier.SyncAsync(consultation, invited, consultation.Teams == TeamsState.InTeams, cancellationToken);
        }

        return changed;
    }

    /// <summary>Tells the organiser, where they asked and in their language, what Teams now holds.</summary>
    private async Task ReportAsync(Consultation consultation, InvitationFigures figures, CancellationToken cancellationToken)
    {
        var culture = await languages.OfConversationAsync(consultation.ReportConversationId, cancellationToken);
        using var scope = LanguageScope.Use(culture);
        var headline = consultation.Teams == TeamsState.Failed
            ? texts["Report.Failed", consultation.Id]
            : (consultation.Status, consultation.LastChange) switch
            {
                (ConsultationStatus.Cancelled, _) => texts["Report.Cancelled", consultation.Id],
                (_, ConsultationChange.Rescheduled) => texts["Report.Moved", consultation.Id],
                _ => texts["Report.InTeams", consultation.Id],
            };
        var zone = ConsultationZones.TryFind(consultation.OrganiserTimeZoneId, out var organiserZone) ? organiserZone : null;
        var card = ConsultationViews.OrganiserCard(consultation, figures, zone, registrants.IsAvailable, null, headline, texts, culture);
        await queue.EnqueueToConversationAsync(
            consultation.ReportConversationId,
            new OutboundContent(headline, card),
            $"consultation:{consultation.Key:N}:report:{consultation.Revision}",
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The scheduling worker loop failed; it will continue")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
