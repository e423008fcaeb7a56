using System.Globalization;
using System.Text;
using GcmBot.Bot.Exports;
using GcmBot.Bot.Storage;
using GcmBot.Cards.Common;
using GcmBot.Cards.SpeakerQueue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.SpeakerQueue;

/// <summary>Publishes the interventions of a list (CSV, totals CSV, Markdown) behind expiring links.</summary>
public sealed class SpeakerQueueExporter(
    IDbContextFactory<GcmDbContext> databases,
    ExportStore exports,
    IOptions<PublicHostOptions> publicHost,
    IStringLocalizer<SpeakerQueueTexts> texts,
    TimeProvider time)
{
    /// <summary>The report of a conversation's list as it stands now; null when the conversation has no list.</summary>
    public async Task<(SpeakerQueueRecord Queue, InterventionReport Report)?> ReportAsync(string conversationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var queue = await db.Set<SpeakerQueueRecord>().AsNoTracking().FirstOrDefaultAsync(q => q.ConversationId == conversationId, cancellationToken);
        if (queue is null)
        {
            return null;
        }

        var turns = await db.Set<SpeakerRequest>().AsNoTracking()
            .Where(r => r.QueueId == queue.Id && r.StartedAt != null)
            .ToListAsync(cancellationToken);
        var report = InterventionReport.Create(turns.Select(r => new Intervention(
            // Erased people keep their place in the log under a name in the reader's language.
            r.DisplayName == SpeakerQueueEraser.AnonymousName ? texts["ErasedSpeaker"] : r.DisplayName,
            r.Organisation,
            SpeakerCategories.Of(r.StakeholderGroup, r.Subregion, r.Gender),
            r.Kind,
            r.Topic,
            r.StartedAt!.Value,
            (r.EndedAt ?? now) - r.StartedAt.Value,
            r.EndedAt is null,
            r.Origin)));
        return (queue, report);
    }

    /// <summary>
    /// Publishes the three files and describes them for the chair's card, in the current language (the chair's); null
    /// without a list.
    /// </summary>
    public async Task<SpeakerExportCardModel?> ExportAsync(string conversationId, CancellationToken cancellationToken)
    {
        var found = await ReportAsync(conversationId, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var (queue, report) = found.Value;
        var now = time.GetUtcNow();
        var zone = TimeText.ReferenceZone;
        var stamp = TimeZoneInfo.ConvertTime(now, zone).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        var csv = await exports.PublishAsync($"interventions-{stamp}.csv", "text/csv; charset=utf-8", report.InterventionsCsv(zone, texts), cancellationToken);
        var totals = await exports.PublishAsync($"speaking-time-{stamp}.csv", "text/csv; charset=utf-8", report.TotalsCsv(texts), cancellationToken);
        var markdown = await exports.PublishAsync(
            $"interventions-{stamp}.md", "text/markdown; charset=utf-8", Encoding.UTF8.GetBytes(report.Markdown(queue.Title, zone, now, texts)), cancellationToken);
        var expires = now.AddMinutes(publicHost.Value.ExportLinkMinutes);

        return new SpeakerExportCardModel(
            queue.Title,
            report.Interventions.Count,
            InterventionReport.FormatDuration(report.TotalDuration),
            csv.ToString(),
            totals.ToString(),
            markdown.ToString(),
            $"{TimeZoneInfo.ConvertTime(expires, zone):HH:mm} ({TimeText.OffsetLabel(zone.BaseUtcOffset)})",
            Card(report.ByGroup, code => SpeakerQueueWords.Group(texts, code)),
            Card(report.BySubregion, code => SpeakerQueueWords.Subregion(texts, code)),
            Card(report.ByGender, code => SpeakerQueueWords.Gender(texts, code)));
    }

    private static List<SpeakingTotal> Card(IReadOnlyList<CategoryTotal> totals, Func<string, string> label) =>
        totals.Select(t => new SpeakingTotal(label(t.Code), t.Turns, InterventionReport.FormatDuration(t.Duration))).ToList();
}
