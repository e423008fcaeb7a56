using System.Globalization;
using System.Text;
using GcmBot.Bot.SpeakerQueue;
using GcmBot.Cards.Common;

namespace GcmBot.Bot.Reports;

/// <summary>The reports as Markdown, same template and sentences as the HTML; a text table stands for the chart.</summary>
public static class ReportMarkdown
{
    public static string Summary(SummaryReport report)
    {
        var md = new StringBuilder();
        md.Append("# Informal summary report — ").Append(MarkdownText.Escape(report.Title)).Append("\n\n");
        md.Append("*Draft for the Regional Network's review, built by GcmBot from what it recorded.*\n\n");

        md.Append("## 1. The consultation\n\n");
        md.Append("- **Event:** ").Append(MarkdownText.Escape(report.EventId)).Append('\n');
        md.Append("- **Date and time:** ").Append(ReportText.When(report.Start, report.End)).Append('\n');
        md.Append("- **Roundtable theme:** ").Append(report.Themes.Count == 0 ? "None (not a thematic consultation)" : string.Join("; ", report.Themes.Select(t => t.Label))).Append('\n');
        md.Append("- **GCM objectives:** ").Append(report.Objectives.Count == 0 ? "None" : string.Join("; ", report.Objectives.Select(o => $"{o.Number}. {o.Title}"))).Append('\n');
        md.Append("- **Report built:** ").Append(ReportText.Instant(report.GeneratedAt)).Append("\n\n");

        md.Append("## 2. Participation\n\n");
        Participation(md, report.Participation, "###");

        var q = report.Questions;
        md.Append("## 3. Questions raised\n\n").Append(ReportText.QuestionsLine(q)).Append("\n\n");
        if (q.Top.Count > 0)
        {
            md.Append("| # | Question | Votes | Answered |\n|---:|---|---:|---|\n");
            foreach (var question in q.Top)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {question.Number} | {MarkdownText.Escape(question.Text)} | {question.Votes} | {(question.Answered ? "Yes" : "No")} |\n");
            }

            md.Append('\n');
        }

        var i = report.Interventions;
        md.Append("## 4. Oral interventions\n\n").Append(ReportText.InterventionsLine(i)).Append("\n\n");
        if (i.ByGroup.Count > 0)
        {
            md.Append("| Stakeholder group | Interventions | Speaking time |\n|---|---:|---:|\n");
            foreach (var g in i.ByGroup)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {MarkdownText.Escape(g.Label)} | {g.Turns} | {InterventionReport.FormatDuration(g.Duration)} |\n");
            }

            md.Append('\n');
        }

        var s = report.Submissions;
        md.Append("## 5. Written submissions\n\n").Append(ReportText.SubmissionsLine(s)).Append("\n\n");
        foreach (var p in s.Published)
        {
            md.Append("- ").Append(MarkdownText.Escape(p.Title));
            if (p.ByLine is not null)
            {
                md.Append(" (").Append(MarkdownText.Escape(p.ByLine)).Append(')');
            }

            md.Append('\n');
        }

        if (s.Published.Count > 0)
        {
            md.Append('\n');
        }

        Points(md, "## 6. Key issues raised", report.KeyIssues, "No key issues were recorded.");
        Points(md, "## 7. Recommendations", report.Recommendations, "No recommendations were recorded.");
        Method(md, "## How this draft was made");
        return md.ToString();
    }

    public static string Representation(RepresentationReport report)
    {
        var md = new StringBuilder();
        md.Append("# Representation across the consultations\n\n");
        md.Append("*Draft for the Regional Network's review, built ").Append(ReportText.Instant(report.GeneratedAt)).Append(".*\n\n");
        md.Append("## Under-represented among attendees\n\n").Append(ReportText.RuleText).Append("\n\n");
        var flags = report.Consultations.SelectMany(c => c.Participation.Flags.Select(f => (c, f.Dimension, f.Row))).ToList();
        md.Append(flags.Count == 0 ? "No category meets the rule.\n" : string.Empty);
        foreach (var (c, dimension, row) in flags)
        {
            md.Append(CultureInfo.InvariantCulture, $"- **{MarkdownText.Escape(row.Label)}** ({dimension.ToLowerInvariant()}) in {MarkdownText.Escape(c.Title)} [{MarkdownText.Escape(c.EventId)}]: {ReportText.FlagDetail(row)}\n");
        }

        md.Append('\n');
        if (report.Consultations.Count == 0)
        {
            md.Append("No consultation has confirmed registrations or recorded activity yet.\n\n");
        }

        foreach (var c in report.Consultations)
        {
            md.Append("## ").Append(MarkdownText.Escape(c.Title)).Append("\n\n");
            md.Append(MarkdownText.Escape(c.EventId)).Append(" · ").Append(ReportText.When(c.Start, null)).Append("\n\n");
            Participation(md, c.Participation, "###");
        }

        Method(md, "## How this view was made");
        return md.ToString();
    }

    private static void Participation(StringBuilder md, Participation p, string heading)
    {
        md.Append(ReportText.ParticipationLine(p)).Append("\n\n");
        foreach (var breakdown in p.Breakdowns)
        {
            md.Append(heading).Append(" By ").Append(ReportText.DimensionName(breakdown.Title)).Append("\n\n");
            if (breakdown.Rows.Count == 0)
            {
                md.Append("Nobody yet.\n\n");
                continue;
            }

            md.Append("| ").Append(breakdown.Title).Append(" | Registered | Attended | Balance |\n|---|---:|---:|---|\n");
            foreach (var row in breakdown.Rows)
            {
                md.Append(CultureInfo.InvariantCulture,
                    $"| {MarkdownText.Escape(row.Label)} | {row.Registered.Text} | {(p.Attended is null ? "not recorded" : row.Attended.Text)} | {(row.UnderRepresented ? "**Under-represented**" : string.Empty)} |\n");
            }

            md.Append('\n');
        }

        md.Append('*').Append(ReportText.PrivacyText).Append("*\n\n");
    }

    private static void Points(StringBuilder md, string heading, IReadOnlyList<ReportPoint> points, string none)
    {
        md.Append(heading).Append("\n\n");
        if (points.Count == 0)
        {
            md.Append(none).Append("\n\n");
            return;
        }

        var n = 0;
        foreach (var p in points)
        {
            md.Append(CultureInfo.InvariantCulture, $"{++n}. {MarkdownText.Escape(p.Text)}");
            if (p.Tags.Length > 0)
            {
                md.Append(" (").Append(p.Tags).Append(')');
            }

            md.Append('\n');
        }

        md.Append('\n');
    }

    private static void Method(StringBuilder md, string heading)
    {
        md.Append(heading).Append("\n\n");
        foreach (var line in ReportText.Method)
        {
            md.Append("- ").Append(line).Append('\n');
        }
    }
}
