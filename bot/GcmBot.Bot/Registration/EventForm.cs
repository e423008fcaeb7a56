using System.Globalization;
using GcmBot.Bot.Engagement;

namespace GcmBot.Bot.Registration;

/// <summary>The questions of the organisers' event form.</summary>
public enum EventField
{
    Id,
    Title,
    Kind,
    Themes,
    Date,
    StartTime,
    EndTime,
    TimeZone,
    Venue,
    Capacity,
    OpensDate,
    ClosesDate,
    Confirmation,
    Description,
}

/// <summary>The event form's answers as the client sent them.</summary>
public sealed record EventAnswers(IReadOnlyDictionary<EventField, string?> Values)
{
    public string? this[EventField field] => Values.GetValueOrDefault(field);

    /// <summary>An event as the form shows it: dates and times in the event's own zone.</summary>
    public static EventAnswers From(CatalogueEvent e)
    {
        var zone = EventForm.ZoneOrReference(e.TimeZoneId);
        string? Date(DateTimeOffset? at) => at is { } v ? TimeZoneInfo.ConvertTime(v, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        string? Time(DateTimeOffset? at) => at is { } v ? TimeZoneInfo.ConvertTime(v, zone).ToString("HH:mm", CultureInfo.InvariantCulture) : null;
        // Registration closes at the end of the day the organiser chose: show that day, not the next midnight.
        var closesDay = e.RegistrationClosesAt is { } closes ? Date(closes.AddTicks(-1)) : null;
        return new EventAnswers(new Dictionary<EventField, string?>
        {
            [EventField.Id] = e.Id,
            [EventField.Title] = e.Title,
            [EventField.Kind] = EventForm.KindCode(e.Kind),
            [EventField.Themes] = string.Join(',', e.Themes.Select(c => c.ToString())),
            [EventField.Date] = Date(e.StartsAt),
            [EventField.StartTime] = Time(e.StartsAt),
            [EventField.EndTime] = Time(e.EndsAt),
            [EventField.TimeZone] = e.TimeZoneId,
            [EventField.Venue] = e.Venue,
            [EventField.Capacity] = e.Capacity?.ToString(CultureInfo.InvariantCulture),
            [EventField.OpensDate] = Date(e.RegistrationOpensAt),
            [EventField.ClosesDate] = closesDay,
            [EventField.Confirmation] = EventForm.ConfirmationCode(e.Confirmation),
            [EventField.Description] = e.Description,
        });
    }
}

/// <summary>A valid event form: everything an event of the catalogue holds.</summary>
public sealed record EventDraft(
    string Id,
    string Title,
    EventKind Kind,
    string Themes,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string TimeZoneId,
    string Venue,
    int? Capacity,
    DateTimeOffset? RegistrationOpensAt,
    DateTimeOffset? RegistrationClosesAt,
    ConfirmationMode Confirmation,
    string? Description)
{
    public void ApplyTo(CatalogueEvent e)
    {
        e.Title = Title;
        e.Kind = Kind;
        e.Themes = Themes;
        e.StartsAt = StartsAt;
        e.EndsAt = EndsAt;
        e.TimeZoneId = TimeZoneId;
        e.Venue = Venue;
        e.Capacity = Capacity;
        e.RegistrationOpensAt = RegistrationOpensAt;
        e.RegistrationClosesAt = RegistrationClosesAt;
        e.Confirmation = Confirmation;
        e.Description = Description;
    }
}

public sealed record EventCheck(IReadOnlyDictionary<EventField, FormProblem> Errors, EventDraft? Valid);

/// <summary>Checks the organisers' event form: every field, whatever the client sent.</summary>
public static class EventForm
{
    public static IReadOnlyList<(string Code, EventKind Kind)> Kinds { get; } =
        Enum.GetValues<EventKind>().Select(k => (KindCode(k), k)).ToList();

    public static IReadOnlyList<(string Code, ConfirmationMode Mode)> Confirmations { get; } =
    [
        (ConfirmationCode(ConfirmationMode.Automatic), ConfirmationMode.Automatic),
        (ConfirmationCode(ConfirmationMode.OrganiserApproval), ConfirmationMode.OrganiserApproval),
    ];

    public static string KindCode(EventKind kind) => kind switch
    {
        EventKind.Briefing => "briefing",
        EventKind.ThematicConsultation => "thematic-consultation",
        EventKind.MultiStakeholderConsultation => "multi-stakeholder-consultation",
        _ => "side-event",
    };

    public static string ConfirmationCode(ConfirmationMode mode) => mode == ConfirmationMode.Automatic ? "automatic" : "organiser";

    public static TimeZoneInfo ZoneOrReference(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : Cards.Common.TimeText.ReferenceZone;

    /// <param name="isNew">Adding an event (its id is chosen) rather than editing one (its id is fixed).</param>
    /// <param name="existingIds">Ids already in the catalogue.</param>
    public static EventCheck Validate(EventAnswers answers, bool isNew, string? fixedId, IReadOnlyCollection<string> existingIds)
    {
        var errors = new Dictionary<EventField, FormProblem>();
        string id;
        if (isNew)
        {
            id = (answers[EventField.Id] ?? string.Empty).Trim().ToLowerInvariant();
            if (!EventRules.IsValidId(id))
            {
                errors[EventField.Id] = new FormProblem(FormProblemKind.IdShape, EventRules.MaxIdLength);
            }
            else if (existingIds.Contains(id, StringComparer.OrdinalIgnoreCase))
            {
                errors[EventField.Id] = FormProblemKind.IdTaken;
            }
        }
        else
        {
            id = fixedId ?? string.Empty;
        }

        var title = FormText.Check(answers[EventField.Title], EventField.Title, EventRules.MaxTitleLength, required: true, multiLine: false, errors);
        var venue = FormText.Check(answers[EventField.Venue], EventField.Venue, EventRules.MaxVenueLength, required: true, multiLine: false, errors);
        var description = FormText.Check(answers[EventField.Description], EventField.Description, EventRules.MaxDescriptionLength, required: false, multiLine: true, errors);

        var kindCode = answers[EventField.Kind]?.Trim();
        var kind = Kinds.FirstOrDefault(k => string.Equals(k.Code, kindCode, StringComparison.OrdinalIgnoreCase));
        if (kind.Code is null)
        {
            errors[EventField.Kind] = FormProblemKind.KindRequired;
        }

        var confirmationCode = answers[EventField.Confirmation]?.Trim();
        var confirmation = Confirmations.FirstOrDefault(c => string.Equals(c.Code, confirmationCode, StringComparison.OrdinalIgnoreCase));
        if (confirmation.Code is null)
        {
            errors[EventField.Confirmation] = FormProblemKind.ConfirmationRequired;
        }

        var themes = RegistrationValidator.SplitChoices(answers[EventField.Themes]);
        if (themes.Any(t => t.Length != 1 || GcmReference.Theme(t[0]) is null))
        {
            errors[EventField.Themes] = FormProblemKind.ThemesFromList;
        }

        var zoneId = (answers[EventField.TimeZone] ?? string.Empty).Trim();
        TimeZoneInfo? zone = null;
        if (zoneId.Length == 0 || zoneId.Length > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out zone))
        {
            errors[EventField.TimeZone] = FormProblemKind.TimeZoneUnknown;
        }

        int? capacity = null;
        var capacityText = answers[EventField.Capacity]?.Trim();
        if (!string.IsNullOrEmpty(capacityText))
        {
            if (double.TryParse(capacityText, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && number == Math.Floor(number) && number is >= 1 and <= EventRules.MaxCapacity)
            {
                capacity = (int)number;
            }
            else
            {
                errors[EventField.Capacity] = new FormProblem(FormProblemKind.CapacityRange, EventRules.MaxCapacity);
            }
        }

        var date = DateOnlyOf(answers[EventField.Date], EventField.Date, errors);
        var startTime = TimeOf(answers[EventField.StartTime], EventField.StartTime, errors);
        var endTime = TimeOf(answers[EventField.EndTime], EventField.EndTime, errors);
        var opens = DateOnlyOf(answers[EventField.OpensDate], EventField.OpensDate, errors);
        var closes = DateOnlyOf(answers[EventField.ClosesDate], EventField.ClosesDate, errors);

        DateTimeOffset? startsAt = null, endsAt = null, opensAt = null, closesAt = null;
        if (zone is not null)
        {
            if (date is { } day)
            {
                if (startTime is null && !errors.ContainsKey(EventField.StartTime))
                {
                    errors[EventField.StartTime] = FormProblemKind.StartTimeRequired;
                }

                if (endTime is null && !errors.ContainsKey(EventField.EndTime))
                {
                    errors[EventField.EndTime] = FormProblemKind.EndTimeRequired;
                }

                if (startTime is { } s && endTime is { } e)
                {
                    startsAt = At(day, s, zone);
                    endsAt = At(day, e, zone);
                    if (endsAt <= startsAt)
                    {
                        errors[EventField.EndTime] = FormProblemKind.EndBeforeStart;
                    }
                }
            }
            else if ((startTime is not null || endTime is not null) && !errors.ContainsKey(EventField.Date))
            {
                errors[EventField.Date] = FormProblemKind.DateRequired;
            }

            opensAt = opens is { } o ? At(o, TimeOnly.MinValue, zone) : null;
            // Registration closes at the end of the chosen day, in the event's zone.
            closesAt = closes is { } c ? At(c.AddDays(1), TimeOnly.MinValue, zone) : null;
            if (opensAt is not null && closesAt is not null && closesAt <= opensAt)
            {
                errors[EventField.ClosesDate] = FormProblemKind.ClosesBeforeOpens;
            }
        }

        if (errors.Count > 0)
        {
            return new EventCheck(errors, null);
        }

        var themeCodes = string.Concat(themes.Select(t => char.ToLowerInvariant(t[0])).Distinct().Order());
        return new EventCheck(errors, new EventDraft(
            id, title!, kind.Kind, themeCodes, startsAt, endsAt, zone!.Id, venue!, capacity, opensAt, closesAt, confirmation.Mode, description));
    }

    private static DateTimeOffset At(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        // A time skipped by a daylight-saving change does not exist there: take the hour after.
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        // Stored in UTC (PostgreSQL's timestamptz takes only offset 0); shown in each person's zone.
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static DateOnly? DateOnlyOf(string? raw, EventField field, Dictionary<EventField, FormProblem> errors)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100)
        {
            return date;
        }

        errors[field] = FormProblemKind.DateShape;
        return null;
    }

    private static TimeOnly? TimeOf(string? raw, EventField field, Dictionary<EventField, FormProblem> errors)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors[field] = FormProblemKind.TimeShape;
        return null;
    }
}
