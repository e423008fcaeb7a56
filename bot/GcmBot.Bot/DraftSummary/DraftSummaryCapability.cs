using System.Globalization;
using System.Text.Json;
using GcmBot.Bot.Exports;
using GcmBot.Bot.KeyIssues;
using GcmBot.Bot.Languages;
using GcmBot.Bot.PublicForms;
using GcmBot.Bot.Reports;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.DraftSummary;
using GcmBot.Cards.Words;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.DraftSummary;

public static class DraftSummaryCapability
{
    public const string PagePath = "/summary";
    public const string HtmlPath = "/summary.html";
    public const string MarkdownPath = "/summary.md";

    /// <summary>The combined draft summary report of the consultations: organisers edit and publish it; the public reads it.</summary>
    public static IServiceCollection AddDraftSummary(this IServiceCollection services)
    {
        services.AddSingleton<DraftSummaryStore>();
        services.AddScoped<DraftSummarySource>();
        services.AddScoped<DraftSummaryService>();
        var texts = typeof(DraftSummaryTexts);
        services.AddBotCommand<DraftSummaryCommand>("draft summary", "Command.DraftSummary", ConversationScopes.Personal, forOrganisers: true, texts: texts);
        services.AddCardAction<DraftSummaryActions>(DraftSummaryVerbs.Show, forOrganisers: true);
        services.AddCardAction<DraftSummaryActions>(DraftSummaryVerbs.Introduction, forOrganisers: true);
        services.AddCardAction<DraftSummaryActions>(DraftSummaryVerbs.Points, forOrganisers: true);
        services.AddCardAction<DraftSummaryActions>(DraftSummaryVerbs.Wording, forOrganisers: true);
        services.AddCardAction<DraftSummaryActions>(DraftSummaryVerbs.Restore, forOrganisers: true);
        services.AddCardAction<DraftSummaryActions>(DraftSummaryVerbs.Publish, forOrganisers: true);
        services.AddCardAction<DraftSummaryActions>(DraftSummaryVerbs.Unpublish, forOrganisers: true);
        return services;
    }

    /// <summary>
    /// The published draft: <c>/summary</c> (the page, in the public pages' layout), <c>/summary.html</c> and
    /// <c>/summary.md</c> (downloads), in the reader's language. Before publication, or after it is withdrawn: 404 "not
    /// yet published".
    /// </summary>
    public static IEndpointRouteBuilder MapDraftSummary(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(PagePath, async (HttpContext context, DraftSummaryStore store, IStringLocalizer<PublicFormsTexts> site, CancellationToken cancellationToken) =>
        {
            var culture = PublicPage.Begin(context, isPrivate: false);
            context.Response.Headers.Vary = "Accept-Language";
            context.Response.Headers.ContentLanguage = SupportedLanguages.TagOf(culture);
            var t = TextResources.For<DraftSummaryTexts>(culture);
            var published = PublishedDraft.Read(await store.PublicContentAsync(cancellationToken));
            if (published is null)
            {
                var none = "<p>" + WebLayout.Html(t["Page.NotPublished"]) + "</p>\n";
                return Results.Content(WebLayout.Page(site, culture, t["Doc.Title"], PagePath, none), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            }

            var edition = published.In(culture);
            var downloads = "<p>" + WebLayout.Html(t["Page.Downloads"]) + " <a href=\"" + HtmlPath + "?lang=" + SupportedLanguages.TagOf(culture) + "\">HTML</a> · <a href=\"" +
                MarkdownPath + "?lang=" + SupportedLanguages.TagOf(culture) + "\">Markdown</a></p>\n";
            return Results.Content(WebLayout.Page(site, culture, t["Doc.Title"], PagePath, downloads + edition.Page), "text/html; charset=utf-8");
        });
        endpoints.MapGet(HtmlPath, (HttpContext context, DraftSummaryStore store, CancellationToken cancellationToken) =>
            DownloadAsync(context, store, "html", cancellationToken));
        endpoints.MapGet(MarkdownPath, (HttpContext context, DraftSummaryStore store, CancellationToken cancellationToken) =>
            DownloadAsync(context, store, "md", cancellationToken));
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(HttpContext context, DraftSummaryStore store, string format, CancellationToken cancellationToken)
    {
        var culture = RequestLanguage.Of(context.Request);
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        // The standalone page carries its own inline style, allowed by its hash; no script, nothing else.
        headers.ContentSecurityPolicy = $"default-src 'none'; style-src '{ReportHtml.StyleHash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        var published = PublishedDraft.Read(await store.PublicContentAsync(cancellationToken));
        if (published is null)
        {
            return Results.Text(TextResources.For<DraftSummaryTexts>(culture)["Page.NotPublished"], "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        var edition = published.In(culture);
        var tag = SupportedLanguages.TagOf(culture);
        headers.ContentDisposition = $"attachment; filename=\"draft-summary-report-v{published.Version.ToString(CultureInfo.InvariantCulture)}-{tag}.{format}\"";
        return format == "md"
            ? Results.Text(edition.Markdown, "text/markdown; charset=utf-8")
            : Results.Text(edition.Html, "text/html; charset=utf-8");
    }
}

/// <summary>The published draft in one language: the page's content, the standalone HTML and the Markdown.</summary>
public sealed record PublishedEdition(string Page, string Html, string Markdown);

/// <summary>
/// What publication froze: the version and its text in each language, rendered when an organiser published it, so that
/// the public sees exactly what was published even as the draft is edited further.
/// </summary>
public sealed record PublishedDraft(int Version, DateTimeOffset PublishedAt, IReadOnlyDictionary<string, PublishedEdition> Languages)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public string Write() => JsonSerializer.Serialize(this, Options);

    public static PublishedDraft? Read(string? json) => json is null ? null : JsonSerializer.Deserialize<PublishedDraft>(json, Options);

    /// <summary>The edition in the reader's language (English for a language it was not rendered in).</summary>
    public PublishedEdition In(CultureInfo culture) =>
        Languages.GetValueOrDefault(SupportedLanguages.TagOf(culture)) ?? Languages[SupportedLanguages.TagOf(SupportedLanguages.English)];

    public static PublishedDraft Render(CombinedDraft draft, DateTimeOffset at) => new(
        draft.Version,
        at,
        SupportedLanguages.All.ToDictionary(
            SupportedLanguages.TagOf,
            c =>
            {
                var edition = new DraftEdition(draft.Version, at);
                return new PublishedEdition(DraftSummaryHtml.Fragment(draft, edition, c), DraftSummaryHtml.Document(draft, edition, c), DraftSummaryMarkdown.Document(draft, edition, c));
            }));
}

/// <summary>The organisers' actions on the draft, shared by the command and the cards.</summary>
public sealed class DraftSummaryService(
    DraftSummarySource source,
    DraftSummaryStore store,
    ReportPublisher files,
    PublicAddress host,
    IStringLocalizer<DraftSummaryTexts> texts,
    TimeProvider time)
{
    public string PublicUrl => host.Link(DraftSummaryCapability.PagePath).ToString();

    /// <summary>The draft card, with fresh preview files of the draft as it stands, in the organiser's language.</summary>
    public async Task<AdaptiveCard> CardAsync(BotTurn turn, string? banner, CancellationToken cancellationToken)
    {
        var draft = await source.BuildAsync(cancellationToken);
        var status = await store.StatusAsync(cancellationToken);
        var edition = new DraftEdition(draft.Version, null);
        var preview = await files.PublishAsync("draft-summary-report", turn.Culture,
            DraftSummaryHtml.Document(draft, edition, turn.Culture), DraftSummaryMarkdown.Document(draft, edition, turn.Culture), cancellationToken);
        return DraftSummaryCards.Summary(new DraftSummaryCardModel(
            status.Version,
            status.PublishedVersion,
            status.PublishedAt is { } at ? TimeText.InstantForPerson(at, turn.TimeZone, turn.Culture) : null,
            status.IsPublic,
            PublicUrl,
            draft.Consultations.Count,
            draft.KeyIssues.Count,
            draft.Recommendations.Count,
            draft.Points.Count(p => p.Edited),
            status.Introduction,
            DraftSummaryRules.MaxIntroductionLength,
            banner,
            new DraftPreviewLinks(preview.Html.Link.ToString(), preview.Markdown.Link.ToString(), TimeText.InstantForPerson(preview.Html.ExpiresAt, turn.TimeZone, turn.Culture))), turn.Culture);
    }

    public async Task<AdaptiveCard> PointsAsync(BotTurn turn, int page, string? banner, CancellationToken cancellationToken)
    {
        var draft = await source.BuildAsync(cancellationToken);
        var points = draft.Points;
        var last = Math.Max(0, (points.Count - 1) / DraftSummaryCards.PageSize);
        page = Math.Clamp(page, 0, last);
        var entries = points.Skip(page * DraftSummaryCards.PageSize).Take(DraftSummaryCards.PageSize)
            .Select(p => new DraftPointEntry(p.Id, p.Kind == KeyIssueKind.Recommendation, p.Text, p.Edited ? p.Recorded : null, string.Join("; ", p.Consultations)))
            .ToList();
        return DraftSummaryCards.Points(new DraftPointsCardModel(entries, page, page < last, points.Count, DraftSummaryRules.MaxWordingLength, banner), turn.Culture);
    }

    public async Task<string> SetIntroductionAsync(string? typed, CancellationToken cancellationToken)
    {
        var text = DraftSummaryRules.Clean(typed, DraftSummaryRules.MaxIntroductionLength, out var tooLong);
        if (tooLong)
        {
            return texts["Edit.TooLong", DraftSummaryRules.MaxIntroductionLength];
        }

        return Say(await store.SetIntroductionAsync(text, cancellationToken), await store.StatusAsync(cancellationToken));
    }

    /// <summary>Sets (or, with null, restores) a point's wording; null answer when the point is not in the draft.</summary>
    public async Task<string?> SetWordingAsync(int id, string? typed, bool restore, CancellationToken cancellationToken)
    {
        var draft = await source.BuildAsync(cancellationToken);
        var point = draft.Points.FirstOrDefault(p => p.Id == id);
        if (point is null)
        {
            return null;
        }

        var text = DraftSummaryRules.Clean(typed, DraftSummaryRules.MaxWordingLength, out var tooLong);
        if (!restore && (tooLong || text is null))
        {
            return tooLong ? texts["Edit.TooLong", DraftSummaryRules.MaxWordingLength] : texts["Edit.Empty"];
        }

        // The recorded text itself is no edit: saving it back restores the point.
        var wording = restore || text == point.Recorded ? null : text;
        return Say(await store.SetWordingAsync(id, wording, cancellationToken), await store.StatusAsync(cancellationToken));
    }

    public async Task<string> PublishAsync(int version, CancellationToken cancellationToken)
    {
        var draft = await source.BuildAsync(cancellationToken);
        if (draft.Version != version)
        {
            return texts["Publish.ChangedMeanwhile", draft.Version];
        }

        var outcome = await store.PublishAsync(version, PublishedDraft.Render(draft, time.GetUtcNow()).Write(), cancellationToken);
        return outcome switch
        {
            DraftChange.Published => texts["Publish.Done", version],
            DraftChange.AlreadyPublished => texts["Publish.Already", version],
            _ => texts["Publish.ChangedMeanwhile", (await store.StatusAsync(cancellationToken)).Version],
        };
    }

    public async Task<string> UnpublishAsync(CancellationToken cancellationToken) =>
        await store.UnpublishAsync(cancellationToken) == DraftChange.Unpublished ? texts["Unpublish.Done"] : texts["Unpublish.NotPublic"];

    private string Say(DraftChange change, DraftStatus status) => change switch
    {
        DraftChange.Saved => texts["Edit.Saved", status.Version],
        DraftChange.Unchanged => texts["Edit.Unchanged"],
        _ => texts["Edit.ChangedMeanwhile"],
    };
}

/// <summary><c>draft summary</c>: the combined draft, its state and the buttons to edit and publish it.</summary>
public sealed class DraftSummaryCommand(DraftSummaryService drafts) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken) =>
        await turn.SendCardAsync(await drafts.CardAsync(turn, null, cancellationToken), cancellationToken);
}

/// <summary>The draft card's buttons. Card data is untrusted: ids, pages and versions are parsed and checked here.</summary>
public sealed class DraftSummaryActions(DraftSummaryService drafts) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var page = Number(input.Text(DraftSummaryVerbs.Page)) ?? 0;
        switch (input.Verb)
        {
            case DraftSummaryVerbs.Show:
                return CardActionResult.ReplaceCard(await drafts.CardAsync(turn, null, cancellationToken));
            case DraftSummaryVerbs.Introduction:
                return CardActionResult.ReplaceCard(await drafts.CardAsync(turn, await drafts.SetIntroductionAsync(input.Text(DraftSummaryVerbs.IntroductionKey), cancellationToken), cancellationToken));
            case DraftSummaryVerbs.Points:
                return CardActionResult.ReplaceCard(await drafts.PointsAsync(turn, page, null, cancellationToken));
            case DraftSummaryVerbs.Wording or DraftSummaryVerbs.Restore:
                if (Number(input.Text(DraftSummaryVerbs.Id)) is not { } id)
                {
                    return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
                }

                var restore = input.Verb == DraftSummaryVerbs.Restore;
                var said = await drafts.SetWordingAsync(id, restore ? null : input.Text(DraftSummaryVerbs.WordingPrefix + id.ToString(CultureInfo.InvariantCulture)), restore, cancellationToken);
                return said is null
                    ? CardActionResult.Message(CardActionDispatcher.OutdatedCardText)
                    : CardActionResult.ReplaceCard(await drafts.PointsAsync(turn, page, said, cancellationToken));
            case DraftSummaryVerbs.Publish:
                if (Number(input.Text(DraftSummaryVerbs.Version)) is not { } version)
                {
                    return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
                }

                return CardActionResult.ReplaceCard(await drafts.CardAsync(turn, await drafts.PublishAsync(version, cancellationToken), cancellationToken));
            case DraftSummaryVerbs.Unpublish:
                return CardActionResult.ReplaceCard(await drafts.CardAsync(turn, await drafts.UnpublishAsync(cancellationToken), cancellationToken));
            default:
                return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }
    }

    private static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and < 10_000_000 ? n : null;
}
