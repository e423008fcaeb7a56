using System.Globalization;
using System.Text;
using GcmBot.Bot.SpeakerQueue;
using GcmBot.Cards.Reports;

namespace GcmBot.Bot.Reports;

/// <summary>
/// The reports as standalone HTML pages: no script, no external resource, a little inline CSS (its own CSP in a meta
/// tag allows nothing else, by its hash), headings in order, tables with header cells, an inline SVG chart with a text title and
/// description, and everything people typed HTML-encoded. They print on A4 as they are.
/// </summary>
public static class ReportHtml
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#1b1b1b;max-width:56rem;margin:0 auto;padding:1rem 1.5rem}
        h1{font-size:1.7rem;margin:.2rem 0}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid #005a9e}h3{font-size:1.05rem;margin-top:1.4rem}
        .draft{display:inline-block;background:#fff4ce;border:1px solid #8a6d00;padding:.1rem .5rem;font-weight:600}
        .subtitle{font-size:1.15rem;margin:.2rem 0 1rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
        table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}caption{text-align:left;font-weight:600;padding:.3rem 0}
        th,td{border:1px solid #8a8886;padding:.25rem .5rem;text-align:left;vertical-align:top}thead th{background:#f3f2f1}td.n{text-align:right;white-space:nowrap}
        .flag{color:#a4262c;font-weight:600}.note{font-size:.9rem;color:#484644}figure{margin:.5rem 0}svg{max-width:100%;height:auto}
        @media print{body{max-width:none;padding:0}h2{break-after:avoid}table,figure{break-inside:avoid}}
        """;

    /// <summary>The hash of the page's only style element, so that its Content-Security-Policy needs no 'unsafe-inline'.</summary>
    public static string StyleHash { get; } =
        "sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Style)));

    public static string Summary(SummaryReport report, CultureInfo culture)
    {
        var w = new ReportWords(culture);
        var html = new Html();
        html.Open(w["Doc.SummaryTitle", report.Title], w.Tag);
        html.Raw("<header><p class=\"draft\">").Text(w["Doc.Draft"]).Raw("</p>\n");
        html.Raw("<h1>").Text(w["Doc.SummaryHeading"]).Raw("</h1>\n<p class=\"subtitle\">").Text(report.Title).Raw("</p>\n</header>\n<main>\n");

        html.Raw("<section aria-labelledby=\"about\">\n<h2 id=\"about\">").Text(w["Sec.Consultation"]).Raw("</h2>\n<dl>\n");
        html.Raw("<dt>").Text(w["Field.When"]).Raw("</dt><dd>").Text(w.When(report.Start, report.End)).Raw("</dd>\n");
        html.Raw("<dt>").Text(w["Field.Theme"]).Raw("</dt><dd>").Text(report.Themes.Count == 0 ? w["Theme.None"] : string.Join("; ", report.Themes.Select(t => t.LabelIn(culture)))).Raw("</dd>\n");
        html.Raw("<dt>").Text(w["Field.Objectives"]).Raw("</dt><dd>");
        if (report.Objectives.Count == 0)
        {
            html.Text(w["Objectives.None"]);
        }
        else
        {
            html.Raw("<ul>");
            foreach (var o in report.Objectives)
            {
                html.Raw("<li>").Text($"{o.Number}. {o.TitleIn(culture)}").Raw("</li>");
            }

            html.Raw("</ul>");
        }

        html.Raw("</dd>\n<dt>").Text(w["Field.Built"]).Raw("</dt><dd>").Text(w.Instant(report.GeneratedAt)).Raw("</dd>\n</dl>\n</section>\n");

        html.Raw("<section aria-labelledby=\"participation\">\n<h2 id=\"participation\">").Text(w["Sec.Participation"]).Raw("</h2>\n");
        Participation(html, report.Participation, "p", w);
        html.Raw("</section>\n");

        var q = report.Questions;
        html.Raw("<section aria-labelledby=\"questions\">\n<h2 id=\"questions\">").Text(w["Sec.Questions"]).Raw("</h2>\n<p>").Text(w.QuestionsLine(q)).Raw("</p>\n");
        if (q.Top.Count > 0)
        {
            html.Raw("<table>\n<caption>").Text(w["Questions.Top", q.Top.Count]).Raw("</caption>\n");
            html.Raw("<thead><tr><th scope=\"col\">").Text(w["Col.Number"]).Raw("</th><th scope=\"col\">").Text(w["Col.Question"])
                .Raw("</th><th scope=\"col\">").Text(w["Col.Votes"]).Raw("</th><th scope=\"col\">").Text(w["Col.Answered"]).Raw("</th></tr></thead>\n<tbody>\n");
            foreach (var question in q.Top)
            {
                html.Raw("<tr><td class=\"n\">").Text(w.Number(question.Number)).Raw("</td><td>").Text(question.Text)
                    .Raw("</td><td class=\"n\">").Text(w.Number(question.Votes)).Raw("</td><td>").Text(question.Answered ? w["Yes"] : w["No"]).Raw("</td></tr>\n");
            }

            html.Raw("</tbody>\n</table>\n");
        }

        html.Raw("</section>\n");

        var i = report.Interventions;
        html.Raw("<section aria-labelledby=\"interventions\">\n<h2 id=\"interventions\">").Text(w["Sec.Interventions"]).Raw("</h2>\n<p>").Text(w.InterventionsLine(i)).Raw("</p>\n");
        if (i.ByGroup.Count > 0)
        {
            html.Raw("<table>\n<caption>").Text(w["Interventions.Caption"]).Raw("</caption>\n");
            html.Raw("<thead><tr><th scope=\"col\">").Text(w.DimensionTitle(ReportDimension.Group)).Raw("</th><th scope=\"col\">").Text(w["Col.Interventions"])
                .Raw("</th><th scope=\"col\">").Text(w["Col.SpeakingTime"]).Raw("</th></tr></thead>\n<tbody>\n");
            foreach (var g in i.ByGroup)
            {
                html.Raw("<tr><th scope=\"row\">").Text(g.Label).Raw("</th><td class=\"n\">").Text(w.Number(g.Turns))
                    .Raw("</td><td class=\"n\">").Text(InterventionReport.FormatDuration(g.Duration)).Raw("</td></tr>\n");
            }

            html.Raw("</tbody>\n</table>\n");
        }

        html.Raw("</section>\n");

        var s = report.Submissions;
        html.Raw("<section aria-labelledby=\"submissions\">\n<h2 id=\"submissions\">").Text(w["Sec.Submissions"]).Raw("</h2>\n<p>").Text(w.SubmissionsLine(s)).Raw("</p>\n");
        Published(html, s.Published);
        html.Raw("</section>\n");
        Points(html, "issues", w["Sec.KeyIssues"], report.KeyIssues, w["KeyIssues.None"], w);
        Points(html, "recommendations", w["Sec.Recommendations"], report.Recommendations, w["Recommendations.None"], w);
        html.Raw("</main>\n<footer>\n<h2 id=\"method\">").Text(w["Footer.Summary"]).Raw("</h2>\n");
        foreach (var line in w.Method)
        {
            html.Raw("<p class=\"note\">").Text(line).Raw("</p>\n");
        }

        html.Raw("</footer>\n");
        return html.Close();
    }

    public static string Representation(RepresentationReport report, CultureInfo culture)
    {
        var w = new ReportWords(culture);
        var html = new Html();
        html.Open(w["Rep.Title"], w.Tag);
        html.Raw("<header><p class=\"draft\">").Text(w["Doc.Draft"]).Raw("</p>\n");
        html.Raw("<h1>").Text(w["Rep.Title"]).Raw("</h1>\n<p class=\"subtitle\">").Text(w["Rep.Built", w.Instant(report.GeneratedAt)]).Raw("</p>\n</header>\n<main>\n");
        html.Raw("<section aria-labelledby=\"flags\">\n<h2 id=\"flags\">").Text(w["Rep.Flags"]).Raw("</h2>\n<p>").Text(w.Rule).Raw("</p>\n");
        var flags = report.Consultations.SelectMany(c => c.Participation.Flags.Select(f => (c, f.Dimension, f.Row))).ToList();
        if (flags.Count == 0)
        {
            html.Raw("<p>").Text(w["Rep.NoFlags"]).Raw("</p>\n");
        }
        else
        {
            html.Raw("<ul>\n");
            foreach (var (c, dimension, row) in flags)
            {
                html.Raw("<li><span class=\"flag\">").Text(w.Category(dimension, row)).Raw("</span> ").Text(w["Rep.FlagLine", w.Dimension(dimension), c.Title, w.FlagDetail(row)]).Raw("</li>\n");
            }

            html.Raw("</ul>\n");
        }

        html.Raw("</section>\n");
        if (report.Consultations.Count == 0)
        {
            html.Raw("<p>").Text(w["Rep.None"]).Raw("</p>\n");
        }

        var n = 0;
        foreach (var c in report.Consultations)
        {
            var id = "c" + (++n).ToString(CultureInfo.InvariantCulture);
            html.Raw($"<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">").Text(c.Title).Raw("</h2>\n<p class=\"note\">").Text(w.When(c.Start, null)).Raw("</p>\n");
            Participation(html, c.Participation, id, w);
            html.Raw("</section>\n");
        }

        html.Raw("</main>\n<footer>\n<h2 id=\"method\">").Text(w["Footer.View"]).Raw("</h2>\n");
        foreach (var line in w.Method)
        {
            html.Raw("<p class=\"note\">").Text(line).Raw("</p>\n");
        }

        html.Raw("</footer>\n");
        return html.Close();
    }

    /// <summary>A participation section's body: the line, a chart and a table per breakdown, the privacy note.</summary>
    internal static void Participation(Html html, Participation p, string idPrefix, ReportWords w, int level = 3)
    {
        html.Raw("<p>").Text(w.ParticipationLine(p)).Raw("</p>\n");
        var d = 0;
        foreach (var breakdown in p.Breakdowns)
        {
            var id = $"{idPrefix}-{++d}";
            var name = w.Dimension(breakdown.Dimension);
            html.Raw($"<h{level}>").Text(w["Part.By", name]).Raw($"</h{level}>\n");
            if (breakdown.Rows.Count == 0)
            {
                html.Raw("<p>").Text(w["Part.Nobody"]).Raw("</p>\n");
                continue;
            }

            Chart(html, breakdown, p.Attended is not null, id, w);
            html.Raw("<table>\n<caption>").Text(w["Part.Caption", name]).Raw("</caption>\n");
            html.Raw("<thead><tr><th scope=\"col\">").Text(w.DimensionTitle(breakdown.Dimension)).Raw("</th><th scope=\"col\">").Text(w["Col.Registered"])
                .Raw("</th><th scope=\"col\">").Text(w["Col.Attended"]).Raw("</th><th scope=\"col\">").Text(w["Col.Balance"]).Raw("</th></tr></thead>\n<tbody>\n");
            foreach (var row in breakdown.Rows)
            {
                html.Raw("<tr><th scope=\"row\">").Text(w.Category(breakdown.Dimension, row)).Raw("</th><td class=\"n\">").Text(w.Count(row.Registered))
                    .Raw("</td><td class=\"n\">").Text(p.Attended is null ? w["Part.NotRecorded"] : w.Count(row.Attended)).Raw("</td><td>");
                if (row.UnderRepresented)
                {
                    html.Raw("<span class=\"flag\">").Text(w["Part.Under"]).Raw("</span>");
                }

                html.Raw("</td></tr>\n");
            }

            html.Raw("</tbody>\n</table>\n");
        }

        if (p.Unregistered.Count > 0)
        {
            html.Raw("<h3>").Text(w["Part.Unregistered"]).Raw("</h3>\n<p>").Text(w["Part.UnregisteredNote"]).Raw("</p>\n<table>\n<caption>").Text(w["Part.Unregistered"]).Raw("</caption>\n");
            html.Raw("<thead><tr><th scope=\"col\">").Text(w["Col.Joined"]).Raw("</th><th scope=\"col\">").Text(w["Col.Attended"]).Raw("</th></tr></thead>\n<tbody>\n");
            foreach (var line in p.Unregistered)
            {
                html.Raw("<tr><th scope=\"row\">").Text(w.Unregistered(line.Kind)).Raw("</th><td class=\"n\">").Text(w.Count(line.Count)).Raw("</td></tr>\n");
            }

            html.Raw("</tbody>\n</table>\n");
        }

        html.Raw("<p class=\"note\">").Text(w.Privacy).Raw("</p>\n");
    }

    /// <summary>A horizontal bar chart: two bars per category (registered, attended), each with its number written next to it.</summary>
    private static void Chart(Html html, ParticipationBreakdown breakdown, bool withAttended, string id, ReportWords w)
    {
        const int labelWidth = 270;
        const int barArea = 260;
        const int rowHeight = 34;
        const int top = 30;
        var rows = breakdown.Rows;
        var max = Math.Max(1, rows.SelectMany(r => new[] { r.Registered, r.Attended }).Where(c => !c.Suppressed).Select(c => c.Value).DefaultIfEmpty(0).Max());
        var height = top + (rows.Count * rowHeight) + 6;
        var width = labelWidth + barArea + 110;
        var name = w.Dimension(breakdown.Dimension);
        var description = string.Join("; ", rows.Select(r => withAttended
            ? w["Chart.RegisteredAttended", w.Category(breakdown.Dimension, r), w.Count(r.Registered), w.Count(r.Attended)]
            : w["Chart.Registered", w.Category(breakdown.Dimension, r), w.Count(r.Registered)]));

        html.Raw($"<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" font-family=\"system-ui, Arial, sans-serif\" font-size=\"12\">\n");
        html.Raw($"<title id=\"{id}-t\">").Text(withAttended ? w["Part.Caption", name] : w["Part.CaptionRegistered", name]).Raw("</title>\n");
        html.Raw($"<desc id=\"{id}-d\">").Text(description).Raw("</desc>\n");
        html.Raw($"<rect x=\"{labelWidth}\" y=\"6\" width=\"12\" height=\"12\" fill=\"#005a9e\"/><text x=\"{labelWidth + 16}\" y=\"16\">").Text(w["Col.Registered"]).Raw("</text>\n");
        if (withAttended)
        {
            html.Raw($"<rect x=\"{labelWidth + 130}\" y=\"6\" width=\"12\" height=\"12\" fill=\"#e3a21a\"/><text x=\"{labelWidth + 146}\" y=\"16\">").Text(w["Col.Attended"]).Raw("</text>\n");
        }

        var y = top;
        foreach (var row in rows)
        {
            var category = w.Category(breakdown.Dimension, row);
            var label = category.Length > 42 ? category[..40] + "…" : category;
            html.Raw($"<text x=\"{labelWidth - 8}\" y=\"{y + 15}\" text-anchor=\"end\">").Text(label).Raw("</text>\n");
            Bar(row.Registered, y + 2, "#005a9e");
            if (withAttended)
            {
                Bar(row.Attended, y + 16, "#e3a21a");
            }

            y += rowHeight;
        }

        html.Raw("</svg>\n</figure>\n");

        void Bar(ShownCount count, int barY, string colour)
        {
            var length = count.Suppressed ? 0 : (int)Math.Round((double)count.Value / max * barArea);
            if (length > 0)
            {
                html.Raw($"<rect x=\"{labelWidth}\" y=\"{barY}\" width=\"{length}\" height=\"12\" fill=\"{colour}\"/>");
            }

            html.Raw($"<text x=\"{labelWidth + length + 4}\" y=\"{barY + 10}\" font-size=\"11\">").Text(w.Count(count)).Raw("</text>\n");
        }
    }

    /// <summary>The published submissions' titles, each with its author as they consented to be named.</summary>
    internal static void Published(Html html, IReadOnlyList<PublishedSubmission> published)
    {
        if (published.Count == 0)
        {
            return;
        }

        html.Raw("<ul>\n");
        foreach (var p in published)
        {
            html.Raw("<li>").Text(p.Title);
            if (p.ByLine is not null)
            {
                html.Raw(" <span class=\"note\">(").Text(p.ByLine).Raw(")</span>");
            }

            html.Raw("</li>\n");
        }

        html.Raw("</ul>\n");
    }

    /// <summary>A section of numbered points under a heading of <paramref name="level"/> (2 in the per-consultation report).</summary>
    internal static void Points(Html html, string id, string heading, IReadOnlyList<ReportPoint> points, string none, ReportWords w, int level = 2)
    {
        html.Raw($"<section aria-labelledby=\"{id}\">\n<h{level} id=\"{id}\">").Text(heading).Raw($"</h{level}>\n");
        if (points.Count == 0)
        {
            html.Raw("<p>").Text(none).Raw("</p>\n</section>\n");
            return;
        }

        html.Raw("<ol>\n");
        foreach (var p in points)
        {
            html.Raw("<li>").Text(p.Text);
            var tags = w.Tags(p.Tags);
            if (tags.Length > 0)
            {
                html.Raw(" <span class=\"note\">(").Text(tags).Raw(")</span>");
            }

            html.Raw("</li>\n");
        }

        html.Raw("</ol>\n</section>\n");
    }

    /// <summary>Appends markup as it is, or text HTML-encoded.</summary>
    internal sealed class Html
    {
        private readonly StringBuilder _text = new();

        public Html Raw(string markup)
        {
            _text.Append(markup);
            return this;
        }

        public Html Text(string? text)
        {
            // The five characters that matter in text and attribute values; other characters stay readable (UTF-8 page).
            foreach (var c in text ?? string.Empty)
            {
                _text.Append(c switch
                {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    '"' => "&quot;",
                    '\'' => "&#39;",
                    _ => c.ToString(),
                });
            }

            return this;
        }

        public void Open(string title, string language)
        {
            Raw("<!DOCTYPE html>\n<html lang=\"").Text(language).Raw("\">\n<head>\n<meta charset=\"utf-8\">\n");
            Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '").Raw(StyleHash).Raw("'\">\n");
            Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").Text(title).Raw("</title>\n");
            Raw("<style>").Raw(Style).Raw("</style>\n</head>\n<body>\n");
        }

        public string Close() => Raw("</body>\n</html>\n")._text.ToString();

        /// <summary>What was written so far (a fragment, for a page with a layout of its own).</summary>
        public override string ToString() => _text.ToString();
    }
}
