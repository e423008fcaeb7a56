using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Registration;

/// <summary>The organisers' event form: a new event (<see cref="EventId"/> null) or one to edit.</summary>
/// <param name="Values">Answers by input id (see <see cref="EventFormCard"/> constants).</param>
/// <param name="Errors">A problem per input id, shown right under that input.</param>
public sealed record EventFormModel(
    string? EventId,
    IReadOnlyDictionary<string, string?> Values,
    IReadOnlyDictionary<string, string> Errors,
    IReadOnlyList<Choice> Kinds,
    IReadOnlyList<Choice> Themes,
    IReadOnlyList<Choice> Confirmations);

/// <summary>Adds an event to the catalogue or edits one.</summary>
public static class EventFormCard
{
    public const string Id = "eventId";
    public const string Title = "title";
    public const string Kind = "kind";
    public const string Themes = "themes";
    public const string Date = "date";
    public const string StartTime = "startTime";
    public const string EndTime = "endTime";
    public const string TimeZone = "timeZone";
    public const string Venue = "venue";
    public const string Capacity = "capacity";
    public const string OpensDate = "opens";
    public const string ClosesDate = "closes";
    public const string Confirmation = "confirmation";
    public const string Description = "description";

    public static AdaptiveCard Build(EventFormModel model, CultureInfo culture)
    {
        var t = TextResources.For<RegistrationCardTexts>(culture);
        var isNew = model.EventId is null;
        var body = new List<CardElement>
        {
            new TextBlock(isNew ? t["EventForm.AddTitle"] : t["EventForm.EditTitle", Value(model, Title) ?? model.EventId!]) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(t["EventForm.Intro"])
            {
                IsSubtle = true,
                Spacing = Spacing.None,
            },
        };
        if (model.Errors.Count > 0)
        {
            body.Add(new TextBlock(t["Form.Problems", model.Errors.Count]) { Color = TextColor.Attention, Weight = TextWeight.Bolder });
        }

        if (isNew)
        {
            FormField.Add(body, model.Errors, new TextInput
            {
                Id = Id,
                Label = t["EventForm.Id"],
                IsRequired = true,
                ErrorMessage = t["EventForm.IdRequired"],
                MaxLength = 40,
                Value = Value(model, Id),
            });
        }

        FormField.Add(body, model.Errors, new TextInput { Id = Title, Label = t["EventForm.Title"], IsRequired = true, ErrorMessage = t["EventForm.TitleRequired"], MaxLength = 200, Value = Value(model, Title) });
        FormField.Add(body, model.Errors, new ChoiceSetInput(model.Kinds) { Id = Kind, Label = t["EventForm.Kind"], IsRequired = true, ErrorMessage = t["EventForm.KindRequired"], Value = Value(model, Kind) });
        FormField.Add(body, model.Errors, new ChoiceSetInput(model.Themes) { Id = Themes, Label = t["EventForm.Themes"], IsMultiSelect = true, Expanded = true, Value = Value(model, Themes) });
        FormField.Add(body, model.Errors, new DateInput { Id = Date, Label = t["EventForm.Date"], Value = Value(model, Date) });
        FormField.Add(body, model.Errors, new TimeInput { Id = StartTime, Label = t["EventForm.Starts"], Value = Value(model, StartTime) });
        FormField.Add(body, model.Errors, new TimeInput { Id = EndTime, Label = t["EventForm.Ends"], Value = Value(model, EndTime) });
        FormField.Add(body, model.Errors, new TextInput { Id = TimeZone, Label = t["EventForm.TimeZone"], IsRequired = true, ErrorMessage = t["EventForm.TimeZoneRequired"], MaxLength = 64, Placeholder = "Asia/Bangkok", Value = Value(model, TimeZone) });
        FormField.Add(body, model.Errors, new TextInput { Id = Venue, Label = t["EventForm.Venue"], IsRequired = true, ErrorMessage = t["EventForm.VenueRequired"], MaxLength = 200, Placeholder = t["EventForm.VenuePlaceholder"], Value = Value(model, Venue) });
        FormField.Add(body, model.Errors, new NumberInput { Id = Capacity, Label = t["EventForm.Capacity"], Min = 1, Max = 100_000, Value = double.TryParse(Value(model, Capacity), System.Globalization.CultureInfo.InvariantCulture, out var places) ? places : null });
        FormField.Add(body, model.Errors, new DateInput { Id = OpensDate, Label = t["EventForm.Opens"], Value = Value(model, OpensDate) });
        FormField.Add(body, model.Errors, new DateInput { Id = ClosesDate, Label = t["EventForm.Closes"], Value = Value(model, ClosesDate) });
        FormField.Add(body, model.Errors, new ChoiceSetInput(model.Confirmations) { Id = Confirmation, Label = t["EventForm.Confirmation"], IsRequired = true, ErrorMessage = t["EventForm.ConfirmationRequired"], Expanded = true, Value = Value(model, Confirmation) });
        FormField.Add(body, model.Errors, new TextInput { Id = Description, Label = t["EventForm.Description"], IsMultiline = true, MaxLength = 1000, Value = Value(model, Description) });

        return new AdaptiveCard(body)
        {
            Actions =
            [
                new SubmitAction(CardActionData.For(RegistrationVerbs.SaveEvent, (RegistrationVerbs.EventKey, model.EventId ?? string.Empty)))
                {
                    Title = isNew ? t["EventForm.Add"] : t["EventForm.Save"],
                    Style = ActionStyle.Positive,
                },
            ],
            FallbackText = isNew ? t["EventForm.AddTitle"] : t["EventForm.EditFallback"],
            Lang = SupportedLanguages.TagOf(culture),
        };
    }

    private static string? Value(EventFormModel model, string id) => model.Values.GetValueOrDefault(id);
}
