using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Scheduling;

/// <summary>What the form shows in its inputs (all strings: the card's own values, as the client sends them back).</summary>
public sealed record ScheduleFormValues(
    string? Theme = null,
    string? Date = null,
    string? Time = null,
    string Duration = "120",
    string Zone = "Asia/Bangkok",
    string? Title = null,
    string Invite = SchedulingVerbs.InviteTheme,
    string? ConceptNote = null);

/// <summary>
/// The schedule form. <see cref="RequestKey"/> identifies this form: pressing Schedule twice creates one consultation.
/// </summary>
public sealed record ScheduleFormModel(
    string RequestKey,
    IReadOnlyList<Choice> Themes,
    IReadOnlyList<Choice> Zones,
    string MinDate,
    ScheduleFormValues Values,
    string? Error = null);

/// <summary>The card form of <c>schedule</c>: theme, date, time, duration, zone, title, who to invite, concept note link.</summary>
public static class ScheduleFormCard
{
    public static AdaptiveCard Build(ScheduleFormModel model, CultureInfo culture)
    {
        var t = TextResources.For<SchedulingCardTexts>(culture);
        var values = model.Values;
        var body = new List<CardElement>
        {
            new TextBlock(t["Form.Title"]) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(t["Form.Intro"])
            {
                IsSubtle = true,
                Spacing = Spacing.None,
            },
        };
        if (model.Error is not null)
        {
            body.Add(new Container([new TextBlock(model.Error) { Color = TextColor.Attention }]) { Style = ContainerStyle.Attention });
        }

        body.Add(new ChoiceSetInput(model.Themes)
        {
            Id = SchedulingVerbs.ThemeKey,
            Label = t["Form.Theme"],
            Value = values.Theme,
            IsRequired = true,
            ErrorMessage = t["Form.ThemeError"],
            Placeholder = t["Form.ThemeError"],
        });
        body.Add(new ColumnSet(
        [
            new Column([new DateInput { Id = SchedulingVerbs.DateKey, Label = t["Input.Date"], Value = values.Date, Min = model.MinDate, IsRequired = true, ErrorMessage = t["Input.DateError"] }]),
            new Column([new TimeInput { Id = SchedulingVerbs.TimeKey, Label = t["Input.StartTime"], Value = values.Time, IsRequired = true, ErrorMessage = t["Input.TimeError"] }]),
        ]));
        body.Add(new ColumnSet(
        [
            new Column([new ChoiceSetInput(SchedulingVerbs.Durations.Select(d => new Choice(ConsultationCard.DurationLabel(d, t), d.ToString(CultureInfo.InvariantCulture))).ToList())
            {
                Id = SchedulingVerbs.DurationKey,
                Label = t["Input.Duration"],
                Value = values.Duration,
                IsRequired = true,
                ErrorMessage = t["Input.DurationError"],
            }]),
            new Column([new ChoiceSetInput(model.Zones) { Id = SchedulingVerbs.ZoneKey, Label = t["Form.Zone"], Value = values.Zone, IsRequired = true, ErrorMessage = t["Form.ZoneError"] }]),
        ]));
        body.Add(new TextInput
        {
            Id = SchedulingVerbs.TitleKey,
            Label = t["Form.TitleInput"],
            Value = values.Title,
            Placeholder = t["Form.TitlePlaceholder"],
            MaxLength = 120,
        });
        body.Add(new ChoiceSetInput(
        [
            new Choice(t["Form.InviteTheme"], SchedulingVerbs.InviteTheme),
            new Choice(t["Form.InviteAll"], SchedulingVerbs.InviteAll),
            new Choice(t["Form.InviteNone"], SchedulingVerbs.InviteNone),
        ])
        {
            Id = SchedulingVerbs.InviteKey,
            Label = t["Form.Invite"],
            Value = values.Invite,
            Expanded = true,
            IsRequired = true,
            ErrorMessage = t["Form.InviteError"],
        });
        body.Add(new TextInput
        {
            Id = SchedulingVerbs.ConceptNoteKey,
            Label = t["Form.ConceptNote"],
            Value = values.ConceptNote,
            Placeholder = "https://…",
            Style = "Url",
            MaxLength = 500,
        });

        return new AdaptiveCard(body)
        {
            Actions =
            [
                new ExecuteAction(CardActionData.For(SchedulingVerbs.Create, (SchedulingVerbs.RequestKey, model.RequestKey)))
                {
                    Title = t["Form.Schedule"],
                    Style = ActionStyle.Positive,
                },
            ],
            FallbackText = t["Form.Fallback"],
            Lang = SupportedLanguages.TagOf(culture),
        };
    }
}
