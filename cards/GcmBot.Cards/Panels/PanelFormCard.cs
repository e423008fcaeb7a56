using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Panels;

/// <summary>What the proposal form shows.</summary>
/// <param name="SubmitKey">Identifies this form: sending it twice stores one proposal.</param>
/// <param name="Values">Answers by input id (the constants of <see cref="PanelFormCard"/>), as last given.</param>
/// <param name="Errors">A problem per input id, shown right under that input.</param>
/// <param name="Panels">The four thematic panels.</param>
/// <param name="Groups">The stakeholder groups.</param>
/// <param name="Countries">ESCAP members and associate members, and "other".</param>
/// <param name="Notice">A line above the form (plain text).</param>
public sealed record PanelFormModel(
    string SubmitKey,
    IReadOnlyDictionary<string, string?> Values,
    IReadOnlyDictionary<string, string> Errors,
    IReadOnlyList<Choice> Panels,
    IReadOnlyList<Choice> Groups,
    IReadOnlyList<Choice> Countries,
    string? Notice,
    int NameLength,
    int OrganisationLength,
    int ExpertiseLength,
    int LanguagesLength,
    int PositionLength,
    int EmailLength);

/// <summary>"Propose an expert panellist": who, for which panel, and the joint position they would carry.</summary>
public static class PanelFormCard
{
    public const string Panel = "panel";
    public const string Name = "nomineeName";
    public const string Organisation = "nomineeOrganisation";
    public const string Group = "nomineeGroup";
    public const string Country = "nomineeCountry";
    public const string Expertise = "expertise";
    public const string Languages = "languages";
    public const string Position = "position";
    public const string Email = "nomineeEmail";
    public const string Consent = "consent";

    /// <summary>The consent choices' values (the bot checks them).</summary>
    public const string ConsentYes = "named";
    public const string ConsentNo = "not-named";

    public static AdaptiveCard Build(PanelFormModel model, CultureInfo culture)
    {
        var t = TextResources.For<PanelsCardTexts>(culture);
        var body = new List<CardElement>
        {
            new TextBlock(t["Form.Heading"]) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(t["Form.Intro"]) { IsSubtle = true, Spacing = Spacing.None },
        };
        if (model.Notice is not null)
        {
            body.Add(new TextBlock(MarkdownText.Escape(model.Notice)) { Color = TextColor.Warning });
        }

        if (model.Errors.Count > 0)
        {
            body.Add(new TextBlock(t["Form.Errors", model.Errors.Count]) { Color = TextColor.Attention, Weight = TextWeight.Bolder });
        }

        FormField.Add(body, model.Errors, new ChoiceSetInput(model.Panels)
        {
            Id = Panel,
            Label = t["Form.Panel"],
            IsRequired = true,
            ErrorMessage = t["Form.Panel.Error"],
            Placeholder = t["Form.Panel.Placeholder"],
            Value = Value(model, Panel),
        });
        FormField.Add(body, model.Errors, new TextInput
        {
            Id = Name,
            Label = t["Form.Name"],
            IsRequired = true,
            ErrorMessage = t["Form.Name.Error"],
            MaxLength = model.NameLength,
            Value = Value(model, Name),
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
            ErrorMessage = t["Form.Group.Error"],
            Placeholder = t["Form.Group.Placeholder"],
            Value = Value(model, Group),
        });
        FormField.Add(body, model.Errors, new ChoiceSetInput(model.Countries)
        {
            Id = Country,
            Label = t["Form.Country"],
            IsRequired = true,
            ErrorMessage = t["Form.Country.Error"],
            Placeholder = t["Form.Country.Placeholder"],
            Value = Value(model, Country),
        });
        FormField.Add(body, model.Errors, new TextInput
        {
            Id = Expertise,
            Label = t["Form.Expertise"],
            IsRequired = true,
            IsMultiline = true,
            ErrorMessage = t["Form.Expertise.Error"],
            MaxLength = model.ExpertiseLength,
            Value = Value(model, Expertise),
        });
        FormField.Add(body, model.Errors, new TextInput
        {
            Id = Languages,
            Label = t["Form.Languages"],
            IsRequired = true,
            ErrorMessage = t["Form.Languages.Error"],
            Placeholder = t["Form.Languages.Placeholder"],
            MaxLength = model.LanguagesLength,
            Value = Value(model, Languages),
        });
        FormField.Add(body, model.Errors, new TextInput
        {
            Id = Position,
            Label = t["Form.Position", model.PositionLength],
            IsRequired = true,
            IsMultiline = true,
            ErrorMessage = t["Form.Position.Error"],
            MaxLength = model.PositionLength,
            Value = Value(model, Position),
        });
        FormField.Add(body, model.Errors, new TextInput
        {
            Id = Email,
            Label = t["Form.Email"],
            Style = "email",
            MaxLength = model.EmailLength,
            Value = Value(model, Email),
        });
        FormField.Add(body, model.Errors, new ChoiceSetInput(
            [new Choice(t["Form.Consent.Yes"], ConsentYes), new Choice(t["Form.Consent.No"], ConsentNo)])
        {
            Id = Consent,
            Label = t["Form.Consent"],
            IsRequired = true,
            Expanded = true,
            ErrorMessage = t["Form.Consent.Error"],
            Value = Value(model, Consent),
        });

        return new AdaptiveCard(body)
        {
            Actions =
            [
                new SubmitAction(CardActionData.For(PanelVerbs.Save, (PanelVerbs.SubmitKey, model.SubmitKey)))
                {
                    Title = t["Form.Send"],
                    Style = ActionStyle.Positive,
                },
            ],
            FallbackText = t["Form.Heading"],
            Lang = SupportedLanguages.TagOf(culture),
        };
    }

    private static string? Value(PanelFormModel model, string id) => model.Values.GetValueOrDefault(id);
}
