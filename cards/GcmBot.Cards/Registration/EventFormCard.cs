using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;

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

    public static AdaptiveCard Build(EventFormModel model)
    {
        var isNew = model.EventId is null;
        var body = new List<CardElement>
        {
            new TextBlock(isNew ? "Add an event" : $"Edit event {model.EventId}") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock("Leave the date and times empty while they are to be confirmed. Dates and times are in the event's time zone.")
            {
                IsSubtle = true,
                Spacing = Spacing.None,
            },
        };
        if (model.Errors.Count > 0)
        {
            body.Add(new TextBlock($"{model.Errors.Count} answer(s) need another look; they are marked below.") { Color = TextColor.Attention, Weight = TextWeight.Bolder });
        }

        if (isNew)
        {
            FormField.Add(body, model.Errors, new TextInput
            {
                Id = Id,
                Label = "Id (used in commands, e.g. side-event-1)",
                IsRequired = true,
                ErrorMessage = "Please give a short id.",
                MaxLength = 40,
                Value = Value(model, Id),
            });
        }

        FormField.Add(body, model.Errors, new TextInput { Id = Title, Label = "Title", IsRequired = true, ErrorMessage = "Please give a title.", MaxLength = 200, Value = Value(model, Title) });
        FormField.Add(body, model.Errors, new ChoiceSetInput(model.Kinds) { Id = Kind, Label = "Kind", IsRequired = true, ErrorMessage = "Please choose the kind.", Value = Value(model, Kind) });
        FormField.Add(body, model.Errors, new ChoiceSetInput(model.Themes) { Id = Themes, Label = "Roundtable themes", IsMultiSelect = true, Expanded = true, Value = Value(model, Themes) });
        FormField.Add(body, model.Errors, new DateInput { Id = Date, Label = "Date", Value = Value(model, Date) });
        FormField.Add(body, model.Errors, new TimeInput { Id = StartTime, Label = "Starts at", Value = Value(model, StartTime) });
        FormField.Add(body, model.Errors, new TimeInput { Id = EndTime, Label = "Ends at", Value = Value(model, EndTime) });
        FormField.Add(body, model.Errors, new TextInput { Id = TimeZone, Label = "Time zone", IsRequired = true, ErrorMessage = "Please give a time zone.", MaxLength = 64, Placeholder = "Asia/Bangkok", Value = Value(model, TimeZone) });
        FormField.Add(body, model.Errors, new TextInput { Id = Venue, Label = "Where", IsRequired = true, ErrorMessage = "Please say where.", MaxLength = 200, Placeholder = "Online (Microsoft Teams)", Value = Value(model, Venue) });
        FormField.Add(body, model.Errors, new NumberInput { Id = Capacity, Label = "Places (empty for no limit)", Min = 1, Max = 100_000, Value = double.TryParse(Value(model, Capacity), System.Globalization.CultureInfo.InvariantCulture, out var places) ? places : null });
        FormField.Add(body, model.Errors, new DateInput { Id = OpensDate, Label = "Registration opens on (empty: now)", Value = Value(model, OpensDate) });
        FormField.Add(body, model.Errors, new DateInput { Id = ClosesDate, Label = "Registration closes after (empty: when the event starts)", Value = Value(model, ClosesDate) });
        FormField.Add(body, model.Errors, new ChoiceSetInput(model.Confirmations) { Id = Confirmation, Label = "Places are confirmed", IsRequired = true, ErrorMessage = "Please choose.", Expanded = true, Value = Value(model, Confirmation) });
        FormField.Add(body, model.Errors, new TextInput { Id = Description, Label = "Description", IsMultiline = true, MaxLength = 1000, Value = Value(model, Description) });

        return new AdaptiveCard(body)
        {
            Actions =
            [
                new SubmitAction(CardActionData.For(RegistrationVerbs.SaveEvent, (RegistrationVerbs.EventKey, model.EventId ?? string.Empty)))
                {
                    Title = isNew ? "Add event" : "Save event",
                    Style = ActionStyle.Positive,
                },
            ],
            FallbackText = isNew ? "Add an event" : "Edit an event",
        };
    }

    private static string? Value(EventFormModel model, string id) => model.Values.GetValueOrDefault(id);
}
