using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Registration;

/// <summary>What the registration form shows: the person's answers so far, problems by field, and the choices.</summary>
/// <param name="IsUpdate">The person is registered already: the form changes their registration.</param>
/// <param name="Values">Answers by input id (see <see cref="RegistrationFormCard"/> constants), as last given.</param>
/// <param name="Errors">A problem per input id, shown right under that input.</param>
/// <param name="Countries">Countries in alphabetical order (the subregion is derived from the country).</param>
/// <param name="Events">Events open for registration, with their theme and dates in the person's time zone.</param>
/// <param name="Languages">The languages GcmBot writes in, each named in its own language.</param>
public sealed record RegistrationFormModel(
    bool IsUpdate,
    IReadOnlyDictionary<string, string?> Values,
    IReadOnlyDictionary<string, string> Errors,
    IReadOnlyList<Choice> Groups,
    IReadOnlyList<Choice> Countries,
    IReadOnlyList<Choice> Genders,
    IReadOnlyList<Choice> Events,
    IReadOnlyList<Choice> Languages,
    int NameLength,
    int EmailLength,
    int OrganisationLength,
    int NeedsLength);

/// <summary>
/// The registration form: who you are, what you want to attend (each consultation with its theme: the themes are asked
/// once), the language GcmBot writes to you in, and consent to the use of your data.
/// </summary>
public static class RegistrationFormCard
{
    public const string Name = "name";
    public const string Email = "email";
    public const string Organisation = "organisation";
    public const string Group = "group";
    public const string Country = "country";
    public const string Gender = "gender";
    public const string MigrantVoice = "migrantVoice";
    public const string Themes = "themes";
    public const string Events = "events";
    public const string Contribution = "contribution";
    public const string Needs = "needs";
    public const string Consent = "consent";
    public const string Language = "language";

    public static AdaptiveCard Build(RegistrationFormModel model, CultureInfo culture)
    {
        var t = TextResources.For<RegistrationCardTexts>(culture);
        var body = new List<CardElement>
        {
            new TextBlock(model.IsUpdate ? t["Form.UpdateTitle"] : t["Form.Title"])
            {
                Size = TextSize.Medium,
                Weight = TextWeight.Bolder,
            },
            new TextBlock(model.IsUpdate ? t["Form.UpdateIntro"] : t["Form.Intro"])
            {
                IsSubtle = true,
                Spacing = Spacing.None,
            },
        };

        if (model.Errors.Count > 0)
        {
            body.Add(new TextBlock(t["Form.Problems", model.Errors.Count])
            {
                Color = TextColor.Attention,
                Weight = TextWeight.Bolder,
            });
        }

        body.Add(Section(t["Form.AboutYou"]));
        FormField.Add(body, model.Errors, new TextInput
        {
            Id = Name,
            Label = t["Form.Name"],
            IsRequired = true,
            ErrorMessage = t["Form.NameRequired"],
            MaxLength = model.NameLength,
            Value = Value(model, Name),
        });
        FormField.Add(body, model.Errors, new TextInput
        {
            Id = Email,
            Label = t["Form.Email"],
            IsRequired = true,
            ErrorMessage = t["Form.EmailRequired"],
            Style = "email",
            MaxLength = model.EmailLength,
            Placeholder = "name@example.org",
            Value = Value(model, Email),
        });
        FormField.Add(body, model.Errors, new TextInput
        {
            Id = Organisation,
            Label = t["Form.Organisation"],
            MaxLength = model.OrganisationLength,
            Value = Value(model, Organisation),
        });
        FormField.Add(body, model.Errors, new ChoiceSetInput(model.Groups)
        {
            Id = Group,
            Label = t["Form.Group"],
            IsRequired = true,
            ErrorMessage = t["Form.GroupRequired"],
            Placeholder = t["Form.GroupPlaceholder"],
            Value = Value(model, Group),
        });
        FormField.Add(body, model.Errors, new ChoiceSetInput(model.Countries)
        {
            Id = Country,
            Label = t["Form.Country"],
            IsRequired = true,
            ErrorMessage = t["Form.CountryRequired"],
            // Not the "filtered" (type-ahead) style: the Adaptive Card 1.5 schema knows only compact and expanded.
            // Alphabetical, each country followed by its subregion: a person need not know the subregion to find it.
            Placeholder = t["Form.CountryPlaceholder"],
            Value = Value(model, Country),
        });
        FormField.Add(body, model.Errors, new ChoiceSetInput(model.Genders)
        {
            Id = Gender,
            Label = t["Form.Gender"],
            Expanded = true,
            Value = Value(model, Gender),
        });
        FormField.Add(body, model.Errors, new ChoiceSetInput(
            [
                new Choice(t["Form.Migrant"], "migrant"),
                new Choice(t["Form.Advocate"], "advocate"),
            ])
        {
            Id = MigrantVoice,
            Label = t["Form.MigrantVoices"],
            IsMultiSelect = true,
            Expanded = true,
            Value = Value(model, MigrantVoice),
        });

        body.Add(Section(t["Form.TakingPart"]));
        FormField.Add(body, model.Errors, new ChoiceSetInput(model.Events)
        {
            Id = Events,
            Label = t["Form.Events"],
            IsRequired = true,
            ErrorMessage = t["Form.EventsRequired"],
            IsMultiSelect = true,
            Expanded = true,
            Value = Value(model, Events),
        });
        FormField.Add(body, model.Errors, new ChoiceSetInput(
            [
                new Choice(t["Form.Speak"], "speak"),
                new Choice(t["Form.Panel"], "panel"),
            ])
        {
            Id = Contribution,
            Label = t["Form.Contribute"],
            IsMultiSelect = true,
            Expanded = true,
            Value = Value(model, Contribution),
        });
        FormField.Add(body, model.Errors, new TextInput
        {
            Id = Needs,
            Label = t["Form.Needs"],
            IsMultiline = true,
            MaxLength = model.NeedsLength,
            Placeholder = t["Form.NeedsPlaceholder"],
            Value = Value(model, Needs),
        });

        FormField.Add(body, model.Errors, new ChoiceSetInput(model.Languages)
        {
            Id = Language,
            Label = t["Form.Language"],
            Value = Value(model, Language) ?? SupportedLanguages.TagOf(culture),
        });

        body.Add(new TextBlock(t["Form.ConsentStatement"]) { Size = TextSize.Small, Separator = true, Spacing = Spacing.Medium });
        FormField.Add(body, model.Errors, new ToggleInput(t["Form.ConsentToggle"])
        {
            Id = Consent,
            Label = t["Form.Consent"],
            IsRequired = true,
            ErrorMessage = t["Form.ConsentRequired"],
            Value = string.Equals(Value(model, Consent), "true", StringComparison.OrdinalIgnoreCase),
        });

        return new AdaptiveCard(body)
        {
            Actions =
            [
                new SubmitAction(CardActionData.For(RegistrationVerbs.Submit))
                {
                    Title = model.IsUpdate ? t["Form.Save"] : t["Form.Register"],
                    Style = ActionStyle.Positive,
                },
            ],
            FallbackText = t["Form.Fallback"],
            Lang = SupportedLanguages.TagOf(culture),
        };
    }

    private static string? Value(RegistrationFormModel model, string id) => model.Values.GetValueOrDefault(id);

    private static TextBlock Section(string title) =>
        new(title) { Weight = TextWeight.Bolder, Spacing = Spacing.Large, Separator = true };
}
