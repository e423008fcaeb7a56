using System.Globalization;
using System.Text;
using GcmBot.Bot.SpeakerQueue;
using GcmBot.Cards.Common;

namespace GcmBot.Bot.Reports;

/// <summary>
/// The reports as standalone HTML pages: no script, no external resource, a little inline CSS (its own CSP in a meta
/// tag allows nothing else), headings in order, tables with header cells, an inline SVG chart with a text title and
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

    public static string Summary(SummaryReport report)
    {
        var html = new Html();
        html.Open($"Draft informal summary report: {report.Title}");
        html.Raw("<header><p class=\"draft\">Draft for the Regional Network's review, built by GcmBot from what it recorded</p>\n");
        html.Raw("<h1>Informal summary report</h1>\n<p class=\"subtitle\">").Text(report.Title).Raw("</p>\n</header>\n<main>\n");

        html.Raw("<section aria-labelledby=\"about\">\n<h2 id=\"about\">1. The consultation</h2>\n<dl>\n");
        html.Raw("<dt>Event</dt><dd>").Text(report.EventId).Raw("</dd>\n");
        html.Raw("<dt>Date and time</dt><dd>").Text(ReportText.When(report.Start, report.End)).Raw("</dd>\n");
        html.Raw("<dt>Roundtable theme</dt><dd>").Text(report.Themes.Count == 0 ? "None (not a thematic consultation)" : string.Join("; ", report.Themes.Select(t => t.Label))).Raw("</dd>\n");
        html.Raw("<dt>GCM objectives</dt><dd>");
        if (report.Objectives.Count == 0)
        {
            html.Text("None");
        }
        else
        {
            html.Raw("<ul>");
            foreach (var o in report.Objectives)
            {
                html.Raw("<li>").Text($"{o.Number}. {o.Title}").Raw("</li>");
            }

            html.Raw("</ul>");
        }

        html.Raw("</dd>\n<dt>Report built</dt><dd>").Text(ReportText.Instant(report.GeneratedAt)).Raw("</dd>\n</dl>\n</section>\n");

        html.Raw("<section aria-labelledby=\"participation\">\n<h2 id=\"participation\">2. Participation</h2>\n");
        Participation(html, report.Participation, "p");
        html.Raw("</section>\n");

        var q = report.Questions;
        html.Raw("<section aria-labelledby=\"questions\">\n<h2 id=\"questions\">3. Questions raised</h2>\n<p>").Text(ReportText.QuestionsLine(q)).Raw("</p>\n");
        if (q.Top.Count > 0)
        {
            html.Raw("<table>\n<caption>").Text($"Top {q.Top.Count} question{(q.Top.Count == 1 ? string.Empty : "s")} by votes").Raw("</caption>\n");
            html.Raw("<thead><tr><th scope=\"col\">#</th><th scope=\"col\">Question</th><th scope=\"col\">Votes</th><th scope=\"col\">Answered</th></tr></thead>\n<tbody>\n");
            foreach (var question in q.Top)
            {
                html.Raw("<tr><td class=\"n\">").Text(question.Number.ToString(CultureInfo.InvariantCulture)).Raw("</td><td>").Text(question.Text)
                    .Raw("</td><td class=\"n\">").Text(question.Votes.ToString(CultureInfo.InvariantCulture)).Raw("</td><td>").Text(question.Answered ? "Yes" : "No").Raw("</td></tr>\n");
            }

            html.Raw("</tbody>\n</table>\n");
        }

        html.Raw("</section>\n");

        var i = report.Interventions;
        html.Raw("<section aria-labelledby=\"interventions\">\n<h2 id=\"interventions\">4. Oral interventions</h2>\n<p>").Text(ReportText.InterventionsLine(i)).Raw("</p>\n");
        if (i.ByGroup.Count > 0)
        {
            html.Raw("<table>\n<caption>Interventions by stakeholder group</caption>\n");
            html.Raw("<thead><tr><th scope=\"col\">Stakeholder group</th><th scope=\"col\">Interventions</th><th scope=\"col\">Speaking time</th></tr></thead>\n<tbody>\n");
            foreach (var g in i.ByGroup)
            {
                html.Raw("<tr><th scope=\"row\">").Text(g.Label).Raw("</th><td class=\"n\">").Text(g.Turns.ToString(CultureInfo.InvariantCulture))
                    .Raw("</td><td class=\"n\">").Text(InterventionReport.FormatDuration(g.Duration)).Raw("</td></tr>\n");
            }

            html.Raw("</tbody>\n</table>\n");
        }

        html.Raw("</section>\n");

        var s = report.Submissions;
        html.Raw("<section aria-labelledby=\"submissions\">\n<h2 id=\"submissions\">5. Written submissions</h2>\n<p>").Text(ReportText.SubmissionsLine(s)).Raw("</p>\n");
        if (s.Published.Count > 0)
        {
            html.Raw("<ul>\n");
            foreach (var p in s.Published)
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

        html.Raw("</section>\n");
        Points(html, "issues", "6. Key issues raised", report.KeyIssues, "No key issues were recorded.");
        Points(html, "recommendations", "7. Recommendations", report.Recommendations, "No recommendations were recorded.");
        html.Raw("</main>\n<footer>\n<h2 id=\"method\">How this draft was made</h2>\n");
        foreach (var line in ReportText.Method)
        {
            html.Raw("<p class=\"note\">").Text(line).Raw("</p>\n");
        }

        html.Raw("</footer>\n");
        return html.Close();
    }

    public static string Representation(RepresentationReport report)
    {
        var html = new Html();
        html.Open("Representation across the consultations");
        html.Raw("<header><p class=\"draft\">Draft for the Regional Network's review, built by GcmBot from what it recorded</p>\n");
        html.Raw("<h1>Representation across the consultations</h1>\n<p class=\"subtitle\">").Text("Built " + ReportText.Instant(report.GeneratedAt)).Raw("</p>\n</header>\n<main>\n");
        html.Raw("<section aria-labelledby=\"flags\">\n<h2 id=\"flags\">Under-represented among attendees</h2>\n<p>").Text(ReportText.RuleText).Raw("</p>\n");
        var flags = report.Consultations.SelectMany(c => c.Participation.Flags.Select(f => (c, f.Dimension, f.Row))).ToList();
        if (flags.Count == 0)
        {
            html.Raw("<p>").Text("No category meets the rule.").Raw("</p>\n");
        }
        else
        {
            html.Raw("<ul>\n");
            foreach (var (c, dimension, row) in flags)
            {
                html.Raw("<li><span class=\"flag\">").Text(row.Label).Raw("</span> ").Text($"({dimension.ToLowerInvariant()}) in {c.Title} [{c.EventId}]: {ReportText.FlagDetail(row)}").Raw("</li>\n");
            }

            html.Raw("</ul>\n");
        }

        html.Raw("</section>\n");
        if (report.Consultations.Count == 0)
        {
            html.Raw("<p>").Text("No consultation has confirmed registrations or recorded activity yet.").Raw("</p>\n");
        }

        var n = 0;
        foreach (var c in report.Consultations)
        {
            var id = "c" + (++n).ToString(CultureInfo.InvariantCulture);
            html.Raw($"<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">").Text(c.Title).Raw("</h2>\n<p class=\"note\">").Text($"{c.EventId} · {ReportText.When(c.Start, null)}").Raw("</p>\n");
            Participation(html, c.Participation, id);
            html.Raw("</section>\n");
        }

        html.Raw("</main>\n<footer>\n<h2 id=\"method\">How this view was made</h2>\n");
        foreach (var line in ReportText.Method)
        {
            html.Raw("<p class=\"note\">").Text(line).Raw("</p>\n");
        }

        html.Raw("</footer>\n");
        return html.Close();
    }

    private static void Participation(Html html, Participation p, string idPrefix)
    {
        html.Raw("<p>").Text(ReportText.ParticipationLine(p)).Raw("</p>\n");
        var d = 0;
        foreach (var breakdown in p.Breakdowns)
        {
            var id = $"{idPrefix}-{++d}";
            html.Raw("<h3>").Text("By " + ReportText.DimensionName(breakdown.Title)).Raw("</h3>\n");
            if (breakdown.Rows.Count == 0)
            {
                html.Raw("<p>").Text("Nobody yet.").Raw("</p>\n");
                continue;
            }

            Chart(html, breakdown, p.Attended is not null, id);
            html.Raw("<table>\n<caption>").Text($"Registered and attended by {ReportText.DimensionName(breakdown.Title)}").Raw("</caption>\n");
            html.Raw("<thead><tr><th scope=\"col\">").Text(breakdown.Title).Raw("</th><th scope=\"col\">Registered</th><th scope=\"col\">Attended</th><th scope=\"col\">Balance</th></tr></thead>\n<tbody>\n");
            foreach (var row in breakdown.Rows)
            {
                html.Raw("<tr><th scope=\"row\">").Text(row.Label).Raw("</th><td class=\"n\">").Text(row.Registered.Text)
                    .Raw("</td><td class=\"n\">").Text(p.Attended is null ? "not recorded" : row.Attended.Text).Raw("</td><td>");
                if (row.UnderRepresented)
                {
                    html.Raw("<span class=\"flag\">").Text("Under-represented").Raw("</span>");
                }

                html.Raw("</td></tr>\n");
            }

            html.Raw("</tbody>\n</table>\n");
        }

        html.Raw("<p class=\"note\">").Text(ReportText.PrivacyText).Raw("</p>\n");
    }

    /// <summary>A horizontal bar chart: two bars per category (registered, attended), each with its number written next to it.</summary>
    private static void Chart(Html html, ParticipationBreakdown breakdown, bool withAttended, string id)
    {
        const int labelWidth = 270;
        const int barArea = 260;
        const int rowHeight = 34;
        const int top = 30;
        var rows = breakdown.Rows;
        var max = Math.Max(1, rows.SelectMany(r => new[] { r.Registered, r.Attended }).Where(c => !c.Suppressed).Select(c => c.Value).DefaultIfEmpty(0).Max());
        var height = top + (rows.Count * rowHeight) + 6;
        var width = labelWidth + barArea + 110;
        var name = ReportText.DimensionName(breakdown.Title);
        var description = string.Join("; ", rows.Select(r => $"{r.Label}: {r.Registered.Text} registered" + (withAttended ? $", {r.Attended.Text} attended" : string.Empty)));

        html.Raw($"<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" font-family=\"system-ui, Arial, sans-serif\" font-size=\"12\">\n");
        html.Raw($"<title id=\"{id}-t\">").Text($"Registered{(withAttended ? " and attended" : string.Empty)} by {name}").Raw("</title>\n");
        html.Raw($"<desc id=\"{id}-d\">").Text(description).Raw("</desc>\n");
        html.Raw($"<rect x=\"{labelWidth}\" y=\"6\" width=\"12\" height=\"12\" fill=\"#005a9e\"/><text x=\"{labelWidth + 16}\" y=\"16\">Registered</text>\n");
        if (withAttended)
        {
            html.Raw($"<rect x=\"{labelWidth + 100}\" y=\"6\" width=\"12\" height=\"12\" fill=\"#e3a21a\"/><text x=\"{labelWidth + 116}\" y=\"16\">Attended</text>\n");
        }

        var y = top;
        foreach (var row in rows)
        {
            var label = row.Label.Length > 42 ? row.Label[..40] + "…" : row.Label;
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

            html.Raw($"<text x=\"{labelWidth + length + 4}\" y=\"{barY + 10}\" font-size=\"11\">").Text(count.Text).Raw("</text>\n");
        }
    }

    private static void Points(Html html, string id, string heading, IReadOnlyList<ReportPoint> points, string none)
    {
        html.Raw($"<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">").Text(heading).Raw("</h2>\n");
        if (points.Count == 0)
        {
            html.Raw("<p>").Text(none).Raw("</p>\n</section>\n");
            return;
        }

        html.Raw("<ol>\n");
        foreach (var p in points)
        {
            html.Raw("<li>").Text(p.Text);
            if (p.Tags.Length > 0)
            {
                html.Raw(" <span class=\"note\">(").Text(p.Tags).Raw(")</span>");
            }

            html.Raw("</li>\n");
        }

        html.Raw("</ol>\n</section>\n");
    }

    /// <summary>Appends markup as it is, or text HTML-encoded.</summary>
    private sealed class Html
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

        public void Open(string title)
        {
            Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
            Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").Text(title).Raw("</title>\n");
            Raw("<style>").Raw(Style).Raw("</style>\n</head>\n<body>\n");
        }

        public string Close() => Raw("</body>\n</html>\n")._text.ToString();
    }
}

/// <summary>The sentences both formats share, so that Markdown and HTML say the same.</summary>
public static class ReportText
{
    public static readonly string PrivacyText =
        $"To protect privacy, a count from 1 to {SmallCounts.Threshold - 1} is shown as \"fewer than {SmallCounts.Threshold}\"; when that hides only one count of a breakdown, the next smallest is hidden too, so that no hidden count can be worked out from the total.";

    public static readonly string RuleText =
        $"A stakeholder group, subregion or gender is flagged as under-represented in a consultation when it had at least {RepresentationRule.MinRegistrants} confirmed registrants and its share of the attendees is below half its share of the confirmed registrations. Unknown, other and \"prefer not to say\" are not flagged.";

    public static IReadOnlyList<string> Method { get; } =
    [
        "Registered: confirmed registrations for the event (waitlisted people are counted apart). Categories are those people gave when they registered.",
        "Attended: the people GcmBot saw take part in the consultation's meeting chat (asked or voted in the Q&A, or asked for the floor). Teams' own attendance list is not read, so people who only listened are not counted. People who did not register count as unknown.",
        "Questions: those shown to the meeting (open or answered), most votes first; the report names no asker. Interventions: turns at the floor from the speakers' list, with speaking time, by the speaker's registered stakeholder group.",
        "Written submissions: received on the consultation's roundtable themes (withdrawn ones aside); titles only of published ones, named as their authors consented.",
        "Key issues and recommendations: as recorded by the rapporteur for this consultation or in its meeting chat. Times are UTC and GMT+7 (Bangkok), the engagement's time zone.",
        PrivacyText,
        RuleText,
    ];

    public static string DimensionName(string title) => title == Registration.RegistrationBalance.SubregionTitle ? title : title.ToLowerInvariant();

    /// <summary>"Tue 1 Dec 2026, 11:00–13:30 (GMT+7) · Tue 1 Dec 2026, 04:00–06:30 (UTC)", or "to be confirmed".</summary>
    public static string When(DateTimeOffset? start, DateTimeOffset? end) => start switch
    {
        null => "Date to be confirmed",
        { } s when end is { } e => $"{TimeText.FormatRange(s, e, TimeText.ReferenceZone)} · {TimeText.FormatRange(s, e, TimeZoneInfo.Utc)}",
        { } s => $"{TimeText.Format(s, TimeText.ReferenceZone)} · {TimeText.Format(s, TimeZoneInfo.Utc)}",
    };

    public static string Instant(DateTimeOffset at) => $"{TimeText.Format(at, TimeText.ReferenceZone)} · {TimeText.Format(at, TimeZoneInfo.Utc)}";

    public static string ParticipationLine(Participation p) =>
        string.Create(CultureInfo.InvariantCulture, $"Registered: {p.Registered} confirmed") +
        (p.Waitlisted > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({p.Waitlisted} waitlisted)") : string.Empty) +
        (p.Attended is { } a
            ? string.Create(CultureInfo.InvariantCulture, $". Attended: {a} (people who asked or voted in the Q&A or asked for the floor in the meeting chat).")
            : ". Attended: not recorded (no Q&A or speakers' list in the consultation's meeting chat).");

    public static string QuestionsLine(QuestionsSummary q) =>
        q.Raised == 0 && q.Merged == 0
            ? "No questions were raised through the Q&A."
            : string.Create(CultureInfo.InvariantCulture, $"{q.Raised} question{(q.Raised == 1 ? string.Empty : "s")} raised: {q.Answered} answered, {q.Unanswered} not answered") +
              (q.Merged > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {q.Merged} duplicate{(q.Merged == 1 ? string.Empty : "s")} merged.") : ".");

    public static string InterventionsLine(InterventionsSummary i) =>
        i.Count == 0
            ? "No oral interventions were recorded in the speakers' list."
            : string.Create(CultureInfo.InvariantCulture, $"{i.Count} intervention{(i.Count == 1 ? string.Empty : "s")}, {InterventionReport.FormatDuration(i.SpeakingTime)} of speaking time in all.");

    public static string SubmissionsLine(SubmissionsSummary s) =>
        s.Received == 0
            ? "No written submissions were received on this consultation's themes."
            : string.Create(CultureInfo.InvariantCulture, $"{s.Received} written submission{(s.Received == 1 ? string.Empty : "s")} received on this consultation's themes; {s.Published.Count} published.");

    public static string FlagDetail(ParticipationRow row) => $"{row.Registered.Text} registered, {row.Attended.Text} attended.";
}
