using System.Globalization;
using GcmBot.Bot.Languages;
using GcmBot.Bot.Scheduling;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Outbound;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Attendance;
using GcmBot.Cards.Common;
using GcmBot.Cards.Help;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.Attendance;

/// <summary>Names the resource files of this folder (<c>AttendanceTexts.resx</c> and its translations).</summary>
public sealed class AttendanceTexts;

/// <summary>Builds the organiser's attendance card of a consultation from what is stored.</summary>
public sealed class AttendanceViews(AttendanceStore store, AttendanceReader reader, RegistrantSource invitations, TimeProvider time)
{
    public async Task<AdaptiveCard> CardAsync(Consultation c, TimeZoneInfo? zone, CultureInfo culture, string? headline, CancellationToken cancellationToken)
    {
        var figures = await store.FiguresAsync(c.Id, cancellationToken);
        var row = figures?.Attendance;
        var available = reader.IsAvailable && c.Teams != TeamsState.Offline && c.Status == ConsultationStatus.Scheduled;
        var ended = c.End <= time.GetUtcNow();
        var state = !available ? AttendanceCardState.NotAvailable
            : row?.State == AttendanceState.Recorded ? AttendanceCardState.Recorded
            : !ended ? AttendanceCardState.NotEnded
            : row?.State == AttendanceState.GaveUp ? AttendanceCardState.GaveUp
            : AttendanceCardState.Waiting;
        var problem = row?.LastProblem switch
        {
            AttendanceProblem.NotReady => AttendanceCardProblem.NotReady,
            AttendanceProblem.NoMeeting => AttendanceCardProblem.NoMeeting,
            AttendanceProblem.PermissionDenied => AttendanceCardProblem.PermissionDenied,
            AttendanceProblem.Unavailable => AttendanceCardProblem.Unavailable,
            AttendanceProblem.Refused => AttendanceCardProblem.Refused,
            _ => AttendanceCardProblem.None,
        };
        var invitedNow = (await invitations.InvitedToAsync(c, cancellationToken)).Select(r => r.UserStableId).ToHashSet(StringComparer.Ordinal);
        // Once recorded: those invited then (absent) and those invited now who attended (the list may have moved on).
        var invited = figures is not null && row?.State == AttendanceState.Recorded
            ? figures.Absent + figures.Attended.Count(invitedNow.Contains)
            : invitedNow.Count;
        var model = new AttendanceCardModel(
            c.Id,
            c.Title,
            TimeText.ForPerson(c.Start, c.End, zone, culture),
            state,
            problem,
            invited,
            figures?.Attended.Count ?? 0,
            figures?.Absent ?? 0,
            new UnregisteredCounts(row?.MembersNotRegistered ?? 0, row?.Guests ?? 0, row?.Anonymous ?? 0, row?.ByPhone ?? 0),
            row?.RecordedAt is { } at ? TimeText.InstantForPerson(at, zone, culture) : null,
            state == AttendanceCardState.Waiting && row is not null && row.NextAttemptAt > time.GetUtcNow() ? TimeText.InstantForPerson(row.NextAttemptAt, zone, culture) : null,
            headline,
            available && ended);
        return AttendanceCard.Build(model, culture);
    }
}

/// <summary>
/// <c>attendance &lt;consultation&gt;</c> (organisers): who attended a consultation, from its Teams meeting's attendance
/// report, and a button to fetch it now. Without a number: a choice of the consultations that have ended.
/// </summary>
public sealed class AttendanceCommand(
    ConsultationStore consultations, AttendanceStore store, AttendanceViews views, IStringLocalizer<AttendanceTexts> texts, TimeProvider time) : ICommandHandler
{
    /// <summary>At most this many past consultations are offered to choose from, the latest first.</summary>
    private const int MaxChoices = 30;

    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var words = input.Arguments.Trim();
        if (words.StartsWith("consultation ", StringComparison.OrdinalIgnoreCase))
        {
            words = words["consultation ".Length..].Trim();
        }

        if (words.Length == 0)
        {
            await SendChoiceAsync(turn, cancellationToken);
            return;
        }

        var number = ConsultationRules.ParseNumber(words);
        if (!number.Ok || await consultations.FindAsync(number.Value, cancellationToken) is not { } consultation)
        {
            await turn.SendTextAsync(texts["Unknown", MarkdownText.Escape(words.Length > 40 ? words[..40] : words)], cancellationToken);
            await SendChoiceAsync(turn, cancellationToken);
            return;
        }

        await turn.SendCardAsync(await views.CardAsync(consultation, turn.TimeZone, turn.Culture, null, cancellationToken), cancellationToken);
    }

    private async Task SendChoiceAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ended = (await store.StartedConsultationsAsync(now, MaxChoices, cancellationToken))
            .Select(c => new PickerItem(c.Id.ToString(CultureInfo.InvariantCulture), c.Title, TimeText.ForPerson(c.Start, c.End, turn.TimeZone, turn.Culture)))
            .ToList();
        await turn.SendCardAsync(PickerCard.Build(new PickerCardModel("attendance", texts["Command.Attendance"], PickSubject.Consultation, ended), turn.Culture), cancellationToken);
    }
}

/// <summary>The card's "Fetch from Teams now": the worker reads the attendance at once and posts the outcome here.</summary>
public sealed class FetchAttendanceAction(
    ConsultationStore consultations, AttendanceStore store, AttendanceReader reader, AttendanceSignal signal, IStringLocalizer<AttendanceTexts> texts, TimeProvider time) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var number = ConsultationRules.ParseNumber(input.Text(AttendanceVerbs.ConsultationKey));
        if (!number.Ok || await consultations.FindAsync(number.Value, cancellationToken) is not { } consultation)
        {
            return CardActionResult.Message(texts["Gone"]);
        }

        if (!reader.IsAvailable || consultation.Teams == TeamsState.Offline || consultation.Status != ConsultationStatus.Scheduled)
        {
            return CardActionResult.Message(texts["Fetch.NotAvailable", consultation.Id]);
        }

        if (consultation.End > time.GetUtcNow())
        {
            return CardActionResult.Message(texts["Fetch.NotEnded", consultation.Id]);
        }

        await store.RequestNowAsync(consultation.Id, turn.ConversationId, cancellationToken);
        signal.Notify();
        return CardActionResult.Message(texts["Fetch.Started", consultation.Id]);
    }
}

/// <summary>Posts the outcome of a requested reading to the organiser's conversation, in its language.</summary>
public sealed class AttendanceNotifier(
    ConsultationStore consultations, AttendanceViews views, ConversationLanguages languages, INotificationQueue queue, TimeProvider time)
{
    public async Task TellAsync(string conversationId, int consultationId, FetchOutcome outcome, CancellationToken cancellationToken)
    {
        if (await consultations.FindAsync(consultationId, cancellationToken) is not { } consultation)
        {
            return;
        }

        var culture = await languages.OfConversationAsync(conversationId, cancellationToken);
        using var scope = LanguageScope.Use(culture);
        var t = Cards.Words.TextResources.For<AttendanceTexts>(culture);
        var headline = outcome switch
        {
            FetchOutcome.Recorded => t["Told.Recorded", consultationId],
            FetchOutcome.NotAvailable => t["Fetch.NotAvailable", consultationId],
            _ => t["Told.NotRecorded", consultationId],
        };
        var zone = ConsultationZones.TryFind(consultation.OrganiserTimeZoneId, out var organiserZone) ? organiserZone : null;
        var card = await views.CardAsync(consultation, zone, culture, headline, cancellationToken);
        await queue.EnqueueToConversationAsync(
            conversationId,
            new OutboundContent(headline, card),
            $"attendance:{consultation.Key:N}:{time.GetUtcNow().UtcTicks}",
            cancellationToken);
    }
}
