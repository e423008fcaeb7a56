using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.StakeholderDirectory;

/// <summary>One directory entry as organisers see it (all plain text).</summary>
/// <param name="Title">The organisation, or the contact's name when there is none.</param>
/// <param name="Profile">"Civil society organisations · Nepal (South and South-West Asia) · themes a, c".</param>
/// <param name="Contact">"Asha Rai · asha@example.org", or null when nobody is named.</param>
/// <param name="Status">"From registration · contact: yes · listing: not confirmed · updated 27 Nov 2026".</param>
public sealed record DirectoryEntryView(string Title, string Profile, string? Contact, string Status);

/// <summary>The filters as applied (codes; empty string for "any").</summary>
public sealed record DirectoryFilterValues(string Text, string Group, string Country, string Subregion, string Theme)
{
    public static DirectoryFilterValues None { get; } = new(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);

    /// <summary>The filters as button data, so that paging and exporting keep them.</summary>
    public (string Key, string Value)[] AsData() =>
    [
        (DirectoryVerbs.Text, Text), (DirectoryVerbs.Group, Group), (DirectoryVerbs.Country, Country),
        (DirectoryVerbs.Subregion, Subregion), (DirectoryVerbs.Theme, Theme),
    ];
}

/// <summary>The choices the filter inputs offer.</summary>
public sealed record DirectoryFilterChoices(
    IReadOnlyList<Choice> Groups,
    IReadOnlyList<Choice> Countries,
    IReadOnlyList<Choice> Subregions,
    IReadOnlyList<Choice> Themes);

/// <summary>A page of directory search results with the filters that produced it.</summary>
/// <param name="FilterSummary">"Matching “forum” · theme a", or "Everyone in the directory" (plain text).</param>
/// <param name="Banner">A problem with the filters or the outcome of an action (plain text), shown as a warning.</param>
public sealed record DirectorySearchModel(
    DirectoryFilterValues Filters,
    DirectoryFilterChoices Choices,
    string FilterSummary,
    IReadOnlyList<DirectoryEntryView> Entries,
    int PageIndex,
    int PageSize,
    bool HasMore,
    int TotalCount,
    string? Banner,
    int MaxTextLength);

/// <summary>The organisers' directory: filters, a page of results, paging and a CSV export of what matches.</summary>
public static class DirectorySearchCard
{
    public static AdaptiveCard Build(DirectorySearchModel model, CultureInfo culture)
    {
        var t = TextResources.For<DirectoryCardTexts>(culture);
        var body = new List<CardElement>
        {
            new TextBlock(t["Search.Heading"]) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(t["Search.Intro"])
            {
                IsSubtle = true,
                Size = TextSize.Small,
                Spacing = Spacing.None,
            },
        };
        if (model.Banner is not null)
        {
            body.Add(new TextBlock(MarkdownText.Escape(model.Banner)) { Color = TextColor.Warning, Weight = TextWeight.Bolder });
        }

        body.Add(new TextInput
        {
            Id = DirectoryVerbs.Text,
            Label = t["Search.Text"],
            Value = model.Filters.Text,
            MaxLength = model.MaxTextLength,
            Placeholder = t["Search.Text.Placeholder"],
        });
        body.Add(new ColumnSet(
        [
            new Column([Filter(t, DirectoryVerbs.Group, t["Filter.Group"], model.Choices.Groups, model.Filters.Group)]),
            new Column([Filter(t, DirectoryVerbs.Theme, t["Filter.Theme"], model.Choices.Themes, model.Filters.Theme)]),
        ]));
        body.Add(new ColumnSet(
        [
            new Column([Filter(t, DirectoryVerbs.Country, t["Filter.Country"], model.Choices.Countries, model.Filters.Country)]),
            new Column([Filter(t, DirectoryVerbs.Subregion, t["Filter.Subregion"], model.Choices.Subregions, model.Filters.Subregion)]),
        ]));
        body.Add(new ActionSet([new ExecuteAction(CardActionData.For(DirectoryVerbs.Search)) { Title = t["Search"], Style = ActionStyle.Positive }]));

        body.Add(new TextBlock(Count(t, model)) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium });
        body.Add(new TextBlock(MarkdownText.Escape(model.FilterSummary)) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
        foreach (var entry in model.Entries)
        {
            var items = new List<CardElement>
            {
                new TextBlock(MarkdownText.Escape(entry.Title)) { Weight = TextWeight.Bolder },
                new TextBlock(MarkdownText.Escape(entry.Profile)) { Size = TextSize.Small, Spacing = Spacing.None },
            };
            if (entry.Contact is not null)
            {
                items.Add(new TextBlock(MarkdownText.Escape(entry.Contact)) { Size = TextSize.Small, Spacing = Spacing.None });
            }

            items.Add(new TextBlock(MarkdownText.Escape(entry.Status)) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
            body.Add(new Container(items) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Small });
        }

        var actions = new List<CardAction>();
        if (model.PageIndex > 0)
        {
            actions.Add(Page(model, t["Previous"], model.PageIndex - 1));
        }

        if (model.HasMore)
        {
            actions.Add(Page(model, t["Next"], model.PageIndex + 1));
        }

        if (model.TotalCount > 0)
        {
            actions.Add(new ExecuteAction(CardActionData.For(DirectoryVerbs.Export, model.Filters.AsData())) { Title = t["ExportCsv"], SendInputs = false });
        }

        return new AdaptiveCard(body) { Actions = actions, FallbackText = t["Search.Fallback"], Lang = SupportedLanguages.TagOf(culture) };
    }

    private static string Count(TextResources t, DirectorySearchModel model)
    {
        if (model.TotalCount == 0)
        {
            return t["Count.None"];
        }

        if (model.TotalCount == 1)
        {
            return t["Count.One"];
        }

        var first = (model.PageIndex * model.PageSize) + 1;
        return model.Entries.Count <= 1
            ? t["Count.Single", model.TotalCount, model.TotalCount]
            : t["Count.Range", first, first + model.Entries.Count - 1, model.TotalCount];
    }

    private static ChoiceSetInput Filter(TextResources t, string id, string label, IReadOnlyList<Choice> choices, string value) =>
        new([new Choice(t["Any"], DirectoryVerbs.Any), .. choices])
        {
            Id = id,
            Label = label,
            Value = value.Length == 0 ? DirectoryVerbs.Any : value,
        };

    private static ExecuteAction Page(DirectorySearchModel model, string title, int page) =>
        new(CardActionData.For(DirectoryVerbs.Search, [.. model.Filters.AsData(), (DirectoryVerbs.Page, page.ToString(CultureInfo.InvariantCulture))]))
        {
            Title = title,
            SendInputs = false,
        };
}
