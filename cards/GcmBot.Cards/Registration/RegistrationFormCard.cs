using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;

namespace GcmBot.Cards.Registration;

/// <summary>What the registration form shows: the person's answers so far, problems by field, and the choices.</summary>
/// <param name="IsUpdate">The person is registered already: the form changes their registration.</param>
/// <param name="Values">Answers by input id (see <see cref="RegistrationFormCard"/> constants), as last given.</param>
/// <param name="Errors">A problem per input id, shown right under that input.</param>
/// <param name="Countries">Countries ordered by subregion, each titled "Subregion · Country".</param>
/// <param name="Events">Events open for registration, with their dates in the person's time zone.</param>
public sealed record RegistrationFormModel(
    bool IsUpdate,
    IReadOnlyDictionary<string, string?> Values,
    IReadOnlyDictionary<string, string> Errors,
    IReadOnlyList<Choice> Groups,
    IReadOnlyList<Choice> Countries,
    IReadOnlyList<Choice> Genders,
    IReadOnlyList<Choice> Themes,
    IReadOnlyList<Choice> Events,
    int NameLength,
    int EmailLength,
    int OrganisationLength,
    int NeedsLength);

/// <summary>The registration form: who you are, what you want to attend, and consent to the use of your data.</summary>
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

    /// <summary>What is stored and why, in plain words; shown above the consent box.</summary>
    public const string ConsentStatement =
        "**What we keep and why.** GcmBot stores your answers on this form so that the secretariat of the UN Regional Network " +
        "on Migration for Asia and the Pacific can confirm your place, contact you about these events, and check that " +
        "participation is balanced by stakeholder group, region, gender and theme. Only the organisers see your answers; " +
        "reports show counts, never names. They are used for this engagement only and never shared outside the Regional " +
        "Network. Type **forget me** at any time to erase them.";

    public static AdaptiveCard Build(RegistrationFormModel model)
    {
        var body = new List<CardElement>
        {
            new TextBlock(model.IsUpdate ? "Change your registration" : "Register for the regional review engagement")
            {
                Size = TextSize.Medium,
                Weight = TextWeight.Bolder,
            },
            new TextBlock(model.IsUpdate
                ? "Your answers are filled in. Change what you need and save. Unticking an event cancels that registration."
                : "The briefing and the stakeholder consultations of the Asia-Pacific regional review of the Global Compact for Migration. Answers marked with a red * are required.")
            {
                IsSubtle = true,
                Spacing = Spacing.None,
            },
        };

        if (model.Errors.Count > 0)
        {
            body.Add(new TextBlock(model.Errors.Count == 1
                ? "One answer needs another look; it is marked below. Your other answers are kept."
                : $"{model.Errors.Count} answers need another look; they are marked below. Your other answers are kept.")
            {
                Color = TextColor.Attention,
                Weight = TextWeight.Bolder,
            });
        }

        body.Add(Section("About you"));
        FormField.Add(body, model.Errors, new TextInput
        {
            Id = Name,
            Label = "Your name",
            IsRequired = true,
            ErrorMessage = "Please give your name.",
            MaxLength = model.NameLength,
            Value = Value(model, Name),
        });
        FormField.Add(body, model.Errors, new TextInput
        {
            Id = Email,
            Label = "E-mail",
            IsRequired = true,
            ErrorMessage = "Please give an e-mail address, like name@example.org.",
            Style = "email",
            MaxLength = model.EmailLength,
            Placeholder = "name@example.org",
            Value = Value(model, Email),
        });
        FormField.Add(body, model.Errors, new TextInput
        {
            Id = Organisation,
            Label = "Organisation (if any)",
            MaxLength = model.OrganisationLength,
            Value = Value(model, Organisation),
        });
        FormField.Add(body, model.Errors, new ChoiceSetInput(model.Groups)
        {
            Id = Group,
            Label = "Stakeholder group",
            IsRequired = true,
            ErrorMessage = "Please choose your stakeholder group.",
            Placeholder = "Choose the group you belong to",
            Value = Value(model, Group),
        });
        FormField.Add(body, model.Errors, new ChoiceSetInput(model.Countries)
        {
            Id = Country,
            Label = "Country where you work",
            IsRequired = true,
            ErrorMessage = "Please choose a country, or \"Other country or territory\".",
            // Not the "filtered" (type-ahead) style: the Adaptive Card 1.5 schema knows only compact and expanded.
            // Titles start with the subregion, so the list reads grouped.
            Placeholder = "Choose a country (listed by ESCAP subregion)",
            Value = Value(model, Country),
        });
        FormField.Add(body, model.Errors, new ChoiceSetInput(model.Genders)
        {
            Id = Gender,
            Label = "Gender (optional)",
            Expanded = true,
            Value = Value(model, Gender),
        });
        FormField.Add(body, model.Errors, new ChoiceSetInput(
            [
                new Choice("I am a migrant", "migrant"),
                new Choice("I speak for migrants in situations of vulnerability", "advocate"),
            ])
        {
            Id = MigrantVoice,
            Label = "Migrant voices (optional)",
            IsMultiSelect = true,
            Expanded = true,
            Value = Value(model, MigrantVoice),
        });

        body.Add(Section("Taking part"));
        FormField.Add(body, model.Errors, new ChoiceSetInput(model.Events)
        {
            Id = Events,
            Label = "Events you want to attend",
            IsRequired = true,
            ErrorMessage = "Please choose at least one event.",
            IsMultiSelect = true,
            Expanded = true,
            Value = Value(model, Events),
        });
        FormField.Add(body, model.Errors, new ChoiceSetInput(model.Themes)
        {
            Id = Themes,
            Label = "Roundtable themes that interest you",
            IsMultiSelect = true,
            Expanded = true,
            Value = Value(model, Themes),
        });
        FormField.Add(body, model.Errors, new ChoiceSetInput(
            [
                new Choice("I would like to make an oral intervention", "speak"),
                new Choice("I could serve as an expert panellist", "panel"),
            ])
        {
            Id = Contribution,
            Label = "Would you like to contribute?",
            IsMultiSelect = true,
            Expanded = true,
            Value = Value(model, Contribution),
        });
        FormField.Add(body, model.Errors, new TextInput
        {
            Id = Needs,
            Label = "Accessibility or interpretation needs (optional)",
            IsMultiline = true,
            MaxLength = model.NeedsLength,
            Placeholder = "For example: sign language, captions, interpretation into Bahasa Indonesia",
            Value = Value(model, Needs),
        });

        body.Add(new TextBlock(ConsentStatement) { Size = TextSize.Small, Separator = true, Spacing = Spacing.Medium });
        FormField.Add(body, model.Errors, new ToggleInput("I agree that GcmBot keeps these answers for this purpose")
        {
            Id = Consent,
            Label = "Your consent",
            IsRequired = true,
            ErrorMessage = "Please agree, or we cannot register you.",
            Value = string.Equals(Value(model, Consent), "true", StringComparison.OrdinalIgnoreCase),
        });

        return new AdaptiveCard(body)
        {
            Actions =
            [
                new SubmitAction(CardActionData.For(RegistrationVerbs.Submit))
                {
                    Title = model.IsUpdate ? "Save changes" : "Register",
                    Style = ActionStyle.Positive,
                },
            ],
            FallbackText = "The registration form. Type register to open it again.",
        };
    }

    private static string? Value(RegistrationFormModel model, string id) => model.Values.GetValueOrDefault(id);

    private static TextBlock Section(string title) =>
        new(title) { Weight = TextWeight.Bolder, Spacing = Spacing.Large, Separator = true };
}
