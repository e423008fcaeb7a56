using System.Globalization;
using System.Text;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.KeyIssues;
using GcmBot.Bot.Reports;
using GcmBot.Cards.Common;
using GcmBot.Cards.Words;

namespace GcmBot.Bot.DraftSummary;

/// <summary>Names the resource files of this folder (<c>DraftSummaryTexts.resx</c> and its translations).</summary>
public sealed class DraftSummaryTexts;

/// <summary>What the document says about its state: a draft of a version, or the version published and when.</summary>
public sealed record DraftEdition(int Version, DateTimeOffset? PublishedAt);

/// <summary>
/// The combined draft as HTML: a fragment for the public page's layout (<see cref="PublicForms.WebLayout"/>) and a
/// standalone document for download. Both use the per-consultation reports' builders (participation tables and charts,
/// points, the encoder) and sentences (<see cref="ReportWords"/>), so the privacy rules and the wording are the same.
/// </summary>
public static class DraftSummaryHtml
{
    /// <summary>The page's content under the layout's h1 (the title).</summary>
    public static string Fragment(CombinedDraft draft, DraftEdition edition, CultureInfo culture)
    {
        var html = new ReportHtml.Html();
        Body(html, draft, edition, culture);
        return html.ToString();
    }

    /// <summary>A page of its own (no script, its inline style allowed by hash), to download or print.</summary>
    public static string Document(CombinedDraft draft, DraftEdition edition, CultureInfo culture)
    {
        var t = TextResources.For<DraftSummaryTexts>(culture);
        var html = new ReportHtml.Html();
        html.Open(t["Doc.Title"], SupportedLanguages.TagOf(culture));
        html.Raw("<header>\n<h1>").Text(t["Doc.Title"]).Raw("</h1>\n</header>\n<main>\n");
        Body(html, draft, edition, culture);
        html.Raw("</main>\n");
        return html.Close();
    }

    public static string Title(CultureInfo culture) => TextResources.For<DraftSummaryTexts>(culture)["Doc.Title"];

    private static void Body(ReportHtml.Html html, CombinedDraft d, DraftEdition edition, CultureInfo culture)
    {
        var w = new ReportWords(culture);
        var t = TextResources.For<DraftSummaryTexts>(culture);
        html.Raw("<p class=\"draft\">").Text(DraftSummaryMarkdown.EditionLine(edition, t, w)).Raw("</p>\n");

        html.Raw("<section aria-labelledby=\"introduction\">\n<h2 id=\"introduction\">").Text(t["Sec.Introduction"]).Raw("</h2>\n");
        foreach (var paragraph in Paragraphs(d.Introduction))
        {
            html.Raw("<p>").Text(paragraph).Raw("</p>\n");
        }

        html.Raw("<p>").Text(t["Intro.About"]).Raw("</p>\n</section>\n");

        html.Raw("<section aria-labelledby=\"held\">\n<h2 id=\"held\">").Text(t["Sec.Consultations"]).Raw("</h2>\n");
        if (d.Consultations.Count == 0)
        {
            html.Raw("<p>").Text(t["Consultations.None"]).Raw("</p>\n");
        }
        else
        {
            html.Raw("<table>\n<caption>").Text(t["Consultations.Caption", d.Consultations.Count]).Raw("</caption>\n<thead><tr>");
            foreach (var heading in Columns(t, w))
            {
                html.Raw("<th scope=\"col\">").Text(heading).Raw("</th>");
            }

            html.Raw("</tr></thead>\n<tbody>\n");
            foreach (var row in d.Consultations.Select(c => Row(c, w)))
            {
                html.Raw("<tr><th scope=\"row\">").Text(row[0]).Raw("</th>");
                foreach (var cell in row.Skip(1))
                {
                    html.Raw("<td>").Text(cell).Raw("</td>");
                }

                html.Raw("</tr>\n");
            }

            html.Raw("</tbody>\n</table>\n");
        }

        html.Raw("</section>\n");

        Points(html, "issues", t["Sec.KeyIssues"], d, KeyIssueKind.KeyIssue, w["KeyIssues.None"], t, w);
        Points(html, "recommendations", t["Sec.Recommendations"], d, KeyIssueKind.Recommendation, w["Recommendations.None"], t, w);

        html.Raw("<section aria-labelledby=\"representation\">\n<h2 id=\"representation\">").Text(t["Sec.Representation"]).Raw("</h2>\n<p>").Text(w.Rule).Raw("</p>\n");
        var flags = d.Representation.Consultations.SelectMany(c => c.Participation.Flags.Select(f => (c, f.Dimension, f.Row))).ToList();
        if (flags.Count == 0)
        {
            html.Raw("<p>").Text(w["Rep.NoFlags"]).Raw("</p>\n");
        }
        else
        {
            html.Raw("<ul>\n");
            foreach (var (c, dimension, row) in flags)
            {
                html.Raw("<li><strong>").Text(w.Category(dimension, row)).Raw("</strong> ").Text(w["Rep.FlagLine", w.Dimension(dimension), c.Title, w.FlagDetail(row)]).Raw("</li>\n");
            }

            html.Raw("</ul>\n");
        }

        var n = 0;
        foreach (var c in d.Consultations)
        {
            var id = "c" + (++n).ToString(CultureInfo.InvariantCulture);
            html.Raw($"<h3 id=\"{id}\">").Text(c.Title).Raw("</h3>\n");
            ReportHtml.Participation(html, c.Participation, id, w, level: 4);
        }

        html.Raw("</section>\n");

        html.Raw("<section aria-labelledby=\"submissions\">\n<h2 id=\"submissions\">").Text(t["Sec.Submissions"]).Raw("</h2>\n");
        foreach (var theme in d.Submissions)
        {
            html.Raw("<h3>").Text(theme.Theme.LabelIn(culture)).Raw("</h3>\n<p>").Text(t["Submissions.Received", w.Count(theme.Received), theme.Published.Count]).Raw("</p>\n");
            ReportHtml.Published(html, theme.Published);
        }

        html.Raw("<p>").Text(w.Privacy).Raw("</p>\n</section>\n");

        html.Raw("<section aria-labelledby=\"method\">\n<h2 id=\"method\">").Text(w["Footer.Summary"]).Raw("</h2>\n");
        foreach (var line in w.Method)
        {
            html.Raw("<p>").Text(line).Raw("</p>\n");
        }

        html.Raw("<p>").Text(t["Method.Combined"]).Raw("</p>\n</section>\n");
    }

    private static void Points(ReportHtml.Html html, string id, string heading, CombinedDraft d, KeyIssueKind kind, string none, TextResources t, ReportWords w)
    {
        html.Raw($"<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">").Text(heading).Raw("</h2>\n");
        var groups = d.Groups(kind);
        if (groups.Count == 0)
        {
            html.Raw("<p>").Text(none).Raw("</p>\n");
        }

        RoundtableTheme? shown = null;
        var n = 0;
        foreach (var group in groups)
        {
            if (group.Theme is not null && group.Theme != shown)
            {
                html.Raw("<h3>").Text(group.Theme.LabelIn(w.Culture)).Raw("</h3>\n");
                shown = group.Theme;
            }

            ReportHtml.Points(html, $"{id}-{++n}", GroupHeading(group, t, w), group.Points.Select(p => p.ForReport).ToList(), none, w, group.Theme is null ? 3 : 4);
        }

        html.Raw("</section>\n");
    }

    internal static string GroupHeading(DraftGroup group, TextResources t, ReportWords w) => group switch
    {
        { Theme: null } => t["Group.NoTheme"],
        { Objective: { } o } => t["Group.Objective", o.Number, o.TitleIn(w.Culture)],
        { Theme: { } theme } => t["Group.ThemeAsAWhole", theme.Code.ToString()],
    };

    internal static IReadOnlyList<string> Columns(TextResources t, ReportWords w) =>
        [t["Col.Consultation"], t["Col.When"], w["Col.Registered"], w["Col.Attended"], t["Col.Questions"], w["Col.Interventions"], t["Col.KeyIssues"], t["Col.Recommendations"]];

    internal static IReadOnlyList<string> Row(SummaryReport c, ReportWords w) =>
    [
        c.Title,
        w.When(c.Start, c.End),
        w.Number(c.Participation.Registered),
        c.Participation.Attended is { } a ? w.Number(a) : w["Part.NotRecorded"],
        w.Number(c.Questions.Raised),
        w.Number(c.Interventions.Count),
        w.Number(c.KeyIssues.Count),
        w.Number(c.Recommendations.Count),
    ];

    internal static IEnumerable<string> Paragraphs(string? text) =>
        (text ?? string.Empty).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>The combined draft as Markdown, same sections and sentences as the HTML.</summary>
public static class DraftSummaryMarkdown
{
    public static string Document(CombinedDraft d, DraftEdition edition, CultureInfo culture)
    {
        var w = new ReportWords(culture);
        var t = TextResources.For<DraftSummaryTexts>(culture);
        var md = new StringBuilder();
        md.Append("# ").Append(t["Doc.Title"]).Append("\n\n*").Append(EditionLine(edition, t, w)).Append("*\n\n");

        md.Append("## ").Append(t["Sec.Introduction"]).Append("\n\n");
        foreach (var paragraph in DraftSummaryHtml.Paragraphs(d.Introduction))
        {
            md.Append(MarkdownText.Escape(paragraph)).Append("\n\n");
        }

        md.Append(t["Intro.About"]).Append("\n\n");

        md.Append("## ").Append(t["Sec.Consultations"]).Append("\n\n");
        if (d.Consultations.Count == 0)
        {
            md.Append(t["Consultations.None"]).Append("\n\n");
        }
        else
        {
            var columns = DraftSummaryHtml.Columns(t, w);
            md.Append("| ").AppendJoin(" | ", columns).Append(" |\n|").AppendJoin("|", columns.Select(_ => "---")).Append("|\n");
            foreach (var row in d.Consultations.Select(c => DraftSummaryHtml.Row(c, w)))
            {
                md.Append("| ").AppendJoin(" | ", row.Select(MarkdownText.Escape)).Append(" |\n");
            }

            md.Append('\n');
        }

        foreach (var (kind, heading, none) in new[] { (KeyIssueKind.KeyIssue, t["Sec.KeyIssues"], w["KeyIssues.None"]), (KeyIssueKind.Recommendation, t["Sec.Recommendations"], w["Recommendations.None"]) })
        {
            md.Append("## ").Append(heading).Append("\n\n");
            var groups = d.Groups(kind);
            if (groups.Count == 0)
            {
                md.Append(none).Append("\n\n");
            }

            RoundtableTheme? shown = null;
            foreach (var group in groups)
            {
                if (group.Theme is not null && group.Theme != shown)
                {
                    md.Append("### ").Append(group.Theme.LabelIn(culture)).Append("\n\n");
                    shown = group.Theme;
                }

                ReportMarkdown.Points(md, (group.Theme is null ? "### " : "#### ") + DraftSummaryHtml.GroupHeading(group, t, w), group.Points.Select(p => p.ForReport).ToList(), none, w);
            }
        }

        md.Append("## ").Append(t["Sec.Representation"]).Append("\n\n").Append(w.Rule).Append("\n\n");
        var flags = d.Representation.Consultations.SelectMany(c => c.Participation.Flags.Select(f => (c, f.Dimension, f.Row))).ToList();
        md.Append(flags.Count == 0 ? w["Rep.NoFlags"] + "\n" : string.Empty);
        foreach (var (c, dimension, row) in flags)
        {
            md.Append("- **").Append(MarkdownText.Escape(w.Category(dimension, row))).Append("** ")
                .Append(w["Rep.FlagLine", w.Dimension(dimension), MarkdownText.Escape(c.Title), w.FlagDetail(row)]).Append('\n');
        }

        md.Append('\n');
        foreach (var c in d.Consultations)
        {
            md.Append("### ").Append(MarkdownText.Escape(c.Title)).Append("\n\n");
            ReportMarkdown.Participation(md, c.Participation, "####", w);
        }

        md.Append("## ").Append(t["Sec.Submissions"]).Append("\n\n");
        foreach (var theme in d.Submissions)
        {
            md.Append("### ").Append(theme.Theme.LabelIn(culture)).Append("\n\n").Append(t["Submissions.Received", w.Count(theme.Received), theme.Published.Count]).Append("\n\n");
            ReportMarkdown.Published(md, theme.Published);
        }

        md.Append('*').Append(w.Privacy).Append("*\n\n");
        ReportMarkdown.Method(md, "## " + w["Footer.Summary"], w);
        md.Append("- ").Append(t["Method.Combined"]).Append('\n');
        return md.ToString();
    }

    internal static string EditionLine(DraftEdition edition, TextResources t, ReportWords w) =>
        edition.PublishedAt is { } at
            ? t["Doc.Published", edition.Version, w.Instant(at)]
            : t["Doc.Draft", edition.Version];
}
