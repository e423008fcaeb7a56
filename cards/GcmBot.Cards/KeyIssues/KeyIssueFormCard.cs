using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;

namespace GcmBot.Cards.KeyIssues;

/// <summary>What the rapporteur's form shows.</summary>
/// <param name="RecordKey">Identifies this form: sending it twice records once.</param>
/// <param name="Context">Where it is recorded, e.g. "In this meeting chat" (plain text).</param>
/// <param name="EventRequired">Whether the consultation's event id must be given (in a personal chat).</param>
/// <param name="Values">Answers by input id (the constants of <see cref="KeyIssueFormCard"/>).</param>
/// <param name="Errors">A problem per input id, shown right under it.</param>
public sealed record KeyIssueFormModel(
    string RecordKey,
    string Context,
    bool EventRequired,
    IReadOnlyDictionary<string, string?> Values,
    IReadOnlyDictionary<string, string> Errors,
    IReadOnlyList<Choice> Kinds,
    IReadOnlyList<Choice> Themes,
    IReadOnlyList<Choice> Objectives,
    int TextLength,
    int EventLength,
    int ReferenceLength);

/// <summary>The rapporteur's form: a key issue or recommendation, tagged with themes and objectives.</summary>
public static class KeyIssueFormCard
{
    public const string Kind = "kind";
    public const string Text = "text";
    public const string Themes = TagInputs.Themes;
    public const string Objectives = TagInputs.Objectives;
    public const string Event = "eventId";
    public const string Question = "question";
    public const string Intervention = "intervention";

    public static AdaptiveCard Build(KeyIssueFormModel model)
    {
        var body = new List<CardElement>
        {
            new TextBlock("Record a key issue or recommendation") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(MarkdownText.Escape(model.Context) + ". For the consultation's informal summary report.") { IsSubtle = true, Spacing = Spacing.None },
        };
        if (model.Errors.Count > 0)
        {
            body.Add(new TextBlock("Please look at what is marked below; your answers are kept.") { Color = TextColor.Attention, Weight = TextWeight.Bolder });
        }

        FormField.Add(body, model.Errors, new ChoiceSetInput(model.Kinds)
        {
            Id = Kind,
            Label = "What is it?",
            IsRequired = true,
            Expanded = true,
            ErrorMessage = "Please choose one.",
            Value = Value(model, Kind),
        });
        FormField.Add(body, model.Errors, new TextInput
        {
            Id = Text,
            Label = "Text",
            IsMultiline = true,
            IsRequired = true,
            ErrorMessage = "Please write it.",
            MaxLength = model.TextLength,
            Value = Value(model, Text),
        });
        TagInputs.Add(body, model.Errors, model.Themes, model.Objectives, model.Values);
        FormField.Add(body, model.Errors, new TextInput
        {
            Id = Event,
            Label = model.EventRequired ? "Consultation (event id)" : "Consultation (event id, optional here)",
            IsRequired = model.EventRequired,
            ErrorMessage = model.EventRequired ? "Please give the consultation's event id." : null,
            Placeholder = "e.g. consult-a",
            MaxLength = model.EventLength,
            Value = Value(model, Event),
        });
        body.Add(new ColumnSet(
        [
            new Column(Field(model, new TextInput
            {
                Id = Question,
                Label = "From question (optional)",
                Placeholder = "e.g. 12",
                MaxLength = model.ReferenceLength,
                Value = Value(model, Question),
            })),
            new Column(Field(model, new TextInput
            {
                Id = Intervention,
                Label = "From intervention (optional)",
                Placeholder = "e.g. 7",
                MaxLength = model.ReferenceLength,
                Value = Value(model, Intervention),
            })),
        ]));

        return new AdaptiveCard(body)
        {
            Actions =
            [
                new ExecuteAction(CardActionData.For(KeyIssueVerbs.Record, (KeyIssueVerbs.RecordKey, model.RecordKey)))
                {
                    Title = "Record",
                    Style = ActionStyle.Positive,
                },
            ],
            FallbackText = "Record a key issue or recommendation.",
        };
    }

    private static List<CardElement> Field(KeyIssueFormModel model, CardInput input)
    {
        var items = new List<CardElement>();
        FormField.Add(items, model.Errors, input);
        return items;
    }

    private static string? Value(KeyIssueFormModel model, string id) => model.Values.GetValueOrDefault(id);
}
