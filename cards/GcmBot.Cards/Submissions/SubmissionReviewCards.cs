using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;

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
    public static AdaptiveCard Build(ReviewListModel model)
    {
        var body = new List<CardElement> { SubmissionParts.Heading("Written submissions to review") };
        if (model.Banner is not null)
        {
            body.Add(new TextBlock(MarkdownText.Escape(model.Banner)) { Color = TextColor.Good, Weight = TextWeight.Bolder });
        }

        body.Add(new TextBlock(model.TotalCount switch
        {
            0 => "Nothing is waiting for review.",
            1 => "One submission is waiting.",
            _ => $"{model.TotalCount} submissions are waiting, oldest first.",
        })
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
                new ActionSet([new SubmitAction(CardActionData.For(SubmissionVerbs.ReviewOpen, (SubmissionVerbs.Id, id))) { Title = "Review", SendInputs = false }]),
            ])
            {
                Style = ContainerStyle.Emphasis,
                Spacing = Spacing.Medium,
            });
        }

        var actions = new List<CardAction>();
        if (model.PageIndex > 0)
        {
            actions.Add(SubmissionParts.PageButton(SubmissionVerbs.ReviewList, "Previous", model.PageIndex - 1));
        }

        if (model.HasMore)
        {
            actions.Add(SubmissionParts.PageButton(SubmissionVerbs.ReviewList, "Next", model.PageIndex + 1));
        }

        if (model.PublicPageUrl is not null)
        {
            actions.Add(new OpenUrlAction(model.PublicPageUrl) { Title = "Published submissions" });
        }

        return new AdaptiveCard(body) { Actions = actions, FallbackText = "Written submissions waiting for review." };
    }
}

/// <summary>One submission in full, with accept, return (comment required) and reject.</summary>
public static class SubmissionReviewCard
{
    public static AdaptiveCard Build(ReviewModel model)
    {
        var item = model.Item;
        var body = new List<CardElement> { SubmissionParts.Heading("Review a written submission") };
        if (model.Banner is not null)
        {
            body.Add(new TextBlock(MarkdownText.Escape(model.Banner)) { Color = TextColor.Warning, Weight = TextWeight.Bolder });
        }

        body.Add(new TextBlock(MarkdownText.Escape(model.Author)) { IsSubtle = true, Spacing = Spacing.None });
        var links = item.Link is null ? [] : new List<CardAction> { new OpenUrlAction(item.Link) { Title = "Open the document" } };
        body.Add(SubmissionParts.Item(item with { Comment = null }, fullText: true, links));
        body.Add(new TextBlock(MarkdownText.Escape(model.Publication)) { Weight = TextWeight.Bolder });

        var actions = new List<CardAction>();
        if (model.CanDecide)
        {
            actions.Add(Decide(item, SubmissionVerbs.Accept, "Accept", ActionStyle.Positive));
            actions.Add(new ShowCardAction(CommentForm(item, SubmissionVerbs.Return, SubmissionVerbs.ReturnComment, required: true, model.CommentLength))
            {
                Title = "Return with a comment",
            });
            actions.Add(new ShowCardAction(CommentForm(item, SubmissionVerbs.Reject, SubmissionVerbs.RejectComment, required: false, model.CommentLength))
            {
                Title = "Reject",
            });
        }

        actions.Add(SubmissionParts.PageButton(SubmissionVerbs.ReviewList, "Back to the list", 0));
        return new AdaptiveCard(body) { Actions = actions, FallbackText = "A written submission to review." };
    }

    private static AdaptiveCard CommentForm(SubmissionItem item, string decision, string inputId, bool required, int length)
    {
        var input = new TextInput
        {
            Id = inputId,
            Label = required ? "What should the author change?" : "Why (optional; the author sees it)",
            IsMultiline = true,
            IsRequired = required,
            ErrorMessage = required ? "Please say what the author should change." : null,
            MaxLength = length,
        };
        return new AdaptiveCard([input])
        {
            Actions =
            [
                Decide(item, decision, decision == SubmissionVerbs.Return ? "Return to the author" : "Reject the submission",
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
