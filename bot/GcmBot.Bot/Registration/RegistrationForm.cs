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

/// <summary>A submission that passed every check: who the person is and the events they want.</summary>
public sealed record ValidRegistration(ProfileAnswers Profile, IReadOnlyList<string> EventIds);

/// <summary>The outcome of checking a submission: the problems by field, or the valid registration.</summary>
public sealed record RegistrationCheck(IReadOnlyDictionary<RegistrationField, string> Errors, ValidRegistration? Valid)
{
    public bool IsValid => Valid is not null;
}

/// <summary>
/// Checks a registration form on the server, whatever the client sent: required answers, e-mail shape, known choices
/// only, bounded lengths, open events only. Nothing is stored unless every answer passes.
/// </summary>
public static partial class RegistrationValidator
{
    private const int MaxChoices = 30;

    public static RegistrationCheck Validate(RegistrationAnswers answers, IReadOnlyCollection<CatalogueEvent> catalogue, DateTimeOffset now)
    {
        var errors = new Dictionary<RegistrationField, string>();

        var name = FormText.Check(answers[RegistrationField.Name], RegistrationField.Name, RegistrationLimits.NameLength, required: true, multiLine: false, errors);
        var email = FormText.Check(answers[RegistrationField.Email], RegistrationField.Email, RegistrationLimits.EmailLength, required: true, multiLine: false, errors);
        if (email is not null && !EmailShape().IsMatch(email))
        {
            errors[RegistrationField.Email] = "This does not look like an e-mail address (for example name@example.org).";
        }

        var organisation = FormText.Check(answers[RegistrationField.Organisation], RegistrationField.Organisation, RegistrationLimits.OrganisationLength, required: false, multiLine: false, errors);
        var group = OneOf(answers[RegistrationField.Group], RegistrationField.Group, StakeholderReference.Groups.Select(g => g.Code), "Choose the stakeholder group you belong to.", errors);
        var country = OneOf(answers[RegistrationField.Country], RegistrationField.Country, StakeholderReference.Countries.Select(c => c.Code), "Choose the country where you work (or \"Other country or territory\").", errors);
        var gender = OneOf(answers[RegistrationField.Gender], RegistrationField.Gender, StakeholderReference.Genders.Select(g => g.Code), null, errors);
        var voices = ManyOf(answers[RegistrationField.MigrantVoice], RegistrationField.MigrantVoice, [RegistrationChoices.Migrant, RegistrationChoices.Advocate], errors);
        var themes = ManyOf(answers[RegistrationField.Themes], RegistrationField.Themes, GcmReference.Themes.Select(t => t.Code.ToString()), errors);
        var contribution = ManyOf(answers[RegistrationField.Contribution], RegistrationField.Contribution, [RegistrationChoices.Speak, RegistrationChoices.Panel], errors);
        var needs = FormText.Check(answers[RegistrationField.Needs], RegistrationField.Needs, RegistrationLimits.NeedsLength, required: false, multiLine: true, errors);
        var events = Events(answers[RegistrationField.Events], catalogue, now, errors);

        if (!string.Equals(answers[RegistrationField.Consent]?.Trim(), RegistrationChoices.Yes, StringComparison.OrdinalIgnoreCase))
        {
            errors[RegistrationField.Consent] = "Please agree to the use of your data, or we cannot register you.";
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
            string.Concat(themes.Order(StringComparer.Ordinal)),
            contribution.Contains(RegistrationChoices.Speak),
            contribution.Contains(RegistrationChoices.Panel),
            needs);
        return new RegistrationCheck(errors, new ValidRegistration(profile, events));
    }

    private static string? OneOf(string? raw, RegistrationField field, IEnumerable<string> codes, string? requiredMessage, Dictionary<RegistrationField, string> errors)
    {
        var value = raw?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            if (requiredMessage is not null)
            {
                errors[field] = requiredMessage;
            }

            return null;
        }

        var match = codes.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            errors[field] = "That is not one of the choices; please choose from the list.";
        }

        return match;
    }

    private static IReadOnlyList<string> ManyOf(string? raw, RegistrationField field, IEnumerable<string> codes, Dictionary<RegistrationField, string> errors)
    {
        var values = SplitChoices(raw);
        if (values.Count > MaxChoices)
        {
            errors[field] = "Too many choices; please choose from the list.";
            return [];
        }

        var known = codes.ToList();
        var result = new List<string>();
        foreach (var value in values)
        {
            var match = known.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                errors[field] = "That is not one of the choices; please choose from the list.";
                return [];
            }

            result.Add(match);
        }

        return result.Distinct().ToList();
    }

    private static IReadOnlyList<string> Events(string? raw, IReadOnlyCollection<CatalogueEvent> catalogue, DateTimeOffset now, Dictionary<RegistrationField, string> errors)
    {
        var values = SplitChoices(raw);
        if (values.Count == 0)
        {
            errors[RegistrationField.Events] = "Choose at least one event to attend.";
            return [];
        }

        if (values.Count > MaxChoices)
        {
            errors[RegistrationField.Events] = "Too many choices; please choose from the list.";
            return [];
        }

        var chosen = new List<string>();
        foreach (var value in values)
        {
            var e = catalogue.FirstOrDefault(x => string.Equals(x.Id, value, StringComparison.OrdinalIgnoreCase));
            if (e is null)
            {
                errors[RegistrationField.Events] = "One of these events is not offered any more; please choose again.";
                return [];
            }

            var window = EventRules.WindowAt(e, now);
            if (window != RegistrationWindow.Open)
            {
                errors[RegistrationField.Events] = window == RegistrationWindow.NotYetOpen
                    ? $"Registration for \"{e.Title}\" has not opened yet."
                    : $"Registration for \"{e.Title}\" has closed.";
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
    public static string? Check<TField>(string? raw, TField field, int maxLength, bool required, bool multiLine, Dictionary<TField, string> errors)
        where TField : notnull
    {
        // Control characters are refused rather than silently dropped: in a name or an e-mail they are a typing
        // accident the person should see.
        if ((raw ?? string.Empty).Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            errors[field] = "This contains characters I cannot store; please type it again.";
            return null;
        }

        var text = multiLine ? TypedText.MultiLine(raw) : TypedText.SingleLine(raw);
        if (text.Length == 0)
        {
            if (required)
            {
                errors[field] = "Please fill this in.";
            }

            return null;
        }

        if (text.Length > maxLength)
        {
            errors[field] = $"Please keep this under {maxLength} characters (it has {text.Length}).";
            return null;
        }

        return text;
    }
}
