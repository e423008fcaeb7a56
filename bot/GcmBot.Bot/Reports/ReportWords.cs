using System.Globalization;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.SpeakerQueue;
using GcmBot.Cards.Common;
using GcmBot.Cards.Reports;
using GcmBot.Cards.Words;

namespace GcmBot.Bot.Reports;

/// <summary>Names the resource files of this folder (<c>ReportsTexts.resx</c> and its translations).</summary>
public sealed class ReportsTexts;

/// <summary>
/// The sentences the HTML and Markdown reports share, in the language the organiser asked for, so that both formats
/// say the same. Reference data (theme and objective titles, stakeholder categories) and what people wrote stay as
/// they are.
/// </summary>
public sealed class ReportWords(CultureInfo culture)
{
    private readonly TextResources _t = TextResources.For<ReportsTexts>(culture);

    public CultureInfo Culture { get; } = culture;

    /// <summary>The <c>lang</c> of the report's page.</summary>
    public string Tag => SupportedLanguages.TagOf(Culture);

    public string this[string key] => _t[key];

    public string this[string key, params object?[] arguments] => _t[key, arguments];

    public string Privacy => _t["Privacy", SmallCounts.Threshold - 1, SmallCounts.Threshold];

    public string Rule => _t["Rule", RepresentationRule.MinRegistrants];

    public IReadOnlyList<string> Method =>
    [
        _t["Method.Registered"], _t["Method.Attended"], _t["Method.Questions"], _t["Method.Submissions"], _t["Method.KeyIssues"], Privacy, Rule,
    ];

    /// <summary>A report is read across the region: GMT+7, the engagement's zone, and UTC.</summary>
    public string When(DateTimeOffset? start, DateTimeOffset? end) => start switch
    {
        null => _t["When.Tbc"],
        { } s when end is { } e => TimeText.ForPerson(s, e, null, Culture),
        { } s => TimeText.InstantForPerson(s, null, Culture),
    };

    public string Instant(DateTimeOffset at) => TimeText.InstantForPerson(at, null, Culture);

    public string Number(int value) => value.ToString("N0", Culture);

    public string Count(ShownCount count) =>
        count.Suppressed ? _t["Count.Hidden", SmallCounts.Threshold] : Number(count.Value);

    /// <summary>"stakeholder group", "ESCAP subregion", "gender" (within a sentence).</summary>
    public string Dimension(ReportDimension dimension) => _t[$"Dimension.{dimension}"];

    /// <summary>"Stakeholder group", … (a column heading).</summary>
    public string DimensionTitle(ReportDimension dimension) => _t[$"DimensionTitle.{dimension}"];

    /// <summary>The category's name; people who gave none are "Unknown" ("Not said" for gender).</summary>
    public string Category(ReportDimension dimension, ParticipationRow row) =>
        row.Code != StakeholderReference.Unknown ? row.Label
        : dimension == ReportDimension.Gender ? _t["Category.NotSaid"]
        : _t["Category.Unknown"];

    public string ParticipationLine(Participation p)
    {
        var registered = p.Waitlisted > 0 ? _t["Part.RegisteredWaitlist", p.Registered, p.Waitlisted] : _t["Part.Registered", p.Registered];
        var attended = (p.Attended, p.Source) switch
        {
            (null, _) or (_, AttendanceSource.NotRecorded) => _t["Part.AttendedNotRecorded"],
            ({ } a, AttendanceSource.TeamsMeeting) => _t["Part.AttendedTeams", a],
            ({ } a, _) => _t["Part.Attended", a],
        };
        var split = p.Attended is { } total && p.RegisteredAttended is { } known && p.Unregistered.Count > 0
            ? " " + _t["Part.Split", known, Number(total - known)]
            : string.Empty;
        return registered + " " + attended + split;
    }

    /// <summary>How attendees who did not register joined ("Anonymous participants (joined from the link …)").</summary>
    public string Unregistered(UnregisteredKind kind) => _t[$"Unreg.{kind}"];

    public string QuestionsLine(QuestionsSummary q) =>
        q.Raised == 0 && q.Merged == 0 ? _t["Questions.None"]
        : q.Merged > 0 ? _t["Questions.LineMerged", q.Raised, q.Answered, q.Unanswered, q.Merged]
        : _t["Questions.Line", q.Raised, q.Answered, q.Unanswered];

    public string InterventionsLine(InterventionsSummary i) =>
        i.Count == 0 ? _t["Interventions.None"] : _t["Interventions.Line", i.Count, InterventionReport.FormatDuration(i.SpeakingTime)];

    public string SubmissionsLine(SubmissionsSummary s) =>
        s.Received == 0 ? _t["Submissions.None"] : _t["Submissions.Line", s.Received, s.Published.Count];

    public string FlagDetail(ParticipationRow row) => _t["Flag.Detail", Count(row.Registered), Count(row.Attended)];

    /// <summary>"themes a, b · objectives 2, 5".</summary>
    public string Tags(GcmTags tags)
    {
        var parts = new List<string>();
        if (tags.Themes.Count > 0)
        {
            parts.Add(_t["Tags.Themes", tags.Themes.Count, tags.ThemesText]);
        }

        if (tags.Objectives.Count > 0)
        {
            parts.Add(_t["Tags.Objectives", tags.Objectives.Count, tags.ObjectivesText]);
        }

        return string.Join(" · ", parts);
    }
}
