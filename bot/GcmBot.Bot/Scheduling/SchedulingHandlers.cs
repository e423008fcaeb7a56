using System.Globalization;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Common;
using GcmBot.Cards.Scheduling;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.Scheduling;

/// <summary>Sends a scheduling answer in a turn.</summary>
internal static class SchedulingReplies
{
    public static async Task SendAsync(this BotTurn turn, SchedulingAnswer answer, CancellationToken cancellationToken)
    {
        if (answer.Card is not null)
        {
            await turn.SendCardAsync(answer.Card, cancellationToken);
        }
        else
        {
            await turn.SendTextAsync(answer.Text!, cancellationToken);
        }
    }

    public static CardActionResult ToResult(this SchedulingAnswer answer) =>
        answer.Card is not null ? CardActionResult.ReplaceCard(answer.Card) : CardActionResult.Message(answer.Text!);

    /// <summary>A card's date (ISO, as Input.Date sends it), time (HH:mm) and duration (minutes), each checked.</summary>
    public static (Parsed<DateOnly> Date, Parsed<TimeOnly> Time, Parsed<int> Duration) Slot(CardActionInput input)
    {
        var index = 0;
        var dateToken = input.Text(SchedulingVerbs.DateKey);
        var date = ConsultationRules.ParseDate(dateToken is null ? [] : [dateToken], ref index);
        var time = ConsultationRules.ParseTime(input.Text(SchedulingVerbs.TimeKey));
        var duration = int.TryParse(input.Text(SchedulingVerbs.DurationKey), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            ? ConsultationRules.CheckDuration(minutes)
            : Parsed<int>.Fail("Rules.ChooseDuration");
        return (date, time, duration);
    }

    /// <summary>The consultation number a card button carries; null when the card data is not one.</summary>
    public static int? Number(CardActionInput input) =>
        ConsultationRules.ParseNumber(input.Text(SchedulingVerbs.ConsultationKey)) is { Ok: true } number ? number.Value : null;
}

/// <summary><c>schedule</c>: with arguments, schedules at once; without, shows the form.</summary>
public sealed class ScheduleCommand(SchedulingService scheduling, IStringLocalizer<SchedulingTexts> texts, TimeProvider time) : ICommandHandler
{
    public const string Usage = "schedule <theme a–d> <date> <time> [duration] [title]";

    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        if (input.Arguments.Length == 0)
        {
            await turn.SendCardAsync(scheduling.Form(), cancellationToken);
            return;
        }

        var parsed = ConsultationRules.ParseSchedule(input.Arguments, TimeText.ReferenceZone);
        if (!parsed.Ok)
        {
            await turn.SendTextAsync(texts.Say(parsed.Error!) + " " + texts["Schedule.NothingScheduledUsage"], cancellationToken);
            return;
        }

        var request = parsed.Value!;
        var slot = ConsultationRules.Resolve(request.Date, request.Time, request.DurationMinutes, request.Zone, time.GetUtcNow());
        if (!slot.Ok)
        {
            await turn.SendTextAsync(texts.Say(slot.Error!) + " " + texts["Schedule.NothingScheduled"], cancellationToken);
            return;
        }

        var answer = await scheduling.ScheduleAsync(
            turn,
            new ScheduleRequest(request.Theme, slot.Value.Start, slot.Value.End, request.Zone, request.Title, InviteScope.Theme, null, null),
            cancellationToken);
        await turn.SendAsync(answer, cancellationToken);
    }
}

/// <summary><c>reschedule &lt;number&gt; &lt;date&gt; &lt;time&gt; [duration]</c>.</summary>
public sealed class RescheduleCommand(SchedulingService scheduling, IStringLocalizer<SchedulingTexts> texts) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var parsed = ConsultationRules.ParseReschedule(input.Arguments);
        if (!parsed.Ok)
        {
            await turn.SendTextAsync(texts.Say(parsed.Error!) + " " + texts["Change.NothingChanged"], cancellationToken);
            return;
        }

        var request = parsed.Value!;
        await turn.SendAsync(await scheduling.RescheduleAsync(turn, request.Number, request.Date, request.Time, request.DurationMinutes, cancellationToken), cancellationToken);
    }
}

/// <summary><c>cancel consultation &lt;number&gt;</c>.</summary>
public sealed class CancelConsultationCommand(SchedulingService scheduling, IStringLocalizer<SchedulingTexts> texts) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var number = ConsultationRules.ParseNumber(input.Arguments);
        await turn.SendAsync(number.Ok ? await scheduling.CancelAsync(turn, number.Value, cancellationToken) : SchedulingAnswer.Say(texts.Say(number.Error!)), cancellationToken);
    }
}

/// <summary><c>retry consultation &lt;number&gt;</c>: try Teams again after a Graph failure.</summary>
public sealed class RetryConsultationCommand(SchedulingService scheduling, IStringLocalizer<SchedulingTexts> texts) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var number = ConsultationRules.ParseNumber(input.Arguments);
        await turn.SendAsync(number.Ok ? await scheduling.RetryAsync(turn, number.Value, cancellationToken) : SchedulingAnswer.Say(texts.Say(number.Error!)), cancellationToken);
    }
}

/// <summary><c>consultations</c>: the current consultations and their state in Teams.</summary>
public sealed class ConsultationsCommand(SchedulingService scheduling) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var number = input.Arguments.Length > 0 ? ConsultationRules.ParseNumber(input.Arguments) : null;
        if (number is { Ok: true })
        {
            await turn.SendAsync(await scheduling.ShowAsync(turn, number.Value, cancellationToken), cancellationToken);
            return;
        }

        await turn.SendCardAsync(await scheduling.ListAsync(turn, cancellationToken), cancellationToken);
    }
}

/// <summary>The schedule form's Schedule button: every field is checked again here (card data is untrusted).</summary>
public sealed class ScheduleFormAction(SchedulingService scheduling, IStringLocalizer<SchedulingTexts> texts, TimeProvider time) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var requestKey = input.Text(SchedulingVerbs.RequestKey);
        if (!Guid.TryParseExact(requestKey, "N", out _))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var values = new ScheduleFormValues(
            Clip(input.Text(SchedulingVerbs.ThemeKey), 1),
            Clip(input.Text(SchedulingVerbs.DateKey), 10),
            Clip(input.Text(SchedulingVerbs.TimeKey), 5),
            Clip(input.Text(SchedulingVerbs.DurationKey), 3) ?? "120",
            Clip(input.Text(SchedulingVerbs.ZoneKey), 64) ?? TimeText.ReferenceZoneId,
            Clip(input.Text(SchedulingVerbs.TitleKey), ConsultationRules.MaxTypedTitleLength),
            Clip(input.Text(SchedulingVerbs.InviteKey), 8) ?? SchedulingVerbs.InviteTheme,
            Clip(input.Text(SchedulingVerbs.ConceptNoteKey), ConsultationRules.MaxUrlLength));
        var request = Validate(input, out var error);
        if (request is null)
        {
            return CardActionResult.ReplaceCard(scheduling.Form(values, error + " " + texts["Schedule.NothingYet"], requestKey));
        }

        var answer = await scheduling.ScheduleAsync(turn, request with { RequestKey = requestKey }, cancellationToken);
        return answer.Card is not null
            ? CardActionResult.ReplaceCard(answer.Card)
            : CardActionResult.ReplaceCard(scheduling.Form(values, answer.Text, requestKey));
    }

    private ScheduleRequest? Validate(CardActionInput input, out string? error)
    {
        var theme = ConsultationRules.ParseTheme(input.Text(SchedulingVerbs.ThemeKey));
        var (date, at, duration) = SchedulingReplies.Slot(input);
        var zoneFound = ConsultationZones.TryFind(input.Text(SchedulingVerbs.ZoneKey), out var zone);
        var title = ConsultationRules.ParseTitle(input.Text(SchedulingVerbs.TitleKey));
        var link = ConsultationRules.ParseLink(input.Text(SchedulingVerbs.ConceptNoteKey));
        InviteScope? invite = input.Text(SchedulingVerbs.InviteKey) switch
        {
            SchedulingVerbs.InviteTheme => InviteScope.Theme,
            SchedulingVerbs.InviteAll => InviteScope.All,
            SchedulingVerbs.InviteNone => InviteScope.None,
            _ => null,
        };

        var problem = !theme.Ok ? theme.Error
            : !date.Ok ? date.Error
            : !at.Ok ? at.Error
            : !duration.Ok ? duration.Error
            : !zoneFound ? SchedulingProblem.Of("Form.ChooseZone")
            : !title.Ok ? title.Error
            : invite is null ? SchedulingProblem.Of("Form.ChooseInvite")
            : !link.Ok ? link.Error
            : null;
        var slot = problem is null ? ConsultationRules.Resolve(date.Value, at.Value, duration.Value, zone, time.GetUtcNow()) : null;
        problem ??= slot?.Error;
        if (problem is not null)
        {
            error = texts.Say(problem);
            return null;
        }

        error = null;

        return new ScheduleRequest(theme.Value!, slot!.Value.Start, slot.Value.End, zone, title.Value, invite!.Value, link.Value, null);
    }

    private static string? Clip(string? value, int max) => value is null ? null : value.Length <= max ? value : value[..max];
}

/// <summary>The organiser card's Reschedule form.</summary>
public sealed class RescheduleAction(SchedulingService scheduling, IStringLocalizer<SchedulingTexts> texts) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (SchedulingReplies.Number(input) is not { } number)
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var (date, at, duration) = SchedulingReplies.Slot(input);
        var error = !date.Ok ? date.Error : !at.Ok ? at.Error : !duration.Ok ? duration.Error : null;
        if (error is not null)
        {
            return CardActionResult.Message(texts.Say(error) + " " + texts["Change.NothingChanged"]);
        }

        return (await scheduling.RescheduleAsync(turn, number, date.Value, at.Value, duration.Value, cancellationToken)).ToResult();
    }
}

/// <summary>The organiser card's "Yes, cancel it".</summary>
public sealed class CancelAction(SchedulingService scheduling) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken) =>
        SchedulingReplies.Number(input) is { } number
            ? (await scheduling.CancelAsync(turn, number, cancellationToken)).ToResult()
            : CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
}

/// <summary>The organiser card's "Retry in Teams".</summary>
public sealed class RetryAction(SchedulingService scheduling) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken) =>
        SchedulingReplies.Number(input) is { } number
            ? (await scheduling.RetryAsync(turn, number, cancellationToken)).ToResult()
            : CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
}

/// <summary>A consultation selected in the list.</summary>
public sealed class ShowConsultationAction(SchedulingService scheduling) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken) =>
        SchedulingReplies.Number(input) is { } number
            ? (await scheduling.ShowAsync(turn, number, cancellationToken)).ToResult()
            : CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
}

/// <summary>"Schedule a consultation" on the list: the form.</summary>
public sealed class ScheduleFormShowAction(SchedulingService scheduling) : ICardActionHandler
{
    public Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken) =>
        Task.FromResult(CardActionResult.ReplaceCard(scheduling.Form()));
}
