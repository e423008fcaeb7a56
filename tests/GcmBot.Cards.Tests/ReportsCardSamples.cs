using GcmBot.Cards.Reports;

namespace GcmBot.Cards.Tests;

public sealed class ReportsCardSamples : ICardSamples
{
    private const string Html = "https://gcmbot.example.org/exports/abc";
    private const string Markdown = "https://gcmbot.example.org/exports/def";

    public IEnumerable<CardSample> Samples()
    {
        yield return new CardSample("report-empty", ReportCards.Summary(new ReportCardModel(
            "consult-c", "Stakeholder consultation on theme c", "Date to be confirmed", "0 confirmed", "not recorded", "0 raised, 0 answered",
            "0, 0:00 of speaking time", "0 received, 0 published", 0, 0, [], Html, Markdown, "14:30 (GMT+7)", null)));
        yield return new CardSample("report-typical", ReportCards.Summary(new ReportCardModel(
            "consult-a",
            "Stakeholder consultation on theme a: Ensuring that migration is voluntary, orderly and regular",
            "Tue 1 Dec 2026, 11:00–13:30 (GMT+7) · Tue 1 Dec 2026, 04:00–06:30 (UTC)",
            "42 confirmed, 3 waitlisted",
            "17 active in the meeting chat",
            "12 raised, 7 answered",
            "9, 21:40 of speaking time",
            "5 received, 3 published",
            6,
            4,
            ["Woman (gender): 20 registered, fewer than 3 attended.", "Pacific (ESCAP subregion): 6 registered, fewer than 3 attended."],
            Html,
            Markdown,
            "14:30 (GMT+7)",
            null)));
        yield return new CardSample("report-hostile-many-flags", ReportCards.Summary(new ReportCardModel(
            "consult-b", SubmissionsCardSamples.Hostile, "Date to be confirmed", "300 confirmed", "250 active in the meeting chat", "120 raised, 3 answered",
            "60, 2:01:05 of speaking time", "40 received, 12 published", 30, 25,
            Enumerable.Range(1, 14).Select(i => $"{SubmissionsCardSamples.Hostile} #{i}: 9 registered, fewer than 3 attended.").ToList(),
            Html, Markdown, "14:30 (GMT+7)", "A note about the file.")));

        yield return new CardSample("representation-empty", ReportCards.Representation(new RepresentationCardModel([], "Rule text.", Html, Markdown, "14:30 (GMT+7)")));
        yield return new CardSample("representation-full", ReportCards.Representation(new RepresentationCardModel(
            Enumerable.Range(1, 14).Select(i => new RepresentationLine(
                $"consult-{i}",
                i == 2 ? SubmissionsCardSamples.Hostile : $"Stakeholder consultation {i}",
                i % 3 == 0 ? "12 registered · attendance not recorded" : "40 registered · 18 attended",
                i % 2 == 0 ? ["Man (gender): 15 registered, fewer than 3 attended.", "Academia and research (stakeholder group): 5 registered, fewer than 3 attended."] : [])).ToList(),
            "A stakeholder group, subregion or gender is flagged as under-represented when its share of attendees is below half its share of registrations.",
            Html,
            Markdown,
            "14:30 (GMT+7)")));
    }
}
