using System.Globalization;
using System.Text;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Exports;
using GcmBot.Cards.Common;

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
    bool Ongoing);

/// <summary>Speaking time of one category.</summary>
public sealed record CategoryTotal(string Code, string Label, int Turns, TimeSpan Duration);

/// <summary>
/// The interventions of a consultation and the totals of speaking time by stakeholder group, ESCAP subregion and
/// gender: the material for the informal summary report and for the balance of representation. Rows name people
/// but carry no gender or subregion of a named person; those appear only as totals.
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
    public byte[] InterventionsCsv(TimeZoneInfo zone)
    {
        var offset = TimeText.OffsetLabel(zone.BaseUtcOffset);
        var csv = new CsvWriter(["#", "Speaker", "Organisation", "Stakeholder group", "Kind", "Topic", $"Start ({offset})", "Start (UTC)", "Duration (m:ss)", "Duration (seconds)"]);
        var number = 0;
        foreach (var i in Interventions)
        {
            csv.Row(
            [
                (++number).ToString(CultureInfo.InvariantCulture),
                i.Speaker,
                i.Organisation,
                i.Categories.GroupLabel,
                i.Kind.Label(),
                i.Topic,
                TimeZoneInfo.ConvertTime(i.Start, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                i.Start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                FormatDuration(i.Duration) + (i.Ongoing ? " (still speaking)" : string.Empty),
                ((long)i.Duration.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            ]);
        }

        return csv.ToUtf8Bytes();
    }

    /// <summary>The totals as rows: dimension, category, turns, seconds.</summary>
    public byte[] TotalsCsv()
    {
        var csv = new CsvWriter(["Dimension", "Category", "Turns", "Speaking time (m:ss)", "Speaking time (seconds)"]);
        foreach (var (dimension, totals) in Dimensions())
        {
            foreach (var total in totals)
            {
                csv.Row(
                [
                    dimension,
                    total.Label,
                    total.Turns.ToString(CultureInfo.InvariantCulture),
                    FormatDuration(total.Duration),
                    ((long)total.Duration.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                ]);
            }
        }

        return csv.ToUtf8Bytes();
    }

    public string Markdown(string? title, TimeZoneInfo zone, DateTimeOffset generatedAt)
    {
        var md = new StringBuilder();
        md.Append("# Interventions");
        if (!string.IsNullOrWhiteSpace(title))
        {
            md.Append(" — ").Append(MarkdownText.Escape(title));
        }

        md.Append("\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Generated {TimeText.Format(generatedAt, zone)}. ");
        md.Append(CultureInfo.InvariantCulture, $"{Interventions.Count} intervention{(Interventions.Count == 1 ? string.Empty : "s")}, {FormatDuration(TotalDuration)} of speaking time.\n\n");
        md.Append("| # | Speaker | Organisation | Stakeholder group | Kind | Topic | Start | Duration |\n");
        md.Append("|---|---|---|---|---|---|---|---|\n");
        var number = 0;
        foreach (var i in Interventions)
        {
            var start = TimeZoneInfo.ConvertTime(i.Start, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
            md.Append(CultureInfo.InvariantCulture,
                $"| {++number} | {Cell(i.Speaker)} | {Cell(i.Organisation)} | {Cell(i.Categories.GroupLabel)} | {i.Kind.Label()} | {Cell(i.Topic)} | {start} | {FormatDuration(i.Duration)}{(i.Ongoing ? " (still speaking)" : string.Empty)} |\n");
        }

        md.Append(CultureInfo.InvariantCulture, $"\nTimes are {TimeText.OffsetLabel(zone.BaseUtcOffset)}.\n");
        foreach (var (dimension, totals) in Dimensions())
        {
            md.Append(CultureInfo.InvariantCulture, $"\n## Speaking time by {(dimension == "ESCAP subregion" ? dimension : dimension.ToLowerInvariant())}\n\n");
            md.Append("| Category | Turns | Speaking time |\n|---|---|---|\n");
            foreach (var total in totals)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {Cell(total.Label)} | {total.Turns} | {FormatDuration(total.Duration)} |\n");
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

    private IEnumerable<(string Dimension, IReadOnlyList<CategoryTotal> Totals)> Dimensions()
    {
        yield return ("Stakeholder group", ByGroup);
        yield return ("ESCAP subregion", BySubregion);
        yield return ("Gender", ByGender);
    }

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
