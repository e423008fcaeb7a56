using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Attendance;

/// <summary>The verbs and data keys of the attendance card; the bot validates every value it receives.</summary>
public static class AttendanceVerbs
{
    public const string FetchNow = "attendance.fetch";
    public const string ConsultationKey = "consultation";
}

/// <summary>Where a consultation's attendance stands, as its card says it.</summary>
public enum AttendanceCardState
{
    /// <summary>Read from the Teams meeting's attendance report.</summary>
    Recorded,

    /// <summary>The consultation has not ended yet.</summary>
    NotEnded,

    /// <summary>Ended; the bot will ask Teams (again) at <see cref="AttendanceCardModel.NextAttempt"/>.</summary>
    Waiting,

    /// <summary>Teams gave no attendance report within the window; the bot stopped asking.</summary>
    GaveUp,

    /// <summary>No Teams meeting (Graph not configured, or the consultation is not in Teams): nothing to read.</summary>
    NotAvailable,
}

/// <summary>Why the last attempt read nothing, as the card words it.</summary>
public enum AttendanceCardProblem { None, NotReady, NoMeeting, PermissionDenied, Unavailable, Refused }

/// <summary>The people who attended without being registered, counted by kind (nobody named).</summary>
public sealed record UnregisteredCounts(int MembersNotRegistered, int Guests, int Anonymous, int ByPhone)
{
    public int Total => MembersNotRegistered + Guests + Anonymous + ByPhone;
}

/// <summary>A consultation's attendance as an organiser sees it.</summary>
/// <param name="When">The consultation's time in the organiser's zone and GMT+7.</param>
/// <param name="Invited">Registrants the consultation invited.</param>
/// <param name="RegistrantsAttended">Registered stakeholders matched in the attendance report (invited or not).</param>
/// <param name="InvitedAbsent">Invited registrants not in the report.</param>
/// <param name="RecordedAt">When the figures were read, in the organiser's zone.</param>
/// <param name="NextAttempt">When the bot asks Teams next, in the organiser's zone.</param>
/// <param name="Headline">What just happened, when the card answers an action or reports back.</param>
public sealed record AttendanceCardModel(
    int Number,
    string Title,
    string When,
    AttendanceCardState State,
    AttendanceCardProblem Problem,
    int Invited,
    int RegistrantsAttended,
    int InvitedAbsent,
    UnregisteredCounts Unregistered,
    string? RecordedAt,
    string? NextAttempt,
    string? Headline,
    bool CanFetch);

/// <summary>The organiser's attendance card of one consultation: registrants who attended, and everyone else by kind.</summary>
public static class AttendanceCard
{
    public static AdaptiveCard Build(AttendanceCardModel model, CultureInfo culture)
    {
        var t = TextResources.For<AttendanceCardTexts>(culture);
        var body = new List<CardElement>();
        if (model.Headline is not null)
        {
            body.Add(new TextBlock(model.Headline) { Weight = TextWeight.Bolder });
        }

        body.Add(new TextBlock(t["Heading", model.Number]) { Size = TextSize.Medium, Weight = TextWeight.Bolder });
        body.Add(new TextBlock(MarkdownText.Escape(model.Title)) { Spacing = Spacing.None });
        body.Add(new TextBlock(model.When) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });

        var state = model.State switch
        {
            AttendanceCardState.Recorded => t["State.Recorded", model.RecordedAt ?? string.Empty],
            AttendanceCardState.NotEnded => t["State.NotEnded"],
            AttendanceCardState.Waiting => model.NextAttempt is { } next ? t["State.Waiting", next] : t["State.WaitingSoon"],
            AttendanceCardState.GaveUp => t["State.GaveUp"],
            _ => t["State.NotAvailable"],
        };
        body.Add(new TextBlock(state));
        if (model.Problem != AttendanceCardProblem.None && model.State != AttendanceCardState.NotAvailable)
        {
            body.Add(new TextBlock(t[$"Problem.{model.Problem}"]) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Small });
        }

        if (model.State == AttendanceCardState.Recorded)
        {
            var u = model.Unregistered;
            body.Add(new FactSet(
            [
                new Fact(t["Fact.Total"], Number(model.RegistrantsAttended + u.Total, culture)),
                new Fact(t["Fact.Registrants"], t["Registrants.Value", model.RegistrantsAttended, model.Invited, model.InvitedAbsent]),
                new Fact(t["Fact.Members"], Number(u.MembersNotRegistered, culture)),
                new Fact(t["Fact.Guests"], Number(u.Guests, culture)),
                new Fact(t["Fact.Anonymous"], Number(u.Anonymous, culture)),
                new Fact(t["Fact.Phone"], Number(u.ByPhone, culture)),
            ]));
            body.Add(new TextBlock(t["Note"]) { IsSubtle = true, Size = TextSize.Small, Separator = true });
        }

        var actions = new List<CardAction>();
        if (model.CanFetch)
        {
            actions.Add(new ExecuteAction(CardActionData.For(AttendanceVerbs.FetchNow, (AttendanceVerbs.ConsultationKey, model.Number.ToString(CultureInfo.InvariantCulture))))
            {
                Title = t["Button.FetchNow"],
            });
        }

        return new AdaptiveCard(body)
        {
            Actions = actions,
            FallbackText = t["Fallback", model.Number],
            Lang = SupportedLanguages.TagOf(culture),
        };
    }

    private static string Number(int value, CultureInfo culture) => value.ToString("N0", culture);
}

/// <summary>Names the resource files of this folder (<c>AttendanceCardTexts.resx</c> and its translations).</summary>
public sealed class AttendanceCardTexts;
