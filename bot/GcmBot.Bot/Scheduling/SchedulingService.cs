using System.Globalization;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Exports;
using GcmBot.Bot.Teams;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Scheduling;
using GcmBot.GraphIntegration.Meetings;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.Scheduling;

/// <summary>What an organiser's scheduling action answers: a card, or a sentence (refusals and errors).</summary>
public sealed record SchedulingAnswer(AdaptiveCard? Card, string? Text)
{
    public static SchedulingAnswer Say(string text) => new(null, text);

    public static SchedulingAnswer Show(AdaptiveCard card) => new(card, null);
}

/// <summary>An organiser's request to schedule, validated.</summary>
public sealed record ScheduleRequest(
    RoundtableTheme Theme,
    DateTimeOffset Start,
    DateTimeOffset End,
    TimeZoneInfo Zone,
    string? Title,
    InviteScope Invite,
    string? ConceptNoteUrl,
    string? RequestKey);

/// <summary>
/// The organisers' scheduling actions, shared by the text commands and the cards: record the decision first (so that
/// nothing is lost), then either apply it at once (offline: notifications and an .ics file) or leave it pending for the
/// <see cref="SchedulingWorker"/> to apply to Teams through Graph and report back.
/// </summary>
public sealed class SchedulingService(
    ConsultationStore store,
    ConsultationReconciler reconciler,
    ConsultationNotifier notifier,
    IMeetingScheduler scheduler,
    RegistrantSource registrants,
    ExportStore exports,
    SchedulingSignal signal,
    ConceptNotes.ConceptNoteViews conceptNotes,
    IStringLocalizer<SchedulingTexts> texts,
    TimeProvider time)
{
    /// <summary>The schedule form, in the current turn's language.</summary>
    public AdaptiveCard Form(ScheduleFormValues? values = null, string? error = null, string? requestKey = null)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeText.ReferenceZone).DateTime);
        return ScheduleFormCard.Build(new ScheduleFormModel(
            requestKey ?? Guid.NewGuid().ToString("N"),
            GcmReference.Themes.Select(t => new Choice(t.Label, t.Code.ToString())).ToList(),
            ConsultationZones.Offered.Select(id => new Choice(ZoneLabel(id), id)).ToList(),
            today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            values ?? new ScheduleFormValues(),
            error), CultureInfo.CurrentUICulture);
    }

    public async Task<SchedulingAnswer> ScheduleAsync(BotTurn turn, ScheduleRequest request, CancellationToken cancellationToken)
    {
        var (outcome, consultation) = await store.CreateAsync(new Consultation
        {
            Key = Guid.NewGuid(),
            ThemeCode = request.Theme.Code.ToString(),
            Title = request.Title ?? texts["Rules.DefaultTitle", request.Theme.Code, request.Theme.TitleIn()],
            Start = request.Start,
            End = request.End,
            TimeZoneId = request.Zone.Id,
            Invite = request.Invite,
            ConceptNoteUrl = request.ConceptNoteUrl,
            Status = ConsultationStatus.Scheduled,
            Teams = scheduler.IsConfigured ? TeamsState.Pending : TeamsState.Offline,
            LastChange = ConsultationChange.Scheduled,
            ReportConversationId = turn.ConversationId,
            OrganiserTimeZoneId = turn.TimeZone?.Id,
            RequestKey = request.RequestKey,
        }, cancellationToken);

        return outcome switch
        {
            CreateOutcome.SlotTaken => SchedulingAnswer.Say(texts["Service.SlotTaken", consultation.Id, consultation.ThemeCode]),
            CreateOutcome.AlreadyCreated => SchedulingAnswer.Show(await CardAsync(turn, consultation, texts["Service.AlreadyCreated", consultation.Id], cancellationToken)),
            _ => SchedulingAnswer.Show(await AfterChangeAsync(turn, consultation, scheduler.IsConfigured
                ? texts["Service.RecordedTeams", consultation.Id]
                : texts["Service.RecordedOffline", consultation.Id], cancellationToken)),
        };
    }

    public async Task<SchedulingAnswer> RescheduleAsync(
        BotTurn turn, int number, DateOnly date, TimeOnly at, int? durationMinutes, CancellationToken cancellationToken)
    {
        var current = await store.FindAsync(number, cancellationToken);
        if (current is null)
        {
            return SchedulingAnswer.Say(NotFound(number));
        }

        var zone = ConsultationZones.OrReference(current.TimeZoneId);
        var duration = durationMinutes ?? (int)(current.End - current.Start).TotalMinutes;
        var slot = ConsultationRules.Resolve(date, at, duration, zone, time.GetUtcNow());
        if (!slot.Ok)
        {
            return SchedulingAnswer.Say(texts.Say(slot.Error!));
        }

        var (consultation, refusal) = await store.ChangeAsync(number, c =>
        {
            if (c.Status == ConsultationStatus.Cancelled)
            {
                return SchedulingProblem.Of("Service.IsCancelled", c.Id);
            }

            if (c.Start == slot.Value.Start && c.End == slot.Value.End)
            {
                return SchedulingProblem.Of("Service.SameTime", c.Id);
            }

            (c.Start, c.End) = slot.Value;
            c.Teams = NextTeamsState(c);
            c.LastChange = ConsultationChange.Rescheduled;
            c.ReportConversationId = turn.ConversationId;
            c.OrganiserTimeZoneId = turn.TimeZone?.Id ?? c.OrganiserTimeZoneId;
            return null;
        }, cancellationToken);
        if (refusal is not null)
        {
            return SchedulingAnswer.Say(texts.Say(refusal));
        }

        return SchedulingAnswer.Show(await AfterChangeAsync(turn, consultation!, scheduler.IsConfigured
            ? texts["Service.MovedTeams", number]
            : texts["Service.MovedOffline", number], cancellationToken));
    }

    public async Task<SchedulingAnswer> CancelAsync(BotTurn turn, int number, CancellationToken cancellationToken)
    {
        var (consultation, refusal) = await store.ChangeAsync(number, c =>
        {
            if (c.Status == ConsultationStatus.Cancelled)
            {
                return SchedulingProblem.Of("Service.AlreadyCancelled", c.Id);
            }

            c.Status = ConsultationStatus.Cancelled;
            c.Teams = NextTeamsState(c);
            c.LastChange = ConsultationChange.Cancelled;
            c.ReportConversationId = turn.ConversationId;
            return null;
        }, cancellationToken);
        if (refusal is not null)
        {
            return SchedulingAnswer.Say(texts.Say(refusal));
        }

        return SchedulingAnswer.Show(await AfterChangeAsync(turn, consultation!, scheduler.IsConfigured && consultation!.Teams == TeamsState.Pending
            ? texts["Service.CancelledTeams", number]
            : texts["Service.Cancelled", number], cancellationToken));
    }

    public async Task<SchedulingAnswer> RetryAsync(BotTurn turn, int number, CancellationToken cancellationToken)
    {
        var (consultation, refusal) = await store.ChangeAsync(number, c =>
        {
            if (!scheduler.IsConfigured)
            {
                return SchedulingProblem.Of("Service.NotSetUp");
            }

            if (c.Teams != TeamsState.Failed)
            {
                return c.Teams == TeamsState.Pending
                    ? SchedulingProblem.Of("Service.RetryBusy", c.Id)
                    : SchedulingProblem.Of("Service.RetryUpToDate", c.Id);
            }

            c.Teams = TeamsState.Pending;
            c.LastChange = c.LastChange == ConsultationChange.RegistrantsChanged ? ConsultationChange.Retried : c.LastChange;
            c.ReportConversationId = turn.ConversationId;
            return null;
        }, cancellationToken);
        if (refusal is not null)
        {
            return SchedulingAnswer.Say(texts.Say(refusal));
        }

        return SchedulingAnswer.Show(await AfterChangeAsync(turn, consultation!, texts["Service.RetryNow", number], cancellationToken));
    }

    public async Task<SchedulingAnswer> ShowAsync(BotTurn turn, int number, CancellationToken cancellationToken)
    {
        var consultation = await store.FindAsync(number, cancellationToken);
        return consultation is null
            ? SchedulingAnswer.Say(NotFound(number))
            : SchedulingAnswer.Show(await CardAsync(turn, consultation, null, cancellationToken));
    }

    public async Task<AdaptiveCard> ListAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var current = await store.ListCurrentAsync(ConsultationListCard.PageSize + 100, cancellationToken);
        return ConsultationViews.ListCard(current, current.Count, turn.TimeZone, turn.Culture);
    }

    private TeamsState NextTeamsState(Consultation consultation) =>
        !scheduler.IsConfigured ? TeamsState.Offline
        : consultation.Status == ConsultationStatus.Cancelled && consultation.EventId is null ? TeamsState.InTeams
        : TeamsState.Pending;

    private async Task<AdaptiveCard> AfterChangeAsync(BotTurn turn, Consultation consultation, string headline, CancellationToken cancellationToken)
    {
        if (consultation.Teams == TeamsState.Pending)
        {
            signal.Notify();
            return await CardAsync(turn, consultation, headline, cancellationToken);
        }

        // Nothing to do in Teams: tell the invitees now and answer with the result.
        var result = await reconciler.ReconcileAsync(consultation.Id, cancellationToken);
        var current = result?.Consultation ?? consultation;
        var figures = result?.Figures ?? await notifier.CountAsync(await registrants.InvitedToAsync(current, cancellationToken), cancellationToken);
        return ConsultationViews.OrganiserCard(current, figures, turn.TimeZone, registrants.IsAvailable, await CalendarFileAsync(current, turn.Culture, cancellationToken), headline, texts, turn.Culture);
    }

    private async Task<AdaptiveCard> CardAsync(BotTurn turn, Consultation consultation, string? headline, CancellationToken cancellationToken)
    {
        var figures = await notifier.CountAsync(await registrants.InvitedToAsync(consultation, cancellationToken), cancellationToken);
        return ConsultationViews.OrganiserCard(consultation, figures, turn.TimeZone, registrants.IsAvailable, await CalendarFileAsync(consultation, turn.Culture, cancellationToken), headline, texts, turn.Culture);
    }

    /// <summary>Offline only: the consultation as an .ics file (with its invitees, the agenda in the organiser's language), behind an expiring link.</summary>
    private async Task<CalendarFileLink?> CalendarFileAsync(Consultation consultation, CultureInfo culture, CancellationToken cancellationToken)
    {
        if (consultation.Teams != TeamsState.Offline)
        {
            return null;
        }

        var invited = await registrants.InvitedToAsync(consultation, cancellationToken);
        var entry = new CalendarEntry(
            $"{consultation.Key:N}@gcmbot",
            consultation.Revision,
            time.GetUtcNow(),
            consultation.Start,
            consultation.End,
            consultation.Title,
            AgendaTemplate.Text(await conceptNotes.AgendaAsync(consultation, withPageLink: true, cancellationToken), culture),
            consultation.ConceptNoteUrl,
            consultation.Status == ConsultationStatus.Cancelled,
            invited.Select(r => (r.Name, r.Email)).ToList());
        var link = await exports.PublishFileAsync($"consultation-{consultation.Id}.ics", CalendarFile.ContentType, CalendarFile.Build(entry), cancellationToken);
        return new CalendarFileLink(link.Link.ToString(), link.ExpiresAt);
    }

    private string NotFound(int number) => texts["Service.NotFound", number];

    private string ZoneLabel(string id) =>
        id == TimeText.ReferenceZoneId ? texts["Zone.Reference"]
        : id == "UTC" ? "UTC"
        : TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? $"{id} ({TimeText.OffsetLabel(zone.BaseUtcOffset)})"
        : id;
}
