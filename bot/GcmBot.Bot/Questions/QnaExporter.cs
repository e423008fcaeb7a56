using System.Globalization;
using System.Text;
using GcmBot.Bot.Exports;
using GcmBot.Bot.Storage;
using GcmBot.Cards.Common;
using GcmBot.Cards.Words;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.Questions;

/// <summary>An export: how many questions it holds, how long its links work, and the links.</summary>
public sealed record QnaExport(int Count, int Minutes, Uri Csv, Uri Markdown);

/// <summary>
/// The session's questions for the informal summary report: CSV (spreadsheet-safe) and Markdown, behind expiring
/// links. Withdrawn and dismissed questions are left out. Who asked appears only where the session's policy lets
/// the moderators see it and the asker did not choose anonymity. The files' own words (headings, column names) are in
/// the language of the code that runs them: the moderator's who asked.
/// </summary>
public sealed class QnaExporter(IDbContextFactory<GcmDbContext> databases, ExportStore exports, IOptions<PublicHostOptions> publicHost, TimeProvider time)
{
    public async Task<QnaExport> ExportAsync(QnaSession session, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(session, cancellationToken);
        var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        var name = $"qna-{session.Id}-{stamp}";
        var csv = await exports.PublishAsync(name + ".csv", "text/csv; charset=utf-8", Csv(session, rows), cancellationToken);
        var markdown = await exports.PublishAsync(name + ".md", "text/markdown; charset=utf-8", Encoding.UTF8.GetBytes(Markdown(session, rows)), cancellationToken);
        return new QnaExport(rows.Count, publicHost.Value.ExportLinkMinutes, csv, markdown);
    }

    /// <summary>One exported question.</summary>
    /// <summary>One exported question. <see cref="Asker"/>: null where names are not shown, empty for "anonymous".</summary>
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
                namesAllowed ? (q.AskedAnonymously || q.AuthorName is null ? string.Empty : q.AuthorName) : null))
            .ToList();
    }

    public static byte[] Csv(QnaSession session, IReadOnlyList<Row> rows)
    {
        var t = Texts();
        var namesAllowed = session.AskerVisibility == AskerVisibility.Moderators;
        string[] header =
        [
            t["Export.Column.Number"], t["Export.Column.Question"], t["Export.Column.Votes"], t["Export.Column.Status"],
            t["Export.Column.Answer"], t["Export.Column.Asked"], t["Export.Column.Answered"], t["Export.Column.MergedInto"],
        ];
        var csv = new CsvWriter(namesAllowed ? [.. header, t["Export.Column.AskedBy"]] : header);
        foreach (var row in rows)
        {
            string?[] cells =
            [
                row.Number.ToString(CultureInfo.InvariantCulture),
                row.Text,
                row.Votes.ToString(CultureInfo.InvariantCulture),
                t[$"Export.Status.{StatusKey(row.Status)}"],
                row.Answer,
                row.AskedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                row.AnsweredAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                row.MergedInto?.ToString(CultureInfo.InvariantCulture),
            ];
            csv.Row(namesAllowed ? [.. cells, row.Asker is "" ? t["Export.Anonymous"] : row.Asker] : cells);
        }

        return csv.ToUtf8Bytes();
    }

    public static string Markdown(QnaSession session, IReadOnlyList<Row> rows)
    {
        var t = Texts();
        var text = new StringBuilder();
        text.Append("# ").AppendLine(t["Export.Heading", Escape(session.Title)]).AppendLine();
        if (session.EventId is not null)
        {
            text.AppendLine(t["Export.Event", Escape(session.EventId)]).AppendLine();
        }

        var opened = TimeText.Format(session.OpenedAt, TimeText.ReferenceZone);
        text.AppendLine(session.ClosedAt is { } closed
            ? t["Export.OpenedAndClosed", opened, TimeText.Format(closed, TimeText.ReferenceZone)]
            : t["Export.Opened", opened]).AppendLine();
        text.AppendLine(t[session.AskerVisibility == AskerVisibility.Moderators ? "Export.SomeNamed" : "Export.AllAnonymous"]).AppendLine();

        foreach (var group in rows.GroupBy(r => r.Status).OrderBy(g => Rank(g.Key)))
        {
            text.Append("## ").AppendLine(t[$"Export.Section.{StatusKey(group.Key)}"]).AppendLine();
            foreach (var row in group)
            {
                var details = new List<string> { t["Export.Votes", row.Votes] };
                if (row.MergedInto is { } target)
                {
                    details.Add(t["Export.MergedInto", target]);
                }

                if (row.Asker is not null)
                {
                    details.Add(t["Export.AskedBy", row.Asker.Length == 0 ? t["Export.Anonymous"] : Escape(row.Asker)]);
                }

                details.Add(TimeText.Format(row.AskedAt, TimeText.ReferenceZone));
                text.Append("- **#").Append(row.Number.ToString(CultureInfo.InvariantCulture)).Append("** (")
                    .Append(string.Join(t["Export.Separator"], details)).Append(") ")
                    .AppendLine(Escape(row.Text).Replace("\n", " ", StringComparison.Ordinal));
                if (!string.IsNullOrEmpty(row.Answer))
                {
                    text.Append("  - ").AppendLine(t["Export.Answer", Escape(row.Answer).Replace("\n", " ", StringComparison.Ordinal)]);
                }
            }

            text.AppendLine();
        }

        if (rows.Count == 0)
        {
            text.AppendLine(t["Export.NoQuestions"]);
        }

        return text.ToString();
    }

    // The static builders read the texts themselves, in the language of the code that runs them.
    private static TextResources Texts() => TextResources.For<QuestionsTexts>(CultureInfo.CurrentUICulture);

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

    private static string StatusKey(QuestionStatus status) => status switch
    {
        QuestionStatus.Answered => "Answered",
        QuestionStatus.Open => "Open",
        QuestionStatus.Waiting => "Waiting",
        _ => "Merged",
    };
}
