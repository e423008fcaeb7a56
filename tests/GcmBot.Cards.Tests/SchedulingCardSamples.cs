using System.Globalization;
using GcmBot.Cards.Scheduling;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Tests;

public sealed class SchedulingCardSamples : ICardSamples
{
    private const string JoinUrl = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjY2ZDVj%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf%22%7d";
    private const string LongThemeD = "d. Improving value-driven and evidence-based policymaking and public debate, and enhancing cooperation on migration";

    public IEnumerable<CardSample> Samples() =>
        SupportedLanguages.All.Append(CultureInfo.GetCultureInfo(SupportedLanguages.PseudoTag)).SelectMany(Samples);

    private static IEnumerable<CardSample> Samples(CultureInfo culture)
    {
        var tag = culture.Name;
        Choice[] themes =
        [
            new("a. Ensuring that migration is voluntary, orderly and regular", "a"),
            new("b. Protecting migrants through rights-based border governance measures", "b"),
            new("c. Supporting the integration of migrants and their contribution to development", "c"),
            new(LongThemeD, "d"),
        ];
        Choice[] zones = [new("GMT+7 (Bangkok)", "Asia/Bangkok"), new("UTC", "UTC"), new("Asia/Kathmandu (GMT+5:45)", "Asia/Kathmandu")];
        yield return new CardSample($"schedule-form-empty-{tag}", ScheduleFormCard.Build(new ScheduleFormModel("0f1e2d3c4b5a69788796a5b4c3d2e1f0", themes, zones, "2026-11-27", new ScheduleFormValues()), culture));
        yield return new CardSample($"schedule-form-error-{tag}", ScheduleFormCard.Build(new ScheduleFormModel(
            "0f1e2d3c4b5a69788796a5b4c3d2e1f0", themes, zones, "2026-11-27",
            new ScheduleFormValues("b", "2026-11-20", "14:00", "90", "Asia/Kathmandu", "Border governance — “rights first”", "all", "https://example.org/concept-note.pdf"),
            "Fri 20 Nov 2026, 14:00 (GMT+5:45) has already passed (it is now Fri 27 Nov 2026, 16:45 (GMT+5:45)). Choose a time in the future. Nothing was scheduled yet."), culture));

        var inTeams = new ConsultationCardModel(
            3, "Stakeholder consultation (b): Protecting migrants through rights-based border governance measures",
            "Roundtable theme b · GCM objectives 4, 8, 9, 10, 11, 13, 21",
            "Sat 12 Dec 2026, 12:45–14:45 (GMT+5:45) · Sat 12 Dec 2026, 14:00–16:00 (GMT+7)",
            false, ConsultationTeamsStatus.InTeams, null, 148, 97, ConsultationInvitees.Theme, "b", JoinUrl, null,
            "https://example.org/concept-note.pdf", true, "Consultation 3 is in Teams; Graph sent the invitations.",
            "2026-12-12", "14:00", 120, "Asia/Bangkok, GMT+7");
        yield return new CardSample($"consultation-in-teams-{tag}", ConsultationCard.Build(inTeams, culture));
        yield return new CardSample($"consultation-offline-{tag}", ConsultationCard.Build(inTeams with
        {
            Teams = ConsultationTeamsStatus.Offline,
            JoinUrl = null,
            ChatKnown = false,
            CalendarFileUrl = "http://localhost:3978/exports/AbCdEfGh",
            TeamsDetail = "Teams meetings are not set up yet, so I record consultations without a Teams meeting. Your Microsoft 365 administrator can set this up; the install guide explains how.",
            Headline = "Consultation 3 is recorded. No Teams meeting was created.",
            Invited = 0,
            ReachableInTeams = 0,
            Invitees = ConsultationInvitees.RegistrationUnavailable,
        }, culture));
        yield return new CardSample($"consultation-failed-{tag}", ConsultationCard.Build(inTeams with
        {
            Teams = ConsultationTeamsStatus.Failed,
            JoinUrl = null,
            ChatKnown = false,
            TeamsDetail = "Microsoft 365 refused GcmBot access to the organisers' calendar. Your Microsoft 365 administrator needs to grant GcmBot the permission Calendars.ReadWrite; the install guide lists it. Press **Retry in Teams** when it is fixed.",
            Headline = "Consultation 3 is recorded, but not yet in Teams.",
        }, culture));
        yield return new CardSample($"consultation-pending-{tag}", ConsultationCard.Build(inTeams with { Teams = ConsultationTeamsStatus.Pending, JoinUrl = null, ChatKnown = false, Headline = "Consultation 3 is recorded. I am creating its Teams meeting now and will post it here." }, culture));
        yield return new CardSample($"consultation-cancelled-{tag}", ConsultationCard.Build(inTeams with { Cancelled = true, Headline = "Consultation 3 is cancelled in Teams; Teams told the attendees." }, culture));

        string[] objectives = ["4. Ensure that all migrants have proof of legal identity and adequate documentation", "8. Save lives and establish coordinated international efforts on missing migrants"];
        var notice = new ConsultationNoticeModel(ConsultationNoticeKind.Invited, inTeams.Title, inTeams.ThemeLabel, objectives, inTeams.When, JoinUrl, "https://example.org/concept-note.pdf", true);
        yield return new CardSample($"consultation-notice-invited-{tag}", ConsultationNoticeCard.Build(notice, culture));
        yield return new CardSample($"consultation-notice-moved-offline-{tag}", ConsultationNoticeCard.Build(notice with { Kind = ConsultationNoticeKind.Moved, JoinUrl = null, EmailInvitationSent = false }, culture));
        yield return new CardSample($"consultation-notice-cancelled-{tag}", ConsultationNoticeCard.Build(notice with { Kind = ConsultationNoticeKind.Cancelled }, culture));

        yield return new CardSample($"consultation-list-empty-{tag}", ConsultationListCard.Build(new ConsultationListModel([], 0), culture));
        yield return new CardSample($"consultation-list-crowded-{tag}", ConsultationListCard.Build(new ConsultationListModel(
            Enumerable.Range(1, 12).Select(i => new ConsultationListItem(i, $"Stakeholder consultation ({"abcd"[i % 4]}) number {i}", "abcd"[i % 4].ToString(), "Sat 12 Dec 2026, 14:00–16:00 (GMT+7)", i == 2 ? ConsultationListStatus.Failed : ConsultationListStatus.InTeams)).ToList(),
            2), culture));
    }
}
