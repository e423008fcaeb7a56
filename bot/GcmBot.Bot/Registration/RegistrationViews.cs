using System.Globalization;
using System.Text.Json.Nodes;
using GcmBot.Bot.Engagement;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Registration;
using GcmBot.Cards.Words;

namespace GcmBot.Bot.Registration;

/// <summary>
/// Turns registration data and outcomes into the models of its cards, in the person's language (times in the person's zone
/// and GMT+7; reference data in its official wording).
/// </summary>
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
        [RegistrationField.Language] = RegistrationFormCard.Language,
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
    public static string When(CatalogueEvent e, TimeZoneInfo? zone, CultureInfo? culture = null) =>
        e.StartsAt is { } start && e.EndsAt is { } end ? TimeText.ForPerson(start, end, zone, culture) : Texts(culture)["DateToBeConfirmed"];

    public static string TimeZoneNote(TimeZoneInfo? zone, CultureInfo culture) => zone is null
        ? Texts(culture)["TimeZoneNote.Unknown"]
        : Texts(culture)["TimeZoneNote.Known", zone.Id];

    /// <summary>The words of a form problem, as shown under its field.</summary>
    public static string Problem(FormProblem problem, CultureInfo culture) =>
        Texts(culture)[$"Problem.{problem.Kind}", [.. problem.Arguments]];

    public static RegistrationFormModel Form(
        RegistrationAnswers answers, IReadOnlyDictionary<RegistrationField, FormProblem> errors, bool isUpdate, IReadOnlyList<CatalogueEvent> openEvents, TimeZoneInfo? zone, CultureInfo culture) =>
        new(
            isUpdate,
            FormIds.ToDictionary(f => f.Value, f => answers[f.Key]),
            errors.ToDictionary(e => FormIds[e.Key], e => Problem(e.Value, culture)),
            StakeholderReference.Groups.Select(g => new Choice(g.LabelIn(culture), g.Code)).ToList(),
            Countries(culture),
            StakeholderReference.Genders.Select(g => new Choice(g.LabelIn(culture), g.Code)).ToList(),
            openEvents.Select(e => new Choice(EventChoiceTitle(e, zone, culture), e.Id)).ToList(),
            SupportedLanguages.All.Select(l => new Choice(SupportedLanguages.NativeName(l), l.Name)).ToList(),
            RegistrationLimits.NameLength,
            RegistrationLimits.EmailLength,
            RegistrationLimits.OrganisationLength,
            RegistrationLimits.NeedsLength);

    // "Consultation on theme b · Wed 3 Dec…": a consultation's title names its theme, which the registration takes (asked once).
    private static string EventChoiceTitle(CatalogueEvent e, TimeZoneInfo? zone, CultureInfo culture) => $"{e.Title} · {When(e, zone, culture)}";

    /// <summary>
    /// Countries in alphabetical order of their name in the person's language, so a person finds their country without
    /// knowing its ESCAP subregion (the balance derives the subregion from the country). "Other country or territory"
    /// comes last. (Repeating the subregion on each of the 58 entries would push the form past Teams' card size.)
    /// </summary>
    public static IReadOnlyList<Choice> Countries(CultureInfo culture)
    {
        var comparer = StringComparer.Create(SupportedLanguages.IsPseudo(culture) ? SupportedLanguages.English : culture, CompareOptions.IgnoreCase);
        return StakeholderReference.Countries
            .OrderBy(c => c.SubregionCode == StakeholderReference.Other ? 1 : 0)
            .ThenBy(c => c.NameIn(culture), comparer)
            .Select(c => new Choice(c.NameIn(culture), c.Code))
            .ToList();
    }

    public static RegistrationSummaryModel Summary(PersonRegistrations person, string heading, string? notice, TimeZoneInfo? zone, CultureInfo culture) =>
        new(
            heading,
            notice,
            person.Profile is { } p ? PersonLine(p, culture) : null,
            TimeZoneNote(zone, culture),
            person.Registrations
                .Where(r => r.Registration.Status is not (RegistrationStatus.Cancelled or RegistrationStatus.Erased))
                .Select(r => new RegistrationLine(r.Event.Id, r.Event.Title, When(r.Event, zone, culture), r.Event.Venue, State(r.Registration.Status), r.WaitlistPosition))
                .ToList());

    public static string PersonLine(StakeholderProfile p, CultureInfo culture)
    {
        var country = StakeholderReference.Country(p.CountryCode)?.NameIn(culture) ?? p.CountryCode;
        var parts = new[] { p.Name, p.Organisation, StakeholderReference.LabelIn(StakeholderReference.Groups, p.StakeholderGroup, culture), country };
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

    /// <summary>A status in words ("Pending approval"), in a language; English (stable) for files when none is given.</summary>
    public static string StatusLabel(RegistrationStatus status, CultureInfo? culture = null) => Texts(culture ?? SupportedLanguages.English)[$"Status.{status}"];

    public static string KindLabel(EventKind kind, CultureInfo culture) => Texts(culture)[$"Kind.{kind}"];

    public static string Places(CatalogueEvent e, int confirmed, CultureInfo culture) => e.Capacity is { } capacity
        ? Texts(culture)["Places.OfCapacity", confirmed, capacity]
        : Texts(culture)["Places.NoLimit", confirmed];

    public static EventListItem ListItem(CatalogueEvent e, IReadOnlyDictionary<RegistrationStatus, int>? counts, DateTimeOffset now, TimeZoneInfo? zone, CultureInfo culture)
    {
        var t = Texts(culture);
        var confirmed = counts?.GetValueOrDefault(RegistrationStatus.Confirmed) ?? 0;
        var window = EventRules.WindowAt(e, now);
        var registration = window switch
        {
            RegistrationWindow.Open when e.Confirmation == ConfirmationMode.OrganiserApproval => t["Window.OpenByApproval"],
            RegistrationWindow.Open => t["Window.Open"],
            RegistrationWindow.NotYetOpen => t["Window.Opens", TimeText.MomentForPerson(e.RegistrationOpensAt!.Value, zone, now, culture)],
            _ => t["Window.Closed"],
        };
        var places = e.Capacity is not { } capacity
            ? t["Left.NoLimit"]
            : confirmed >= capacity && e.Confirmation == ConfirmationMode.Automatic
                ? t["Left.Full"]
                : t["Left.OfCapacity", Math.Max(0, capacity - confirmed), capacity];
        var themes = EventRules.Themes(e.Themes);
        return new EventListItem(
            e.Id,
            e.Title,
            KindLabel(e.Kind, culture),
            themes.Count == 0 ? null : string.Join("; ", themes.Select(th => th.LabelIn(culture))),
            When(e, zone, culture),
            e.Venue,
            registration,
            places,
            window == RegistrationWindow.Open);
    }

    /// <summary>
    /// The balance card's model: counts by status, and each dimension's categories with their share of the confirmed
    /// list, under-represented ones flagged (below half an equal share of the dimension's counted categories).
    /// </summary>
    public static BalanceCardModel Balance(CatalogueEvent e, RegistrationBalance balance, TimeZoneInfo? zone, CultureInfo culture)
    {
        var statuses = new List<(string, int)>();
        foreach (var status in Enum.GetValues<RegistrationStatus>())
        {
            var count = balance.Count(status);
            if (count > 0 || status is RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted or RegistrationStatus.Pending)
            {
                statuses.Add((StatusLabel(status, culture), count));
            }
        }

        var confirmed = balance.Count(RegistrationStatus.Confirmed);
        return new BalanceCardModel(
            e.Id,
            e.Title,
            When(e, zone, culture),
            Places(e, confirmed, culture),
            statuses,
            confirmed,
            balance.Dimensions.Select(d => Section(d, confirmed, culture)).ToList(),
            balance.Count(RegistrationStatus.Waitlisted) + balance.Count(RegistrationStatus.Pending) > 0);
    }

    private static BalanceSection Section(BalanceDimension dimension, int confirmedTotal, CultureInfo culture)
    {
        // Which categories count towards an equal share: "other", "unknown" and "prefer not to say" are answers, not groups to balance.
        var counted = dimension.Categories.Where(c => IsCounted(dimension.Title, c.Code)).ToList();
        var goal = dimension.Title is RegistrationBalance.GroupTitle or RegistrationBalance.SubregionTitle or RegistrationBalance.GenderTitle or RegistrationBalance.ThemeTitle
            ? counted.Count
            : 0;
        return new BalanceSection(
            DimensionTitle(dimension.Title, culture),
            dimension.Categories
                .Select(c => new BalanceLine(
                    CategoryLabel(dimension.Title, c, culture),
                    c.Confirmed,
                    c.Waitlisted,
                    goal > 0 && confirmedTotal > 0 && IsCounted(dimension.Title, c.Code) && c.Confirmed * 2 * goal < confirmedTotal))
                .ToList());
    }

    private static bool IsCounted(string dimension, string code) =>
        code is not (StakeholderReference.Other or StakeholderReference.Unknown or "undisclosed" or "none")
        && !(dimension == RegistrationBalance.SubregionTitle && code == "non-regional");

    private static string DimensionTitle(string title, CultureInfo culture) => Texts(culture)[title switch
    {
        RegistrationBalance.GroupTitle => "Dimension.Group",
        RegistrationBalance.SubregionTitle => "Dimension.Subregion",
        RegistrationBalance.GenderTitle => "Dimension.Gender",
        RegistrationBalance.ThemeTitle => "Dimension.Theme",
        _ => "Dimension.Voices",
    }];

    private static string CategoryLabel(string dimension, CategoryCount category, CultureInfo culture) => dimension switch
    {
        RegistrationBalance.GroupTitle => StakeholderReference.LabelIn(StakeholderReference.Groups, category.Code, culture),
        RegistrationBalance.SubregionTitle => StakeholderReference.LabelIn(StakeholderReference.Subregions, category.Code, culture),
        RegistrationBalance.GenderTitle => category.Code == StakeholderReference.Unknown
            ? StakeholderReference.NotSaid(culture)
            : StakeholderReference.LabelIn(StakeholderReference.Genders, category.Code, culture),
        RegistrationBalance.ThemeTitle => category.Code.Length == 1 && GcmReference.Theme(category.Code[0]) is { } theme
            ? Texts(culture)["ThemeShort", theme.Code.ToString()]
            : Texts(culture)["NoTheme"],
        _ => Texts(culture)[$"Voice.{category.Code}"],
    };

    public static CandidateItem Candidate(Candidate candidate, RegistrationBalance balance, CultureInfo culture)
    {
        var t = Texts(culture);
        var r = candidate.Registration;
        var p = candidate.Profile;
        if (p is null)
        {
            return new CandidateItem(r.Id, StatusLabel(r.Status, culture), r.Status.ToString(), t["NoAnswers"], string.Empty, null, []);
        }

        var country = StakeholderReference.Country(p.CountryCode);
        var details = new[]
        {
            p.Organisation,
            StakeholderReference.LabelIn(StakeholderReference.Groups, p.StakeholderGroup, culture),
            country is null ? null : $"{country.NameIn(culture)} ({StakeholderReference.LabelIn(StakeholderReference.Subregions, country.SubregionCode, culture)})",
            p.Gender is null ? null : StakeholderReference.LabelIn(StakeholderReference.Genders, p.Gender, culture),
        };
        var flags = new List<string>();
        if (p.IsMigrant)
        {
            flags.Add(t["Flag.Migrant"]);
        }

        if (p.SpeaksForMigrantsInVulnerableSituations)
        {
            flags.Add(t["Flag.Advocate"]);
        }

        if (p.WishesToSpeak)
        {
            flags.Add(t["Flag.Speak"]);
        }

        if (p.OffersAsPanellist)
        {
            flags.Add(t["Flag.Panel"]);
        }

        if (p.Themes.Length > 0)
        {
            flags.Add(t["Flag.Themes", string.Join(", ", p.Themes.Select(c => c.ToString()))]);
        }

        if (p.AccessibilityNeeds is not null)
        {
            flags.Add(t["Flag.Needs"]);
        }

        var shifts = balance.EffectOf(p.StakeholderGroup, p.CountryCode, p.Gender, p.IsMigrant || p.SpeaksForMigrantsInVulnerableSituations)
            .Select(s => new ShiftLine(ShiftLabel(s, p, culture), s.Before, s.After, s.ShareBefore, s.ShareAfter, s.UnderRepresented))
            .ToList();
        return new CandidateItem(
            r.Id,
            StatusLabel(r.Status, culture),
            r.Status.ToString(),
            p.Name,
            string.Join(" · ", details.Where(d => !string.IsNullOrEmpty(d))),
            flags.Count == 0 ? null : string.Join(" · ", flags),
            shifts);
    }

    // EffectOf names its categories in English (the balance's own labels); the card shows them in the person's language.
    private static string ShiftLabel(BalanceShift shift, StakeholderProfile p, CultureInfo culture)
    {
        if (shift.Label == StakeholderReference.Label(StakeholderReference.Groups, p.StakeholderGroup))
        {
            return StakeholderReference.LabelIn(StakeholderReference.Groups, p.StakeholderGroup, culture);
        }

        var subregion = StakeholderReference.Country(p.CountryCode)?.SubregionCode;
        if (subregion is not null && shift.Label == StakeholderReference.Label(StakeholderReference.Subregions, subregion))
        {
            return StakeholderReference.LabelIn(StakeholderReference.Subregions, subregion, culture);
        }

        if (p.Gender is not null && shift.Label == StakeholderReference.Label(StakeholderReference.Genders, p.Gender))
        {
            return StakeholderReference.LabelIn(StakeholderReference.Genders, p.Gender, culture);
        }

        return Texts(culture)["Voice.migrantVoices"];
    }

    public static EventFormModel EventForm(string? eventId, EventAnswers answers, IReadOnlyDictionary<EventField, FormProblem> errors, CultureInfo culture) =>
        new(
            eventId,
            EventFormIds.ToDictionary(f => f.Value, f => answers[f.Key]),
            errors.ToDictionary(e => EventFormIds[e.Key], e => Problem(e.Value, culture)),
            Registration.EventForm.Kinds.Select(k => new Choice(KindLabel(k.Kind, culture), k.Code)).ToList(),
            GcmReference.Themes.Select(t => new Choice(t.LabelIn(culture), t.Code.ToString())).ToList(),
            Registration.EventForm.Confirmations.Select(c => new Choice(Texts(culture)[$"Confirmation.{c.Mode}"], c.Code)).ToList());

    public static RegistrationUpdateModel Update(StatusChange change, TimeZoneInfo? zone, CultureInfo culture)
    {
        var t = Texts(culture);
        var e = change.Event;
        return change.Reason switch
        {
            ChangeReason.PromotedFromWaitlist => new(t["Update.Promoted.Heading"], t["Update.Promoted.Text"], e.Title, When(e, zone, culture), e.Venue, true),
            ChangeReason.Approved => new(t["Update.Approved.Heading"], t["Update.Approved.Text"], e.Title, When(e, zone, culture), e.Venue, true),
            _ => new(t["Update.Declined.Heading"], t["Update.Declined.Text"], e.Title, When(e, zone, culture), e.Venue, false),
        };
    }

    /// <summary>The registration texts in a language (the current UI language when none is given).</summary>
    internal static TextResources Texts(CultureInfo? culture = null) => TextResources.For<RegistrationTexts>(culture ?? CultureInfo.CurrentUICulture);
}

/// <summary>Names the resource files of this folder (<c>RegistrationTexts.resx</c> and its translations).</summary>
public sealed class RegistrationTexts;
