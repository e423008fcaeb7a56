using System.Text.RegularExpressions;
using GcmBot.Bot.Engagement;

namespace GcmBot.Bot.Registration;

/// <summary>Bounds of what a person may type; the same numbers limit the form's inputs and the database columns.</summary>
public static class RegistrationLimits
{
    public const int UserIdLength = 256;
    public const int NameLength = 100;
    public const int EmailLength = 254;
    public const int OrganisationLength = 150;
    public const int NeedsLength = 500;

    /// <summary>Bumped whenever the consent statement changes, so that it is known which one a person agreed to.</summary>
    public const string ConsentVersion = "2026-11";
}

/// <summary>The questions of the registration form.</summary>
public enum RegistrationField
{
    Name,
    Email,
    Organisation,
    Group,
    Country,
    Gender,
    MigrantVoice,
    Themes,
    Events,
    Contribution,
    Needs,
    Consent,

    /// <summary>The language the person wants GcmBot to write to them in (stored as their language, not in the profile).</summary>
    Language,
}

/// <summary>What is wrong with one answer of a form: the views word it in the person's language.</summary>
public enum FormProblemKind
{
    Required,
    TooLong,
    ControlCharacters,
    EmailShape,
    NotAChoice,
    TooManyChoices,
    GroupRequired,
    CountryRequired,
    EventsRequired,
    EventGone,
    EventNotYetOpen,
    EventClosed,
    ConsentRequired,
    IdShape,
    IdTaken,
    KindRequired,
    ConfirmationRequired,
    ThemesFromList,
    TimeZoneUnknown,
    CapacityRange,
    DateShape,
    TimeShape,
    StartTimeRequired,
    EndTimeRequired,
    EndBeforeStart,
    DateRequired,
    ClosesBeforeOpens,
}

/// <summary>A problem with one answer, with what its wording needs (a length, an event's title).</summary>
public sealed record FormProblem(FormProblemKind Kind, params object[] Arguments)
{
    public static implicit operator FormProblem(FormProblemKind kind) => new(kind);
}

/// <summary>Codes of the form's small fixed choices.</summary>
public static class RegistrationChoices
{
    public const string Migrant = "migrant";
    public const string Advocate = "advocate";
    public const string Speak = "speak";
    public const string Panel = "panel";
    public const string Yes = "true";
}

/// <summary>The answers as the client sent them (untrusted text, any of them missing).</summary>
public sealed record RegistrationAnswers(IReadOnlyDictionary<RegistrationField, string?> Values)
{
    public string? this[RegistrationField field] => Values.GetValueOrDefault(field);

    public static RegistrationAnswers Empty { get; } = new(new Dictionary<RegistrationField, string?>());

    /// <summary>The answers a stored profile and its active registrations amount to (to pre-fill the form).</summary>
    public static RegistrationAnswers From(StakeholderProfile profile, IEnumerable<string> eventIds) => new(new Dictionary<RegistrationField, string?>
    {
        [RegistrationField.Name] = profile.Name,
        [RegistrationField.Email] = profile.Email,
        [RegistrationField.Organisation] = profile.Organisation,
        [RegistrationField.Group] = profile.StakeholderGroup,
        [RegistrationField.Country] = profile.CountryCode,
        [RegistrationField.Gender] = profile.Gender,
        [RegistrationField.MigrantVoice] = Join((profile.IsMigrant, RegistrationChoices.Migrant), (profile.SpeaksForMigrantsInVulnerableSituations, RegistrationChoices.Advocate)),
        [RegistrationField.Themes] = string.Join(',', profile.Themes.Select(c => c.ToString())),
        [RegistrationField.Events] = string.Join(',', eventIds),
        [RegistrationField.Contribution] = Join((profile.WishesToSpeak, RegistrationChoices.Speak), (profile.OffersAsPanellist, RegistrationChoices.Panel)),
        [RegistrationField.Needs] = profile.AccessibilityNeeds,
        [RegistrationField.Consent] = RegistrationChoices.Yes,
    });

    /// <summary>These answers with one more (to pre-fill a field such as the language).</summary>
    public RegistrationAnswers With(RegistrationField field, string? value)
    {
        var values = Values.ToDictionary();
        values[field] = value;
        return new RegistrationAnswers(values);
    }

    private static string Join(params (bool On, string Code)[] flags) => string.Join(',', flags.Where(f => f.On).Select(f => f.Code));
}

/// <summary>A person's valid answers about themselves.</summary>
public sealed record ProfileAnswers(
    string Name,
    string Email,
    string? Organisation,
    string StakeholderGroup,
    string CountryCode,
    string? Gender,
    bool IsMigrant,
    bool SpeaksForMigrantsInVulnerableSituations,
    string Themes,
    bool WishesToSpeak,
    bool OffersAsPanellist,
    string? AccessibilityNeeds);

/// <summary>A submission that passed every check: who the person is, the events they want, the language they chose.</summary>
public sealed record ValidRegistration(ProfileAnswers Profile, IReadOnlyList<string> EventIds, string? LanguageTag = null);

/// <summary>The outcome of checking a submission: the problems by field, or the valid registration.</summary>
public sealed record RegistrationCheck(IReadOnlyDictionary<RegistrationField, FormProblem> Errors, ValidRegistration? Valid)
{
    public bool IsValid => Valid is not null;
}

/// <summary>
/// Checks a registration form on the server, whatever the client sent: required answers, e-mail shape, known choices
/// only, bounded lengths, open events only. Nothing is stored unless every answer passes. The roundtable themes are not
/// asked separately: a person's themes are those of the consultations they register for.
/// </summary>
public static partial class RegistrationValidator
{
    private const int MaxChoices = 30;

    public static RegistrationCheck Validate(RegistrationAnswers answers, IReadOnlyCollection<CatalogueEvent> catalogue, DateTimeOffset now)
    {
        var errors = new Dictionary<RegistrationField, FormProblem>();

        var name = FormText.Check(answers[RegistrationField.Name], RegistrationField.Name, RegistrationLimits.NameLength, required: true, multiLine: false, errors);
        var email = FormText.Check(answers[RegistrationField.Email], RegistrationField.Email, RegistrationLimits.EmailLength, required: true, multiLine: false, errors);
        if (email is not null && !EmailShape().IsMatch(email))
        {
            errors[RegistrationField.Email] = FormProblemKind.EmailShape;
        }

        var organisation = FormText.Check(answers[RegistrationField.Organisation], RegistrationField.Organisation, RegistrationLimits.OrganisationLength, required: false, multiLine: false, errors);
        var group = OneOf(answers[RegistrationField.Group], RegistrationField.Group, StakeholderReference.Groups.Select(g => g.Code), FormProblemKind.GroupRequired, errors);
        var country = OneOf(answers[RegistrationField.Country], RegistrationField.Country, StakeholderReference.Countries.Select(c => c.Code), FormProblemKind.CountryRequired, errors);
        var gender = OneOf(answers[RegistrationField.Gender], RegistrationField.Gender, StakeholderReference.Genders.Select(g => g.Code), null, errors);
        var voices = ManyOf(answers[RegistrationField.MigrantVoice], RegistrationField.MigrantVoice, [RegistrationChoices.Migrant, RegistrationChoices.Advocate], errors);
        var contribution = ManyOf(answers[RegistrationField.Contribution], RegistrationField.Contribution, [RegistrationChoices.Speak, RegistrationChoices.Panel], errors);
        var needs = FormText.Check(answers[RegistrationField.Needs], RegistrationField.Needs, RegistrationLimits.NeedsLength, required: false, multiLine: true, errors);
        var events = Events(answers[RegistrationField.Events], catalogue, now, errors);
        var language = OneOf(answers[RegistrationField.Language], RegistrationField.Language, GcmBot.Cards.Words.SupportedLanguages.Tags, null, errors);

        if (!string.Equals(answers[RegistrationField.Consent]?.Trim(), RegistrationChoices.Yes, StringComparison.OrdinalIgnoreCase))
        {
            errors[RegistrationField.Consent] = FormProblemKind.ConsentRequired;
        }

        if (errors.Count > 0)
        {
            return new RegistrationCheck(errors, null);
        }

        var profile = new ProfileAnswers(
            name!,
            email!,
            organisation,
            group!,
            StakeholderReference.Country(country)!.Code,
            gender,
            voices.Contains(RegistrationChoices.Migrant),
            voices.Contains(RegistrationChoices.Advocate),
            ThemesOf(events, catalogue),
            contribution.Contains(RegistrationChoices.Speak),
            contribution.Contains(RegistrationChoices.Panel),
            needs);
        return new RegistrationCheck(errors, new ValidRegistration(profile, events, language));
    }

    /// <summary>The roundtable themes of the events chosen ("ab"): a consultation's theme is the registrant's.</summary>
    public static string ThemesOf(IEnumerable<string> eventIds, IReadOnlyCollection<CatalogueEvent> catalogue) =>
        string.Concat(eventIds
            .Select(id => catalogue.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase))?.Themes ?? string.Empty)
            .SelectMany(t => t)
            .Where(c => GcmReference.Theme(c) is not null)
            .Select(char.ToLowerInvariant)
            .Distinct()
            .Order());

    private static string? OneOf(string? raw, RegistrationField field, IEnumerable<string> codes, FormProblemKind? requiredProblem, Dictionary<RegistrationField, FormProblem> errors)
    {
        var value = raw?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            if (requiredProblem is { } problem)
            {
                errors[field] = problem;
            }

            return null;
        }

        var match = codes.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            errors[field] = FormProblemKind.NotAChoice;
        }

        return match;
    }

    private static IReadOnlyList<string> ManyOf(string? raw, RegistrationField field, IEnumerable<string> codes, Dictionary<RegistrationField, FormProblem> errors)
    {
        var values = SplitChoices(raw);
        if (values.Count > MaxChoices)
        {
            errors[field] = FormProblemKind.TooManyChoices;
            return [];
        }

        var known = codes.ToList();
        var result = new List<string>();
        foreach (var value in values)
        {
            var match = known.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                errors[field] = FormProblemKind.NotAChoice;
                return [];
            }

            result.Add(match);
        }

        return result.Distinct().ToList();
    }

    private static IReadOnlyList<string> Events(string? raw, IReadOnlyCollection<CatalogueEvent> catalogue, DateTimeOffset now, Dictionary<RegistrationField, FormProblem> errors)
    {
        var values = SplitChoices(raw);
        if (values.Count == 0)
        {
            errors[RegistrationField.Events] = FormProblemKind.EventsRequired;
            return [];
        }

        if (values.Count > MaxChoices)
        {
            errors[RegistrationField.Events] = FormProblemKind.TooManyChoices;
            return [];
        }

        var chosen = new List<string>();
        foreach (var value in values)
        {
            var e = catalogue.FirstOrDefault(x => string.Equals(x.Id, value, StringComparison.OrdinalIgnoreCase));
            if (e is null)
            {
                errors[RegistrationField.Events] = FormProblemKind.EventGone;
                return [];
            }

            var window = EventRules.WindowAt(e, now);
            if (window != RegistrationWindow.Open)
            {
                errors[RegistrationField.Events] = new FormProblem(
                    window == RegistrationWindow.NotYetOpen ? FormProblemKind.EventNotYetOpen : FormProblemKind.EventClosed, e.Title);
                return [];
            }

            chosen.Add(e.Id);
        }

        return chosen.Distinct().ToList();
    }

    /// <summary>A multi-select's value: comma-separated codes, as Teams sends them.</summary>
    public static IReadOnlyList<string> SplitChoices(string? raw) =>
        (raw ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"^[^@\s,;<>""]+@[^@\s,;<>""]+\.[^@\s,;<>""]+$")]
    private static partial Regex EmailShape();

}

/// <summary>Free text a person typed into a form: trimmed, bounded, without control characters.</summary>
internal static class FormText
{
    /// <summary>
    /// The cleaned text, or null (with the problem recorded for the field) when it is missing but required, too long,
    /// or holds control characters. One-line answers have their inner whitespace (line breaks too) collapsed.
    /// </summary>
    public static string? Check<TField>(string? raw, TField field, int maxLength, bool required, bool multiLine, Dictionary<TField, FormProblem> errors)
        where TField : notnull
    {
        // Control characters are refused rather than silently dropped: in a name or an e-mail they are a typing
        // accident the person should see.
        if ((raw ?? string.Empty).Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            errors[field] = FormProblemKind.ControlCharacters;
            return null;
        }

        var text = multiLine ? TypedText.MultiLine(raw) : TypedText.SingleLine(raw);
        if (text.Length == 0)
        {
            if (required)
            {
                errors[field] = FormProblemKind.Required;
            }

            return null;
        }

        if (text.Length > maxLength)
        {
            errors[field] = new FormProblem(FormProblemKind.TooLong, maxLength, text.Length);
            return null;
        }

        return text;
    }
}
