using System.Globalization;
using GcmBot.Cards.Reports;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Tests;

public sealed class ReportsCardSamples : ICardSamples
{
    private static readonly ReportLinks Links = new(
        "https://gcmbot.example.org/exports/abc", "https://gcmbot.example.org/exports/abc?download=1", "https://gcmbot.example.org/exports/def",
        "Tue 1 Dec 2026, 12:10 (UTC) · Tue 1 Dec 2026, 19:10 (GMT+7)", false);

    public IEnumerable<CardSample> Samples()
    {
        // English, the three translations, and the pseudo-locale (the longest texts).
        foreach (var culture in SupportedLanguages.All.Append(CultureInfo.GetCultureInfo(SupportedLanguages.PseudoTag)))
        {
            var tag = culture.Name;
            var others = new ReportLanguageChoice("report consult-a", SupportedLanguages.All.Where(l => l.Name != tag).ToList());
            yield return new CardSample($"report-empty-{tag}", ReportCards.Summary(new ReportCardModel(
                "Stakeholder consultation on theme c", "Date to be confirmed", 0, 0, null, 0, 0, 0, "0:00", 0, 0, 0, 0, [], Links, others), culture));
            yield return new CardSample($"report-typical-{tag}", ReportCards.Summary(new ReportCardModel(
                "Stakeholder consultation on theme a: Ensuring that migration is voluntary, orderly and regular",
                "Tue 1 Dec 2026, 11:00–13:30 (GMT+7) · Tue 1 Dec 2026, 04:00–06:30 (UTC)",
                42, 3, 17, 12, 7, 9, "21:40", 5, 3, 6, 4,
                [
                    new ReportFlag("Woman", ReportDimension.Gender, new ReportCount(20, false), new ReportCount(2, true)),
                    new ReportFlag("Pacific", ReportDimension.Subregion, new ReportCount(6, false), new ReportCount(1, true)),
                ],
                Links with { FileOffered = true },
                others), culture));
            yield return new CardSample($"report-hostile-many-flags-{tag}", ReportCards.Summary(new ReportCardModel(
                SubmissionsCardSamples.Hostile, "Date to be confirmed", 300, 0, 250, 120, 3, 60, "2:01:05", 40, 12, 30, 25,
                Enumerable.Range(1, 14).Select(i => new ReportFlag($"{SubmissionsCardSamples.Hostile} #{i}", ReportDimension.Group, new ReportCount(9, false), new ReportCount(1, true))).ToList(),
                Links with { FileOffered = true }, others), culture));

            yield return new CardSample($"representation-empty-{tag}", ReportCards.Representation(new RepresentationCardModel([], "Rule text.", Links), culture));
            yield return new CardSample($"representation-full-{tag}", ReportCards.Representation(new RepresentationCardModel(
                Enumerable.Range(1, 14).Select(i => new RepresentationLine(
                    i == 2 ? SubmissionsCardSamples.Hostile : $"Stakeholder consultation {i}",
                    40,
                    i % 3 == 0 ? null : 18,
                    i % 2 == 0
                        ? [new ReportFlag("Man", ReportDimension.Gender, new ReportCount(15, false), new ReportCount(2, true)), new ReportFlag("Academia and research", ReportDimension.Group, new ReportCount(5, false), new ReportCount(1, true))]
                        : [])).ToList(),
                "A stakeholder group, subregion or gender is flagged as under-represented when its share of attendees is below half its share of registrations.",
                Links,
                new ReportLanguageChoice("report representation", SupportedLanguages.All.Where(l => l.Name != tag).ToList())), culture));

            yield return new CardSample($"report-choose-{tag}", ReportCards.Choose(
                Enumerable.Range(1, 14).Select(i => new ReportChoice(i == 3 ? SubmissionsCardSamples.Hostile : $"Stakeholder consultation {i}", i % 2 == 0 ? null : "Sat 12 Dec 2026, 14:00 (GMT+7)", $"report consult-{i}")).ToList(),
                "I do not know a consultation called “consult-z”.",
                "report representation",
                culture));
            yield return new CardSample($"report-choose-none-{tag}", ReportCards.Choose([], null, "report representation", culture));
        }
    }
}
