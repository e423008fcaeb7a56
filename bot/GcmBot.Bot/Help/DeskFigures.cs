using GcmBot.Bot.Registration;
using GcmBot.Bot.Scheduling;
using GcmBot.Bot.Submissions;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Common;
using GcmBot.Cards.Help;

namespace GcmBot.Bot.Help;

/// <summary>What the organisers' home card shows: each event with its figures, and what waits for them.</summary>
public sealed record DeskSnapshot(IReadOnlyList<HomeEvent> Events, HomeWaiting Waiting);

/// <summary>
/// Reads the organisers' figures through the queries the capabilities already expose (read-only): the catalogue and
/// its counts by status (Registration), the submissions waiting for review (Submissions), the consultations whose
/// Teams meeting is pending or failed (Scheduling).
/// </summary>
public sealed class DeskFigures(EventCatalogue catalogue, RegistrationStore registrations, SubmissionStore submissions, ConsultationStore consultations)
{
    /// <summary>More current consultations than this are not expected; the count stops there.</summary>
    private const int MaxConsultations = 200;

    public async Task<DeskSnapshot> ReadAsync(TimeZoneInfo? zone, System.Globalization.CultureInfo culture, CancellationToken cancellationToken)
    {
        var events = await catalogue.AllAsync(cancellationToken);
        var counts = await registrations.CountsAsync(cancellationToken);
        var items = events
            .OrderBy(e => e.StartsAt ?? DateTimeOffset.MaxValue)
            .Select(e =>
            {
                var c = counts.GetValueOrDefault(e.Id);
                var confirmed = c?.GetValueOrDefault(RegistrationStatus.Confirmed) ?? 0;
                var waitlisted = c?.GetValueOrDefault(RegistrationStatus.Waitlisted) ?? 0;
                var pending = c?.GetValueOrDefault(RegistrationStatus.Pending) ?? 0;
                int? left = e.Capacity is { } capacity ? Math.Max(0, capacity - confirmed) : null;
                return new HomeEvent(e.Id, e.Title, RegistrationViews.When(e, zone, culture), confirmed + waitlisted + pending, left, pending);
            })
            .ToList();

        var approvals = items.Sum(e => e.WaitingForDecision);
        var waitingEvents = items.Where(e => e.WaitingForDecision > 0).ToList();
        var approvalsCommand = waitingEvents.Count == 1 ? $"approvals {waitingEvents[0].EventId}" : "approvals";
        var toReview = (await submissions.PendingAsync(0, 1, cancellationToken)).TotalCount;
        var notInTeams = (await consultations.ListCurrentAsync(MaxConsultations, cancellationToken))
            .Count(c => c.IsActive && c.Teams is TeamsState.Pending or TeamsState.Failed);
        return new DeskSnapshot(items, new HomeWaiting(approvals, approvalsCommand, toReview, notInTeams));
    }
}

/// <summary>The current consultations, for the commands that need one (cancel, retry): soonest first.</summary>
public sealed class ConsultationChoices(ConsultationStore consultations) : IChoiceSource
{
    public PickSubject Kind => PickSubject.Consultation;

    public async Task<IReadOnlyList<PickChoice>> ChoicesAsync(BotTurn turn, CancellationToken cancellationToken) =>
        (await consultations.ListCurrentAsync(50, cancellationToken))
            .Where(c => c.IsActive)
            .Select(c => new PickChoice(
                c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                c.Title,
                TimeText.ForPerson(c.Start, c.End, turn.TimeZone)))
            .ToList();
}
