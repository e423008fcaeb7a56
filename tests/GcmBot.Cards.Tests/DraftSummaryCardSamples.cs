using System.Globalization;
using GcmBot.Cards.ConceptNotes;
using GcmBot.Cards.DraftSummary;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Tests;

/// <summary>The draft summary's and the concept note's cards: empty, typical, crowded, with errors, in every language.</summary>
public sealed class DraftSummaryCardSamples : ICardSamples
{
    private static readonly DraftPreviewLinks Preview = new(
        "https://gcmbot.example.org/exports/abc", "https://gcmbot.example.org/exports/def", "Tue 1 Dec 2026, 12:10 (UTC) · Tue 1 Dec 2026, 19:10 (GMT+7)");

    public IEnumerable<CardSample> Samples() => SampleLanguages.All.SelectMany(InLanguage);

    private static IEnumerable<CardSample> InLanguage(CultureInfo culture)
    {
        yield return new CardSample(SampleLanguages.Name("draftsummary-new", culture), DraftSummaryCards.Summary(
            new DraftSummaryCardModel(1, null, null, false, "https://gcmbot.example.org/summary", 0, 0, 0, 0, null, 4000, null, Preview), culture));
        yield return new CardSample(SampleLanguages.Name("draftsummary-edited-since-published", culture), DraftSummaryCards.Summary(
            new DraftSummaryCardModel(7, 5, "Tue 1 Dec 2026, 12:10 (UTC) · Tue 1 Dec 2026, 19:10 (GMT+7)", true, "https://gcmbot.example.org/summary", 4, 23, 17, 6,
                SubmissionsCardSamples.Hostile + "\n\n" + new string('i', 3000), 4000, "Saved: the draft is now version 7.", Preview), culture));
        yield return new CardSample(SampleLanguages.Name("draftsummary-withdrawn", culture), DraftSummaryCards.Summary(
            new DraftSummaryCardModel(3, 3, "Tue 1 Dec 2026, 12:10 (UTC)", false, "https://gcmbot.example.org/summary", 2, 1, 1, 0, "Short introduction.", 4000, null, null), culture));
        yield return new CardSample(SampleLanguages.Name("draftsummary-points-empty", culture), DraftSummaryCards.Points(new DraftPointsCardModel([], 0, false, 0, 2000, null), culture));
        yield return new CardSample(SampleLanguages.Name("draftsummary-points-full", culture), DraftSummaryCards.Points(new DraftPointsCardModel(
            Enumerable.Range(1, DraftSummaryCards.PageSize).Select(i => new DraftPointEntry(
                i,
                i % 2 == 0,
                i == 2 ? SubmissionsCardSamples.Hostile : new string('w', 1500),
                i % 3 == 0 ? new string('r', 1500) : null,
                "Stakeholder consultation on theme a: Ensuring that migration is voluntary, orderly and regular")).ToList(),
            1, true, 14, 2000, "Saved: the draft is now version 9."), culture));

        var note = new ConceptNoteCardModel(
            3,
            "Stakeholder consultation (b): Protecting migrants through rights-based border governance measures",
            "Sat 12 Dec 2026, 12:45–14:45 (GMT+5:45) · Sat 12 Dec 2026, 14:00–16:00 (GMT+7)",
            "b. Protecting migrants through rights-based border governance measures",
            ["Objective 4: Ensure that all migrants have proof of legal identity and adequate documentation", "Objective 8: Save lives and establish coordinated international efforts on missing migrants"],
            ["Opening and welcome", "Briefing", "Roundtable discussion", "Key issues and recommendations", "Closing"],
            [new ResourceLink(SubmissionsCardSamples.Hostile, "https://example.org/a_(b)"), new ResourceLink("Global Compact", "https://undocs.org/A/RES/73/195")],
            "https://gcmbot.example.org/consultations/3/concept-note",
            false,
            false);
        yield return new CardSample(SampleLanguages.Name("conceptnote-registrant", culture), ConceptNoteCards.ConceptNote(note, culture));
        yield return new CardSample(SampleLanguages.Name("conceptnote-organiser-cancelled", culture), ConceptNoteCards.ConceptNote(note with { Cancelled = true, ForOrganiser = true }, culture));
        yield return new CardSample(SampleLanguages.Name("resources-empty", culture), ConceptNoteCards.Resources(
            new ResourcesCardModel(3, "Stakeholder consultation (b)", [], 12, 200, 500, null, null, null, null), culture));
        yield return new CardSample(SampleLanguages.Name("resources-error", culture), ConceptNoteCards.Resources(
            new ResourcesCardModel(3, "Stakeholder consultation (b)", [new ResourceEntry(1, "Background paper", "https://example.org/paper.pdf")], 12, 200, 500,
                null, "The link must be a full address starting with https://, up to 500 characters. Nothing was added.", SubmissionsCardSamples.Hostile, "javascript:alert(1)"), culture));
        yield return new CardSample(SampleLanguages.Name("resources-full", culture), ConceptNoteCards.Resources(
            new ResourcesCardModel(3, "Stakeholder consultation (b)", Enumerable.Range(1, 12).Select(i => new ResourceEntry(i, new string('t', 200), "https://example.org/" + new string('u', 400))).ToList(), 12, 200, 500,
                "Added “Background paper” to the resource list.", null, null, null), culture));
    }
}
