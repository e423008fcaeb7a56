using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Languages;
using GcmBot.Cards.Common;
using GcmBot.Cards.Words;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace GcmBot.Bot.Submissions;

/// <summary>One published submission in the machine-readable list.</summary>
public sealed record PublicSubmission(
    int Id,
    string Title,
    IReadOnlyList<string> Themes,
    IReadOnlyList<int> Objectives,
    string? Text,
    string? Link,
    string? Author,
    string? Organisation,
    DateTimeOffset? PublishedAt);

/// <summary>The submissions under one theme and objective (objective null: the theme as a whole).</summary>
public sealed record PublicGroup(string Theme, int? Objective, IReadOnlyList<int> SubmissionIds);

/// <summary>What <c>/submissions.json</c> answers.</summary>
public sealed record PublicSubmissionsDocument(DateTimeOffset GeneratedAt, IReadOnlyList<PublicSubmission> Submissions, IReadOnlyList<PublicGroup> Groups);

/// <summary>
/// The public page of published submissions: plain, accessible HTML with no script, that ESCAP's web team can link to
/// or copy as it is. It speaks the reader's language (<c>?lang=fr</c>, else the browser's <c>Accept-Language</c>, else
/// English) and offers the other languages as plain links. People's text is HTML-encoded everywhere and only https links
/// become links; the host also sends a Content-Security-Policy that allows no script and no inline style but the
/// page's own stylesheet (by its hash), in case anything ever slipped through.
/// </summary>
public static class PublicSubmissionsPage
{
    private const string Style =
        "body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",sans-serif;line-height:1.55;color:#1b1b1b;background:#fff;margin:0}" +
        "header,nav,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}" +
        "header{padding-top:1.5rem}h1{font-size:1.6rem;line-height:1.25;margin:.25rem 0 1rem}" +
        "h2{font-size:1.3rem;margin:2.5rem 0 .25rem;padding-top:.75rem;border-top:3px solid #0e5a78}" +
        "h3{font-size:1.05rem;margin:1.75rem 0 .5rem;color:#0e5a78}h4{font-size:1.05rem;margin:0 0 .25rem}" +
        ".kicker,.meta,.note{color:#4a4a4a;font-size:.92rem}.kicker{margin:0;text-transform:uppercase;letter-spacing:.04em}" +
        "article{border-left:4px solid #9cc3d5;padding:.25rem 0 .25rem 1rem;margin:1rem 0}" +
        "article p{margin:.4rem 0;overflow-wrap:anywhere}a{color:#0b4f6c}a:focus{outline:3px solid #f2a900;outline-offset:2px}" +
        "nav ul{padding-left:1.25rem}footer{margin-top:3rem;padding-bottom:2rem;border-top:1px solid #ccc}" +
        ".languages ul{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}" +
        ".languages a[aria-current]{font-weight:700;text-decoration:none;color:#1b1b1b}" +
        "@media print{nav{display:none}a{color:#000}}";

    /// <summary>The page's own stylesheet is allowed by its hash: no <c>unsafe-inline</c>, no script at all.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; base-uri 'none'; form-action 'none'";

    /// <summary>The query parameter of the language switch (<c>?lang=fr</c>).</summary>
    public const string LanguageParameter = Languages.RequestLanguage.QueryKey;

    // Stands for an HTML fragment (a date, a link) inside a text while the text is encoded.
    private const string Slot = "\u0001";

    public static PublicSubmissionsDocument Document(IReadOnlyList<SubmissionRecord> published, DateTimeOffset generatedAt)
    {
        var shown = published.Where(s => s.IsPublished).ToList();
        var submissions = shown.Select(s => new PublicSubmission(
            s.Id,
            s.Title,
            s.Tags.Themes.Select(c => c.ToString()).ToList(),
            s.Tags.Objectives,
            s.Text,
            SafeLink(s.Link),
            s.PublicName,
            s.PublicOrganisation,
            s.PublishedAt)).ToList();
        var groups = Groups(shown)
            .Select(g => new PublicGroup(g.Theme.Code.ToString(), g.Objective?.Number, g.Items.Select(s => s.Id).ToList()))
            .ToList();
        return new PublicSubmissionsDocument(generatedAt, submissions, groups);
    }

    /// <summary>The page in <paramref name="culture"/>; <paramref name="texts"/> are this capability's resource texts.</summary>
    public static string Html(IReadOnlyList<SubmissionRecord> published, DateTimeOffset generatedAt, CultureInfo culture, IStringLocalizer texts)
    {
        using var language = LanguageScope.Use(culture);
        var shown = published.Where(s => s.IsPublished).ToList();
        var title = texts["Page.Title"];
        var html = new StringBuilder(6144 + shown.Sum(s => (s.Text?.Length ?? 0) + 400));
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(SupportedLanguages.TagOf(culture)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n")
            .Append("<link rel=\"alternate\" type=\"application/json\" href=\"submissions.json\">\n");
        foreach (var other in SupportedLanguages.All)
        {
            html.Append("<link rel=\"alternate\" hreflang=\"").Append(other.Name).Append("\" href=\"?lang=").Append(other.Name).Append("\">\n");
        }

        html.Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n");

        html.Append("<header>\n");
        LanguageSwitch(html, culture, texts);
        html.Append("<p class=\"kicker\">").Append(Encode(texts["Page.Kicker"])).Append("</p>\n")
            .Append("<h1>").Append(Encode(title)).Append("</h1>\n")
            .Append("<p>").Append(Encode(texts["Page.Intro"])).Append("</p>\n")
            .Append("<p class=\"note\">").Append(WithSlot(texts["Page.Count", shown.Count, Slot], Time(generatedAt, culture))).Append("</p>\n</header>\n");

        var groups = Groups(shown);
        html.Append("<nav aria-labelledby=\"themes-nav\">\n<h2 id=\"themes-nav\">").Append(Encode(texts["Page.ThemesNav"])).Append("</h2>\n<ul>\n");
        foreach (var theme in GcmReference.Themes)
        {
            var count = shown.Count(s => s.Tags.Themes.Contains(theme.Code));
            html.Append("<li><a href=\"#theme-").Append(theme.Code).Append("\">").Append(Encode(theme.LabelIn(culture))).Append("</a> (")
                .Append(count.ToString(CultureInfo.InvariantCulture)).Append(")</li>\n");
        }

        html.Append("</ul>\n</nav>\n<main>\n");
        var written = new HashSet<int>();
        foreach (var theme in GcmReference.Themes)
        {
            html.Append("<section aria-labelledby=\"theme-").Append(theme.Code).Append("\">\n<h2 id=\"theme-").Append(theme.Code).Append("\">")
                .Append(Encode(texts["Page.Theme", theme.LabelIn(culture)])).Append("</h2>\n<p class=\"note\">")
                .Append(Encode(texts["Page.ThemeObjectives", string.Join(", ", theme.Objectives.Order())])).Append("</p>\n");
            var themeGroups = groups.Where(g => g.Theme == theme).ToList();
            if (themeGroups.Count == 0)
            {
                html.Append("<p>").Append(Encode(texts["Page.NoneOnTheme"])).Append("</p>\n");
            }

            foreach (var group in themeGroups)
            {
                var id = group.Objective is { } o ? $"theme-{theme.Code}-objective-{o.Number}" : $"theme-{theme.Code}-general";
                html.Append("<section aria-labelledby=\"").Append(id).Append("\">\n<h3 id=\"").Append(id).Append("\">")
                    .Append(Encode(group.Objective is { } objective
                        ? texts["Page.Objective", objective.Number, objective.Title]
                        : texts["Page.ThemeAsAWhole", theme.Code.ToString()]))
                    .Append("</h3>\n");
                var again = new List<SubmissionRecord>();
                foreach (var submission in group.Items)
                {
                    if (written.Add(submission.Id))
                    {
                        Article(html, submission, culture, texts);
                    }
                    else
                    {
                        again.Add(submission);
                    }
                }

                // A submission is written out once, where it first appears; later groups point back to it.
                if (again.Count > 0)
                {
                    html.Append("<p class=\"note\">").Append(Encode(texts["Page.AlsoHere"])).Append("</p>\n<ul>\n");
                    foreach (var submission in again)
                    {
                        html.Append("<li><a href=\"#submission-").Append(submission.Id.ToString(CultureInfo.InvariantCulture)).Append("\">")
                            .Append(Encode(submission.Title)).Append("</a></li>\n");
                    }

                    html.Append("</ul>\n");
                }

                html.Append("</section>\n");
            }

            html.Append("</section>\n");
        }

        html.Append("</main>\n<footer>\n<p class=\"note\">")
            .Append(WithSlot(texts["Page.Footer", Slot], "<a href=\"submissions.json\">submissions.json</a>"))
            .Append("</p>\n</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The link as published: only an absolute https address; anything else is left out entirely.</summary>
    public static string? SafeLink(string? link) =>
        link is null ? null : SubmissionRules.NormaliseLink(link, out var problem) is { } safe && problem is null ? safe : null;

    /// <summary>
    /// A link per language, each named in its own language, that works without script: the page again with <c>?lang=</c>.
    /// </summary>
    private static void LanguageSwitch(StringBuilder html, CultureInfo culture, IStringLocalizer texts)
    {
        html.Append("<nav class=\"languages\" aria-label=\"").Append(Encode(texts["Page.Languages"])).Append("\">\n<ul>\n");
        foreach (var other in SupportedLanguages.All)
        {
            html.Append("<li><a href=\"?").Append(LanguageParameter).Append('=').Append(other.Name).Append("\" hreflang=\"").Append(other.Name)
                .Append("\" lang=\"").Append(other.Name).Append('"');
            if (other.Name == SupportedLanguages.TagOf(culture))
            {
                html.Append(" aria-current=\"true\"");
            }

            html.Append('>').Append(Encode(SupportedLanguages.NativeName(other))).Append("</a></li>\n");
        }

        html.Append("</ul>\n</nav>\n");
    }

    private static void Article(StringBuilder html, SubmissionRecord s, CultureInfo culture, IStringLocalizer texts)
    {
        var id = "submission-" + s.Id.ToString(CultureInfo.InvariantCulture);
        html.Append("<article id=\"").Append(id).Append("\" aria-labelledby=\"").Append(id).Append("-title\">\n")
            .Append("<h4 id=\"").Append(id).Append("-title\">").Append(Encode(s.Title)).Append("</h4>\n<p class=\"meta\">");
        var by = string.Join(", ", new[] { s.PublicName, s.PublicOrganisation }.Where(x => !string.IsNullOrWhiteSpace(x)));
        html.Append(by.Length == 0 ? Encode(texts["Page.AuthorNotNamed"]) : Encode(texts["Page.By", by]));
        if (s.PublishedAt is { } published)
        {
            html.Append(" · ").Append(WithSlot(texts["Page.Published", Slot], Time(published, culture)));
        }

        html.Append(" · ").Append(Encode(texts["Page.Themes", s.Tags.ThemesText]));
        if (s.Tags.Objectives.Count > 0)
        {
            html.Append(" · ").Append(Encode(texts["Page.Objectives", s.Tags.ObjectivesText]));
        }

        html.Append("</p>\n");
        foreach (var paragraph in (s.Text ?? string.Empty).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>").Append(string.Join("<br>\n", paragraph.Split('\n').Select(Encode))).Append("</p>\n");
        }

        if (SafeLink(s.Link) is { } link && Uri.TryCreate(link, UriKind.Absolute, out var uri))
        {
            html.Append("<p><a href=\"").Append(Encode(link)).Append("\" rel=\"noopener noreferrer\">").Append(Encode(texts["Page.ReadDocument"])).Append("</a> <span class=\"meta\">(")
                .Append(Encode(uri.IdnHost)).Append(")</span></p>\n");
        }

        html.Append("</article>\n");
    }

    private static List<(RoundtableTheme Theme, GcmObjective? Objective, IReadOnlyList<SubmissionRecord> Items)> Groups(IReadOnlyList<SubmissionRecord> shown)
    {
        var groups = new List<(RoundtableTheme, GcmObjective?, IReadOnlyList<SubmissionRecord>)>();
        foreach (var theme in GcmReference.Themes)
        {
            var inTheme = shown.Where(s => s.Tags.Themes.Contains(theme.Code)).ToList();
            foreach (var number in theme.Objectives.Order())
            {
                var items = inTheme.Where(s => s.Tags.Objectives.Contains(number)).ToList();
                if (items.Count > 0)
                {
                    groups.Add((theme, GcmReference.Objective(number), items));
                }
            }

            var general = inTheme.Where(s => !s.Tags.Objectives.Any(theme.Objectives.Contains)).ToList();
            if (general.Count > 0)
            {
                groups.Add((theme, null, general));
            }
        }

        return groups;
    }

    private static string Time(DateTimeOffset at, CultureInfo culture)
    {
        var local = TimeZoneInfo.ConvertTime(at, TimeText.ReferenceZone);
        return string.Create(CultureInfo.InvariantCulture, $"<time datetime=\"{local:yyyy-MM-dd}\">{Encode(LocalTimes.Date(at, TimeText.ReferenceZone, culture))}</time>");
    }

    /// <summary>A text encoded for HTML, with the fragment put where the text had <see cref="Slot"/>.</summary>
    private static string WithSlot(string text, string fragment) => Encode(text).Replace(Slot, fragment, StringComparison.Ordinal);

    // The five characters that mean something in HTML text and quoted attributes are encoded; letters of every script
    // stay as they are (the page is UTF-8; WebUtility.HtmlEncode would turn "é" into "&#233;", HtmlEncoder "+" into "&#x2B;").
    private static string Encode(string text)
    {
        var encoded = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            encoded.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return encoded.ToString();
    }
}
