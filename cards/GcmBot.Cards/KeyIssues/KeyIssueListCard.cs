using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.KeyIssues;

/// <summary>One recorded key issue or recommendation on the list.</summary>
/// <param name="Kind">"Key issue" or "Recommendation".</param>
/// <param name="Details">"Themes a · objectives 2, 5 · consult-a · question 12" (plain text).</param>
public sealed record KeyIssueListEntry(int Id, string Kind, string Text, string Details);

/// <summary>A page of the rapporteur's record in one scope.</summary>
/// <param name="Context">What the list covers, e.g. "Recorded in this meeting chat" (plain text).</param>
/// <param name="EventId">The consultation the list is filtered to, carried by its buttons.</param>
/// <param name="Banner">The outcome of the last action, e.g. "Recorded key issue #3." (plain text).</param>
public sealed record KeyIssueListModel(
    string Context,
    string? EventId,
    IReadOnlyList<KeyIssueListEntry> Entries,
    int PageIndex,
    bool HasMore,
    int TotalCount,
    string? Banner);

/// <summary>The key issues and recommendations recorded so far, with delete buttons and a way to record more.</summary>
public static class KeyIssueListCard
{
    public static AdaptiveCard Build(KeyIssueListModel model, CultureInfo culture)
    {
        var t = TextResources.For<KeyIssuesCardTexts>(culture);
        var body = new List<CardElement>
        {
            new TextBlock(t["List.Heading"]) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(MarkdownText.Escape(model.Context)) { IsSubtle = true, Spacing = Spacing.None },
        };
        if (model.Banner is not null)
        {
            body.Add(new TextBlock(MarkdownText.Escape(model.Banner)) { Color = TextColor.Good, Weight = TextWeight.Bolder });
        }

        if (model.TotalCount == 0)
        {
            body.Add(new TextBlock(t["List.Nothing"]));
        }

        foreach (var entry in model.Entries)
        {
            var id = entry.Id.ToString(CultureInfo.InvariantCulture);
            var confirm = new AdaptiveCard([new TextBlock(t["Delete.Confirm", id])])
            {
                Actions =
                [
                    new ExecuteAction(With(model, KeyIssueVerbs.Delete, (KeyIssueVerbs.Id, id)))
                    {
                        Title = t["Delete.Yes"],
                        Style = ActionStyle.Destructive,
                        SendInputs = false,
                    },
                ],
            };
            body.Add(new Container(
            [
                new TextBlock($"#{id} · {entry.Kind}") { Weight = TextWeight.Bolder, Size = TextSize.Small },
                new TextBlock(MarkdownText.Escape(entry.Text)) { Spacing = Spacing.None },
                new TextBlock(MarkdownText.Escape(entry.Details)) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
                new ActionSet([new ShowCardAction(confirm) { Title = t["Delete"] }]),
            ])
            {
                Style = ContainerStyle.Emphasis,
                Spacing = Spacing.Small,
            });
        }

        var actions = new List<CardAction>
        {
            new ExecuteAction(With(model, KeyIssueVerbs.Form)) { Title = t["RecordAnother"], SendInputs = false },
        };
        if (model.PageIndex > 0)
        {
            actions.Add(Page(model, t["Previous"], model.PageIndex - 1));
        }

        if (model.HasMore)
        {
            actions.Add(Page(model, t["Next"], model.PageIndex + 1));
        }

        return new AdaptiveCard(body) { Actions = actions, FallbackText = t["List.Fallback"], Lang = SupportedLanguages.TagOf(culture) };
    }

    private static ExecuteAction Page(KeyIssueListModel model, string title, int page) =>
        new(With(model, KeyIssueVerbs.List, (KeyIssueVerbs.Page, page.ToString(CultureInfo.InvariantCulture)))) { Title = title, SendInputs = false };

    private static CardActionData With(KeyIssueListModel model, string verb, params (string Key, string Value)[] arguments) =>
        CardActionData.For(verb, model.EventId is null ? arguments : [.. arguments, (KeyIssueVerbs.Event, model.EventId)]);
}
