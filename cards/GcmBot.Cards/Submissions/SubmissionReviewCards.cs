using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Submissions;

/// <summary>One line of the organisers' review list.</summary>
/// <param name="Summary">"Organisation · themes a, b · sent Tue 1 Dec 2026" (plain text).</param>
public sealed record ReviewListEntry(int Id, string Title, string Summary);

/// <summary>A page of the submissions waiting for review.</summary>
/// <param name="Banner">The outcome of the last decision, e.g. "Accepted #4; the author has been told." (plain text).</param>
public sealed record ReviewListModel(
    IReadOnlyList<ReviewListEntry> Entries,
    int PageIndex,
    bool HasMore,
    int TotalCount,
    string? Banner,
    string? PublicPageUrl);

/// <summary>One submission in full for an organiser to decide on.</summary>
/// <param name="Author">Who sent it and on whose behalf (plain text; organisers only).</param>
/// <param name="Publication">What accepting it would publish, given the author's consent.</param>
/// <param name="Banner">Why the card is shown again, e.g. "The author changed it while you were reading" (plain text).</param>
/// <param name="CanDecide">Whether it still waits for a decision (false once decided or withdrawn).</param>
public sealed record ReviewModel(SubmissionItem Item, string Author, string Publication, string? Banner, bool CanDecide, int CommentLength);

/// <summary>The organisers' review list: <c>review submissions</c>.</summary>
public static class SubmissionReviewListCard
{
    public static AdaptiveCard Build(ReviewListModel model, CultureInfo culture)
    {
        var t = TextResources.For<SubmissionsCardTexts>(culture);
        var body = new List<CardElement> { SubmissionParts.Heading(t["ReviewList.Heading"]) };
        if (model.Banner is not null)
        {
            body.Add(new TextBlock(MarkdownText.Escape(model.Banner)) { Color = TextColor.Good, Weight = TextWeight.Bolder });
        }

        body.Add(new TextBlock(t["ReviewList.Count", model.TotalCount])
        {
            IsSubtle = true,
            Spacing = Spacing.None,
        });

        foreach (var entry in model.Entries)
        {
            var id = entry.Id.ToString(CultureInfo.InvariantCulture);
            body.Add(new Container(
            [
                new TextBlock($"#{id} · {MarkdownText.Escape(entry.Title)}") { Weight = TextWeight.Bolder },
                new TextBlock(MarkdownText.Escape(entry.Summary)) { IsSubtle = true, Spacing = Spacing.None, Size = TextSize.Small },
                new ActionSet([new SubmitAction(CardActionData.For(SubmissionVerbs.ReviewOpen, (SubmissionVerbs.Id, id))) { Title = t["Review"], SendInputs = false }]),
            ])
            {
                Style = ContainerStyle.Emphasis,
                Spacing = Spacing.Medium,
            });
        }

        var actions = new List<CardAction>();
        if (model.PageIndex > 0)
        {
            actions.Add(SubmissionParts.PageButton(SubmissionVerbs.ReviewList, t["Previous"], model.PageIndex - 1));
        }

        if (model.HasMore)
        {
            actions.Add(SubmissionParts.PageButton(SubmissionVerbs.ReviewList, t["Next"], model.PageIndex + 1));
        }

        if (model.PublicPageUrl is not null)
        {
            actions.Add(new OpenUrlAction(SubmissionParts.InLanguage(model.PublicPageUrl, culture)) { Title = t["Published"] });
        }

        return new AdaptiveCard(body) { Actions = actions, FallbackText = t["ReviewList.Fallback"], Lang = SupportedLanguages.TagOf(culture) };
    }
}

/// <summary>One submission in full, with accept, return (comment required) and reject.</summary>
public static class SubmissionReviewCard
{
    public static AdaptiveCard Build(ReviewModel model, CultureInfo culture)
    {
        var t = TextResources.For<SubmissionsCardTexts>(culture);
        var item = model.Item;
        var body = new List<CardElement> { SubmissionParts.Heading(t["Review.Heading"]) };
        if (model.Banner is not null)
        {
            body.Add(new TextBlock(MarkdownText.Escape(model.Banner)) { Color = TextColor.Warning, Weight = TextWeight.Bolder });
        }

        body.Add(new TextBlock(MarkdownText.Escape(model.Author)) { IsSubtle = true, Spacing = Spacing.None });
        var links = item.Link is null ? [] : new List<CardAction> { new OpenUrlAction(item.Link) { Title = t["OpenDocument"] } };
        body.Add(SubmissionParts.Item(t, item with { Comment = null }, fullText: true, links));
        body.Add(new TextBlock(MarkdownText.Escape(model.Publication)) { Weight = TextWeight.Bolder });

        var actions = new List<CardAction>();
        if (model.CanDecide)
        {
            actions.Add(Decide(item, SubmissionVerbs.Accept, t["Accept"], ActionStyle.Positive));
            actions.Add(new ShowCardAction(CommentForm(t, item, SubmissionVerbs.Return, SubmissionVerbs.ReturnComment, required: true, model.CommentLength))
            {
                Title = t["ReturnWithComment"],
            });
            actions.Add(new ShowCardAction(CommentForm(t, item, SubmissionVerbs.Reject, SubmissionVerbs.RejectComment, required: false, model.CommentLength))
            {
                Title = t["Reject"],
            });
        }

        actions.Add(SubmissionParts.PageButton(SubmissionVerbs.ReviewList, t["BackToList"], 0));
        return new AdaptiveCard(body) { Actions = actions, FallbackText = t["Review.Fallback"], Lang = SupportedLanguages.TagOf(culture) };
    }

    private static AdaptiveCard CommentForm(TextResources t, SubmissionItem item, string decision, string inputId, bool required, int length)
    {
        var input = new TextInput
        {
            Id = inputId,
            Label = required ? t["Comment.Return"] : t["Comment.Reject"],
            IsMultiline = true,
            IsRequired = required,
            ErrorMessage = required ? t["Comment.Return.Error"] : null,
            MaxLength = length,
        };
        return new AdaptiveCard([input])
        {
            Actions =
            [
                Decide(item, decision, decision == SubmissionVerbs.Return ? t["Return.Button"] : t["Reject.Button"],
                    decision == SubmissionVerbs.Reject ? ActionStyle.Destructive : ActionStyle.Default, sendInputs: true),
            ],
        };
    }

    private static SubmitAction Decide(SubmissionItem item, string decision, string title, ActionStyle style, bool sendInputs = false) =>
        new(CardActionData.For(
            SubmissionVerbs.ReviewDecide,
            (SubmissionVerbs.Id, item.Id.ToString(CultureInfo.InvariantCulture)),
            (SubmissionVerbs.Version, item.Version.ToString(CultureInfo.InvariantCulture)),
            (SubmissionVerbs.Decision, decision)))
        {
            Title = title,
            Style = style,
            SendInputs = sendInputs,
        };
}
