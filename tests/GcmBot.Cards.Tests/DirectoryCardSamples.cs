using System.Globalization;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Languages;
using GcmBot.Bot.StakeholderDirectory;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.StakeholderDirectory;
using GcmBot.Cards.Words;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GcmBot.Cards.Tests;

public sealed class DirectoryCardSamples : ICardSamples
{
    private static readonly FormattingStringLocalizerFactory Texts = new(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    /// <summary>The directory's views as the host has them, so that samples carry the real sentences of each language.</summary>
    private static readonly DirectoryViews Views = new(new StringLocalizer<DirectoryTexts>(Texts), new StringLocalizer<TagTexts>(Texts));

    public IEnumerable<CardSample> Samples() => SampleLanguages.All.SelectMany(InLanguage).ToList();

    private static IEnumerable<CardSample> InLanguage(CultureInfo culture)
    {
        // Built in the language's scope, as a turn is: the views' sentences come out in it.
        using var scope = LanguageScope.Use(culture);
        var samples = new List<CardSample>
        {
            new(SampleLanguages.Name("directory-search-empty", culture), DirectorySearchCard.Build(Search(DirectoryFilterValues.None, [], 0, false, 0, null), culture)),
            new(SampleLanguages.Name("directory-search-full-page", culture), DirectorySearchCard.Build(
                Search(
                    new DirectoryFilterValues("forum", "civil-society", "NP", "sswa", "a"),
                    Enumerable.Range(1, 10).Select(i => new DirectoryEntryView(
                        i == 2 ? SubmissionsCardSamples.Hostile : new string('O', 200),
                        "Trade unions and workers' organisations · Micronesia (Federated States of) (Pacific) · themes a, b, c, d",
                        new string('N', 100) + " · " + new string('e', 240) + "@example.org",
                        Views.Texts["Entry.Status", Views.Texts["Source.Registration"], Views.ConsentText(ConsentState.NotConfirmed), Views.ConsentText(ConsentState.NotConfirmed), "27 Nov 2026"])).ToList(),
                    3,
                    true,
                    20_000,
                    Views.Texts["UnknownFilter.Group"]),
                culture)),
            new(SampleLanguages.Name("directory-import-all-rejected", culture), Views.DryRun(
                culture,
                Import(ImportFile.Pasted),
                new ImportPlan([], [], [new(2, [new(DirectoryProblemKind.Missing, Column: ImportColumn.Country)]), new(3, [new(DirectoryProblemKind.DuplicateEmail, Number: 2)])], []),
                new Dictionary<long, string>())),
            new(SampleLanguages.Name("directory-import-applied", culture), Views.Outcome(
                culture, Import("partners.csv"), ImportCardState.Applied, Views.Texts["Applied", 2, 2])),
            new(SampleLanguages.Name("directory-import-closed", culture), Views.Outcome(
                culture, Import("partners.csv"), ImportCardState.Closed, Views.Texts["Apply.Already"])),
        };
        if (!SupportedLanguages.IsPseudo(culture))
        {
            // The pseudo-locale lengthens every text by a third with two-byte letters: no real language is that long.
            samples.Add(new(SampleLanguages.Name("directory-import-dry-run", culture), LargestDryRun(culture)));
        }

        return samples;
    }

    /// <summary>
    /// The largest dry run a card shows: every listed row with a long organisation name and the longest reasons, in the
    /// language's own words (Russian is the longest).
    /// </summary>
    private static AdaptiveCard LargestDryRun(CultureInfo culture)
    {
        var longName = new string('M', 200);
        var merged = Enumerable.Range(2, 20).Select(i => new StagedRow(
            new ImportCandidate(i, longName, "m", "civil-society", "NP", "abcd", null, null, ConsentState.NotConfirmed, ConsentState.NotConfirmed),
            i,
            i % 2 == 0 ? ImportRules.MergedByEmail : ImportRules.MergedByOrganisation)).ToList();
        var rejected = Enumerable.Range(30, 20).Select(i => new RejectedRow(i,
        [
            new(DirectoryProblemKind.Missing, Column: ImportColumn.Country),
            new(DirectoryProblemKind.EmailInvalid, new string('x', 60) + "…"),
            new(DirectoryProblemKind.UnknownGroup, new string('g', 40) + "…"),
            new(DirectoryProblemKind.UnknownCountry, new string('c', 40) + "…"),
            new(DirectoryProblemKind.ConsentInvalid, new string('y', 20) + "…", Column: ImportColumn.ConsentToContact),
            new(DirectoryProblemKind.ConsentInvalid, new string('y', 20) + "…", Column: ImportColumn.ConsentToList),
            new(DirectoryProblemKind.TooLong, Number: DirectoryLimits.NameLength, Column: ImportColumn.ContactName),
            new(DirectoryProblemKind.Themes, Tags: new TagProblem(TagProblemKind.NotATheme, new string('t', 12) + "…")),
        ])).ToList();
        var plan = new ImportPlan([], merged, rejected, ["Notes", "Phone", SubmissionsCardSamples.Hostile]);
        var import = Import("partners-2026.csv");
        import.AcceptedCount = 1200;
        import.MergedCount = 340;
        import.RejectedCount = 4460;
        return Views.DryRun(culture, import, plan with { Accepted = [] }, merged.ToDictionary(m => (long)m.MergeInto!.Value, _ => longName));
    }

    private static DirectoryImport Import(string fileName) => new()
    {
        Id = "AbCdEfGhIjKlMnOpQrStUvWx",
        OrganiserId = "organiser",
        FileName = fileName,
        AcceptedCount = 2,
        MergedCount = 2,
        RejectedCount = 7,
    };

    private static DirectorySearchModel Search(DirectoryFilterValues filters, IReadOnlyList<DirectoryEntryView> entries, int page, bool more, int total, string? banner) =>
        new(filters, DirectoryViews.Choices, "Filtered: matching “forum” · theme a.", entries, page, 10, more, total, banner, DirectoryLimits.SearchQueryLength);
}
