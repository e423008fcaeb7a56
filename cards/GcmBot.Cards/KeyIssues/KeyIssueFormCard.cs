using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.KeyIssues;

/// <summary>What the rapporteur's form shows.</summary>
/// <param name="RecordKey">Identifies this form: sending it twice records once.</param>
/// <param name="Context">Where it is recorded, e.g. "In this meeting chat" (plain text).</param>
/// <param name="EventRequired">Whether the consultation must be chosen (in a personal chat).</param>
/// <param name="Events">The consultations to choose from, by title.</param>
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
    IReadOnlyList<Choice> Events,
    int TextLength,
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

    public static AdaptiveCard Build(KeyIssueFormModel model, CultureInfo culture)
    {
        var t = TextResources.For<KeyIssuesCardTexts>(culture);
        var body = new List<CardElement>
        {
            new TextBlock(t["Form.Heading"]) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(t["Form.Context", MarkdownText.Escape(model.Context)]) { IsSubtle = true, Spacing = Spacing.None },
        };
        if (model.Errors.Count > 0)
        {
            body.Add(new TextBlock(t["Form.Errors"]) { Color = TextColor.Attention, Weight = TextWeight.Bolder });
        }

        FormField.Add(body, model.Errors, new ChoiceSetInput(model.Kinds)
        {
            Id = Kind,
            Label = t["Kind"],
            IsRequired = true,
            Expanded = true,
            ErrorMessage = t["Kind.Error"],
            Value = Value(model, Kind),
        });
        FormField.Add(body, model.Errors, new TextInput
        {
            Id = Text,
            Label = t["Text"],
            IsMultiline = true,
            IsRequired = true,
            ErrorMessage = t["Text.Error"],
            MaxLength = model.TextLength,
            Value = Value(model, Text),
        });
        TagInputs.Add(body, model.Errors, model.Themes, model.Objectives, model.Values, culture);

        // A choice of consultations by title: nobody has to know or type an event's id.
        FormField.Add(body, model.Errors, new ChoiceSetInput(model.Events)
        {
            Id = Event,
            Label = model.EventRequired ? t["Event"] : t["Event.Optional"],
            IsRequired = model.EventRequired,
            ErrorMessage = model.EventRequired ? t["Event.Error"] : null,
            Placeholder = t["Event.Placeholder"],
            Value = Value(model, Event),
        });
        body.Add(new ColumnSet(
        [
            new Column(Field(model, new TextInput
            {
                Id = Question,
                Label = t["Question"],
                MaxLength = model.ReferenceLength,
                Value = Value(model, Question),
            })),
            new Column(Field(model, new TextInput
            {
                Id = Intervention,
                Label = t["Intervention"],
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
                    Title = t["Record"],
                    Style = ActionStyle.Positive,
                },
            ],
            FallbackText = t["Form.Fallback"],
            Lang = SupportedLanguages.TagOf(culture),
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
