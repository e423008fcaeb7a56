using GcmBot.Cards.AdaptiveCards;

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
    public static AdaptiveCard Build(ScheduleFormModel model)
    {
        var values = model.Values;
        var body = new List<CardElement>
        {
            new TextBlock("Schedule a consultation") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock("A roundtable consultation on one of the four themes of the regional review. Times are in GMT+7 unless you choose another zone.")
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
            Label = "Roundtable theme",
            Value = values.Theme,
            IsRequired = true,
            ErrorMessage = "Choose a theme.",
            Placeholder = "Choose a theme",
        });
        body.Add(new ColumnSet(
        [
            new Column([new DateInput { Id = SchedulingVerbs.DateKey, Label = "Date", Value = values.Date, Min = model.MinDate, IsRequired = true, ErrorMessage = "Choose a date." }]),
            new Column([new TimeInput { Id = SchedulingVerbs.TimeKey, Label = "Start time", Value = values.Time, IsRequired = true, ErrorMessage = "Choose a time." }]),
        ]));
        body.Add(new ColumnSet(
        [
            new Column([new ChoiceSetInput(SchedulingVerbs.Durations.Select(d => new Choice(SchedulingVerbs.DurationLabel(d), d.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList())
            {
                Id = SchedulingVerbs.DurationKey,
                Label = "Duration",
                Value = values.Duration,
                IsRequired = true,
                ErrorMessage = "Choose a duration.",
            }]),
            new Column([new ChoiceSetInput(model.Zones) { Id = SchedulingVerbs.ZoneKey, Label = "Time zone", Value = values.Zone, IsRequired = true, ErrorMessage = "Choose a time zone." }]),
        ]));
        body.Add(new TextInput
        {
            Id = SchedulingVerbs.TitleKey,
            Label = "Title (optional)",
            Value = values.Title,
            Placeholder = "Empty: the theme's title",
            MaxLength = 120,
        });
        body.Add(new ChoiceSetInput(
        [
            new Choice("Registrants interested in this theme", SchedulingVerbs.InviteTheme),
            new Choice("All registrants", SchedulingVerbs.InviteAll),
            new Choice("Nobody yet (I will invite people myself)", SchedulingVerbs.InviteNone),
        ])
        {
            Id = SchedulingVerbs.InviteKey,
            Label = "Invite",
            Value = values.Invite,
            Expanded = true,
            IsRequired = true,
            ErrorMessage = "Choose who to invite.",
        });
        body.Add(new TextInput
        {
            Id = SchedulingVerbs.ConceptNoteKey,
            Label = "Concept note link (optional)",
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
                    Title = "Schedule",
                    Style = ActionStyle.Positive,
                },
            ],
            FallbackText = "Schedule a consultation: type schedule <theme a-d> <date> <time> [duration] [title].",
        };
    }
}
