using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Help;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.SideEvents;

/// <summary>How a status line is coloured.</summary>
public enum SideEventTone
{
    Neutral,
    Good,
    Warning,
    Attention,
}

/// <summary>
/// One proposal as its proposer or an organiser sees it on a card. Every string is plain text (people's text
/// included): the cards escape it, so nobody's title can turn into a link or formatting.
/// </summary>
/// <param name="Status">"Waiting for the organisers", "Accepted: people can register", …</param>
/// <param name="Facts">Organisers, partner, theme, objectives, format, slot, size, accessibility, contact.</param>
/// <param name="Comment">The organisers' message, when it matters to the reader.</param>
public sealed record SideEventItem(
    int Id,
    int Version,
    string Title,
    string Status,
    SideEventTone Tone,
    IReadOnlyList<Fact> Facts,
    string? Comment,
    string Description,
    bool CanRevise,
    bool CanWithdraw);

/// <summary>A page of a person's own proposals.</summary>
public sealed record MySideEventsModel(IReadOnlyList<SideEventItem> Items, int PageIndex, bool HasMore, int TotalCount, string? Banner, string? PublicPageUrl);

/// <summary>What the person is told about one proposal: received, revised, or an organiser's decision.</summary>
public sealed record SideEventNoticeModel(string Heading, string Message, SideEventItem Item, string? PublicPageUrl);

/// <summary>One line of the organisers' review list.</summary>
public sealed record SideEventReviewEntry(int Id, string Title, string Summary);

/// <summary>A page of the proposals waiting for review.</summary>
public sealed record SideEventReviewListModel(IReadOnlyList<SideEventReviewEntry> Entries, int PageIndex, bool HasMore, int TotalCount, string? Banner, string? PublicPageUrl);

/// <summary>One proposal in full for an organiser to decide on.</summary>
/// <param name="Proposer">Who proposed it and their contact (organisers only).</param>
/// <param name="CanDecide">Whether it still waits for a decision.</param>
public sealed record SideEventReviewModel(SideEventItem Item, string Proposer, string? Banner, bool CanDecide, int CommentLength);

/// <summary>Card pieces shared by the side event cards.</summary>
internal static class SideEventParts
{
    public const int PreviewLength = 280;

    public static CardElement Heading(string text) => new TextBlock(text) { Size = TextSize.Medium, Weight = TextWeight.Bolder };

    public static Container Item(TextResources t, SideEventItem item, bool full, IReadOnlyList<CardAction> actions)
    {
        var items = new List<CardElement>
        {
            new TextBlock($"#{item.Id.ToString(CultureInfo.InvariantCulture)} · {MarkdownText.Escape(item.Title)}") { Weight = TextWeight.Bolder },
            new TextBlock(MarkdownText.Escape(item.Status)) { Color = Colour(item.Tone), Spacing = Spacing.None, Size = TextSize.Small, Weight = TextWeight.Bolder },
            new FactSet(item.Facts.Select(f => new Fact(f.Title, MarkdownText.Escape(f.Value))).ToList()) { Spacing = Spacing.Small },
        };

        if (item.Comment is not null)
        {
            items.Add(new TextBlock(t["Item.Comment", MarkdownText.Escape(item.Comment)]) { Color = TextColor.Warning });
        }

        items.Add(full
            ? new TextBlock(MarkdownText.Escape(item.Description))
            : new TextBlock(MarkdownText.Escape(Preview(item.Description))) { IsSubtle = true, MaxLines = 4 });

        if (actions.Count > 0)
        {
            items.Add(new ActionSet(actions));
        }

        return new Container(items) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium };
    }

    /// <summary>The proposer's buttons: revise, withdraw (after a confirmation).</summary>
    public static IReadOnlyList<CardAction> ProposerActions(TextResources t, SideEventItem item)
    {
        var actions = new List<CardAction>();
        var id = item.Id.ToString(CultureInfo.InvariantCulture);
        if (item.CanRevise)
        {
            actions.Add(new SubmitAction(CardActionData.For(SideEventVerbs.Revise, (SideEventVerbs.Id, id))) { Title = t["Revise"], SendInputs = false });
        }

        if (item.CanWithdraw)
        {
            var confirm = new AdaptiveCard([new TextBlock(t["Withdraw.Confirm"]) { }])
            {
                Actions =
                [
                    new SubmitAction(CardActionData.For(SideEventVerbs.Withdraw, (SideEventVerbs.Id, id)))
                    {
                        Title = t["Withdraw.Yes"],
                        Style = ActionStyle.Destructive,
                        SendInputs = false,
                    },
                ],
            };
            actions.Add(new ShowCardAction(confirm) { Title = t["Withdraw"] });
        }

        return actions;
    }

    public static string Preview(string text)
    {
        var flat = string.Join(' ', text.Split(['\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= PreviewLength ? flat : flat[..PreviewLength].TrimEnd() + "…";
    }

    /// <summary>The public page in the reader's language (<c>?lang=fr</c>); English is the page's default.</summary>
    public static string InLanguage(string pageUrl, CultureInfo culture) =>
        SupportedLanguages.IsPseudo(culture) || culture.TwoLetterISOLanguageName == "en"
            ? pageUrl
            : pageUrl + (pageUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + culture.Name;

    public static SubmitAction PageButton(string verb, string title, int page) =>
        new(CardActionData.For(verb, (SideEventVerbs.Page, page.ToString(CultureInfo.InvariantCulture)))) { Title = title, SendInputs = false };

    private static TextColor Colour(SideEventTone tone) => tone switch
    {
        SideEventTone.Good => TextColor.Good,
        SideEventTone.Warning => TextColor.Warning,
        SideEventTone.Attention => TextColor.Attention,
        _ => TextColor.Accent,
    };
}

/// <summary>Answers <c>my side events</c>: each proposal with its status and what the person can still do.</summary>
public static class MySideEventsCard
{
    public static AdaptiveCard Build(MySideEventsModel model, CultureInfo culture)
    {
        var t = TextResources.For<SideEventsCardTexts>(culture);
        var body = new List<CardElement> { SideEventParts.Heading(t["Mine.Heading"]) };
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
            body.Add(new TextBlock(t["Mine.Count", model.TotalCount]) { IsSubtle = true, Spacing = Spacing.None });
            body.AddRange(model.Items.Select(item => SideEventParts.Item(t, item, full: false, SideEventParts.ProposerActions(t, item))));
        }

        var actions = new List<CardAction>();
        if (model.PageIndex > 0)
        {
            actions.Add(SideEventParts.PageButton(SideEventVerbs.Mine, t["Newer"], model.PageIndex - 1));
        }

        if (model.HasMore)
        {
            actions.Add(SideEventParts.PageButton(SideEventVerbs.Mine, t["Older"], model.PageIndex + 1));
        }

        actions.Add(HelpCard.RunCommandButton("propose side event", t["NewProposal"]));
        if (model.PublicPageUrl is not null)
        {
            actions.Add(new OpenUrlAction(SideEventParts.InLanguage(model.PublicPageUrl, culture)) { Title = t["PublicPage"] });
        }

        return new AdaptiveCard(body) { Actions = actions, FallbackText = t["Mine.Fallback"], Lang = SupportedLanguages.TagOf(culture) };
    }
}

/// <summary>The card for one proposal's news, sent after the form or proactively after a review.</summary>
public static class SideEventNoticeCard
{
    public static AdaptiveCard Build(SideEventNoticeModel model, CultureInfo culture)
    {
        var t = TextResources.For<SideEventsCardTexts>(culture);
        var body = new List<CardElement>
        {
            SideEventParts.Heading(model.Heading),
            new TextBlock(MarkdownText.Escape(model.Message)) { Spacing = Spacing.Small },
            SideEventParts.Item(t, model.Item, full: false, SideEventParts.ProposerActions(t, model.Item)),
        };
        var actions = new List<CardAction> { HelpCard.RunCommandButton("my side events", t["MySideEvents"]) };
        if (model.PublicPageUrl is not null)
        {
            actions.Add(new OpenUrlAction(SideEventParts.InLanguage(model.PublicPageUrl, culture)) { Title = t["PublicPage"] });
        }

        return new AdaptiveCard(body) { Actions = actions, FallbackText = model.Heading, Lang = SupportedLanguages.TagOf(culture) };
    }
}

/// <summary>The organisers' review list: <c>review side events</c>; each proposal one press away.</summary>
public static class SideEventReviewListCard
{
    public static AdaptiveCard Build(SideEventReviewListModel model, CultureInfo culture)
    {
        var t = TextResources.For<SideEventsCardTexts>(culture);
        var body = new List<CardElement> { SideEventParts.Heading(t["ReviewList.Heading"]) };
        if (model.Banner is not null)
        {
            body.Add(new TextBlock(MarkdownText.Escape(model.Banner)) { Color = TextColor.Good, Weight = TextWeight.Bolder });
        }

        body.Add(new TextBlock(t["ReviewList.Count", model.TotalCount]) { IsSubtle = true, Spacing = Spacing.None });
        foreach (var entry in model.Entries)
        {
            var id = entry.Id.ToString(CultureInfo.InvariantCulture);
            body.Add(new Container(
            [
                new TextBlock($"#{id} · {MarkdownText.Escape(entry.Title)}") { Weight = TextWeight.Bolder },
                new TextBlock(MarkdownText.Escape(entry.Summary)) { IsSubtle = true, Spacing = Spacing.None, Size = TextSize.Small },
                new ActionSet([new SubmitAction(CardActionData.For(SideEventVerbs.ReviewOpen, (SideEventVerbs.Id, id))) { Title = t["Review"], SendInputs = false }]),
            ])
            {
                Style = ContainerStyle.Emphasis,
                Spacing = Spacing.Medium,
            });
        }

        var actions = new List<CardAction>();
        if (model.PageIndex > 0)
        {
            actions.Add(SideEventParts.PageButton(SideEventVerbs.ReviewList, t["Previous"], model.PageIndex - 1));
        }

        if (model.HasMore)
        {
            actions.Add(SideEventParts.PageButton(SideEventVerbs.ReviewList, t["Next"], model.PageIndex + 1));
        }

        if (model.PublicPageUrl is not null)
        {
            actions.Add(new OpenUrlAction(SideEventParts.InLanguage(model.PublicPageUrl, culture)) { Title = t["PublicPage"] });
        }

        return new AdaptiveCard(body) { Actions = actions, FallbackText = t["ReviewList.Fallback"], Lang = SupportedLanguages.TagOf(culture) };
    }
}

/// <summary>One proposal in full, with accept, ask for changes (message required) and decline (reason required).</summary>
public static class SideEventReviewCard
{
    public static AdaptiveCard Build(SideEventReviewModel model, CultureInfo culture)
    {
        var t = TextResources.For<SideEventsCardTexts>(culture);
        var item = model.Item;
        var body = new List<CardElement> { SideEventParts.Heading(t["Review.Heading"]) };
        if (model.Banner is not null)
        {
            body.Add(new TextBlock(MarkdownText.Escape(model.Banner)) { Color = TextColor.Warning, Weight = TextWeight.Bolder });
        }

        body.Add(new TextBlock(MarkdownText.Escape(model.Proposer)) { IsSubtle = true, Spacing = Spacing.None });
        body.Add(SideEventParts.Item(t, item with { Comment = null }, full: true, []));

        var actions = new List<CardAction>();
        if (model.CanDecide)
        {
            actions.Add(Decide(item, SideEventVerbs.Accept, t["Accept"], ActionStyle.Positive));
            actions.Add(new ShowCardAction(CommentForm(t, item, SideEventVerbs.RequestChanges, SideEventVerbs.ChangesComment, model.CommentLength)) { Title = t["RequestChanges"] });
            actions.Add(new ShowCardAction(CommentForm(t, item, SideEventVerbs.Decline, SideEventVerbs.DeclineComment, model.CommentLength)) { Title = t["Decline"] });
        }

        actions.Add(SideEventParts.PageButton(SideEventVerbs.ReviewList, t["BackToList"], 0));
        return new AdaptiveCard(body) { Actions = actions, FallbackText = t["Review.Fallback"], Lang = SupportedLanguages.TagOf(culture) };
    }

    private static AdaptiveCard CommentForm(TextResources t, SideEventItem item, string decision, string inputId, int length)
    {
        var changes = decision == SideEventVerbs.RequestChanges;
        var input = new TextInput
        {
            Id = inputId,
            Label = changes ? t["Comment.Changes"] : t["Comment.Decline"],
            IsMultiline = true,
            IsRequired = true,
            ErrorMessage = changes ? t["Comment.Changes.Error"] : t["Comment.Decline.Error"],
            MaxLength = length,
        };
        return new AdaptiveCard([input])
        {
            Actions =
            [
                Decide(item, decision, changes ? t["Changes.Button"] : t["Decline.Button"], changes ? ActionStyle.Default : ActionStyle.Destructive, sendInputs: true),
            ],
        };
    }

    private static SubmitAction Decide(SideEventItem item, string decision, string title, ActionStyle style, bool sendInputs = false) =>
        new(CardActionData.For(
            SideEventVerbs.ReviewDecide,
            (SideEventVerbs.Id, item.Id.ToString(CultureInfo.InvariantCulture)),
            (SideEventVerbs.Version, item.Version.ToString(CultureInfo.InvariantCulture)),
            (SideEventVerbs.Decision, decision)))
        {
            Title = title,
            Style = style,
            SendInputs = sendInputs,
        };
}
