using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.DraftSummary;

/// <summary>Names the resource files of this folder (<c>DraftSummaryCardTexts.resx</c> and its translations).</summary>
public sealed class DraftSummaryCardTexts;

/// <summary>The verbs of the draft summary's cards (Universal Actions) and the keys of their data.</summary>
public static class DraftSummaryVerbs
{
    public const string Show = "draftsummary.show";
    public const string Introduction = "draftsummary.introduction";
    public const string Points = "draftsummary.points";
    public const string Wording = "draftsummary.wording";
    public const string Restore = "draftsummary.restore";
    public const string Publish = "draftsummary.publish";
    public const string Unpublish = "draftsummary.unpublish";

    /// <summary>The introduction's input.</summary>
    public const string IntroductionKey = "introduction";

    /// <summary>A wording's input: the key issue's id follows ("wording-12"), so that every form on the card has its own.</summary>
    public const string WordingPrefix = "wording-";

    public const string Id = "id";
    public const string Page = "page";
    public const string Version = "version";
}

/// <summary>The draft preview's two files (expiring links) and when they expire, in the organiser's zone.</summary>
public sealed record DraftPreviewLinks(string Html, string Markdown, string Expires);

/// <summary>
/// The organisers' view of the combined draft summary: its version, which version is public, what it is built from,
/// their introduction, and the buttons to edit, preview, publish or unpublish it.
/// </summary>
/// <param name="PublishedAt">When the public (or last published) version was published, as the organiser reads times.</param>
public sealed record DraftSummaryCardModel(
    int Version,
    int? PublishedVersion,
    string? PublishedAt,
    bool IsPublic,
    string? PublicUrl,
    int Consultations,
    int KeyIssues,
    int Recommendations,
    int Edited,
    string? Introduction,
    int MaxIntroductionLength,
    string? Banner,
    DraftPreviewLinks? Preview);

/// <summary>A key issue or recommendation on the wording card.</summary>
/// <param name="Recorded">The recorded text when the draft words it otherwise; null when not edited.</param>
public sealed record DraftPointEntry(int Id, bool IsRecommendation, string Text, string? Recorded, string Consultations);

/// <summary>A page of the draft's key issues and recommendations with their wording forms.</summary>
public sealed record DraftPointsCardModel(IReadOnlyList<DraftPointEntry> Entries, int PageIndex, bool HasMore, int Total, int MaxWordingLength, string? Banner);

public static class DraftSummaryCards
{
    public const int PageSize = 5;

    public static AdaptiveCard Summary(DraftSummaryCardModel model, CultureInfo culture)
    {
        var t = TextResources.For<DraftSummaryCardTexts>(culture);
        var version = model.Version.ToString(CultureInfo.InvariantCulture);
        var body = new List<CardElement>
        {
            new TextBlock(t["Heading"]) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true },
        };
        if (model.Banner is not null)
        {
            body.Add(new TextBlock(MarkdownText.Escape(model.Banner)) { Color = TextColor.Good, Weight = TextWeight.Bolder, Wrap = true });
        }

        var publicState = model switch
        {
            { IsPublic: true, PublishedVersion: { } p } => t["State.Public", p, model.PublishedAt ?? string.Empty],
            { PublishedVersion: { } p } => t["State.Withdrawn", p],
            _ => t["State.NotPublished"],
        };
        body.Add(new FactSet(
        [
            new Fact(t["Fact.Draft"], t["Fact.DraftValue", model.Version]),
            new Fact(t["Fact.Public"], publicState),
            new Fact(t["Fact.Consultations"], model.Consultations.ToString("N0", culture)),
            new Fact(t["Fact.Points"], t["Fact.PointsValue", model.KeyIssues, model.Recommendations, model.Edited]),
        ]));
        if (model.PublishedVersion is { } published && published != model.Version)
        {
            body.Add(new TextBlock(t["State.EditedSince", published, model.Version]) { Color = TextColor.Warning, Wrap = true });
        }

        body.Add(new TextBlock(t["Introduction"]) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
        body.Add(new TextBlock(model.Introduction is null ? t["Introduction.None"] : MarkdownText.Escape(model.Introduction)) { Wrap = true, IsSubtle = model.Introduction is null, MaxLines = 6 });

        var editIntroduction = new AdaptiveCard(
        [
            new TextInput
            {
                Id = DraftSummaryVerbs.IntroductionKey,
                Label = t["Introduction.Label"],
                Value = model.Introduction,
                IsMultiline = true,
                MaxLength = model.MaxIntroductionLength,
            },
        ])
        {
            Actions = [new ExecuteAction(CardActionData.For(DraftSummaryVerbs.Introduction)) { Title = t["Save"] }],
        };

        var actions = new List<CardAction>
        {
            new ShowCardAction(editIntroduction) { Title = t["Button.Introduction"] },
            new ExecuteAction(CardActionData.For(DraftSummaryVerbs.Points, (DraftSummaryVerbs.Page, "0"))) { Title = t["Button.Wording"], SendInputs = false },
        };
        if (!(model.IsPublic && model.PublishedVersion == model.Version))
        {
            actions.Add(new ExecuteAction(CardActionData.For(DraftSummaryVerbs.Publish, (DraftSummaryVerbs.Version, version)))
            {
                Title = model.PublishedVersion is null ? t["Button.Publish", model.Version] : t["Button.Republish", model.Version],
                Style = ActionStyle.Positive,
                SendInputs = false,
            });
        }

        if (model.IsPublic)
        {
            actions.Add(new ExecuteAction(CardActionData.For(DraftSummaryVerbs.Unpublish)) { Title = t["Button.Unpublish"], Style = ActionStyle.Destructive, SendInputs = false });
        }

        var links = new List<CardAction>();
        if (model.IsPublic && model.PublicUrl is not null)
        {
            links.Add(new OpenUrlAction(model.PublicUrl) { Title = t["Button.PublicPage"] });
        }

        if (model.Preview is { } preview)
        {
            body.Add(new TextBlock(t["Preview", preview.Expires]) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.Medium });
            links.Add(new OpenUrlAction(preview.Html) { Title = t["Button.PreviewHtml"] });
            links.Add(new OpenUrlAction(preview.Markdown) { Title = t["Button.PreviewMarkdown"] });
        }

        if (links.Count > 0)
        {
            body.Add(new ActionSet(links));
        }

        return new AdaptiveCard(body) { Actions = actions, FallbackText = t["Fallback", model.Version], Lang = SupportedLanguages.TagOf(culture) };
    }

    public static AdaptiveCard Points(DraftPointsCardModel model, CultureInfo culture)
    {
        var t = TextResources.For<DraftSummaryCardTexts>(culture);
        var body = new List<CardElement>
        {
            new TextBlock(t["Points.Heading"]) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true },
            new TextBlock(t["Points.Intro"]) { IsSubtle = true, Wrap = true, Spacing = Spacing.None },
        };
        if (model.Banner is not null)
        {
            body.Add(new TextBlock(MarkdownText.Escape(model.Banner)) { Color = TextColor.Good, Weight = TextWeight.Bolder, Wrap = true });
        }

        if (model.Total == 0)
        {
            body.Add(new TextBlock(t["Points.None"]) { Wrap = true });
        }

        foreach (var entry in model.Entries)
        {
            var id = entry.Id.ToString(CultureInfo.InvariantCulture);
            var formActions = new List<CardAction>
            {
                new ExecuteAction(CardActionData.For(DraftSummaryVerbs.Wording, (DraftSummaryVerbs.Id, id), (DraftSummaryVerbs.Page, Page(model.PageIndex)))) { Title = t["Save"] },
            };
            if (entry.Recorded is not null)
            {
                formActions.Add(new ExecuteAction(CardActionData.For(DraftSummaryVerbs.Restore, (DraftSummaryVerbs.Id, id), (DraftSummaryVerbs.Page, Page(model.PageIndex))))
                {
                    Title = t["Button.Restore"],
                    SendInputs = false,
                });
            }

            var form = new AdaptiveCard(
            [
                new TextInput
                {
                    Id = DraftSummaryVerbs.WordingPrefix + id,
                    Label = t["Wording.Label"],
                    Value = entry.Text,
                    IsMultiline = true,
                    IsRequired = true,
                    ErrorMessage = t["Wording.Required"],
                    MaxLength = model.MaxWordingLength,
                },
            ])
            {
                Actions = formActions,
            };
            var items = new List<CardElement>
            {
                new TextBlock(entry.IsRecommendation ? t["Kind.Recommendation"] : t["Kind.KeyIssue"]) { Weight = TextWeight.Bolder, Size = TextSize.Small },
                new TextBlock(MarkdownText.Escape(entry.Text)) { Wrap = true, Spacing = Spacing.None },
                new TextBlock(MarkdownText.Escape(entry.Consultations)) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None },
            };
            if (entry.Recorded is not null)
            {
                items.Add(new TextBlock(t["Wording.Recorded", MarkdownText.Escape(entry.Recorded)]) { IsSubtle = true, Size = TextSize.Small, Wrap = true, MaxLines = 3 });
            }

            items.Add(new ActionSet([new ShowCardAction(form) { Title = t["Button.EditWording"] }]));
            body.Add(new Container(items) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Small });
        }

        var actions = new List<CardAction>
        {
            new ExecuteAction(CardActionData.For(DraftSummaryVerbs.Show)) { Title = t["Button.Back"], SendInputs = false },
        };
        if (model.PageIndex > 0)
        {
            actions.Add(new ExecuteAction(CardActionData.For(DraftSummaryVerbs.Points, (DraftSummaryVerbs.Page, Page(model.PageIndex - 1)))) { Title = t["Button.Previous"], SendInputs = false });
        }

        if (model.HasMore)
        {
            actions.Add(new ExecuteAction(CardActionData.For(DraftSummaryVerbs.Points, (DraftSummaryVerbs.Page, Page(model.PageIndex + 1)))) { Title = t["Button.Next"], SendInputs = false });
        }

        return new AdaptiveCard(body) { Actions = actions, FallbackText = t["Points.Heading"], Lang = SupportedLanguages.TagOf(culture) };
    }

    private static string Page(int index) => index.ToString(CultureInfo.InvariantCulture);
}
