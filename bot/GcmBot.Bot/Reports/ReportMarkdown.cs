using System.Globalization;
using System.Text;
using GcmBot.Bot.SpeakerQueue;
using GcmBot.Cards.Common;

namespace GcmBot.Bot.Reports;

/// <summary>The reports as Markdown, same template and sentences as the HTML; a text table stands for the chart.</summary>
public static class ReportMarkdown
{
    public static string Summary(SummaryReport report, CultureInfo culture)
    {
        var w = new ReportWords(culture);
        var md = new StringBuilder();
        md.Append("# ").Append(w["Doc.SummaryTitle", MarkdownText.Escape(report.Title)]).Append("\n\n");
        md.Append('*').Append(w["Doc.Draft"]).Append(".*\n\n");

        md.Append("## ").Append(w["Sec.Consultation"]).Append("\n\n");
        md.Append("- **").Append(w["Field.When"]).Append(":** ").Append(w.When(report.Start, report.End)).Append('\n');
        md.Append("- **").Append(w["Field.Theme"]).Append(":** ").Append(report.Themes.Count == 0 ? w["Theme.None"] : string.Join("; ", report.Themes.Select(t => t.LabelIn(culture)))).Append('\n');
        md.Append("- **").Append(w["Field.Objectives"]).Append(":** ").Append(report.Objectives.Count == 0 ? w["Objectives.None"] : string.Join("; ", report.Objectives.Select(o => $"{o.Number}. {o.TitleIn(culture)}"))).Append('\n');
        md.Append("- **").Append(w["Field.Built"]).Append(":** ").Append(w.Instant(report.GeneratedAt)).Append("\n\n");

        md.Append("## ").Append(w["Sec.Participation"]).Append("\n\n");
        Participation(md, report.Participation, "###", w);

        var q = report.Questions;
        md.Append("## ").Append(w["Sec.Questions"]).Append("\n\n").Append(w.QuestionsLine(q)).Append("\n\n");
        if (q.Top.Count > 0)
        {
            md.Append($"| {w["Col.Number"]} | {w["Col.Question"]} | {w["Col.Votes"]} | {w["Col.Answered"]} |\n|---:|---|---:|---|\n");
            foreach (var question in q.Top)
            {
                md.Append($"| {w.Number(question.Number)} | {MarkdownText.Escape(question.Text)} | {w.Number(question.Votes)} | {(question.Answered ? w["Yes"] : w["No"])} |\n");
            }

            md.Append('\n');
        }

        var i = report.Interventions;
        md.Append("## ").Append(w["Sec.Interventions"]).Append("\n\n").Append(w.InterventionsLine(i)).Append("\n\n");
        if (i.ByGroup.Count > 0)
        {
            md.Append($"| {w.DimensionTitle(Cards.Reports.ReportDimension.Group)} | {w["Col.Interventions"]} | {w["Col.SpeakingTime"]} |\n|---|---:|---:|\n");
            foreach (var g in i.ByGroup)
            {
                md.Append($"| {MarkdownText.Escape(g.Label)} | {w.Number(g.Turns)} | {InterventionReport.FormatDuration(g.Duration)} |\n");
            }

            md.Append('\n');
        }

        var s = report.Submissions;
        md.Append("## ").Append(w["Sec.Submissions"]).Append("\n\n").Append(w.SubmissionsLine(s)).Append("\n\n");
        Published(md, s.Published);

        Points(md, "## " + w["Sec.KeyIssues"], report.KeyIssues, w["KeyIssues.None"], w);
        Points(md, "## " + w["Sec.Recommendations"], report.Recommendations, w["Recommendations.None"], w);
        Method(md, "## " + w["Footer.Summary"], w);
        return md.ToString();
    }

    public static string Representation(RepresentationReport report, CultureInfo culture)
    {
        var w = new ReportWords(culture);
        var md = new StringBuilder();
        md.Append("# ").Append(w["Rep.Title"]).Append("\n\n");
        md.Append('*').Append(w["Rep.Draft", w.Instant(report.GeneratedAt)]).Append("*\n\n");
        md.Append("## ").Append(w["Rep.Flags"]).Append("\n\n").Append(w.Rule).Append("\n\n");
        var flags = report.Consultations.SelectMany(c => c.Participation.Flags.Select(f => (c, f.Dimension, f.Row))).ToList();
        md.Append(flags.Count == 0 ? w["Rep.NoFlags"] + "\n" : string.Empty);
        foreach (var (c, dimension, row) in flags)
        {
            md.Append("- **").Append(MarkdownText.Escape(w.Category(dimension, row))).Append("** ")
                .Append(w["Rep.FlagLine", w.Dimension(dimension), MarkdownText.Escape(c.Title), w.FlagDetail(row)]).Append('\n');
        }

        md.Append('\n');
        if (report.Consultations.Count == 0)
        {
            md.Append(w["Rep.None"]).Append("\n\n");
        }

        foreach (var c in report.Consultations)
        {
            md.Append("## ").Append(MarkdownText.Escape(c.Title)).Append("\n\n");
            md.Append(w.When(c.Start, null)).Append("\n\n");
            Participation(md, c.Participation, "###", w);
        }

        Method(md, "## " + w["Footer.View"], w);
        return md.ToString();
    }

    internal static void Participation(StringBuilder md, Participation p, string heading, ReportWords w)
    {
        md.Append(w.ParticipationLine(p)).Append("\n\n");
        foreach (var breakdown in p.Breakdowns)
        {
            md.Append(heading).Append(' ').Append(w["Part.By", w.Dimension(breakdown.Dimension)]).Append("\n\n");
            if (breakdown.Rows.Count == 0)
            {
                md.Append(w["Part.Nobody"]).Append("\n\n");
                continue;
            }

            md.Append($"| {w.DimensionTitle(breakdown.Dimension)} | {w["Col.Registered"]} | {w["Col.Attended"]} | {w["Col.Balance"]} |\n|---|---:|---:|---|\n");
            foreach (var row in breakdown.Rows)
            {
                var attended = p.Attended is null ? w["Part.NotRecorded"] : w.Count(row.Attended);
                var balance = row.UnderRepresented ? $"**{w["Part.Under"]}**" : string.Empty;
                md.Append($"| {MarkdownText.Escape(w.Category(breakdown.Dimension, row))} | {w.Count(row.Registered)} | {attended} | {balance} |\n");
            }

            md.Append('\n');
        }

        if (p.Unregistered.Count > 0)
        {
            md.Append(heading).Append(' ').Append(w["Part.Unregistered"]).Append("\n\n").Append(w["Part.UnregisteredNote"]).Append("\n\n");
            md.Append($"| {w["Col.Joined"]} | {w["Col.Attended"]} |\n|---|---:|\n");
            foreach (var line in p.Unregistered)
            {
                md.Append($"| {MarkdownText.Escape(w.Unregistered(line.Kind))} | {w.Count(line.Count)} |\n");
            }

            md.Append('\n');
        }

        md.Append('*').Append(w.Privacy).Append("*\n\n");
    }

    /// <summary>The published submissions' titles, each with its author as they consented to be named.</summary>
    internal static void Published(StringBuilder md, IReadOnlyList<PublishedSubmission> published)
    {
        foreach (var p in published)
        {
            md.Append("- ").Append(MarkdownText.Escape(p.Title));
            if (p.ByLine is not null)
            {
                md.Append(" (").Append(MarkdownText.Escape(p.ByLine)).Append(')');
            }

            md.Append('\n');
        }

        if (published.Count > 0)
        {
            md.Append('\n');
        }
    }

    internal static void Points(StringBuilder md, string heading, IReadOnlyList<ReportPoint> points, string none, ReportWords w)
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
            md.Append(CultureInfo.InvariantCulture, $"{++n}. ").Append(MarkdownText.Escape(p.Text));
            var tags = w.Tags(p.Tags);
            if (tags.Length > 0)
            {
                md.Append(" (").Append(tags).Append(')');
            }

            md.Append('\n');
        }

        md.Append('\n');
    }

    internal static void Method(StringBuilder md, string heading, ReportWords w)
    {
        md.Append(heading).Append("\n\n");
        foreach (var line in w.Method)
        {
            md.Append("- ").Append(line).Append('\n');
        }
    }
}
