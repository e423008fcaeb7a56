using System.Globalization;
using System.Text.Json.Nodes;
using GcmBot.Bot.Engagement;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Registration;

namespace GcmBot.Bot.Registration;

/// <summary>Turns registration data into the models of its cards (times in the person's zone and GMT+7).</summary>
public static class RegistrationViews
{
    public static IReadOnlyDictionary<RegistrationField, string> FormIds { get; } = new Dictionary<RegistrationField, string>
    {
        [RegistrationField.Name] = RegistrationFormCard.Name,
        [RegistrationField.Email] = RegistrationFormCard.Email,
        [RegistrationField.Organisation] = RegistrationFormCard.Organisation,
        [RegistrationField.Group] = RegistrationFormCard.Group,
        [RegistrationField.Country] = RegistrationFormCard.Country,
        [RegistrationField.Gender] = RegistrationFormCard.Gender,
        [RegistrationField.MigrantVoice] = RegistrationFormCard.MigrantVoice,
        [RegistrationField.Themes] = RegistrationFormCard.Themes,
        [RegistrationField.Events] = RegistrationFormCard.Events,
        [RegistrationField.Contribution] = RegistrationFormCard.Contribution,
        [RegistrationField.Needs] = RegistrationFormCard.Needs,
        [RegistrationField.Consent] = RegistrationFormCard.Consent,
    };

    public static IReadOnlyDictionary<EventField, string> EventFormIds { get; } = new Dictionary<EventField, string>
    {
        [EventField.Id] = EventFormCard.Id,
        [EventField.Title] = EventFormCard.Title,
        [EventField.Kind] = EventFormCard.Kind,
        [EventField.Themes] = EventFormCard.Themes,
        [EventField.Date] = EventFormCard.Date,
        [EventField.StartTime] = EventFormCard.StartTime,
        [EventField.EndTime] = EventFormCard.EndTime,
        [EventField.TimeZone] = EventFormCard.TimeZone,
        [EventField.Venue] = EventFormCard.Venue,
        [EventField.Capacity] = EventFormCard.Capacity,
        [EventField.OpensDate] = EventFormCard.OpensDate,
        [EventField.ClosesDate] = EventFormCard.ClosesDate,
        [EventField.Confirmation] = EventFormCard.Confirmation,
        [EventField.Description] = EventFormCard.Description,
    };

    /// <summary>
    /// Reads a form's answers from card data (untrusted): strings as sent, numbers as their text. Null when a field
    /// holds something no Adaptive Card input sends (an object or array).
    /// </summary>
    public static Dictionary<TField, string?>? ReadForm<TField>(JsonObject data, IReadOnlyDictionary<TField, string> ids)
        where TField : struct, Enum
    {
        var values = new Dictionary<TField, string?>();
        foreach (var (field, id) in ids)
        {
            if (!data.TryGetPropertyValue(id, out var node) || node is null)
            {
                continue;
            }

            if (node is not JsonValue value)
            {
                return null;
            }

            values[field] = value.TryGetValue<string>(out var text) ? text : value.ToJsonString();
        }

        return values;
    }

    /// <summary>"Wed 26 Aug 2020, 11:00–13:30 (GMT+7)" in the person's zone (and GMT+7), or "Date to be confirmed".</summary>
    public static string When(CatalogueEvent e, TimeZoneInfo? zone) =>
        e.StartsAt is { } start && e.EndsAt is { } end ? TimeText.ForPerson(start, end, zone) : "Date to be confirmed";

    public static string TimeZoneNote(TimeZoneInfo? zone) => zone is null
        ? "Times are shown in GMT+7 (Bangkok) and UTC."
        : $"Times are shown in your time zone ({zone.Id}) and in GMT+7 (Bangkok), where the regional review is held.";

    public static RegistrationFormModel Form(
        RegistrationAnswers answers, IReadOnlyDictionary<RegistrationField, string> errors, bool isUpdate, IReadOnlyList<CatalogueEvent> openEvents, TimeZoneInfo? zone) =>
        new(
            isUpdate,
            FormIds.ToDictionary(f => f.Value, f => answers[f.Key]),
            errors.ToDictionary(e => FormIds[e.Key], e => e.Value),
            StakeholderReference.Groups.Select(g => new Choice(g.Label, g.Code)).ToList(),
            Countries,
            StakeholderReference.Genders.Select(g => new Choice(g.Label, g.Code)).ToList(),
            GcmReference.Themes.Select(t => new Choice($"{t.Label} (GCM objectives {string.Join(", ", t.Objectives)})", t.Code.ToString())).ToList(),
            openEvents.Select(e => new Choice($"{e.Title} · {When(e, zone)}", e.Id)).ToList(),
            RegistrationLimits.NameLength,
            RegistrationLimits.EmailLength,
            RegistrationLimits.OrganisationLength,
            RegistrationLimits.NeedsLength);

    /// <summary>Countries by subregion, each titled "Subregion · Country", so that the list reads grouped.</summary>
    private static IReadOnlyList<Choice> Countries { get; } = StakeholderReference.Countries
        .OrderBy(c => StakeholderReference.Subregions.ToList().FindIndex(s => s.Code == c.SubregionCode))
        .ThenBy(c => c.Code == "OTHER" ? 1 : 0)
        .ThenBy(c => c.Name, StringComparer.Ordinal)
        .Select(c => new Choice(
            c.SubregionCode == StakeholderReference.Other ? c.Name : $"{StakeholderReference.Label(StakeholderReference.Subregions, c.SubregionCode)} · {c.Name}",
            c.Code))
        .ToList();

    public static RegistrationSummaryModel Summary(PersonRegistrations person, string heading, string? notice, TimeZoneInfo? zone) =>
        new(
            heading,
            notice,
            person.Profile is { } p ? PersonLine(p) : null,
            TimeZoneNote(zone),
            person.Registrations
                .Where(r => r.Registration.Status is not (RegistrationStatus.Cancelled or RegistrationStatus.Erased))
                .Select(r => new RegistrationLine(r.Event.Id, r.Event.Title, When(r.Event, zone), r.Event.Venue, State(r.Registration.Status), r.WaitlistPosition))
                .ToList());

    public static string PersonLine(StakeholderProfile p)
    {
        var country = StakeholderReference.Country(p.CountryCode)?.Name ?? p.CountryCode;
        var parts = new[] { p.Name, p.Organisation, StakeholderReference.Label(StakeholderReference.Groups, p.StakeholderGroup), country };
        return string.Join(" · ", parts.Where(x => !string.IsNullOrEmpty(x)));
    }

    public static RegistrationState State(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Confirmed => RegistrationState.Confirmed,
        RegistrationStatus.Waitlisted => RegistrationState.Waitlisted,
        RegistrationStatus.Pending => RegistrationState.Pending,
        RegistrationStatus.Declined => RegistrationState.Declined,
        _ => RegistrationState.Cancelled,
    };

    public static string StatusLabel(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Confirmed => "Confirmed",
        RegistrationStatus.Waitlisted => "Waitlisted",
        RegistrationStatus.Pending => "Pending approval",
        RegistrationStatus.Declined => "Declined",
        RegistrationStatus.Cancelled => "Cancelled",
        _ => "Erased on request",
    };

    public static string Places(CatalogueEvent e, int confirmed) => e.Capacity is { } capacity
        ? string.Create(CultureInfo.InvariantCulture, $"{confirmed:N0} of {capacity:N0} places confirmed")
        : string.Create(CultureInfo.InvariantCulture, $"{confirmed:N0} confirmed, no limit on places");

    public static EventListItem ListItem(CatalogueEvent e, IReadOnlyDictionary<RegistrationStatus, int>? counts, DateTimeOffset now, TimeZoneInfo? zone)
    {
        var confirmed = counts?.GetValueOrDefault(RegistrationStatus.Confirmed) ?? 0;
        var window = EventRules.WindowAt(e, now);
        var registration = window switch
        {
            RegistrationWindow.Open when e.Confirmation == ConfirmationMode.OrganiserApproval => "Open; places are confirmed by the organisers",
            RegistrationWindow.Open => "Open",
            RegistrationWindow.NotYetOpen => "Opens " + TimeText.Format(e.RegistrationOpensAt!.Value, zone ?? TimeText.ReferenceZone),
            _ => "Closed",
        };
        var places = e.Capacity is not { } capacity
            ? "No limit"
            : confirmed >= capacity && e.Confirmation == ConfirmationMode.Automatic
                ? "Full: new registrations join the waitlist"
                : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, capacity - confirmed):N0} of {capacity:N0} left");
        var themes = EventRules.Themes(e.Themes);
        return new EventListItem(
            e.Id,
            e.Title,
            EventRules.KindLabel(e.Kind),
            themes.Count == 0 ? null : string.Join(", ", themes.Select(t => t.Code)),
            When(e, zone),
            e.Venue,
            registration,
            places,
            window == RegistrationWindow.Open);
    }

    public static BalanceCardModel Balance(CatalogueEvent e, RegistrationBalance balance, TimeZoneInfo? zone)
    {
        var statuses = new List<(string, int)>();
        foreach (var status in Enum.GetValues<RegistrationStatus>())
        {
            var count = balance.Count(status);
            if (count > 0 || status is RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted or RegistrationStatus.Pending)
            {
                statuses.Add((StatusLabel(status), count));
            }
        }

        var confirmed = balance.Count(RegistrationStatus.Confirmed);
        return new BalanceCardModel(
            e.Id,
            e.Title,
            When(e, zone),
            Places(e, confirmed),
            statuses,
            confirmed,
            balance.Dimensions.Select(d => new BalanceSection(d.Title, d.Categories.Select(c => new BalanceLine(c.Label, c.Confirmed, c.Waitlisted)).ToList())).ToList(),
            balance.Count(RegistrationStatus.Waitlisted) + balance.Count(RegistrationStatus.Pending) > 0);
    }

    public static CandidateItem Candidate(Candidate candidate, RegistrationBalance balance)
    {
        var r = candidate.Registration;
        var p = candidate.Profile;
        if (p is null)
        {
            return new CandidateItem(r.Id, StatusLabel(r.Status), r.Status.ToString(), "(no answers on record)", string.Empty, null, []);
        }

        var country = StakeholderReference.Country(p.CountryCode);
        var details = new[]
        {
            p.Organisation,
            StakeholderReference.Label(StakeholderReference.Groups, p.StakeholderGroup),
            country is null ? null : $"{country.Name} ({StakeholderReference.Label(StakeholderReference.Subregions, country.SubregionCode)})",
            p.Gender is null ? null : StakeholderReference.Label(StakeholderReference.Genders, p.Gender),
        };
        var flags = new List<string>();
        if (p.IsMigrant)
        {
            flags.Add("Migrant");
        }

        if (p.SpeaksForMigrantsInVulnerableSituations)
        {
            flags.Add("Speaks for migrants in vulnerable situations");
        }

        if (p.WishesToSpeak)
        {
            flags.Add("Wishes to make an oral intervention");
        }

        if (p.OffersAsPanellist)
        {
            flags.Add("Offers to be an expert panellist");
        }

        if (p.Themes.Length > 0)
        {
            flags.Add("Themes " + string.Join(", ", p.Themes.Select(c => c.ToString())));
        }

        if (p.AccessibilityNeeds is not null)
        {
            flags.Add("Has accessibility or interpretation needs");
        }

        var shifts = balance.EffectOf(p.StakeholderGroup, p.CountryCode, p.Gender, p.IsMigrant || p.SpeaksForMigrantsInVulnerableSituations)
            .Select(s => new ShiftLine(s.Label, s.Before, s.After, s.ShareBefore, s.ShareAfter, s.UnderRepresented))
            .ToList();
        return new CandidateItem(
            r.Id,
            StatusLabel(r.Status),
            r.Status.ToString(),
            p.Name,
            string.Join(" · ", details.Where(d => !string.IsNullOrEmpty(d))),
            flags.Count == 0 ? null : string.Join(" · ", flags),
            shifts);
    }

    public static EventFormModel EventForm(string? eventId, EventAnswers answers, IReadOnlyDictionary<EventField, string> errors) =>
        new(
            eventId,
            EventFormIds.ToDictionary(f => f.Value, f => answers[f.Key]),
            errors.ToDictionary(e => EventFormIds[e.Key], e => e.Value),
            Registration.EventForm.Kinds.Select(k => new Choice(k.Label, k.Code)).ToList(),
            GcmReference.Themes.Select(t => new Choice(t.Label, t.Code.ToString())).ToList(),
            Registration.EventForm.Confirmations.Select(c => new Choice(c.Label, c.Code)).ToList());

    public static RegistrationUpdateModel Update(StatusChange change, TimeZoneInfo? zone)
    {
        var e = change.Event;
        return change.Reason switch
        {
            ChangeReason.PromotedFromWaitlist => new("A place opened up: you're confirmed",
                "Someone cancelled, so your place on the waitlist became a confirmed registration.", e.Title, When(e, zone), e.Venue, true),
            ChangeReason.Approved => new("Your registration is confirmed",
                "The organisers confirmed your place.", e.Title, When(e, zone), e.Venue, true),
            _ => new("Your registration was not confirmed",
                "The organisers could not offer you a place at this event this time. Thank you for your interest; other events may still be open (type events).",
                e.Title, When(e, zone), e.Venue, false),
        };
    }
}
