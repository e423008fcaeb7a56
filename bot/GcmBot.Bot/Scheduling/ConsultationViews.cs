using System.Globalization;
using GcmBot.Bot.Engagement;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Scheduling;
using GcmBot.GraphIntegration.Configuration;

namespace GcmBot.Bot.Scheduling;

/// <summary>Invitation figures of one consultation, as its card shows them.</summary>
public sealed record InvitationFigures(int Invited, int ReachableInTeams);

/// <summary>Turns consultations into the models of the scheduling cards (the cards stay free of domain types).</summary>
public static class ConsultationViews
{
    public static RoundtableTheme ThemeOf(Consultation consultation) =>
        GcmReference.Theme(consultation.ThemeCode[0]) ?? throw new InvalidOperationException("A consultation has an unknown theme.");

    public static AdaptiveCard OrganiserCard(
        Consultation consultation,
        InvitationFigures figures,
        TimeZoneInfo? organiserZone,
        bool registrationAvailable,
        string? calendarFileUrl,
        string? headline)
    {
        var zone = ConsultationZones.OrReference(consultation.TimeZoneId);
        var local = TimeZoneInfo.ConvertTime(consultation.Start, zone);
        var model = new ConsultationCardModel(
            consultation.Id,
            consultation.Title,
            ThemeLine(consultation),
            When(consultation, organiserZone),
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
                TeamsState.Offline => $"To create Teams meetings, set {GraphOptions.RequiredSettingsText}." +
                    (calendarFileUrl is null ? string.Empty : " Meanwhile the calendar file (.ics) below adds it to a calendar, with the invitees; its link works for a limited time."),
                TeamsState.Failed => $"{consultation.TeamsFailure} Press **Retry in Teams** (or type **retry consultation {consultation.Id}**) when it is fixed.",
                _ => null,
            },
            figures.Invited,
            figures.ReachableInTeams,
            InviteDescription(consultation, registrationAvailable),
            consultation.JoinUrl,
            calendarFileUrl,
            consultation.ConceptNoteUrl,
            consultation.ChatThreadId is not null,
            headline,
            local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            local.ToString("HH:mm", CultureInfo.InvariantCulture),
            (int)(consultation.End - consultation.Start).TotalMinutes,
            $"{zone.Id}, {TimeText.OffsetLabel(zone.GetUtcOffset(consultation.Start))}");
        return ConsultationCard.Build(model);
    }

    public static AdaptiveCard NoticeCard(Consultation consultation, ConsultationNoticeKind kind, TimeZoneInfo? personZone, bool emailInvitationSent)
    {
        var theme = ThemeOf(consultation);
        return ConsultationNoticeCard.Build(new ConsultationNoticeModel(
            kind,
            consultation.Title,
            theme.Label,
            theme.Objectives.Select(n => GcmReference.Objective(n) is { } o ? $"{o.Number}. {o.Title}" : n.ToString(CultureInfo.InvariantCulture)).ToList(),
            When(consultation, personZone),
            consultation.Teams == TeamsState.InTeams ? consultation.JoinUrl : null,
            consultation.ConceptNoteUrl,
            emailInvitationSent));
    }

    public static AdaptiveCard ListCard(IReadOnlyList<Consultation> consultations, int total, TimeZoneInfo? organiserZone) =>
        ConsultationListCard.Build(new ConsultationListModel(
            consultations.Take(ConsultationListCard.PageSize).Select(c => new ConsultationListItem(
                c.Id,
                c.Title,
                c.ThemeCode,
                When(c, organiserZone),
                StatusLine(c),
                c.Teams is TeamsState.Failed)).ToList(),
            Math.Max(0, total - ConsultationListCard.PageSize)));

    /// <summary>"Theme b · GCM objectives 4, 8, 9" (the theme's full title too when the consultation's title lacks it).</summary>
    public static string ThemeLine(Consultation consultation)
    {
        var theme = ThemeOf(consultation);
        var name = consultation.Title.Contains(theme.Title, StringComparison.OrdinalIgnoreCase) ? $"Roundtable theme {theme.Code}" : theme.Label;
        return $"{name} · GCM objectives {string.Join(", ", theme.Objectives)}";
    }

    /// <summary>The time for a person: their zone and GMT+7 (<see cref="TimeText.ForPerson"/>).</summary>
    public static string When(Consultation consultation, TimeZoneInfo? zone) => TimeText.ForPerson(consultation.Start, consultation.End, zone);

    public static string StatusLine(Consultation consultation) => (consultation.Status, consultation.Teams) switch
    {
        (ConsultationStatus.Cancelled, TeamsState.Failed) => "Cancelled, but the Teams meeting is not yet cancelled",
        (ConsultationStatus.Cancelled, _) => "Cancelled",
        (_, TeamsState.Offline) => "Scheduled (no Teams meeting: Graph is not configured)",
        (_, TeamsState.Pending) => "Scheduled; updating Teams…",
        (_, TeamsState.Failed) => "Scheduled, not yet in Teams",
        _ => "Scheduled in Teams",
    };

    private static string InviteDescription(Consultation consultation, bool registrationAvailable) =>
        (consultation.Invite, registrationAvailable) switch
        {
            (InviteScope.None, _) => "nobody invited by GcmBot",
            (_, false) => "nobody yet: registration is not available",
            (InviteScope.All, _) => "all registrants",
            _ => $"registrants of theme {consultation.ThemeCode}",
        };
}
