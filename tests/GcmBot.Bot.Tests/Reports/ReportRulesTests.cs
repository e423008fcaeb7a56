using GcmBot.Bot.Engagement;
using GcmBot.Bot.KeyIssues;
using GcmBot.Bot.Questions;
using GcmBot.Bot.Registration;
using GcmBot.Bot.Reports;
using GcmBot.Bot.SpeakerQueue;
using GcmBot.Bot.Submissions;

namespace GcmBot.Bot.Tests.Reports;

public sealed class ReportRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(new[] { 5, 4, 3 }, new[] { false, false, false })]
    [InlineData(new[] { 5, 2, 0 }, new[] { true, true, false })]
    [InlineData(new[] { 5, 2, 1 }, new[] { false, true, true })]
    [InlineData(new[] { 9, 6, 2 }, new[] { false, true, true })]
    [InlineData(new[] { 2 }, new[] { true })]
    [InlineData(new[] { 0, 0 }, new[] { false, false })]
    public void SmallCounts_Apply_HidesOneAndTwoAndOneMoreWhenOnlyOneIsHidden(int[] counts, bool[] hidden)
    {
        var shown = SmallCounts.Apply(counts);

        Assert.Equal(hidden, shown.Select(s => s.Suppressed));
        Assert.Equal(counts, shown.Select(s => s.Value));
    }

    [Fact]
    public void ShownCount_InWords_SaysFewerThanThreeWhenHidden_InTheReportsLanguage()
    {
        var english = new ReportWords(GcmBot.Cards.Words.SupportedLanguages.English);
        var russian = new ReportWords(System.Globalization.CultureInfo.GetCultureInfo("ru"));

        Assert.Equal("fewer than 3", english.Count(new ShownCount(2, true)));
        Assert.Equal("12", english.Count(new ShownCount(12, false)));
        Assert.Equal("меньше 3", russian.Count(new ShownCount(2, true)));
        Assert.Equal("1 200", russian.Count(new ShownCount(1200, false)).Replace('\u00A0', ' '));
    }

    [Theory]
    // 50 % of registrations, 20 % of attendees: below half → flagged.
    [InlineData("migrants", 5, 10, 1, 5, true)]
    // 50 % and exactly 25 %: not below half.
    [InlineData("migrants", 5, 10, 1, 4, false)]
    // Too few registrants to judge.
    [InlineData("media", 2, 10, 0, 10, false)]
    // Nobody attended: nothing to judge.
    [InlineData("migrants", 5, 10, 0, 0, false)]
    // Unknown, other and "prefer not to say" are never flagged.
    [InlineData("unknown", 5, 10, 0, 10, false)]
    [InlineData("other", 5, 10, 0, 10, false)]
    [InlineData("undisclosed", 5, 10, 0, 10, false)]
    public void RepresentationRule_IsUnderRepresented_BelowHalfItsShareOfRegistrations(string code, int registered, int registeredTotal, int attended, int attendedTotal, bool expected) =>
        Assert.Equal(expected, RepresentationRule.IsUnderRepresented(code, registered, registeredTotal, attended, attendedTotal));

    [Fact]
    public void Compose_CountsOnlyQuestionsShownToTheMeeting_TopByVotesThenNumber()
    {
        var report = ReportComposer.Compose(Inputs(questions:
        [
            new QuestionFact(1, "one", 2, QuestionStatus.Open),
            new QuestionFact(2, "two", 5, QuestionStatus.Answered),
            new QuestionFact(3, "three", 2, QuestionStatus.Answered),
            new QuestionFact(4, "waiting", 9, QuestionStatus.Waiting),
            new QuestionFact(5, "dismissed", 9, QuestionStatus.Dismissed),
            new QuestionFact(6, "merged", 0, QuestionStatus.Merged),
            new QuestionFact(7, "withdrawn", 9, QuestionStatus.Withdrawn),
        ]));

        Assert.Equal((3, 2, 1, 1), (report.Questions.Raised, report.Questions.Answered, report.Questions.Unanswered, report.Questions.Merged));
        Assert.Equal([2, 1, 3], report.Questions.Top.Select(q => q.Number));
    }

    [Fact]
    public void Compose_TopQuestions_AreAtMostTen()
    {
        var report = ReportComposer.Compose(Inputs(questions: Enumerable.Range(1, 25).Select(i => new QuestionFact(i, $"q{i}", i, QuestionStatus.Open)).ToList()));

        Assert.Equal(25, report.Questions.Raised);
        Assert.Equal(Enumerable.Range(16, 10).Reverse(), report.Questions.Top.Select(q => q.Number));
    }

    [Fact]
    public void Compose_Submissions_ListsOnlyPublishedTitlesNamedAsConsented()
    {
        var report = ReportComposer.Compose(Inputs(submissions:
        [
            Submission(1, "Named", "Ana", "MFA", true),
            Submission(2, "Organisation only", null, "MFA", true),
            Submission(3, "Secretariat only", null, null, false),
        ]));

        Assert.Equal(3, report.Submissions.Received);
        Assert.Equal([new PublishedSubmission("Named", "Ana, MFA"), new PublishedSubmission("Organisation only", "MFA")], report.Submissions.Published);
    }

    [Fact]
    public void Compose_ThemeAndObjectives_ComeFromTheEventsThemes()
    {
        var report = ReportComposer.Compose(Inputs());

        Assert.Equal('a', Assert.Single(report.Themes).Code);
        Assert.Equal([2, 5, 6, 12, 18], report.Objectives.Select(o => o.Number));
    }

    [Fact]
    public void Compose_KeyIssuesAndRecommendations_AreSeparatedWithTheirTags()
    {
        var report = ReportComposer.Compose(Inputs(keyIssues:
        [
            new KeyIssueRecord(1, KeyIssueKind.KeyIssue, "Fees", new GcmTags(['a'], [6]), "consult-a", "c", null, null, Now),
            new KeyIssueRecord(2, KeyIssueKind.Recommendation, "Ban fees", new GcmTags(['a', 'b'], [6, 10]), "consult-a", "c", null, null, Now),
        ]));

        var words = new ReportWords(GcmBot.Cards.Words.SupportedLanguages.English);
        Assert.Equal("Fees", Assert.Single(report.KeyIssues).Text);
        Assert.Equal("theme a · objective 6", words.Tags(report.KeyIssues[0].Tags));
        Assert.Equal("Ban fees", Assert.Single(report.Recommendations).Text);
        Assert.Equal("themes a, b · objectives 6, 10", words.Tags(report.Recommendations[0].Tags));
    }

    [Fact]
    public void ComposeParticipation_WithoutRecordedActivity_HasNoAttendanceAndNoFlags()
    {
        var participation = ReportComposer.ComposeParticipation(Balance(("civil-society", "NP", "woman", 5)), null);

        Assert.Null(participation.Attended);
        Assert.Empty(participation.Flags);
        Assert.Equal(new ShownCount(5, false), participation.Breakdowns[0].Rows.Single().Registered);
    }

    [Fact]
    public void ComposeParticipation_AttendeesOfUnknownCategory_AppearAsUnknown()
    {
        var participation = ReportComposer.ComposeParticipation(
            Balance(("civil-society", "NP", "woman", 4)),
            [SpeakerCategories.Of("civil-society", "sswa", "woman"), SpeakerCategories.Unknown, SpeakerCategories.Unknown, SpeakerCategories.Unknown]);

        var groups = participation.Breakdowns[0].Rows;
        Assert.Equal(["civil-society", "unknown"], groups.Select(r => r.Code));
        // 1 attendee of civil society is hidden, so the 3 unknown ones are hidden too.
        Assert.Equal((3, true), (groups[1].Attended.Value, groups[1].Attended.Suppressed));
        var gender = participation.Breakdowns[2];
        Assert.Equal("Not said", new ReportWords(GcmBot.Cards.Words.SupportedLanguages.English).Category(gender.Dimension, gender.Rows.Last()));
        // Civil society had 100 % of registrations and 25 % of attendees.
        Assert.True(groups[0].UnderRepresented);
    }

    [Fact]
    public void HtmlAndMarkdown_OfAnEmptyReport_SayNothingWasRecorded()
    {
        var report = ReportComposer.Compose(Inputs());

        var html = ReportHtml.Summary(report, GcmBot.Cards.Words.SupportedLanguages.English);
        var markdown = ReportMarkdown.Summary(report, GcmBot.Cards.Words.SupportedLanguages.English);

        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("No questions were raised through the Q&amp;A.", html);
        Assert.Contains("No key issues were recorded.", markdown);
        Assert.Contains("Attended: not recorded", markdown);
    }

    [Fact]
    public void Html_Chart_HasAnAccessibleTitleAndDescriptionWithTheFigures()
    {
        var report = ReportComposer.Compose(Inputs(balance: Balance(("civil-society", "NP", "woman", 4), ("migrants", "PH", "man", 1))));

        var html = ReportHtml.Summary(report, GcmBot.Cards.Words.SupportedLanguages.English);

        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"p-1-t p-1-d\"", html);
        Assert.Contains("<title id=\"p-1-t\">Registered by stakeholder group</title>", html);
        Assert.Contains("<desc id=\"p-1-d\">Migrants and migrant organisations: fewer than 3 registered; Civil society organisations: fewer than 3 registered</desc>", html);
    }

    [Fact]
    public void HtmlAndMarkdown_InChinese_AreWrittenInChinese_WithTheHtmlLanguageSet()
    {
        var report = ReportComposer.Compose(Inputs(balance: Balance(("civil-society", "NP", "woman", 4))));
        var chinese = System.Globalization.CultureInfo.GetCultureInfo("zh-Hans");

        var html = ReportHtml.Summary(report, chinese);
        var markdown = ReportMarkdown.Summary(report, chinese);

        Assert.Contains("<html lang=\"zh-Hans\">", html);
        Assert.Contains("<h1>非正式总结报告</h1>", html);
        Assert.Contains("问答中没有提出任何问题。", html);
        Assert.Contains("## 6. 提出的关键问题", markdown);
        Assert.DoesNotContain("Informal summary report", html);
    }

    [Fact]
    public void Html_ContentSecurityPolicy_AllowsOnlyItsOwnStyleByHash()
    {
        var html = ReportHtml.Summary(ReportComposer.Compose(Inputs()), GcmBot.Cards.Words.SupportedLanguages.English);

        Assert.Contains($"content=\"default-src 'none'; style-src '{ReportHtml.StyleHash}'\"", html);
        Assert.DoesNotContain("unsafe-inline", html);
    }

    private static ReportInputs Inputs(
        RegistrationBalance? balance = null,
        IReadOnlyList<QuestionFact>? questions = null,
        IReadOnlyList<SubmissionRecord>? submissions = null,
        IReadOnlyList<KeyIssueRecord>? keyIssues = null) => new(
        new CatalogueEvent { Id = "consult-a", Title = "Consultation a", Kind = EventKind.ThematicConsultation, Themes = "a" },
        balance ?? Balance(),
        null,
        questions ?? [],
        InterventionReport.Create([]),
        submissions ?? [],
        keyIssues ?? [],
        Now);

    private static RegistrationBalance Balance(params (string Group, string Country, string Gender, int Count)[] people) =>
        RegistrationBalance.Compute(new BalanceCounts(
            [new AnswerCount(RegistrationStatus.Confirmed, null, people.Sum(p => p.Count))],
            people.Select(p => new AnswerCount(RegistrationStatus.Confirmed, p.Group, p.Count)).ToList(),
            people.Select(p => new AnswerCount(RegistrationStatus.Confirmed, p.Country, p.Count)).ToList(),
            people.Select(p => new AnswerCount(RegistrationStatus.Confirmed, p.Gender, p.Count)).ToList(),
            [],
            []));

    private static SubmissionRecord Submission(int id, string title, string? name, string? organisation, bool published) =>
        new(id, title, new GcmTags(['a'], []), "text", null, name, organisation, PublicationConsent.WithName,
            published ? SubmissionStatus.Accepted : SubmissionStatus.Pending, published, Now, published ? Now : null);
}
