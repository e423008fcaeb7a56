using GcmBot.Bot.Engagement;
using GcmBot.Bot.KeyIssues;
using GcmBot.Bot.Registration;
using GcmBot.Bot.SpeakerQueue;
using GcmBot.Cards.Reports;

namespace GcmBot.Bot.Reports;

/// <summary>
/// A count as a report may show it. Counts from 1 to <see cref="SmallCounts.Threshold"/> − 1 are shown as "fewer than 3"
/// so that a breakdown never points at one identifiable person.
/// </summary>
public sealed record ShownCount(int Value, bool Suppressed)
{
    public ReportCount ForCard => new(Value, Suppressed);
}

/// <summary>
/// One category of a breakdown (a stakeholder group, a subregion, a gender): registered and attended. <see cref="Label"/>
/// is the reference data's; for <see cref="StakeholderReference.Unknown"/> the report says "Unknown" in its language.
/// </summary>
public sealed record ParticipationRow(
    string Code,
    string Label,
    ShownCount Registered,
    ShownCount Attended,
    bool UnderRepresented);

/// <summary>A breakdown of participation by one dimension.</summary>
public sealed record ParticipationBreakdown(ReportDimension Dimension, IReadOnlyList<ParticipationRow> Rows);

/// <summary>
/// Who took part: confirmed registrations and, when the meeting chat recorded any activity, attendees (people who asked
/// or voted in the Q&amp;A or asked for the floor), by stakeholder group, ESCAP subregion and gender.
/// </summary>
public sealed record Participation(int Registered, int Waitlisted, int? Attended, IReadOnlyList<ParticipationBreakdown> Breakdowns)
{
    /// <summary>Where <see cref="Attended"/> comes from: the Teams meeting's attendance report, the meeting chat's activity, or nowhere.</summary>
    public AttendanceSource Source { get; init; } = AttendanceSource.NotRecorded;

    /// <summary>Attendees who are registered stakeholders: the only ones counted in the breakdowns.</summary>
    public int? RegisteredAttended { get; init; }

    /// <summary>Attendees who did not register, by how they joined: counted on lines of their own, never in a category.</summary>
    public IReadOnlyList<UnregisteredLine> Unregistered { get; init; } = [];

    public IEnumerable<(ReportDimension Dimension, ParticipationRow Row)> Flags =>
        Breakdowns.SelectMany(b => b.Rows.Where(r => r.UnderRepresented).Select(r => (b.Dimension, r)));
}

/// <summary>How a report knows who attended.</summary>
public enum AttendanceSource
{
    /// <summary>Neither a Teams attendance report nor any activity in the meeting chat: not recorded.</summary>
    NotRecorded,

    /// <summary>The people active in the meeting chat (Q&amp;A, speakers' list): a lower bound.</summary>
    MeetingChat,

    /// <summary>The Teams meeting's attendance report, read after the consultation.</summary>
    TeamsMeeting,
}

/// <summary>How an attendee who did not register joined: what the report can honestly say of them.</summary>
public enum UnregisteredKind
{
    /// <summary>Signed in with an account of the Network's tenant (Teams attendance report).</summary>
    TenantMember,

    /// <summary>Signed in with an account of another organisation (Teams attendance report).</summary>
    Guest,

    /// <summary>Joined from the link without signing in.</summary>
    Anonymous,

    /// <summary>Dialled in by telephone (Teams attendance report).</summary>
    Phone,

    /// <summary>Signed in to Teams, member or guest (the meeting chat cannot tell which).</summary>
    SignedIn,

    /// <summary>In the room of a hybrid consultation, added to the speakers' list by the chair.</summary>
    InRoom,
}

/// <summary>A count of attendees who did not register, of one kind, as the report may show it.</summary>
public sealed record UnregisteredLine(UnregisteredKind Kind, ShownCount Count);

/// <summary>
/// Who attended, as read: the registered attendees' categories (from their registrations) and the others counted by
/// kind. <see cref="Total"/> is everyone.
/// </summary>
public sealed record AttendanceFacts(
    AttendanceSource Source, IReadOnlyList<SpeakerCategories> Registrants, IReadOnlyDictionary<UnregisteredKind, int> Unregistered)
{
    public int Total => Registrants.Count + Unregistered.Values.Sum();
}

/// <summary>A question as the report lists it (no asker).</summary>
public sealed record ReportQuestion(int Number, string Text, int Votes, bool Answered);

/// <summary>The questions raised: those shown to the meeting (open or answered); duplicates merged are counted apart.</summary>
public sealed record QuestionsSummary(int Raised, int Answered, int Merged, IReadOnlyList<ReportQuestion> Top)
{
    public int Unanswered => Raised - Answered;
}

/// <summary>Oral interventions: how many, how long, and by stakeholder group.</summary>
public sealed record InterventionsSummary(int Count, TimeSpan SpeakingTime, IReadOnlyList<CategoryTotal> ByGroup);

/// <summary>A published submission, named only as its author consented.</summary>
public sealed record PublishedSubmission(string Title, string? ByLine);

/// <summary>Written submissions received on the consultation's themes (withdrawn ones aside).</summary>
public sealed record SubmissionsSummary(int Received, IReadOnlyList<PublishedSubmission> Published);

/// <summary>A key issue or recommendation as the report lists it, with its themes and objectives; <see cref="Id"/> is the recorded entry's.</summary>
public sealed record ReportPoint(string Text, GcmTags Tags, int Id = 0);

/// <summary>
/// The draft informal summary report of one consultation, the same template for every consultation (seed: "an informal
/// summary report … following each consultation … capturing the key issues raised … including salient recommendations").
/// </summary>
public sealed record SummaryReport(
    string EventId,
    string Title,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    IReadOnlyList<RoundtableTheme> Themes,
    IReadOnlyList<GcmObjective> Objectives,
    Participation Participation,
    QuestionsSummary Questions,
    InterventionsSummary Interventions,
    SubmissionsSummary Submissions,
    IReadOnlyList<ReportPoint> KeyIssues,
    IReadOnlyList<ReportPoint> Recommendations,
    DateTimeOffset GeneratedAt);

/// <summary>A question as the Q&amp;A stores it, reduced to what the report needs.</summary>
public sealed record QuestionFact(int Number, string Text, int Votes, Questions.QuestionStatus Status);

/// <summary>
/// Everything the report of one consultation is composed from, as read from the capabilities' stores.
/// <see cref="Scheduled"/> is the time of the Teams meeting scheduled for it, used when the catalogue event has no date.
/// <see cref="Attendance"/>, when given, says who attended and takes the place of <see cref="Attendees"/>.
/// </summary>
public sealed record ReportInputs(
    CatalogueEvent Event,
    RegistrationBalance Registrations,
    IReadOnlyList<SpeakerCategories>? Attendees,
    IReadOnlyList<QuestionFact> Questions,
    InterventionReport Interventions,
    IReadOnlyList<Submissions.SubmissionRecord> Submissions,
    IReadOnlyList<KeyIssueRecord> KeyIssues,
    DateTimeOffset GeneratedAt,
    ScheduledTime? Scheduled = null,
    AttendanceFacts? Attendance = null);

/// <summary>When a consultation was scheduled to take place (from Scheduling).</summary>
public sealed record ScheduledTime(DateTimeOffset Start, DateTimeOffset End);

/// <summary>The small-count rule: how breakdowns avoid pointing at one person.</summary>
public static class SmallCounts
{
    /// <summary>Counts below this (but above zero) are not shown.</summary>
    public const int Threshold = ReportCount.Threshold;

    /// <summary>
    /// Which counts of one breakdown to hide: every count from 1 to 2, and, when that hides exactly one count, the next
    /// smallest non-zero count too, so that the hidden one cannot be worked out from the total.
    /// </summary>
    public static IReadOnlyList<ShownCount> Apply(IReadOnlyList<int> counts)
    {
        var hidden = counts.Select(c => c is > 0 and < Threshold).ToArray();
        if (hidden.Count(h => h) == 1)
        {
            var next = counts.Select((c, i) => (c, i)).Where(x => !hidden[x.i] && x.c > 0).OrderBy(x => x.c).Select(x => (int?)x.i).FirstOrDefault();
            if (next is { } index)
            {
                hidden[index] = true;
            }
        }

        return counts.Select((c, i) => new ShownCount(c, hidden[i])).ToList();
    }
}

/// <summary>The under-representation rule of the reports.</summary>
public static class RepresentationRule
{
    /// <summary>A category needs at least this many registrants before its attendance is judged.</summary>
    public const int MinRegistrants = SmallCounts.Threshold;

    /// <summary>
    /// A category is under-represented among the attendees when it had at least <see cref="MinRegistrants"/> confirmed
    /// registrants, somebody attended, and its share of attendees is below half its share of registrations. Unknown,
    /// "other" and "prefer not to say" are never flagged: they are not groups whose voice the engagement balances.
    /// </summary>
    public static bool IsUnderRepresented(string code, int registered, int registeredTotal, int attended, int attendedTotal) =>
        code is not (StakeholderReference.Unknown or StakeholderReference.Other or "undisclosed")
        && registered >= MinRegistrants
        && attendedTotal > 0
        && registeredTotal > 0
        // attended / attendedTotal < ½ · registered / registeredTotal, in integers.
        && 2L * attended * registeredTotal < (long)registered * attendedTotal;
}

/// <summary>Composes a report from what the stores hold; free of Teams and storage.</summary>
public static class ReportComposer
{
    public const int TopQuestions = 10;

    public static SummaryReport Compose(ReportInputs inputs)
    {
        var e = inputs.Event;
        var themes = e.Themes.Select(GcmReference.Theme).OfType<RoundtableTheme>().ToList();
        var objectives = themes.SelectMany(t => t.Objectives).Order().Select(GcmReference.Objective).OfType<GcmObjective>().ToList();

        var shown = inputs.Questions.Where(q => q.Status is Questions.QuestionStatus.Open or Questions.QuestionStatus.Answered).ToList();
        var questions = new QuestionsSummary(
            shown.Count,
            shown.Count(q => q.Status == Questions.QuestionStatus.Answered),
            inputs.Questions.Count(q => q.Status == Questions.QuestionStatus.Merged),
            shown.OrderByDescending(q => q.Votes).ThenBy(q => q.Number).Take(TopQuestions)
                .Select(q => new ReportQuestion(q.Number, q.Text, q.Votes, q.Status == Questions.QuestionStatus.Answered)).ToList());

        var interventions = new InterventionsSummary(inputs.Interventions.Interventions.Count, inputs.Interventions.TotalDuration, inputs.Interventions.ByGroup);

        var submissions = new SubmissionsSummary(
            inputs.Submissions.Count,
            inputs.Submissions.Where(s => s.IsPublished).OrderBy(s => s.PublishedAt).ThenBy(s => s.Id)
                .Select(s => new PublishedSubmission(s.Title, ByLine(s.PublicName, s.PublicOrganisation))).ToList());

        ReportPoint Point(KeyIssueRecord k) => new(k.Text, k.Tags, k.Id);
        return new SummaryReport(
            e.Id,
            e.Title,
            e.StartsAt ?? inputs.Scheduled?.Start,
            e.StartsAt is null ? inputs.Scheduled?.End : e.EndsAt,
            themes,
            objectives,
            inputs.Attendance is { } attendance
                ? ComposeParticipationFrom(inputs.Registrations, attendance)
                : ComposeParticipation(inputs.Registrations, inputs.Attendees),
            questions,
            interventions,
            submissions,
            inputs.KeyIssues.Where(k => k.Kind == KeyIssueKind.KeyIssue).Select(Point).ToList(),
            inputs.KeyIssues.Where(k => k.Kind == KeyIssueKind.Recommendation).Select(Point).ToList(),
            inputs.GeneratedAt);
    }

    /// <summary>
    /// Registered (confirmed) and attended: the registered attendees by group, subregion and gender, and those who did
    /// not register on lines of their own by how they joined (never in a category); small counts hidden, flags set.
    /// </summary>
    public static Participation ComposeParticipationFrom(RegistrationBalance registrations, AttendanceFacts attendance)
    {
        var kinds = Enum.GetValues<UnregisteredKind>().Where(k => attendance.Unregistered.GetValueOrDefault(k) > 0).ToList();
        var shown = SmallCounts.Apply(kinds.Select(k => attendance.Unregistered[k]).ToList());
        return ComposeParticipation(registrations, attendance.Registrants) with
        {
            Attended = attendance.Total,
            Source = attendance.Source,
            RegisteredAttended = attendance.Registrants.Count,
            Unregistered = kinds.Select((k, i) => new UnregisteredLine(k, shown[i])).ToList(),
        };
    }

    /// <summary>Registered (confirmed) and attended, by group, subregion and gender, small counts hidden, flags set.</summary>
    public static Participation ComposeParticipation(RegistrationBalance registrations, IReadOnlyList<SpeakerCategories>? attendees)
    {
        var registeredTotal = registrations.Count(RegistrationStatus.Confirmed);
        var attendedTotal = attendees?.Count ?? 0;
        var breakdowns = new List<ParticipationBreakdown>
        {
            Breakdown(ReportDimension.Group, RegistrationBalance.GroupTitle, StakeholderReference.Groups, a => a.Group),
            Breakdown(ReportDimension.Subregion, RegistrationBalance.SubregionTitle, StakeholderReference.Subregions, a => a.Subregion),
            Breakdown(ReportDimension.Gender, RegistrationBalance.GenderTitle, StakeholderReference.Genders, a => a.Gender),
        };
        return new Participation(registeredTotal, registrations.Count(RegistrationStatus.Waitlisted), attendees?.Count, breakdowns)
        {
            Source = attendees is null ? AttendanceSource.NotRecorded : AttendanceSource.MeetingChat,
            RegisteredAttended = attendees?.Count,
        };

        ParticipationBreakdown Breakdown(ReportDimension dimension, string title, IReadOnlyList<ReferenceChoice> choices, Func<SpeakerCategories, string> code)
        {
            var registered = registrations.Dimension(title).Categories.ToDictionary(c => c.Code, c => c.Confirmed);
            var attended = (attendees ?? []).GroupBy(code).ToDictionary(g => g.Key, g => g.Count());
            var codes = choices.Select(c => c.Code).Append(StakeholderReference.Unknown)
                .Where(c => registered.GetValueOrDefault(c) > 0 || attended.GetValueOrDefault(c) > 0)
                .ToList();
            var shownRegistered = SmallCounts.Apply(codes.Select(c => registered.GetValueOrDefault(c)).ToList());
            var shownAttended = SmallCounts.Apply(codes.Select(c => attended.GetValueOrDefault(c)).ToList());
            var rows = codes.Select((c, i) => new ParticipationRow(
                c,
                c == StakeholderReference.Unknown ? string.Empty : StakeholderReference.Label(choices, c),
                shownRegistered[i],
                shownAttended[i],
                attendees is not null && RepresentationRule.IsUnderRepresented(c, registered.GetValueOrDefault(c), registeredTotal, attended.GetValueOrDefault(c), attendedTotal)))
                .ToList();
            return new ParticipationBreakdown(dimension, rows);
        }
    }

    private static string? ByLine(string? name, string? organisation) =>
        (name, organisation) switch
        {
            (null, null) => null,
            (not null, not null) => $"{name}, {organisation}",
            _ => name ?? organisation,
        };
}
