using GcmBot.Bot.StakeholderDirectory;
using GcmBot.Cards.StakeholderDirectory;

namespace GcmBot.Cards.Tests;

public sealed class DirectoryCardSamples : ICardSamples
{
    public IEnumerable<CardSample> Samples()
    {
        yield return new CardSample("directory-search-empty", DirectorySearchCard.Build(Search(DirectoryFilterValues.None, [], 0, false, 0, null)));
        yield return new CardSample("directory-search-full-page", DirectorySearchCard.Build(Search(
            new DirectoryFilterValues("forum", "civil-society", "NP", "sswa", "a"),
            Enumerable.Range(1, 10).Select(i => new DirectoryEntryView(
                i == 2 ? SubmissionsCardSamples.Hostile : new string('O', 200),
                "Trade unions and workers' organisations · Micronesia (Federated States of) (Pacific) · themes a, b, c, d",
                new string('N', 100) + " · " + new string('e', 240) + "@example.org",
                "From registration · contact: not confirmed · listing: not confirmed · updated 27 Nov 2026")).ToList(),
            3,
            true,
            20_000,
            "That stakeholder group is not one I know, so I searched without it.")));
        yield return new CardSample("directory-import-dry-run", DirectoryImportCard.Build(new DirectoryImportModel(
            "AbCdEfGhIjKlMnOpQrStUvWx",
            "partners-2026.csv",
            ImportCardState.DryRun,
            1200,
            340,
            4460,
            Enumerable.Range(2, 20).Select(i => $"Line {i} → {new string('M', 200)} (same organisation)").ToList(),
            Enumerable.Range(2, 20).Select(i => new ImportRejection(i, string.Join("; ",
                "the country is missing",
                $"\"{new string('x', 60)}…\" is not a valid e-mail address",
                "\"astronauts\" is not a stakeholder group I know (e.g. civil-society, migrants, academia)",
                "consent to list must be yes, no or empty (not confirmed), not \"maybe\""))).ToList(),
            ["Notes", "Phone", SubmissionsCardSamples.Hostile],
            null)));
        yield return new CardSample("directory-import-all-rejected", DirectoryImportCard.Build(new DirectoryImportModel(
            "AbCdEfGhIjKlMnOpQrStUvWx", "pasted CSV", ImportCardState.DryRun, 0, 0, 2, [], [new(2, "the country is missing"), new(3, "duplicate in this file: the same e-mail as line 2")], [], null)));
        yield return new CardSample("directory-import-applied", DirectoryImportCard.Build(new DirectoryImportModel(
            "AbCdEfGhIjKlMnOpQrStUvWx", "partners.csv", ImportCardState.Applied, 2, 2, 7, [], [], [], "Applied: 2 new entries added, 2 merged into existing entries.")));
        yield return new CardSample("directory-import-closed", DirectoryImportCard.Build(new DirectoryImportModel(
            "AbCdEfGhIjKlMnOpQrStUvWx", "partners.csv", ImportCardState.Closed, 2, 2, 7, [], [], [], "This import was already applied; nothing more was changed.")));
    }

    private static DirectorySearchModel Search(DirectoryFilterValues filters, IReadOnlyList<DirectoryEntryView> entries, int page, bool more, int total, string? banner) =>
        new(filters, DirectoryViews.Choices, "Filtered: matching “forum” · theme a.", entries, page, 10, more, total, banner, DirectoryLimits.SearchQueryLength);
}
