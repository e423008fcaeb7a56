using System.Globalization;
using System.Text;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Exports;
using GcmBot.Cards.Common;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.SpeakerQueue;

/// <summary>One turn at the floor, as the export lists it.</summary>
public sealed record Intervention(
    string Speaker,
    string? Organisation,
    SpeakerCategories Categories,
    SpeechKind Kind,
    string? Topic,
    DateTimeOffset Start,
    TimeSpan Duration,
    bool Ongoing,
    SpeakerOrigin Origin = SpeakerOrigin.Member);

/// <summary>Speaking time of one category.</summary>
public sealed record CategoryTotal(string Code, string Label, int Turns, TimeSpan Duration);

/// <summary>
/// The interventions of a consultation and the totals of speaking time by stakeholder group, ESCAP subregion and
/// gender: the material for the informal summary report and for the balance of representation. Rows name people
/// but carry no gender or subregion of a named person; those appear only as totals. People in the room of a hybrid
/// consultation are marked so. The files' words come in the localizer's current language (the chair's who exports).
/// </summary>
public sealed class InterventionReport
{
    private InterventionReport(IReadOnlyList<Intervention> interventions)
    {
        Interventions = interventions;
        ByGroup = Totals(StakeholderReference.Groups, i => i.Categories.Group);
        BySubregion = Totals(StakeholderReference.Subregions, i => i.Categories.Subregion);
        ByGender = Totals(StakeholderReference.Genders, i => i.Categories.Gender);
    }

    public IReadOnlyList<Intervention> Interventions { get; }
    public IReadOnlyList<CategoryTotal> ByGroup { get; }
    public IReadOnlyList<CategoryTotal> BySubregion { get; }
    public IReadOnlyList<CategoryTotal> ByGender { get; }

    public TimeSpan TotalDuration => Interventions.Aggregate(TimeSpan.Zero, (sum, i) => sum + i.Duration);

    public static InterventionReport Create(IEnumerable<Intervention> interventions) =>
        new(interventions.OrderBy(i => i.Start).ToList());

    /// <summary>One row per intervention, times in GMT+7 (the engagement's zone) and in UTC.</summary>
    public byte[] InterventionsCsv(TimeZoneInfo zone, IStringLocalizer t)
    {
        var offset = TimeText.OffsetLabel(zone.BaseUtcOffset);
        var csv = new CsvWriter(
        [
            t["Report.Number"], t["Report.Speaker"], t["Report.Organisation"], t["Report.Group"], t["Report.Kind"], t["Report.Topic"],
            t["Report.StartIn", offset], t["Report.StartUtc"], t["Report.DurationMinutes"], t["Report.DurationSeconds"],
        ]);
        var number = 0;
        foreach (var i in Interventions)
        {
            csv.Row(
            [
                (++number).ToString(CultureInfo.InvariantCulture),
                Speaker(i, t),
                i.Organisation,
                SpeakerQueueWords.Group(t, i.Categories.Group),
                SpeakerQueueWords.Kind(t, i.Kind),
                i.Topic,
                TimeZoneInfo.ConvertTime(i.Start, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                i.Start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                Duration(i, t),
                ((long)i.Duration.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            ]);
        }

        return csv.ToUtf8Bytes();
    }

    /// <summary>The totals as rows: dimension, category, turns, seconds.</summary>
    public byte[] TotalsCsv(IStringLocalizer t)
    {
        var csv = new CsvWriter([t["Report.Dimension"], t["Report.Category"], t["Report.Turns"], t["Report.SpeakingTimeMinutes"], t["Report.SpeakingTimeSeconds"]]);
        foreach (var (dimension, _, label, totals) in Dimensions(t))
        {
            foreach (var total in totals)
            {
                csv.Row(
                [
                    dimension,
                    label(total.Code),
                    total.Turns.ToString(CultureInfo.InvariantCulture),
                    FormatDuration(total.Duration),
                    ((long)total.Duration.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                ]);
            }
        }

        return csv.ToUtf8Bytes();
    }

    public string Markdown(string? title, TimeZoneInfo zone, DateTimeOffset generatedAt, IStringLocalizer t)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(t["Report.Heading"]);
        if (!string.IsNullOrWhiteSpace(title))
        {
            md.Append(" — ").Append(MarkdownText.Escape(title));
        }

        var offset = TimeText.OffsetLabel(zone.BaseUtcOffset);
        var generated = $"{TimeZoneInfo.ConvertTime(generatedAt, zone).ToString("g", CultureInfo.CurrentCulture)} ({offset})";
        md.Append("\n\n");
        md.Append(t["Report.Generated", generated]).Append(' ');
        md.Append(t["Report.Summary", Interventions.Count, FormatDuration(TotalDuration)]).Append("\n\n");
        md.Append(CultureInfo.InvariantCulture, $"| {t["Report.Number"]} | {t["Report.Speaker"]} | {t["Report.Organisation"]} | {t["Report.Group"]} | {t["Report.Kind"]} | {t["Report.Topic"]} | {t["Report.Start"]} | {t["Report.Duration"]} |\n");
        md.Append("|---|---|---|---|---|---|---|---|\n");
        var number = 0;
        foreach (var i in Interventions)
        {
            var start = TimeZoneInfo.ConvertTime(i.Start, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
            md.Append(CultureInfo.InvariantCulture,
                $"| {++number} | {Cell(Speaker(i, t))} | {Cell(i.Organisation)} | {Cell(SpeakerQueueWords.Group(t, i.Categories.Group))} | {Cell(SpeakerQueueWords.Kind(t, i.Kind))} | {Cell(i.Topic)} | {start} | {Duration(i, t)} |\n");
        }

        md.Append('\n').Append(t["Report.TimesAre", offset]).Append('\n');
        foreach (var (_, heading, label, totals) in Dimensions(t))
        {
            md.Append("\n## ").Append(heading).Append("\n\n");
            md.Append(CultureInfo.InvariantCulture, $"| {t["Report.Category"]} | {t["Report.Turns"]} | {t["Report.SpeakingTime"]} |\n|---|---|---|\n");
            foreach (var total in totals)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {Cell(label(total.Code))} | {total.Turns} | {FormatDuration(total.Duration)} |\n");
            }
        }

        return md.ToString();
    }

    /// <summary>"2:05", or "1:02:05" past an hour.</summary>
    public static string FormatDuration(TimeSpan duration)
    {
        var seconds = (long)Math.Max(0, duration.TotalSeconds);
        return seconds >= 3600
            ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}:{seconds / 60 % 60:D2}:{seconds % 60:D2}")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:D2}");
    }

    private IEnumerable<(string Dimension, string Heading, Func<string, string> Label, IReadOnlyList<CategoryTotal> Totals)> Dimensions(IStringLocalizer t)
    {
        yield return (t["Report.Group"], t["Report.ByGroup"], code => SpeakerQueueWords.Group(t, code), ByGroup);
        yield return (t["Report.Subregion"], t["Report.BySubregion"], code => SpeakerQueueWords.Subregion(t, code), BySubregion);
        yield return (t["Report.Gender"], t["Report.ByGender"], code => SpeakerQueueWords.Gender(t, code), ByGender);
    }

    private static string Speaker(Intervention i, IStringLocalizer t) => i.Origin == SpeakerOrigin.InRoom ? t["Report.InRoom", i.Speaker] : i.Speaker;

    private static string Duration(Intervention i, IStringLocalizer t) =>
        i.Ongoing ? t["Report.StillSpeaking", FormatDuration(i.Duration)] : FormatDuration(i.Duration);

    private static string Cell(string? text) => string.IsNullOrEmpty(text) ? "—" : MarkdownText.Escape(text);

    /// <summary>Categories with at least one turn, in the reference order, "unknown" last.</summary>
    private List<CategoryTotal> Totals(IReadOnlyList<ReferenceChoice> choices, Func<Intervention, string> category)
    {
        var codes = choices.Select(c => c.Code).Append(StakeholderReference.Unknown).ToList();
        return Interventions
            .GroupBy(category)
            .Select(g => new CategoryTotal(g.Key, StakeholderReference.Label(choices, g.Key), g.Count(), g.Aggregate(TimeSpan.Zero, (sum, i) => sum + i.Duration)))
            .OrderBy(t => codes.IndexOf(t.Code) is var index and >= 0 ? index : int.MaxValue)
            .ToList();
    }
}
