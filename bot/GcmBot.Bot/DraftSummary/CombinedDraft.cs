using GcmBot.Bot.Engagement;
using GcmBot.Bot.KeyIssues;
using GcmBot.Bot.Registration;
using GcmBot.Bot.Reports;
using GcmBot.Bot.Submissions;

namespace GcmBot.Bot.DraftSummary;

/// <summary>
/// A key issue or recommendation as the combined draft shows it: the organisers' wording when they edited it, else the
/// recorded text (<see cref="Recorded"/>, which stays as it was recorded).
/// </summary>
public sealed record DraftPoint(int Id, KeyIssueKind Kind, string Text, string Recorded, GcmTags Tags, IReadOnlyList<string> Consultations)
{
    public bool Edited => !string.Equals(Text, Recorded, StringComparison.Ordinal);

    public ReportPoint ForReport => new(Text, Tags, Id);
}

/// <summary>The points filed under one theme and objective (objective null: the theme as a whole; theme null: no theme).</summary>
public sealed record DraftGroup(RoundtableTheme? Theme, GcmObjective? Objective, IReadOnlyList<DraftPoint> Points);

/// <summary>The written submissions on one theme: how many were received (small counts hidden) and those published.</summary>
public sealed record DraftThemeSubmissions(RoundtableTheme Theme, ShownCount Received, IReadOnlyList<PublishedSubmission> Published);

/// <summary>
/// The draft summary report of the preliminary stakeholder consultations (seed: "a draft summary report of the
/// preliminary stakeholder consultations … posted on the website of the meeting"): one draft across the consultations
/// held, composed from what GcmBot recorded and the organisers' edits.
/// </summary>
public sealed record CombinedDraft(
    string? Introduction,
    int Version,
    IReadOnlyList<SummaryReport> Consultations,
    IReadOnlyList<DraftPoint> Points,
    IReadOnlyList<DraftThemeSubmissions> Submissions,
    DateTimeOffset GeneratedAt)
{
    public IReadOnlyList<DraftPoint> KeyIssues => Points.Where(p => p.Kind == KeyIssueKind.KeyIssue).ToList();

    public IReadOnlyList<DraftPoint> Recommendations => Points.Where(p => p.Kind == KeyIssueKind.Recommendation).ToList();

    /// <summary>The points of one kind filed by theme and objective: each point once, under its first theme and first objective of that theme.</summary>
    public IReadOnlyList<DraftGroup> Groups(KeyIssueKind kind)
    {
        var points = Points.Where(p => p.Kind == kind).ToList();
        var groups = new List<DraftGroup>();
        foreach (var theme in GcmReference.Themes)
        {
            var inTheme = points.Where(p => p.Tags.Themes.FirstOrDefault() == theme.Code).ToList();
            foreach (var number in theme.Objectives.Order())
            {
                var items = inTheme.Where(p => p.Tags.Objectives.Where(theme.Objectives.Contains).Order().FirstOrDefault() == number).ToList();
                if (items.Count > 0)
                {
                    groups.Add(new DraftGroup(theme, GcmReference.Objective(number), items));
                }
            }

            var general = inTheme.Where(p => !p.Tags.Objectives.Any(theme.Objectives.Contains)).ToList();
            if (general.Count > 0)
            {
                groups.Add(new DraftGroup(theme, null, general));
            }
        }

        var untagged = points.Where(p => p.Tags.Themes.Count == 0 || GcmReference.Theme(p.Tags.Themes[0]) is null).ToList();
        if (untagged.Count > 0)
        {
            groups.Add(new DraftGroup(null, null, untagged));
        }

        return groups;
    }

    /// <summary>Participation in each consultation, for the representation section.</summary>
    public RepresentationReport Representation => new(
        Consultations.Select(c => new ConsultationParticipation(c.EventId, c.Title, c.Start, c.Participation)).ToList(), GeneratedAt);
}

/// <summary>Composes the combined draft; free of Teams and storage.</summary>
public static class DraftComposer
{
    /// <summary>A consultation counts as held once its time has come, or when anything was recorded at it.</summary>
    public static bool IsHeld(SummaryReport report, DateTimeOffset now) =>
        report.Start is { } start && start <= now
        || report.Questions.Raised > 0 || report.Interventions.Count > 0 || report.KeyIssues.Count > 0 || report.Recommendations.Count > 0
        || report.Participation.Attended > 0;

    public static CombinedDraft Compose(
        IReadOnlyList<SummaryReport> held,
        IReadOnlyList<SubmissionRecord> submissions,
        DraftStatus status,
        DateTimeOffset now)
    {
        var points = new Dictionary<int, (KeyIssueKind Kind, ReportPoint Point, List<string> Titles)>();
        foreach (var report in held)
        {
            foreach (var (kind, list) in new[] { (KeyIssueKind.KeyIssue, report.KeyIssues), (KeyIssueKind.Recommendation, report.Recommendations) })
            {
                foreach (var point in list)
                {
                    if (!points.TryGetValue(point.Id, out var entry))
                    {
                        entry = (kind, point, []);
                        points.Add(point.Id, entry);
                    }

                    entry.Titles.Add(report.Title);
                }
            }
        }

        var draftPoints = points.OrderBy(p => p.Key).Select(p => new DraftPoint(
            p.Key,
            p.Value.Kind,
            status.Wordings.GetValueOrDefault(p.Key) ?? p.Value.Point.Text,
            p.Value.Point.Text,
            p.Value.Point.Tags,
            p.Value.Titles.Distinct(StringComparer.Ordinal).ToList())).ToList();

        var received = GcmReference.Themes.Select(t => submissions.Count(s => s.Tags.Themes.Contains(t.Code))).ToList();
        var shown = SmallCounts.Apply(received);
        var themes = GcmReference.Themes.Select((t, i) => new DraftThemeSubmissions(
            t,
            shown[i],
            submissions.Where(s => s.IsPublished && s.Tags.Themes.Contains(t.Code)).OrderBy(s => s.PublishedAt).ThenBy(s => s.Id)
                .Select(s => new PublishedSubmission(s.Title, ByLine(s.PublicName, s.PublicOrganisation))).ToList())).ToList();

        return new CombinedDraft(status.Introduction, status.Version, held, draftPoints, themes, now);
    }

    private static string? ByLine(string? name, string? organisation) =>
        string.Join(", ", new[] { name, organisation }.Where(x => !string.IsNullOrWhiteSpace(x))) is { Length: > 0 } line ? line : null;
}

/// <summary>Reads what the draft is built from: each consultation's report (Reports), the submissions, the organisers' edits.</summary>
public sealed class DraftSummarySource(EventCatalogue catalogue, ReportSource reports, SubmissionStore submissions, DraftSummaryStore store, TimeProvider time)
{
    public async Task<CombinedDraft> BuildAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var held = new List<SummaryReport>();
        var events = (await catalogue.AllAsync(cancellationToken))
            .Where(e => e.Kind is EventKind.ThematicConsultation or EventKind.MultiStakeholderConsultation)
            .OrderBy(e => e.StartsAt ?? DateTimeOffset.MaxValue).ThenBy(e => e.Id, StringComparer.Ordinal);
        foreach (var e in events)
        {
            var report = await reports.BuildAsync(e, cancellationToken);
            if (DraftComposer.IsHeld(report, now))
            {
                held.Add(report);
            }
        }

        var received = new Dictionary<int, SubmissionRecord>();
        foreach (var theme in GcmReference.Themes)
        {
            foreach (var s in await submissions.ForThemeAsync(theme.Code, cancellationToken))
            {
                received.TryAdd(s.Id, s);
            }
        }

        return DraftComposer.Compose(held, received.Values.OrderBy(s => s.Id).ToList(), await store.StatusAsync(cancellationToken), now);
    }
}
