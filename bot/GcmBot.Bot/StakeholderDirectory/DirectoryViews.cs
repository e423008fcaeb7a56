using System.Globalization;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Exports;
using GcmBot.Bot.Storage;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.StakeholderDirectory;
using GcmBot.Bot.Teams.Routing;

namespace GcmBot.Bot.StakeholderDirectory;

/// <summary>Turns directory entries, filters and imports into the card models organisers see; decides nothing.</summary>
public static class DirectoryViews
{
    public static DirectoryFilterChoices Choices { get; } = new(
        StakeholderReference.Groups.Select(g => new Choice(g.Label, g.Code)).ToList(),
        StakeholderReference.Countries.Where(c => c.Code != "OTHER").OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new Choice(c.Name, c.Code)).ToList(),
        StakeholderReference.Subregions.Select(s => new Choice(s.Label, s.Code)).ToList(),
        GcmReference.Themes.Select(t => new Choice($"{t.Code}. {Shorten(t.Title, 48)}", t.Code.ToString())).ToList());

    public static readonly string[] ExportHeader =
    [
        "Organisation", "Stakeholder group", "Country", "Subregion", "Themes", "Contact name", "E-mail", "Source",
        "Consent to contact", "Consent to list", "Added (UTC)", "Updated (UTC)",
    ];

    /// <summary>Reads the filters of a card's data (untrusted): the filter, or the first problem found.</summary>
    public static (DirectoryFilter Filter, string? Problem) ReadFilter(CardActionInput input)
    {
        var problems = new List<string>();
        var text = TypedText.SingleLine(input.Text(DirectoryVerbs.Text));
        if (text.Length > DirectoryLimits.SearchQueryLength)
        {
            problems.Add($"The search text is longer than {DirectoryLimits.SearchQueryLength} characters, so I searched without it.");
            text = string.Empty;
        }

        var group = Code(input.Text(DirectoryVerbs.Group), StakeholderReference.Groups.Select(g => g.Code), "stakeholder group", problems);
        var country = Code(input.Text(DirectoryVerbs.Country)?.ToUpperInvariant(), StakeholderReference.Countries.Select(c => c.Code), "country", problems);
        var subregion = Code(input.Text(DirectoryVerbs.Subregion), StakeholderReference.Subregions.Select(s => s.Code), "subregion", problems);
        var theme = Code(input.Text(DirectoryVerbs.Theme), GcmReference.Themes.Select(t => t.Code.ToString()), "theme", problems);
        return (Filter(text, group, country, subregion, theme is null ? null : theme[0]), problems.FirstOrDefault());
    }

    public static DirectoryFilter Filter(string? text, string? group = null, string? country = null, string? subregion = null, char? theme = null)
    {
        var folded = DirectoryKeys.Fold(text);
        return new DirectoryFilter(folded.Length == 0 ? null : folded, group, country, subregion, theme);
    }

    public static AdaptiveCard Search(DirectoryFilter filter, string shownText, ListPage<DirectoryEntry> page, string? banner, TimeZoneInfo? zone) =>
        DirectorySearchCard.Build(new DirectorySearchModel(
            new DirectoryFilterValues(shownText, filter.Group ?? string.Empty, filter.Country ?? string.Empty, filter.Subregion ?? string.Empty, filter.Theme?.ToString() ?? string.Empty),
            Choices,
            Summary(filter, shownText),
            page.Items.Select(e => Entry(e, zone)).ToList(),
            page.PageIndex,
            page.PageSize,
            page.HasMore,
            page.TotalCount,
            banner,
            DirectoryLimits.SearchQueryLength));

    public static DirectoryEntryView Entry(DirectoryEntry e, TimeZoneInfo? zone)
    {
        var country = StakeholderReference.Country(e.CountryCode);
        var profile = new List<string>
        {
            StakeholderReference.Label(StakeholderReference.Groups, e.StakeholderGroup),
            $"{country?.Name ?? e.CountryCode} ({StakeholderReference.Label(StakeholderReference.Subregions, e.SubregionCode)})",
        };
        if (e.Themes.Length > 0)
        {
            profile.Add("themes " + string.Join(", ", e.Themes.ToCharArray()));
        }

        var contact = string.Join(" · ", new[] { e.ContactName, e.Email }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var updated = TimeZoneInfo.ConvertTime(e.UpdatedAt, zone ?? TimeText.ReferenceZone).ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        return new DirectoryEntryView(
            string.IsNullOrWhiteSpace(e.Organisation) ? e.ContactName ?? "(no name)" : e.Organisation,
            string.Join(" · ", profile),
            contact.Length == 0 ? null : contact,
            $"{SourceText(e.Source)} · contact: {ConsentText(e.ContactConsent)} · listing: {ConsentText(e.ListingConsent)} · updated {updated}");
    }

    public static IEnumerable<string?> ExportCells(DirectoryEntry e)
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
    public static AdaptiveCard DryRun(DirectoryImport import, ImportPlan plan, IReadOnlyDictionary<long, string> mergeTargets) =>
        DirectoryImportCard.Build(new DirectoryImportModel(
            import.Id,
            import.FileName,
            ImportCardState.DryRun,
            plan.Accepted.Count,
            plan.Merged.Count,
            plan.Rejected.Count,
            plan.Merged.Take(DirectoryImportCard.MaxListed)
                .Select(m => $"Line {m.Row.Line.ToString(CultureInfo.InvariantCulture)} → {mergeTargets.GetValueOrDefault(m.MergeInto ?? 0, "an existing entry")} (same {m.MergedBy})")
                .ToList(),
            plan.Rejected.Take(DirectoryImportCard.MaxListed).Select(r => new ImportRejection(r.Line, string.Join("; ", r.Reasons))).ToList(),
            plan.IgnoredColumns,
            null));

    /// <summary>An import after its buttons were used: counts only (its rows are gone by then).</summary>
    public static AdaptiveCard Outcome(DirectoryImport import, ImportCardState state, string banner) =>
        DirectoryImportCard.Build(new DirectoryImportModel(
            import.Id, import.FileName, state, import.AcceptedCount, import.MergedCount, import.RejectedCount, [], [], [], banner));

    public static string ConsentText(ConsentState state) => state switch
    {
        ConsentState.Yes => "yes",
        ConsentState.No => "no",
        _ => "not confirmed",
    };

    private static string SourceText(EntrySource source) => source == EntrySource.Registration ? "From registration" : "Imported";

    private static string Summary(DirectoryFilter filter, string shownText)
    {
        var parts = new List<string>();
        if (shownText.Length > 0)
        {
            parts.Add($"matching “{shownText}”");
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
            parts.Add($"theme {t}");
        }

        return parts.Count == 0 ? "Everyone in the directory, by organisation." : "Filtered: " + string.Join(" · ", parts) + ".";
    }

    private static string? Code(string? value, IEnumerable<string> known, string what, List<string> problems)
    {
        if (string.IsNullOrEmpty(value) || value.Equals(DirectoryVerbs.Any, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (known.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        problems.Add($"That {what} is not one I know, so I searched without it.");
        return null;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd() + "…";
}
