using System.Globalization;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Exports;
using GcmBot.Bot.Storage;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.StakeholderDirectory;
using GcmBot.Bot.Teams.Routing;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.StakeholderDirectory;

/// <summary>
/// Turns directory entries, filters, imports and their problems into the card models and sentences organisers see, in
/// the organiser's language; decides nothing.
/// </summary>
public sealed class DirectoryViews(IStringLocalizer<DirectoryTexts> texts, IStringLocalizer<TagTexts> tagTexts)
{
    public static DirectoryFilterChoices Choices { get; } = new(
        StakeholderReference.Groups.Select(g => new Choice(g.Label, g.Code)).ToList(),
        StakeholderReference.Countries.Where(c => c.Code != "OTHER").OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new Choice(c.Name, c.Code)).ToList(),
        StakeholderReference.Subregions.Select(s => new Choice(s.Label, s.Code)).ToList(),
        GcmReference.Themes.Select(t => new Choice($"{t.Code}. {Shorten(t.Title, 48)}", t.Code.ToString())).ToList());

    public IStringLocalizer<DirectoryTexts> Texts => texts;

    /// <summary>The exported file's column names, in the organiser's language.</summary>
    public string[] ExportHeader() =>
    [
        texts["Export.Column.Organisation"], texts["Export.Column.Group"], texts["Export.Column.Country"], texts["Export.Column.Subregion"],
        texts["Export.Column.Themes"], texts["Export.Column.ContactName"], texts["Export.Column.Email"], texts["Export.Column.Source"],
        texts["Export.Column.ContactConsent"], texts["Export.Column.ListingConsent"], texts["Export.Column.Added"], texts["Export.Column.Updated"],
    ];

    /// <summary>Reads the filters of a card's data (untrusted): the filter, or the first problem found.</summary>
    public (DirectoryFilter Filter, string? Problem) ReadFilter(CardActionInput input)
    {
        var problems = new List<string>();
        var text = TypedText.SingleLine(input.Text(DirectoryVerbs.Text));
        if (text.Length > DirectoryLimits.SearchQueryLength)
        {
            problems.Add(texts["SearchTooLong", DirectoryLimits.SearchQueryLength]);
            text = string.Empty;
        }

        var group = Code(input.Text(DirectoryVerbs.Group), StakeholderReference.Groups.Select(g => g.Code), "UnknownFilter.Group", problems);
        var country = Code(input.Text(DirectoryVerbs.Country)?.ToUpperInvariant(), StakeholderReference.Countries.Select(c => c.Code), "UnknownFilter.Country", problems);
        var subregion = Code(input.Text(DirectoryVerbs.Subregion), StakeholderReference.Subregions.Select(s => s.Code), "UnknownFilter.Subregion", problems);
        var theme = Code(input.Text(DirectoryVerbs.Theme), GcmReference.Themes.Select(t => t.Code.ToString()), "UnknownFilter.Theme", problems);
        return (Filter(text, group, country, subregion, theme is null ? null : theme[0]), problems.FirstOrDefault());
    }

    public static DirectoryFilter Filter(string? text, string? group = null, string? country = null, string? subregion = null, char? theme = null)
    {
        var folded = DirectoryKeys.Fold(text);
        return new DirectoryFilter(folded.Length == 0 ? null : folded, group, country, subregion, theme);
    }

    public AdaptiveCard Search(CultureInfo culture, DirectoryFilter filter, string shownText, ListPage<DirectoryEntry> page, string? banner, TimeZoneInfo? zone) =>
        DirectorySearchCard.Build(new DirectorySearchModel(
            new DirectoryFilterValues(shownText, filter.Group ?? string.Empty, filter.Country ?? string.Empty, filter.Subregion ?? string.Empty, filter.Theme?.ToString() ?? string.Empty),
            Choices,
            Summary(filter, shownText),
            page.Items.Select(e => Entry(e, zone, culture)).ToList(),
            page.PageIndex,
            page.PageSize,
            page.HasMore,
            page.TotalCount,
            banner,
            DirectoryLimits.SearchQueryLength),
            culture);

    public DirectoryEntryView Entry(DirectoryEntry e, TimeZoneInfo? zone, CultureInfo culture)
    {
        var country = StakeholderReference.Country(e.CountryCode);
        var profile = new List<string>
        {
            StakeholderReference.Label(StakeholderReference.Groups, e.StakeholderGroup),
            $"{country?.Name ?? e.CountryCode} ({StakeholderReference.Label(StakeholderReference.Subregions, e.SubregionCode)})",
        };
        if (e.Themes.Length > 0)
        {
            profile.Add(texts["Entry.Themes", string.Join(", ", e.Themes.ToCharArray())]);
        }

        var contact = string.Join(" · ", new[] { e.ContactName, e.Email }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var updated = Submissions.LocalTimes.Date(e.UpdatedAt, zone ?? TimeText.ReferenceZone, culture);
        return new DirectoryEntryView(
            string.IsNullOrWhiteSpace(e.Organisation) ? e.ContactName ?? texts["Entry.NoName"] : e.Organisation,
            string.Join(" · ", profile),
            contact.Length == 0 ? null : contact,
            texts["Entry.Status", SourceText(e.Source), ConsentText(e.ContactConsent), ConsentText(e.ListingConsent), updated]);
    }

    public IEnumerable<string?> ExportCells(DirectoryEntry e)
    {
        var country = StakeholderReference.Country(e.CountryCode);
        return
        [
            e.Organisation,
            StakeholderReference.Label(StakeholderReference.Groups, e.StakeholderGroup),
            country?.Name ?? e.CountryCode,
            StakeholderReference.Label(StakeholderReference.Subregions, e.SubregionCode),
            string.Join(" ", e.Themes.ToCharArray()),
            e.ContactName,
            e.Email,
            SourceText(e.Source),
            ConsentText(e.ContactConsent),
            ConsentText(e.ListingConsent),
            e.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            e.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        ];
    }

    /// <summary>The dry-run report of a freshly staged import.</summary>
    public AdaptiveCard DryRun(CultureInfo culture, DirectoryImport import, ImportPlan plan, IReadOnlyDictionary<long, string> mergeTargets) =>
        DirectoryImportCard.Build(new DirectoryImportModel(
            import.Id,
            FileName(import),
            ImportCardState.DryRun,
            plan.Accepted.Count,
            plan.Merged.Count,
            plan.Rejected.Count,
            plan.Merged.Take(DirectoryImportCard.MaxListed)
                .Select(m => (string)texts[
                    m.MergedBy == ImportRules.MergedByEmail ? "DryRun.MergeByEmail" : "DryRun.MergeByOrganisation",
                    m.Row.Line.ToString(CultureInfo.InvariantCulture),
                    mergeTargets.GetValueOrDefault(m.MergeInto ?? 0) ?? texts["DryRun.ExistingEntry"]])
                .ToList(),
            plan.Rejected.Take(DirectoryImportCard.MaxListed).Select(r => new ImportRejection(r.Line, string.Join("; ", r.Reasons.Select(Describe)))).ToList(),
            plan.IgnoredColumns,
            null),
            culture);

    /// <summary>An import after its buttons were used: counts only (its rows are gone by then).</summary>
    public AdaptiveCard Outcome(CultureInfo culture, DirectoryImport import, ImportCardState state, string banner) =>
        DirectoryImportCard.Build(
            new DirectoryImportModel(import.Id, FileName(import), state, import.AcceptedCount, import.MergedCount, import.RejectedCount, [], [], [], banner),
            culture);

    /// <summary>A problem of an import file, its CSV, its header or a row, in the organiser's language.</summary>
    public string Describe(DirectoryProblem problem) => problem.Kind switch
    {
        DirectoryProblemKind.Themes => TagWords.Describe(problem.Tags!, tagTexts),
        _ => texts[
            $"Problem.{problem.Kind}",
            problem.Value ?? string.Empty,
            problem.Number,
            string.Join(", ", ImportRules.Required.Select(ImportRules.Describe)),
            string.Join(", ", (problem.Columns ?? []).Select(ImportRules.Describe)),
            ImportRules.ExampleHeader,
            problem.Column is { } column ? ColumnName(column) : string.Empty],
    };

    public string ConsentText(ConsentState state) => state switch
    {
        ConsentState.Yes => texts["Consent.Yes"],
        ConsentState.No => texts["Consent.No"],
        _ => texts["Consent.NotConfirmed"],
    };

    private string ColumnName(ImportColumn column) => texts[$"Column.{column}"];

    private string FileName(DirectoryImport import) => import.FileName == ImportFile.Pasted ? texts["PastedCsv"] : import.FileName;

    private string SourceText(EntrySource source) => source == EntrySource.Registration ? texts["Source.Registration"] : texts["Source.Import"];

    private string Summary(DirectoryFilter filter, string shownText)
    {
        var parts = new List<string>();
        if (shownText.Length > 0)
        {
            parts.Add(texts["Summary.Matching", shownText]);
        }

        if (filter.Group is { } g)
        {
            parts.Add(StakeholderReference.Label(StakeholderReference.Groups, g));
        }

        if (filter.Country is { } c)
        {
            parts.Add(StakeholderReference.Country(c)?.Name ?? c);
        }

        if (filter.Subregion is { } s)
        {
            parts.Add(StakeholderReference.Label(StakeholderReference.Subregions, s));
        }

        if (filter.Theme is { } t)
        {
            parts.Add(texts["Summary.Theme", t.ToString()]);
        }

        return parts.Count == 0 ? texts["Summary.Everyone"] : texts["Summary.Filtered", string.Join(" · ", parts)];
    }

    private string? Code(string? value, IEnumerable<string> known, string problemKey, List<string> problems)
    {
        if (string.IsNullOrEmpty(value) || value.Equals(DirectoryVerbs.Any, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (known.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        problems.Add(texts[problemKey]);
        return null;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd() + "…";
}
