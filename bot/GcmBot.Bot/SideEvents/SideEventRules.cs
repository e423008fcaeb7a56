using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Registration;

namespace GcmBot.Bot.SideEvents;

/// <summary>Whether the proposer's name and e-mail may appear on the public page.</summary>
public enum ContactConsent
{
    /// <summary>Shown on the public page as the event's contact.</summary>
    Public,

    /// <summary>For the Regional Network secretariat only.</summary>
    OrganisersOnly,
}

public enum SideEventFormat
{
    InPerson,
    Online,
    Hybrid,
}

/// <summary>Where a proposal stands in the organisers' review.</summary>
public enum SideEventStatus
{
    /// <summary>Waiting for the organisers.</summary>
    Pending,

    /// <summary>The organisers asked for changes; revising it sends it back to them.</summary>
    ChangesRequested,

    /// <summary>Accepted: it is in the event catalogue and on the public page.</summary>
    Accepted,

    Declined,

    /// <summary>Taken back by the proposer (or by "forget me" before a decision).</summary>
    Withdrawn,
}

/// <summary>An organiser's decision on a pending proposal.</summary>
public enum SideEventDecision
{
    Accept,
    RequestChanges,
    Decline,
}

/// <summary>The fields of the proposal form, for attaching problems to the right one.</summary>
public enum SideEventField
{
    Title,
    Organisers,
    CoOrganisers,
    Partner,
    Theme,
    Objectives,
    Format,
    Venue,
    Date,
    StartTime,
    EndTime,
    ExpectedSize,
    Accessibility,
    AccessibilityNote,
    Description,
    ContactEmail,
    ContactConsent,
}

/// <summary>What is wrong with one field of the form, or with an organiser's message.</summary>
public enum SideEventProblemKind
{
    Required,

    /// <summary>Longer than <see cref="SideEventProblem.Limit"/>.</summary>
    TooLong,

    /// <summary>Shorter than <see cref="SideEventProblem.Limit"/>.</summary>
    TooShort,
    NotAChoice,

    /// <summary>Themes or objectives: see <see cref="SideEventProblem.Tags"/>.</summary>
    Tags,
    OneTheme,
    DateShape,
    TimeShape,
    EndBeforeStart,

    /// <summary>Longer than <see cref="SideEventProblem.Limit"/> hours.</summary>
    TooLongEvent,
    InThePast,

    /// <summary>Not a whole number from 1 to <see cref="SideEventProblem.Limit"/>.</summary>
    SizeRange,
    EmailShape,
    CommentMissing,
}

/// <summary>A problem with a field, as a typed outcome: the Teams face words it in the person's language.</summary>
public sealed record SideEventProblem(SideEventProblemKind Kind, int Limit = 0, TagProblem? Tags = null);

/// <summary>A proposal form as the client sent it: every value untrusted and possibly missing.</summary>
public sealed record SideEventInput(
    string? Title,
    string? Organisers,
    string? CoOrganisers,
    string? Partner,
    string? Theme,
    string? Objectives,
    string? Format,
    string? Venue,
    string? Date,
    string? StartTime,
    string? EndTime,
    string? ExpectedSize,
    string? Accessibility,
    string? AccessibilityNote,
    string? Description,
    string? ContactEmail,
    string? ContactConsent);

/// <summary>A checked proposal, ready to store.</summary>
public sealed record SideEventContent(
    string Title,
    string Organisers,
    string? CoOrganisers,
    string? Partner,
    char Theme,
    IReadOnlyList<int> Objectives,
    SideEventFormat Format,
    string Venue,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string TimeZoneId,
    int ExpectedSize,
    IReadOnlyList<string> Accessibility,
    string? AccessibilityNote,
    string Description,
    string ContactEmail,
    ContactConsent ContactConsent);

/// <summary>The outcome of checking a form: the content when every field is right, else a problem per field.</summary>
public sealed record SideEventCheck(SideEventContent? Content, IReadOnlyDictionary<SideEventField, SideEventProblem> Problems)
{
    public bool IsValid => Content is not null;
}

/// <summary>A partner of a side event: a Regional Network member entity or an ESCAP member State.</summary>
public enum PartnerKind
{
    Entity,
    State,
}

/// <summary>A partner as stored ("entity:IOM", "state:TH").</summary>
public sealed record SideEventPartner(PartnerKind Kind, string Code)
{
    public string Stored => (Kind == PartnerKind.Entity ? "entity:" : "state:") + Code;
}

/// <summary>The rules of side event proposals, free of Teams and storage.</summary>
public static partial class SideEventRules
{
    public const int MinTitleLength = 3;
    public const int MaxTitleLength = 200;
    public const int MaxOrganisersLength = 300;
    public const int MaxVenueLength = EventRules.MaxVenueLength;
    public const int MaxDescriptionLength = EventRules.MaxDescriptionLength;
    public const int MaxAccessibilityNoteLength = 500;
    public const int MaxCommentLength = 1000;
    public const int MaxEmailLength = 254;
    public const int MaxNameLength = 200;
    public const int MaxProposerIdLength = 256;

    /// <summary>A Teams meeting holds up to 1,000 people; a side event is smaller than the review itself.</summary>
    public const int MaxExpectedSize = 1000;

    public const int MaxHours = 8;

    /// <summary>Proposals one person may have open (not withdrawn or declined) at once.</summary>
    public const int MaxOpenPerPerson = 10;

    /// <summary>Member entities of the UN Network on Migration in Asia and the Pacific that most often co-host events.</summary>
    public static IReadOnlyList<string> EntityCodes { get; } =
        ["IOM", "ESCAP", "ILO", "OHCHR", "UNHCR", "UNDP", "UNFPA", "UNICEF", "UNWOMEN", "UNODC", "WHO", "UNESCO"];

    /// <summary>ESCAP member States (associate members are not States; "other" is no partner).</summary>
    public static IReadOnlyList<Country> States { get; } =
        StakeholderReference.Countries.Where(c => !c.AssociateMember && c.Code != "OTHER").ToList();

    public static IReadOnlyList<string> AccessibilityCodes { get; } =
        ["interpretation", "captions", "sign-language", "step-free", "accessible-documents"];

    public static IReadOnlyDictionary<string, SideEventFormat> FormatCodes { get; } = new Dictionary<string, SideEventFormat>
    {
        ["in-person"] = SideEventFormat.InPerson,
        ["online"] = SideEventFormat.Online,
        ["hybrid"] = SideEventFormat.Hybrid,
    };

    public static IReadOnlyDictionary<string, ContactConsent> ConsentCodes { get; } = new Dictionary<string, ContactConsent>
    {
        ["public"] = ContactConsent.Public,
        ["organisers"] = ContactConsent.OrganisersOnly,
    };

    public static string CodeOf(SideEventFormat format) => FormatCodes.First(f => f.Value == format).Key;

    public static string CodeOf(ContactConsent consent) => ConsentCodes.First(c => c.Value == consent).Key;

    public static SideEventPartner? ReadPartner(string? stored)
    {
        var text = stored?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.StartsWith("entity:", StringComparison.Ordinal) && EntityCodes.Contains(text[7..]))
        {
            return new SideEventPartner(PartnerKind.Entity, text[7..]);
        }

        if (text.StartsWith("state:", StringComparison.Ordinal) && States.Any(s => s.Code == text[6..]))
        {
            return new SideEventPartner(PartnerKind.State, text[6..]);
        }

        return null;
    }

    public static IReadOnlyList<string> ReadAccessibility(string? stored) =>
        (stored ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(AccessibilityCodes.Contains).Distinct().ToList();

    /// <summary>Checks every field of a form; all problems at once, so the person can fix them in one go.</summary>
    /// <param name="zone">The person's time zone: the slot's date and times are read in it.</param>
    /// <param name="now">Now, so that a slot in the past is refused.</param>
    public static SideEventCheck Check(SideEventInput input, TimeZoneInfo zone, DateTimeOffset now)
    {
        var problems = new Dictionary<SideEventField, SideEventProblem>();

        var title = TypedText.SingleLine(input.Title);
        if (title.Length == 0)
        {
            problems[SideEventField.Title] = new(SideEventProblemKind.Required);
        }
        else if (title.Length < MinTitleLength)
        {
            problems[SideEventField.Title] = new(SideEventProblemKind.TooShort, MinTitleLength);
        }
        else if (title.Length > MaxTitleLength)
        {
            problems[SideEventField.Title] = new(SideEventProblemKind.TooLong, MaxTitleLength);
        }

        var organisers = Text(input.Organisers, SideEventField.Organisers, MaxOrganisersLength, required: true, multiLine: false, problems);
        var coOrganisers = Text(input.CoOrganisers, SideEventField.CoOrganisers, MaxOrganisersLength, required: false, multiLine: false, problems);
        var venue = Text(input.Venue, SideEventField.Venue, MaxVenueLength, required: true, multiLine: false, problems);
        var note = Text(input.AccessibilityNote, SideEventField.AccessibilityNote, MaxAccessibilityNoteLength, required: false, multiLine: true, problems);
        var description = Text(input.Description, SideEventField.Description, MaxDescriptionLength, required: true, multiLine: true, problems);

        SideEventPartner? partner = null;
        if (!string.IsNullOrWhiteSpace(input.Partner))
        {
            partner = ReadPartner(input.Partner);
            if (partner is null)
            {
                problems[SideEventField.Partner] = new(SideEventProblemKind.NotAChoice);
            }
        }

        var themes = GcmTagRules.ParseThemes(input.Theme, required: true);
        char? theme = null;
        if (!themes.IsValid)
        {
            problems[SideEventField.Theme] = new(SideEventProblemKind.Tags, Tags: themes.Problem);
        }
        else if (themes.Value.Count != 1)
        {
            problems[SideEventField.Theme] = new(SideEventProblemKind.OneTheme);
        }
        else
        {
            theme = themes.Value[0];
        }

        var objectives = GcmTagRules.ParseObjectives(input.Objectives);
        if (!objectives.IsValid)
        {
            problems[SideEventField.Objectives] = new(SideEventProblemKind.Tags, Tags: objectives.Problem);
        }
        else if (theme is { } t && GcmTagRules.ObjectivesOutsideThemes([t], objectives.Value) is { } outside)
        {
            problems[SideEventField.Objectives] = new(SideEventProblemKind.Tags, Tags: outside);
        }

        SideEventFormat? format = input.Format is { } f && FormatCodes.TryGetValue(f.Trim(), out var knownFormat) ? knownFormat : null;
        if (format is null)
        {
            problems[SideEventField.Format] = new(SideEventProblemKind.Required);
        }

        var (startsAt, endsAt) = Slot(input, zone, now, problems);

        int size = 0;
        var sizeText = input.ExpectedSize?.Trim();
        if (string.IsNullOrEmpty(sizeText))
        {
            problems[SideEventField.ExpectedSize] = new(SideEventProblemKind.Required);
        }
        else if (!double.TryParse(sizeText, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                 || number != Math.Floor(number) || number is < 1 or > MaxExpectedSize)
        {
            problems[SideEventField.ExpectedSize] = new(SideEventProblemKind.SizeRange, MaxExpectedSize);
        }
        else
        {
            size = (int)number;
        }

        var accessibility = new List<string>();
        foreach (var code in (input.Accessibility ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!AccessibilityCodes.Contains(code))
            {
                problems[SideEventField.Accessibility] = new(SideEventProblemKind.NotAChoice);
                break;
            }

            if (!accessibility.Contains(code))
            {
                accessibility.Add(code);
            }
        }

        var email = (input.ContactEmail ?? string.Empty).Trim();
        if (email.Length == 0)
        {
            problems[SideEventField.ContactEmail] = new(SideEventProblemKind.Required);
        }
        else if (email.Length > MaxEmailLength || !EmailShape().IsMatch(email))
        {
            problems[SideEventField.ContactEmail] = new(SideEventProblemKind.EmailShape);
        }

        ContactConsent? consent = input.ContactConsent is { } c && ConsentCodes.TryGetValue(c.Trim(), out var knownConsent) ? knownConsent : null;
        if (consent is null)
        {
            problems[SideEventField.ContactConsent] = new(SideEventProblemKind.Required);
        }

        if (problems.Count > 0)
        {
            return new SideEventCheck(null, problems);
        }

        return new SideEventCheck(
            new SideEventContent(
                title,
                organisers!,
                coOrganisers,
                partner?.Stored,
                theme!.Value,
                objectives.Value,
                format!.Value,
                venue!,
                startsAt!.Value,
                endsAt!.Value,
                zone.Id,
                size,
                AccessibilityCodes.Where(accessibility.Contains).ToList(),
                note,
                description!,
                email,
                consent!.Value),
            problems);
    }

    /// <summary>Whether the proposer may still revise it: until an organiser accepts or declines it.</summary>
    public static bool CanRevise(SideEventStatus status) => status is SideEventStatus.Pending or SideEventStatus.ChangesRequested;

    public static bool CanWithdraw(SideEventStatus status) => status is SideEventStatus.Pending or SideEventStatus.ChangesRequested;

    public static bool CanReview(SideEventStatus status) => status == SideEventStatus.Pending;

    public static SideEventStatus StatusAfter(SideEventDecision decision) => decision switch
    {
        SideEventDecision.Accept => SideEventStatus.Accepted,
        SideEventDecision.RequestChanges => SideEventStatus.ChangesRequested,
        _ => SideEventStatus.Declined,
    };

    /// <summary>An organiser's message, checked: needed to ask for changes and to decline (the proposer must know why).</summary>
    public static SideEventProblem? CheckComment(SideEventDecision decision, string? raw, out string? comment)
    {
        comment = TypedText.MultiLine(raw);
        if (comment.Length > MaxCommentLength)
        {
            return new SideEventProblem(SideEventProblemKind.TooLong, MaxCommentLength);
        }

        if (comment.Length == 0)
        {
            comment = null;
            return decision == SideEventDecision.Accept ? null : new SideEventProblem(SideEventProblemKind.CommentMissing);
        }

        return null;
    }

    /// <summary>
    /// The catalogue id a side event gets: "side-" and the title's Latin letters and digits, shortened at a word;
    /// <paramref name="attempt"/> above 1 adds "-2", "-3"… A title with no Latin letters (Chinese, Russian) gives
    /// "side-event-" and the proposal's number.
    /// </summary>
    public static string EventIdFor(string title, int proposalId, int attempt)
    {
        var slug = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var words = slug.ToString().Trim('-');
        var suffix = attempt > 1 ? "-" + attempt.ToString(CultureInfo.InvariantCulture) : string.Empty;
        var basis = words.Length < 2 ? "event-" + proposalId.ToString(CultureInfo.InvariantCulture) : words;
        var room = EventRules.MaxIdLength - "side-".Length - suffix.Length;
        if (basis.Length > room)
        {
            basis = basis[..room];
            var cut = basis.LastIndexOf('-');
            basis = cut > 4 ? basis[..cut] : basis.TrimEnd('-');
        }

        return "side-" + basis + suffix;
    }

    private static (DateTimeOffset? Start, DateTimeOffset? End) Slot(
        SideEventInput input, TimeZoneInfo zone, DateTimeOffset now, Dictionary<SideEventField, SideEventProblem> problems)
    {
        DateOnly? date = null;
        var dateText = input.Date?.Trim();
        if (string.IsNullOrEmpty(dateText))
        {
            problems[SideEventField.Date] = new(SideEventProblemKind.Required);
        }
        else if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2100)
        {
            date = d;
        }
        else
        {
            problems[SideEventField.Date] = new(SideEventProblemKind.DateShape);
        }

        var start = TimeOf(input.StartTime, SideEventField.StartTime, problems);
        var end = TimeOf(input.EndTime, SideEventField.EndTime, problems);
        if (date is not { } day || start is not { } s || end is not { } e)
        {
            return (null, null);
        }

        var startsAt = At(day, s, zone);
        var endsAt = At(day, e, zone);
        if (endsAt <= startsAt)
        {
            problems[SideEventField.EndTime] = new(SideEventProblemKind.EndBeforeStart);
            return (null, null);
        }

        if (endsAt - startsAt > TimeSpan.FromHours(MaxHours))
        {
            problems[SideEventField.EndTime] = new(SideEventProblemKind.TooLongEvent, MaxHours);
            return (null, null);
        }

        if (startsAt <= now)
        {
            problems[SideEventField.Date] = new(SideEventProblemKind.InThePast);
            return (null, null);
        }

        return (startsAt, endsAt);
    }

    private static TimeOnly? TimeOf(string? raw, SideEventField field, Dictionary<SideEventField, SideEventProblem> problems)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            problems[field] = new(SideEventProblemKind.Required);
            return null;
        }

        if (TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        problems[field] = new(SideEventProblemKind.TimeShape);
        return null;
    }

    private static DateTimeOffset At(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static string? Text(
        string? raw, SideEventField field, int max, bool required, bool multiLine, Dictionary<SideEventField, SideEventProblem> problems)
    {
        var text = multiLine ? TypedText.MultiLine(raw) : TypedText.SingleLine(raw);
        if (text.Length == 0)
        {
            if (required)
            {
                problems[field] = new(SideEventProblemKind.Required);
            }

            return null;
        }

        if (text.Length > max)
        {
            problems[field] = new(SideEventProblemKind.TooLong, max);
            return null;
        }

        return text;
    }

    [GeneratedRegex(@"^[^@\s<>""]+@[^@\s<>""]+\.[^@\s<>""]+$")]
    private static partial Regex EmailShape();
}
