using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Words;

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

/// <summary>Whom a consultation invites, as its card says it.</summary>
public enum ConsultationInvitees
{
    /// <summary>Nobody: the organisers invite by hand.</summary>
    Nobody,

    /// <summary>Nobody yet: no registration capability answers.</summary>
    RegistrationUnavailable,

    /// <summary>Every confirmed registrant.</summary>
    All,

    /// <summary>Confirmed registrants interested in the consultation's theme.</summary>
    Theme,
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
    ConsultationInvitees Invitees,
    string ThemeCode,
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
    public static AdaptiveCard Build(ConsultationCardModel model, CultureInfo culture)
    {
        var t = TextResources.For<SchedulingCardTexts>(culture);
        var body = new List<CardElement>();
        if (model.Headline is not null)
        {
            body.Add(new TextBlock(model.Headline) { Weight = TextWeight.Bolder, Color = model.Teams == ConsultationTeamsStatus.Failed ? TextColor.Attention : TextColor.Good });
        }

        body.Add(new TextBlock(t["Card.Title", model.Number, model.Title]) { Size = TextSize.Medium, Weight = TextWeight.Bolder });
        body.Add(new TextBlock(model.ThemeLabel) { IsSubtle = true, Spacing = Spacing.None });
        body.Add(new FactSet(
        [
            new Fact(t["Card.When"], model.When),
            new Fact(t["Card.Status"], model.Cancelled ? t["Card.Cancelled"] : t["Card.Scheduled"]),
            new Fact(t["Card.Teams"], TeamsText(model, t)),
            new Fact(t["Card.Invited"], InvitedText(model, t)),
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
            actions.Add(new OpenUrlAction(model.JoinUrl) { Title = t["Button.Join"] });
        }

        if (model.CalendarFileUrl is not null)
        {
            actions.Add(new OpenUrlAction(model.CalendarFileUrl) { Title = t["Button.CalendarFile"] });
        }

        if (model.Teams == ConsultationTeamsStatus.Failed)
        {
            actions.Add(new ExecuteAction(ConsultationData(SchedulingVerbs.Retry, model.Number)) { Title = t["Button.Retry"], Style = ActionStyle.Positive });
        }

        if (!model.Cancelled)
        {
            actions.Add(new ShowCardAction(RescheduleForm(model, t)) { Title = t["Button.Reschedule"] });
            actions.Add(new ShowCardAction(CancelConfirmation(model, t)) { Title = t["Button.Cancel"] });
        }

        if (model.ConceptNoteUrl is not null && actions.Count < 5)
        {
            actions.Add(new OpenUrlAction(model.ConceptNoteUrl) { Title = t["Button.ConceptNote"] });
        }

        return new AdaptiveCard(body)
        {
            Actions = actions,
            FallbackText = t["Card.Fallback", model.Number, model.Title, model.When],
            Lang = SupportedLanguages.TagOf(culture),
        };
    }

    private static string TeamsText(ConsultationCardModel model, TextResources t) => model.Teams switch
    {
        ConsultationTeamsStatus.Offline => t["Teams.Offline"],
        ConsultationTeamsStatus.Pending => model.Cancelled ? t["Teams.Cancelling"] : t["Teams.Updating"],
        ConsultationTeamsStatus.Failed => t["Teams.Failed"],
        _ when model.Cancelled => t["Teams.Cancelled"],
        _ => model.ChatKnown ? t["Teams.ReadyWithChat"] : t["Teams.Ready"],
    };

    private static string InvitedText(ConsultationCardModel model, TextResources t)
    {
        var whom = model.Invitees switch
        {
            ConsultationInvitees.Nobody => t["Invite.Nobody"],
            ConsultationInvitees.RegistrationUnavailable => t["Invite.Unavailable"],
            ConsultationInvitees.All => t["Invite.All"],
            _ => t["Invite.Theme", model.ThemeCode],
        };
        return model.Invited == 0 ? whom : t["Invite.Count", model.Invited, whom, model.ReachableInTeams];
    }

    /// <summary>"90 minutes", "2 hours", "2 h 30 min" in the card's language.</summary>
    public static string DurationLabel(int minutes, TextResources t) => minutes switch
    {
        < 60 => t["Duration.Minutes", minutes],
        _ when minutes % 60 == 0 => t["Duration.Hours", minutes / 60],
        _ => t["Duration.HoursMinutes", minutes / 60, minutes % 60],
    };

    private static AdaptiveCard RescheduleForm(ConsultationCardModel model, TextResources t) => new(
    [
        new TextBlock(t["Reschedule.NewTime", model.ZoneLabel]) { Weight = TextWeight.Bolder },
        new ColumnSet(
        [
            new Column([new DateInput { Id = SchedulingVerbs.DateKey, Label = t["Input.Date"], Value = model.RescheduleDate, IsRequired = true, ErrorMessage = t["Input.DateError"] }]),
            new Column([new TimeInput { Id = SchedulingVerbs.TimeKey, Label = t["Input.StartTime"], Value = model.RescheduleTime, IsRequired = true, ErrorMessage = t["Input.TimeError"] }]),
        ]),
        new ChoiceSetInput(SchedulingVerbs.Durations.Union([model.DurationMinutes]).Order()
            .Select(d => new Choice(DurationLabel(d, t), d.ToString(CultureInfo.InvariantCulture))).ToList())
        {
            Id = SchedulingVerbs.DurationKey,
            Label = t["Input.Duration"],
            Value = model.DurationMinutes.ToString(CultureInfo.InvariantCulture),
            IsRequired = true,
            ErrorMessage = t["Input.DurationError"],
        },
    ])
    {
        Actions = [new ExecuteAction(ConsultationData(SchedulingVerbs.Reschedule, model.Number)) { Title = t["Reschedule.Move"], Style = ActionStyle.Positive }],
    };

    private static AdaptiveCard CancelConfirmation(ConsultationCardModel model, TextResources t) => new(
    [
        new TextBlock(t["Cancel.Question", model.Number]) { Wrap = true },
    ])
    {
        Actions = [new ExecuteAction(ConsultationData(SchedulingVerbs.Cancel, model.Number)) { Title = t["Cancel.Yes"], Style = ActionStyle.Destructive, SendInputs = false }],
    };

    internal static CardActionData ConsultationData(string verb, int number) =>
        CardActionData.For(verb, (SchedulingVerbs.ConsultationKey, number.ToString(CultureInfo.InvariantCulture)));
}

/// <summary>Names the resource files of this folder (<c>SchedulingCardTexts.resx</c> and its translations).</summary>
public sealed class SchedulingCardTexts;
