using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Help;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Submissions;

/// <summary>A page of a person's own submissions.</summary>
/// <param name="Banner">A line above the list, e.g. "Submission #3 was withdrawn." (plain text).</param>
/// <param name="PublicPageUrl">The public page of published submissions.</param>
public sealed record MySubmissionsModel(
    IReadOnlyList<SubmissionItem> Items,
    int PageIndex,
    bool HasMore,
    int TotalCount,
    string? Banner,
    string? PublicPageUrl);

/// <summary>Answers <c>my submissions</c>: each submission with its status and what the person can still do.</summary>
public static class MySubmissionsCard
{
    public static AdaptiveCard Build(MySubmissionsModel model, CultureInfo culture)
    {
        var t = TextResources.For<SubmissionsCardTexts>(culture);
        var body = new List<CardElement> { SubmissionParts.Heading(t["Mine.Heading"]) };
        if (model.Banner is not null)
        {
            body.Add(new TextBlock(MarkdownText.Escape(model.Banner)) { Color = TextColor.Good, Weight = TextWeight.Bolder });
        }

        if (model.TotalCount == 0)
        {
            body.Add(new TextBlock(t["Mine.None"]));
        }
        else
        {
            body.Add(new TextBlock(t["Mine.Count", model.TotalCount])
            {
                IsSubtle = true,
                Spacing = Spacing.None,
            });
            body.AddRange(model.Items.Select(item => SubmissionParts.Item(t, item, fullText: false, SubmissionParts.AuthorActions(t, item))));
        }

        var actions = new List<CardAction>();
        if (model.PageIndex > 0)
        {
            actions.Add(SubmissionParts.PageButton(SubmissionVerbs.Mine, t["Newer"], model.PageIndex - 1));
        }

        if (model.HasMore)
        {
            actions.Add(SubmissionParts.PageButton(SubmissionVerbs.Mine, t["Older"], model.PageIndex + 1));
        }

        actions.Add(HelpCard.RunCommandButton("submit", t["NewSubmission"]));
        if (model.PublicPageUrl is not null)
        {
            actions.Add(new OpenUrlAction(SubmissionParts.InLanguage(model.PublicPageUrl, culture)) { Title = t["Published"] });
        }

        return new AdaptiveCard(body) { Actions = actions, FallbackText = t["Mine.Fallback"], Lang = SupportedLanguages.TagOf(culture) };
    }
}

/// <summary>What the person is told about one submission: received, saved, or an organiser's decision.</summary>
/// <param name="Heading">"Thank you: submission received", "Your submission was accepted", …</param>
/// <param name="Message">What it means and what comes next (plain text written by GcmBot).</param>
public sealed record SubmissionNoticeModel(string Heading, string Message, SubmissionItem Item, string? PublicPageUrl);

/// <summary>The card for one submission's news, sent after the form or proactively after a review.</summary>
public static class SubmissionNoticeCard
{
    public static AdaptiveCard Build(SubmissionNoticeModel model, CultureInfo culture)
    {
        var t = TextResources.For<SubmissionsCardTexts>(culture);
        var body = new List<CardElement>
        {
            SubmissionParts.Heading(model.Heading),
            new TextBlock(model.Message) { Spacing = Spacing.Small },
            SubmissionParts.Item(t, model.Item, fullText: false, SubmissionParts.AuthorActions(t, model.Item)),
        };
        var actions = new List<CardAction> { HelpCard.RunCommandButton("my submissions", t["MySubmissions"]) };
        if (model.PublicPageUrl is not null)
        {
            actions.Add(new OpenUrlAction(SubmissionParts.InLanguage(model.PublicPageUrl, culture)) { Title = t["Published"] });
        }

        return new AdaptiveCard(body) { Actions = actions, FallbackText = model.Heading, Lang = SupportedLanguages.TagOf(culture) };
    }
}
