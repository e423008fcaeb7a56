using System.Globalization;
using System.Text;
using GcmBot.Bot.Exports;
using GcmBot.Bot.Storage;
using GcmBot.Cards.Common;
using GcmBot.Cards.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.Questions;

/// <summary>Download links of an export, and the line that tells the moderator about them.</summary>
public sealed record QnaExportLinks(string Notice, IReadOnlyList<QnaLink> Links);

/// <summary>
/// The session's questions for the informal summary report: CSV (spreadsheet-safe) and Markdown, behind expiring
/// links. Withdrawn and dismissed questions are left out. Who asked appears only where the session's policy lets
/// the moderators see it and the asker did not choose anonymity.
/// </summary>
public sealed class QnaExporter(IDbContextFactory<GcmDbContext> databases, ExportStore exports, IOptions<PublicHostOptions> publicHost, TimeProvider time)
{
    public async Task<QnaExportLinks> ExportAsync(QnaSession session, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(session, cancellationToken);
        var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        var name = $"qna-{session.Id}-{stamp}";
        var csv = await exports.PublishAsync(name + ".csv", "text/csv; charset=utf-8", Csv(session, rows), cancellationToken);
        var markdown = await exports.PublishAsync(name + ".md", "text/markdown; charset=utf-8", Encoding.UTF8.GetBytes(Markdown(session, rows)), cancellationToken);
        var minutes = publicHost.Value.ExportLinkMinutes;
        return new QnaExportLinks(
            $"Exported {rows.Count} question(s). The links work for {minutes} minutes and only you see them.",
            [new QnaLink("Download CSV", csv.ToString()), new QnaLink("Download Markdown", markdown.ToString())]);
    }

    /// <summary>One exported question.</summary>
    public sealed record Row(int Number, string Text, int Votes, QuestionStatus Status, string? Answer, DateTimeOffset AskedAt, DateTimeOffset? AnsweredAt, int? MergedInto, string? Asker);

    public async Task<IReadOnlyList<Row>> ReadAsync(QnaSession session, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var questions = await db.Set<Question>().AsNoTracking()
            .Where(q => q.SessionId == session.Id && q.Status != QuestionStatus.Withdrawn && q.Status != QuestionStatus.Dismissed)
            .ToListAsync(cancellationToken);
        var numbers = questions.ToDictionary(q => q.Id, q => q.Number);
        var namesAllowed = session.AskerVisibility == AskerVisibility.Moderators;
        return questions
            .OrderBy(q => Rank(q.Status))
            .ThenByDescending(q => q.VoteCount)
            .ThenBy(q => q.Number)
            .Select(q => new Row(
                q.Number,
                q.Text,
                q.VoteCount,
                q.Status,
                q.Answer,
                q.AskedAt,
                q.AnsweredAt,
                q.MergedIntoId is { } m && numbers.TryGetValue(m, out var n) ? n : null,
                namesAllowed ? (q.AskedAnonymously || q.AuthorName is null ? "anonymous" : q.AuthorName) : null))
            .ToList();
    }

    public static byte[] Csv(QnaSession session, IReadOnlyList<Row> rows)
    {
        var namesAllowed = session.AskerVisibility == AskerVisibility.Moderators;
        string[] header = ["Number", "Question", "Votes", "Status", "Answer", "Asked (UTC)", "Answered (UTC)", "Merged into"];
        var csv = new CsvWriter(namesAllowed ? [.. header, "Asked by"] : header);
        foreach (var row in rows)
        {
            string?[] cells =
            [
                row.Number.ToString(CultureInfo.InvariantCulture),
                row.Text,
                row.Votes.ToString(CultureInfo.InvariantCulture),
                StatusWord(row.Status),
                row.Answer,
                row.AskedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                row.AnsweredAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                row.MergedInto?.ToString(CultureInfo.InvariantCulture),
            ];
            csv.Row(namesAllowed ? [.. cells, row.Asker] : cells);
        }

        return csv.ToUtf8Bytes();
    }

    public static string Markdown(QnaSession session, IReadOnlyList<Row> rows)
    {
        var text = new StringBuilder();
        text.Append("# Q&A: ").AppendLine(Escape(session.Title)).AppendLine();
        if (session.EventId is not null)
        {
            text.Append("Event: ").AppendLine(Escape(session.EventId)).AppendLine();
        }

        text.Append("Opened ").Append(TimeText.Format(session.OpenedAt, TimeText.ReferenceZone));
        if (session.ClosedAt is { } closed)
        {
            text.Append(", closed ").Append(TimeText.Format(closed, TimeText.ReferenceZone));
        }

        text.AppendLine(".").AppendLine();
        text.AppendLine(session.AskerVisibility == AskerVisibility.Moderators
            ? "Askers are named where they agreed to it; other questions are anonymous."
            : "All questions are anonymous.").AppendLine();

        foreach (var group in rows.GroupBy(r => r.Status).OrderBy(g => Rank(g.Key)))
        {
            text.Append("## ").AppendLine(Heading(group.Key)).AppendLine();
            foreach (var row in group)
            {
                text.Append("- **#").Append(row.Number.ToString(CultureInfo.InvariantCulture)).Append("** (")
                    .Append(row.Votes == 1 ? "1 vote" : row.Votes.ToString(CultureInfo.InvariantCulture) + " votes");
                if (row.MergedInto is { } target)
                {
                    text.Append(", merged into #").Append(target.ToString(CultureInfo.InvariantCulture));
                }

                if (row.Asker is not null)
                {
                    text.Append(", asked by ").Append(Escape(row.Asker));
                }

                text.Append(", ").Append(TimeText.Format(row.AskedAt, TimeText.ReferenceZone)).Append(") ")
                    .AppendLine(Escape(row.Text).Replace("\n", " ", StringComparison.Ordinal));
                if (!string.IsNullOrEmpty(row.Answer))
                {
                    text.Append("  - Answer: ").AppendLine(Escape(row.Answer).Replace("\n", " ", StringComparison.Ordinal));
                }
            }

            text.AppendLine();
        }

        if (rows.Count == 0)
        {
            text.AppendLine("No questions.");
        }

        return text.ToString();
    }

    /// <summary>Backslash-escapes Markdown's special characters, so people's text cannot become links or headings.</summary>
    public static string Escape(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '\\' or '`' or '*' or '_' or '{' or '}' or '[' or ']' or '(' or ')' or '#' or '+' or '-' or '.' or '!' or '|' or '<' or '>')
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        return text.ToString();
    }

    private static int Rank(QuestionStatus status) => status switch
    {
        QuestionStatus.Answered => 0,
        QuestionStatus.Open => 1,
        QuestionStatus.Waiting => 2,
        _ => 3,
    };

    private static string Heading(QuestionStatus status) => status switch
    {
        QuestionStatus.Answered => "Answered",
        QuestionStatus.Open => "Not answered",
        QuestionStatus.Waiting => "Waiting for approval",
        _ => "Merged duplicates",
    };

    private static string StatusWord(QuestionStatus status) => status switch
    {
        QuestionStatus.Answered => "answered",
        QuestionStatus.Open => "open",
        QuestionStatus.Waiting => "waiting for approval",
        _ => "merged",
    };
}
