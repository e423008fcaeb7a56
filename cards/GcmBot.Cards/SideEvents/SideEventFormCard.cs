using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.SideEvents;

/// <summary>The choices of the proposal form, titled in the person's language.</summary>
public sealed record SideEventChoices(
    IReadOnlyList<Choice> Partners,
    IReadOnlyList<Choice> Themes,
    IReadOnlyList<Choice> Objectives,
    IReadOnlyList<Choice> Formats,
    IReadOnlyList<Choice> Accessibility,
    IReadOnlyList<Choice> Consents);

/// <summary>What the proposal form shows.</summary>
/// <param name="SubmitKey">Identifies this form: sending it twice stores one proposal.</param>
/// <param name="ProposalId">Set when the form revises an existing proposal.</param>
/// <param name="Values">Answers by input id (the constants of <see cref="SideEventFormCard"/>), as last given.</param>
/// <param name="Errors">A problem per input id, shown right under that input.</param>
/// <param name="ZoneNote">Which time zone the slot is read in ("Times are in your time zone, GMT+5:45 …"; plain text).</param>
/// <param name="Notice">A line above the form, e.g. the organisers' message asking for changes (plain text).</param>
public sealed record SideEventFormModel(
    string SubmitKey,
    int? ProposalId,
    int? Version,
    IReadOnlyDictionary<string, string?> Values,
    IReadOnlyDictionary<string, string> Errors,
    SideEventChoices Choices,
    string ZoneNote,
    string? Notice,
    string MinDate);

/// <summary>The side event proposal form, for a new proposal or to revise one before it is decided.</summary>
public static class SideEventFormCard
{
    public const string Title = "title";
    public const string Organisers = "organisers";
    public const string CoOrganisers = "coOrganisers";
    public const string Partner = "partner";
    public const string Theme = "theme";
    public const string Objectives = "objectives";
    public const string Format = "format";
    public const string Venue = "venue";
    public const string Date = "date";
    public const string StartTime = "startTime";
    public const string EndTime = "endTime";
    public const string ExpectedSize = "size";
    public const string Accessibility = "accessibility";
    public const string AccessibilityNote = "accessibilityNote";
    public const string Description = "description";
    public const string ContactEmail = "email";
    public const string ContactConsent = "contactConsent";

    public const int TitleLength = 200;
    public const int OrganisersLength = 300;
    public const int VenueLength = 200;
    public const int NoteLength = 500;
    public const int DescriptionLength = 1000;
    public const int EmailLength = 254;
    public const int MaxSize = 1000;

    public static AdaptiveCard Build(SideEventFormModel model, CultureInfo culture)
    {
        var t = TextResources.For<SideEventsCardTexts>(culture);
        var editing = model.ProposalId is not null;
        var body = new List<CardElement>
        {
            new TextBlock(editing ? t["Form.Heading.Edit", model.ProposalId] : t["Form.Heading.New"]) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(editing ? t["Form.Intro.Edit"] : t["Form.Intro.New"]) { IsSubtle = true, Spacing = Spacing.None },
        };

        if (model.Notice is not null)
        {
            body.Add(new TextBlock(MarkdownText.Escape(model.Notice)) { Color = TextColor.Warning });
        }

        if (model.Errors.Count > 0)
        {
            body.Add(new TextBlock(t["Form.Errors", model.Errors.Count]) { Color = TextColor.Attention, Weight = TextWeight.Bolder });
        }

        var c = model.Choices;
        FormField.Add(body, model.Errors, new TextInput { Id = Title, Label = t["Form.Title"], IsRequired = true, ErrorMessage = t["Form.Title.Error"], MaxLength = TitleLength, Value = V(model, Title) });
        FormField.Add(body, model.Errors, new TextInput { Id = Organisers, Label = t["Form.Organisers"], IsRequired = true, ErrorMessage = t["Form.Organisers.Error"], MaxLength = OrganisersLength, Placeholder = t["Form.Organisers.Placeholder"], Value = V(model, Organisers) });
        FormField.Add(body, model.Errors, new TextInput { Id = CoOrganisers, Label = t["Form.CoOrganisers"], MaxLength = OrganisersLength, Value = V(model, CoOrganisers) });
        FormField.Add(body, model.Errors, new ChoiceSetInput(c.Partners) { Id = Partner, Label = t["Form.Partner"], Placeholder = t["Form.Partner.Placeholder"], Value = V(model, Partner) });
        FormField.Add(body, model.Errors, new ChoiceSetInput(c.Themes) { Id = Theme, Label = t["Form.Theme"], IsRequired = true, Expanded = true, ErrorMessage = t["Form.Theme.Error"], Value = V(model, Theme) });
        FormField.Add(body, model.Errors, new ChoiceSetInput(c.Objectives) { Id = Objectives, Label = t["Form.Objectives"], IsMultiSelect = true, Placeholder = t["Form.Objectives.Placeholder"], Value = V(model, Objectives) });
        FormField.Add(body, model.Errors, new ChoiceSetInput(c.Formats) { Id = Format, Label = t["Form.Format"], IsRequired = true, Expanded = true, ErrorMessage = t["Form.Format.Error"], Value = V(model, Format) });
        FormField.Add(body, model.Errors, new TextInput { Id = Venue, Label = t["Form.Venue"], IsRequired = true, ErrorMessage = t["Form.Venue.Error"], MaxLength = VenueLength, Placeholder = t["Form.Venue.Placeholder"], Value = V(model, Venue) });
        body.Add(new TextBlock(t["Form.Slot"]) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
        body.Add(new TextBlock(MarkdownText.Escape(model.ZoneNote)) { IsSubtle = true, Spacing = Spacing.None });
        FormField.Add(body, model.Errors, new DateInput { Id = Date, Label = t["Form.Date"], IsRequired = true, ErrorMessage = t["Form.Date.Error"], Min = model.MinDate, Value = V(model, Date) });
        FormField.Add(body, model.Errors, new TimeInput { Id = StartTime, Label = t["Form.Start"], IsRequired = true, ErrorMessage = t["Form.Start.Error"], Value = V(model, StartTime) });
        FormField.Add(body, model.Errors, new TimeInput { Id = EndTime, Label = t["Form.End"], IsRequired = true, ErrorMessage = t["Form.End.Error"], Value = V(model, EndTime) });
        FormField.Add(body, model.Errors, new NumberInput
        {
            Id = ExpectedSize,
            Label = t["Form.Size"],
            IsRequired = true,
            ErrorMessage = t["Form.Size.Error", MaxSize],
            Min = 1,
            Max = MaxSize,
            Value = double.TryParse(V(model, ExpectedSize), NumberStyles.Float, CultureInfo.InvariantCulture, out var size) ? size : null,
        });
        FormField.Add(body, model.Errors, new ChoiceSetInput(c.Accessibility) { Id = Accessibility, Label = t["Form.Accessibility"], IsMultiSelect = true, Expanded = true, Value = V(model, Accessibility) });
        FormField.Add(body, model.Errors, new TextInput { Id = AccessibilityNote, Label = t["Form.AccessibilityNote"], IsMultiline = true, MaxLength = NoteLength, Value = V(model, AccessibilityNote) });
        FormField.Add(body, model.Errors, new TextInput { Id = Description, Label = t["Form.Description", DescriptionLength], IsRequired = true, ErrorMessage = t["Form.Description.Error"], IsMultiline = true, MaxLength = DescriptionLength, Value = V(model, Description) });
        FormField.Add(body, model.Errors, new TextInput { Id = ContactEmail, Label = t["Form.Email"], IsRequired = true, ErrorMessage = t["Form.Email.Error"], Style = "email", MaxLength = EmailLength, Value = V(model, ContactEmail) });
        FormField.Add(body, model.Errors, new ChoiceSetInput(c.Consents) { Id = ContactConsent, Label = t["Form.Consent"], IsRequired = true, Expanded = true, ErrorMessage = t["Form.Consent.Error"], Value = V(model, ContactConsent) });

        var data = new Dictionary<string, string>();
        if (model.ProposalId is { } id && model.Version is { } version)
        {
            data[SideEventVerbs.Id] = id.ToString(CultureInfo.InvariantCulture);
            data[SideEventVerbs.Version] = version.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            data[SideEventVerbs.SubmitKey] = model.SubmitKey;
        }

        return new AdaptiveCard(body)
        {
            Actions = [new SubmitAction(new CardActionData(SideEventVerbs.Save, data)) { Title = editing ? t["Form.Send.Edit"] : t["Form.Send"], Style = ActionStyle.Positive }],
            FallbackText = t["Form.Fallback"],
            Lang = SupportedLanguages.TagOf(culture),
        };
    }

    private static string? V(SideEventFormModel model, string id) => model.Values.GetValueOrDefault(id);
}
