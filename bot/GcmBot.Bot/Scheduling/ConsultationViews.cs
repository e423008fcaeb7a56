using System.Globalization;
using GcmBot.Bot.Engagement;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Scheduling;
using GcmBot.GraphIntegration.Meetings;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.Scheduling;

/// <summary>Invitation figures of one consultation, as its card shows them.</summary>
public sealed record InvitationFigures(int Invited, int ReachableInTeams);

/// <summary>An offline consultation's .ics file behind an expiring link.</summary>
public sealed record CalendarFileLink(string Url, DateTimeOffset ExpiresAt);

/// <summary>
/// Why Teams is not up to date, as stored in <see cref="Consultation.TeamsFailure"/>: the failure, Graph's HTTP status
/// and the missing permission, never a sentence (organisers read it in their own language).
/// </summary>
public sealed record TeamsFailureCode(MeetingFailure? Failure, int? StatusCode, string? Permission)
{
    public static string Encode(MeetingSchedulingException failure) =>
        string.Join('|', failure.Failure, failure.StatusCode?.ToString(CultureInfo.InvariantCulture), failure.Permission);

    /// <summary>What a stored value says; a value written before failures were stored as codes reads as unknown.</summary>
    public static TeamsFailureCode Decode(string? stored)
    {
        var parts = (stored ?? string.Empty).Split('|');
        if (parts.Length != 3 || !Enum.TryParse<MeetingFailure>(parts[0], out var failure))
        {
            return new(null, null, null);
        }

        return new(
            failure,
            int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status : null,
            parts[2].Length == 0 ? null : parts[2]);
    }

    /// <summary>The failure in plain words: what happened, and who can fix it.</summary>
    public string Describe(IStringLocalizer<SchedulingTexts> texts) => Failure switch
    {
        MeetingFailure.NotConfigured => texts["View.NotSetUp"],
        MeetingFailure.NotSignedIn => texts["Failure.NotSignedIn"],
        MeetingFailure.PermissionDenied => texts["Failure.PermissionDenied", Permission ?? "Calendars.ReadWrite"],
        MeetingFailure.MailboxNotFound => texts["Failure.MailboxNotFound"],
        MeetingFailure.EventNotFound => texts["Failure.EventNotFound"],
        MeetingFailure.Throttled => texts["Failure.Throttled"],
        MeetingFailure.Unavailable => texts["Failure.Unavailable"],
        MeetingFailure.Rejected => texts["Failure.Rejected", StatusCode ?? 400],
        _ => texts["Failure.Unknown"],
    };
}

/// <summary>Turns consultations into the models of the scheduling cards (the cards stay free of domain types).</summary>
public static class ConsultationViews
{
    public static RoundtableTheme ThemeOf(Consultation consultation) =>
        GcmReference.Theme(consultation.ThemeCode[0]) ?? throw new InvalidOperationException("A consultation has an unknown theme.");

    /// <summary>The organiser's card, in <paramref name="culture"/> (the current UI culture must be the same, for <paramref name="texts"/>).</summary>
    public static AdaptiveCard OrganiserCard(
        Consultation consultation,
        InvitationFigures figures,
        TimeZoneInfo? organiserZone,
        bool registrationAvailable,
        CalendarFileLink? calendarFile,
        string? headline,
        IStringLocalizer<SchedulingTexts> texts,
        CultureInfo culture)
    {
        var zone = ConsultationZones.OrReference(consultation.TimeZoneId);
        var local = TimeZoneInfo.ConvertTime(consultation.Start, zone);
        var model = new ConsultationCardModel(
            consultation.Id,
            consultation.Title,
            ThemeLine(consultation, texts),
            When(consultation, organiserZone, culture),
            consultation.Status == ConsultationStatus.Cancelled,
            consultation.Teams switch
            {
                TeamsState.Offline => ConsultationTeamsStatus.Offline,
                TeamsState.Pending => ConsultationTeamsStatus.Pending,
                TeamsState.Failed => ConsultationTeamsStatus.Failed,
                _ => ConsultationTeamsStatus.InTeams,
            },
            consultation.Teams switch
            {
                TeamsState.Offline => texts["View.NotSetUp"] +
                    (calendarFile is null ? string.Empty : " " + texts["View.CalendarFile", TimeText.InstantForPerson(calendarFile.ExpiresAt, organiserZone, culture)]),
                TeamsState.Failed => TeamsFailureCode.Decode(consultation.TeamsFailure).Describe(texts) + " " + texts["View.RetryWhenFixed"],
                _ => null,
            },
            figures.Invited,
            figures.ReachableInTeams,
            (consultation.Invite, registrationAvailable) switch
            {
                (InviteScope.None, _) => ConsultationInvitees.Nobody,
                (_, false) => ConsultationInvitees.RegistrationUnavailable,
                (InviteScope.All, _) => ConsultationInvitees.All,
                _ => ConsultationInvitees.Theme,
            },
            consultation.ThemeCode,
            consultation.JoinUrl,
            calendarFile?.Url,
            consultation.ConceptNoteUrl,
            consultation.ChatThreadId is not null,
            headline,
            local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            local.ToString("HH:mm", CultureInfo.InvariantCulture),
            (int)(consultation.End - consultation.Start).TotalMinutes,
            $"{zone.Id}, {TimeText.OffsetLabel(zone.GetUtcOffset(consultation.Start))}");
        return ConsultationCard.Build(model, culture);
    }

    /// <summary>A registrant's notice, in their language and time zone.</summary>
    public static AdaptiveCard NoticeCard(
        Consultation consultation, ConsultationNoticeKind kind, TimeZoneInfo? personZone, bool emailInvitationSent, CultureInfo culture)
    {
        var theme = ThemeOf(consultation);
        return ConsultationNoticeCard.Build(new ConsultationNoticeModel(
            kind,
            consultation.Title,
            theme.LabelIn(culture),
            theme.Objectives.Select(n => GcmReference.Objective(n) is { } o ? $"{o.Number}. {o.TitleIn(culture)}" : n.ToString(CultureInfo.InvariantCulture)).ToList(),
            When(consultation, personZone, culture),
            consultation.Teams == TeamsState.InTeams ? consultation.JoinUrl : null,
            consultation.ConceptNoteUrl,
            emailInvitationSent,
            consultation.Id), culture);
    }

    public static AdaptiveCard ListCard(IReadOnlyList<Consultation> consultations, int total, TimeZoneInfo? organiserZone, CultureInfo culture) =>
        ConsultationListCard.Build(new ConsultationListModel(
            consultations.Take(ConsultationListCard.PageSize).Select(c => new ConsultationListItem(
                c.Id,
                c.Title,
                c.ThemeCode,
                When(c, organiserZone, culture),
                Status(c))).ToList(),
            Math.Max(0, total - ConsultationListCard.PageSize)), culture);

    /// <summary>"Theme b · GCM objectives 4, 8, 9" (the theme's full title too when the consultation's title lacks it).</summary>
    public static string ThemeLine(Consultation consultation, IStringLocalizer<SchedulingTexts> texts)
    {
        var theme = ThemeOf(consultation);
        var name = consultation.Title.Contains(theme.Title, StringComparison.OrdinalIgnoreCase) || consultation.Title.Contains(theme.TitleIn(), StringComparison.OrdinalIgnoreCase) ? texts["View.ThemeName", theme.Code] : theme.LabelIn();
        return texts["View.ThemeLine", name, string.Join(", ", theme.Objectives)];
    }

    /// <summary>The time for a person: their zone and GMT+7 (<see cref="TimeText.ForPerson"/>), in their language.</summary>
    public static string When(Consultation consultation, TimeZoneInfo? zone, CultureInfo culture) =>
        TimeText.ForPerson(consultation.Start, consultation.End, zone, culture);

    public static ConsultationListStatus Status(Consultation consultation) => (consultation.Status, consultation.Teams) switch
    {
        (ConsultationStatus.Cancelled, TeamsState.Failed) => ConsultationListStatus.CancelledNotInTeams,
        (ConsultationStatus.Cancelled, _) => ConsultationListStatus.Cancelled,
        (_, TeamsState.Offline) => ConsultationListStatus.Offline,
        (_, TeamsState.Pending) => ConsultationListStatus.Pending,
        (_, TeamsState.Failed) => ConsultationListStatus.Failed,
        _ => ConsultationListStatus.InTeams,
    };
}
