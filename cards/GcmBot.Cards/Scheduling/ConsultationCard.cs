using System.Globalization;
using GcmBot.Cards.AdaptiveCards;

namespace GcmBot.Cards.Scheduling;

/// <summary>Where the consultation stands in Teams.</summary>
public enum ConsultationTeamsStatus
{
    /// <summary>No Graph configuration: recorded only, with an .ics file.</summary>
    Offline,

    /// <summary>The Teams meeting is being created, changed or cancelled.</summary>
    Pending,

    InTeams,

    /// <summary>The last Graph call failed: not yet in Teams.</summary>
    Failed,
}

/// <summary>A consultation as an organiser sees it.</summary>
/// <param name="When">The time in the organiser's zone and in GMT+7.</param>
/// <param name="TeamsDetail">Why it is not (yet) in Teams, or what offline mode means.</param>
/// <param name="Headline">What just happened ("Consultation 3 is scheduled."), when the card answers an action.</param>
/// <param name="RescheduleDate">The date (yyyy-MM-dd) and time (HH:mm) in the consultation's zone, to prefill the reschedule form.</param>
public sealed record ConsultationCardModel(
    int Number,
    string Title,
    string ThemeLabel,
    string When,
    bool Cancelled,
    ConsultationTeamsStatus Teams,
    string? TeamsDetail,
    int Invited,
    int ReachableInTeams,
    string InviteDescription,
    string? JoinUrl,
    string? CalendarFileUrl,
    string? ConceptNoteUrl,
    bool ChatKnown,
    string? Headline,
    string RescheduleDate,
    string RescheduleTime,
    int DurationMinutes,
    string ZoneLabel);

/// <summary>The organiser's card of one consultation: time, Teams state, join link, invitations, and what to do next.</summary>
public static class ConsultationCard
{
    public static AdaptiveCard Build(ConsultationCardModel model)
    {
        var body = new List<CardElement>();
        if (model.Headline is not null)
        {
            body.Add(new TextBlock(model.Headline) { Weight = TextWeight.Bolder, Color = model.Teams == ConsultationTeamsStatus.Failed ? TextColor.Attention : TextColor.Good });
        }

        body.Add(new TextBlock($"Consultation {model.Number}: {model.Title}") { Size = TextSize.Medium, Weight = TextWeight.Bolder });
        body.Add(new TextBlock(model.ThemeLabel) { IsSubtle = true, Spacing = Spacing.None });
        body.Add(new FactSet(
        [
            new Fact("When", model.When),
            new Fact("Status", model.Cancelled ? "Cancelled" : "Scheduled"),
            new Fact("Teams", TeamsText(model)),
            new Fact("Invited", InvitedText(model)),
        ]));
        if (model.TeamsDetail is not null)
        {
            body.Add(new Container([new TextBlock(model.TeamsDetail) { Size = TextSize.Small }])
            {
                Style = model.Teams == ConsultationTeamsStatus.Failed ? ContainerStyle.Attention : ContainerStyle.Emphasis,
            });
        }

        var actions = new List<CardAction>();
        if (model.JoinUrl is not null && !model.Cancelled)
        {
            actions.Add(new OpenUrlAction(model.JoinUrl) { Title = "Join in Teams" });
        }

        if (model.CalendarFileUrl is not null)
        {
            actions.Add(new OpenUrlAction(model.CalendarFileUrl) { Title = "Calendar file (.ics)" });
        }

        if (model.Teams == ConsultationTeamsStatus.Failed)
        {
            actions.Add(new ExecuteAction(ConsultationData(SchedulingVerbs.Retry, model.Number)) { Title = "Retry in Teams", Style = ActionStyle.Positive });
        }

        if (!model.Cancelled)
        {
            actions.Add(new ShowCardAction(RescheduleForm(model)) { Title = "Reschedule" });
            actions.Add(new ShowCardAction(CancelConfirmation(model)) { Title = "Cancel consultation" });
        }

        if (model.ConceptNoteUrl is not null && actions.Count < 5)
        {
            actions.Add(new OpenUrlAction(model.ConceptNoteUrl) { Title = "Concept note" });
        }

        return new AdaptiveCard(body)
        {
            Actions = actions,
            FallbackText = $"Consultation {model.Number}: {model.Title}, {model.When}.",
        };
    }

    private static string TeamsText(ConsultationCardModel model) => model.Teams switch
    {
        ConsultationTeamsStatus.Offline => "None: Microsoft Graph is not configured",
        ConsultationTeamsStatus.Pending => model.Cancelled ? "Cancelling the Teams meeting…" : "Updating the Teams meeting…",
        ConsultationTeamsStatus.Failed => "Not yet in Teams",
        _ when model.Cancelled => "Teams meeting cancelled",
        _ => model.ChatKnown ? "Teams meeting ready; its chat is linked" : "Teams meeting ready",
    };

    private static string InvitedText(ConsultationCardModel model) =>
        model.Invited == 0
            ? model.InviteDescription
            : string.Create(CultureInfo.InvariantCulture, $"{model.Invited} ({model.InviteDescription}); {model.ReachableInTeams} also told in Teams");

    private static AdaptiveCard RescheduleForm(ConsultationCardModel model) => new(
    [
        new TextBlock($"New time ({model.ZoneLabel})") { Weight = TextWeight.Bolder },
        new ColumnSet(
        [
            new Column([new DateInput { Id = SchedulingVerbs.DateKey, Label = "Date", Value = model.RescheduleDate, IsRequired = true, ErrorMessage = "Choose a date." }]),
            new Column([new TimeInput { Id = SchedulingVerbs.TimeKey, Label = "Start time", Value = model.RescheduleTime, IsRequired = true, ErrorMessage = "Choose a time." }]),
        ]),
        new ChoiceSetInput(SchedulingVerbs.Durations.Union([model.DurationMinutes]).Order()
            .Select(d => new Choice(SchedulingVerbs.DurationLabel(d), d.ToString(CultureInfo.InvariantCulture))).ToList())
        {
            Id = SchedulingVerbs.DurationKey,
            Label = "Duration",
            Value = model.DurationMinutes.ToString(CultureInfo.InvariantCulture),
            IsRequired = true,
            ErrorMessage = "Choose a duration.",
        },
    ])
    {
        Actions = [new ExecuteAction(ConsultationData(SchedulingVerbs.Reschedule, model.Number)) { Title = "Move the consultation", Style = ActionStyle.Positive }],
    };

    private static AdaptiveCard CancelConfirmation(ConsultationCardModel model) => new(
    [
        new TextBlock($"Cancel consultation {model.Number}? Everyone invited is told.") { Wrap = true },
    ])
    {
        Actions = [new ExecuteAction(ConsultationData(SchedulingVerbs.Cancel, model.Number)) { Title = "Yes, cancel it", Style = ActionStyle.Destructive, SendInputs = false }],
    };

    internal static CardActionData ConsultationData(string verb, int number) =>
        CardActionData.For(verb, (SchedulingVerbs.ConsultationKey, number.ToString(CultureInfo.InvariantCulture)));
}
