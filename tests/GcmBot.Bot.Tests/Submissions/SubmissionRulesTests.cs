using GcmBot.Bot.Engagement;
using GcmBot.Bot.Languages;
using GcmBot.Bot.Submissions;
using GcmBot.Bot.Tests.Languages;
using GcmBot.Cards.Words;

namespace GcmBot.Bot.Tests.Submissions;

public sealed class SubmissionRulesTests
{
    private static SubmissionInput Valid => new("A title", "a", "2,6", "Some text", null, "Org", "name");

    [Fact]
    public void Check_ValidInput_GivesTidiedContent()
    {
        var check = SubmissionRules.Check(Valid with { Title = "  A \t  title\n", Themes = "c,a", Objectives = "15 2 2", Text = "line one\r\nline two\u0007\n\n\n\nnext" });

        Assert.True(check.IsValid);
        Assert.Equal("A title", check.Content!.Title);
        Assert.Equal(['a', 'c'], check.Content.Tags.Themes);
        Assert.Equal([2, 15], check.Content.Tags.Objectives);
        Assert.Equal("line one\nline two\n\nnext", check.Content.Text);
    }

    [Theory]
    [InlineData("https://example.org/a b")]
    [InlineData("http://example.org/a")]
    [InlineData("javascript:alert(1)")]
    [InlineData("JAVASCRIPT://example.org/%0Aalert(1)")]
    [InlineData("//example.org/a")]
    [InlineData("example.org/a")]
    [InlineData("https://user:pw@example.org/")]
    [InlineData("ftp://example.org/a")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
    public void NormaliseLink_NotAnAbsoluteHttpsAddress_IsRefused(string link)
    {
        Assert.Null(SubmissionRules.NormaliseLink(link, out var problem));
        Assert.NotNull(problem);
    }

    [Fact]
    public void NormaliseLink_HttpsAddress_IsKeptInCanonicalForm()
    {
        Assert.Equal("https://example.org/a%22b?x=1", SubmissionRules.NormaliseLink("HTTPS://Example.org/a\"b?x=1", out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void NormaliseLink_TooLong_IsRefused()
    {
        Assert.Null(SubmissionRules.NormaliseLink("https://example.org/" + new string('a', 2000), out var problem));
        Assert.Equal(SubmissionProblemKind.LinkTooLong, problem!.Kind);
    }

    [Fact]
    public void Check_OrganisationOnlyWithoutOrganisation_ProblemIsOnTheOrganisation()
    {
        var check = SubmissionRules.Check(Valid with { Organisation = " ", Consent = "organisation" });

        Assert.Equal([SubmissionField.Organisation], check.Problems.Keys);
    }

    [Fact]
    public void Check_UnknownConsent_ProblemIsOnTheConsent()
    {
        var check = SubmissionRules.Check(Valid with { Consent = "NAME" });

        Assert.Equal([SubmissionField.Consent], check.Problems.Keys);
    }

    [Fact]
    public void Check_TitleOfControlCharactersOnly_IsMissing()
    {
        var check = SubmissionRules.Check(Valid with { Title = "\u0000\u0001 \t " });

        Assert.Equal(SubmissionProblemKind.TitleMissing, check.Problems[SubmissionField.Title].Kind);
    }

    [Theory]
    [InlineData(ReviewDecision.Return, null, true)]
    [InlineData(ReviewDecision.Return, "  ", true)]
    [InlineData(ReviewDecision.Return, "Add sources", false)]
    [InlineData(ReviewDecision.Reject, null, false)]
    [InlineData(ReviewDecision.Accept, null, false)]
    public void CheckComment_ReturnNeedsAComment(ReviewDecision decision, string? comment, bool problem)
    {
        Assert.Equal(problem, SubmissionRules.CheckComment(decision, comment, out _) is not null);
    }

    [Fact]
    public void CheckComment_TooLong_IsRefused()
    {
        Assert.NotNull(SubmissionRules.CheckComment(ReviewDecision.Reject, new string('c', 1001), out _));
    }

    [Theory]
    [InlineData(PublicationConsent.WithName, "Alice", "Org")]
    [InlineData(PublicationConsent.OrganisationOnly, null, "Org")]
    [InlineData(PublicationConsent.NotPublished, null, null)]
    public void PublicAuthor_ShowsOnlyWhatWasConsentedTo(PublicationConsent consent, string? name, string? organisation)
    {
        Assert.Equal((name, organisation), SubmissionRules.PublicAuthor(consent, "Alice", "Org"));
    }

    [Theory]
    [InlineData(SubmissionStatus.Pending, true)]
    [InlineData(SubmissionStatus.Returned, true)]
    [InlineData(SubmissionStatus.Accepted, false)]
    [InlineData(SubmissionStatus.Rejected, false)]
    [InlineData(SubmissionStatus.Withdrawn, false)]
    public void CanEdit_OnlyUntilReviewed(SubmissionStatus status, bool expected)
    {
        Assert.Equal(expected, SubmissionRules.CanEdit(status));
    }

    [Fact]
    public void IsPublished_AcceptedButNotForPublication_IsNot()
    {
        Assert.False(SubmissionRules.IsPublished(SubmissionStatus.Accepted, PublicationConsent.NotPublished));
        Assert.True(SubmissionRules.IsPublished(SubmissionStatus.Accepted, PublicationConsent.OrganisationOnly));
        Assert.False(SubmissionRules.IsPublished(SubmissionStatus.Pending, PublicationConsent.WithName));
    }
}

public sealed class GcmTagRulesTests
{
    [Theory]
    [InlineData("a,b", "ab")]
    [InlineData("ab", "ab")]
    [InlineData("B a", "ab")]
    [InlineData("d;c", "cd")]
    [InlineData("", "")]
    public void ParseThemes_UsualSpellings_AreRead(string raw, string expected)
    {
        var parsed = GcmTagRules.ParseThemes(raw, required: false);

        Assert.True(parsed.IsValid);
        Assert.Equal(expected, new string(parsed.Value.ToArray()));
    }

    [Theory]
    [InlineData("e")]
    [InlineData("bad")]
    [InlineData("aa")]
    [InlineData("theme-a")]
    [InlineData("1")]
    public void ParseThemes_NotThemes_AreRefused(string raw)
    {
        Assert.False(GcmTagRules.ParseThemes(raw, required: false).IsValid);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("24")]
    [InlineData("-3")]
    [InlineData("2.5")]
    [InlineData("two")]
    [InlineData("99999999999")]
    public void ParseObjectives_OutOfRangeOrNotNumbers_AreRefused(string raw)
    {
        Assert.False(GcmTagRules.ParseObjectives(raw).IsValid);
    }

    [Fact]
    public void ObjectivesOutsideThemes_NamesTheThemeToAdd()
    {
        var problem = GcmTagRules.ObjectivesOutsideThemes(['a'], [2, 4, 8, 23])!;

        Assert.Equal(TagProblemKind.OutsideThemes, problem.Kind);
        Assert.Equal([('b', "4,8"), ('d', "23")], problem.Outside!.Select(o => (o.Theme, string.Join(',', o.Objectives))));
        Assert.Null(GcmTagRules.ObjectivesOutsideThemes(['a', 'b'], [2, 4]));
    }

    [Theory]
    [InlineData("en", "Objectives 4, 8 belong to theme b. Objective 23 belongs to theme d. Add the theme or remove the objective.")]
    [InlineData("fr", "Les objectifs 4, 8 relèvent du thème b. L'objectif 23 relève du thème d. Ajoutez le thème ou retirez l'objectif.")]
    [InlineData("ru", "Цели 4, 8 относятся к теме b. Цель 23 относится к теме d. Добавьте тему или уберите цель.")]
    [InlineData("zh-Hans", "目标 4, 8 属于主题 b。 目标 23 属于主题 d。 请添加该主题，或删除该目标。")]
    public void ObjectivesOutsideThemes_InEachLanguage_NamesTheThemeToAdd(string language, string expected)
    {
        var problem = GcmTagRules.ObjectivesOutsideThemes(['a'], [2, 4, 8, 23])!;

        using var scope = LanguageScope.Use(SupportedLanguages.Match(language)!);
        Assert.Equal(expected, TagWords.Describe(problem, TestTexts.For<TagTexts>()));
    }

    [Fact]
    public void EveryObjective_BelongsToExactlyOneTheme()
    {
        var all = GcmReference.Themes.SelectMany(t => t.Objectives).Order().ToList();

        Assert.Equal(Enumerable.Range(1, 23), all);
    }

    [Fact]
    public void StoredObjectives_RoundTripAndMatchOnlyWholeNumbers()
    {
        var stored = GcmTagRules.StoreObjectives([12, 2]);

        Assert.Equal(",2,12,", stored);
        Assert.Equal([2, 12], GcmTagRules.ReadObjectives(stored));
        Assert.Equal("%,1,%", GcmTagRules.StoredObjectivePattern(1));
        Assert.DoesNotContain(",1,", stored, StringComparison.Ordinal);
    }
}

public sealed class PublicSubmissionsPageTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    private static SubmissionRecord Published(string? link = null, bool isPublished = true) => new(
        7, "Title", new GcmTags(['a'], [2]), "Text", link, "Alice", "Org", PublicationConsent.WithName,
        SubmissionStatus.Accepted, isPublished, Now, Now);

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://example.org/")]
    [InlineData("https://example.org/\" onmouseover=\"alert(1)")]
    public void Html_StoredLinkThatIsNotSafeHttps_IsNeverALink(string link)
    {
        var html = PublicSubmissionsPage.Html([Published(link)], Now, SupportedLanguages.English, TestTexts.For<SubmissionsTexts>());

        Assert.DoesNotContain("<a href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a href=\"http:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onmouseover", html, StringComparison.Ordinal);
        Assert.Null(PublicSubmissionsPage.Document([Published(link)], Now).Submissions[0].Link);
    }

    [Fact]
    public void Html_RecordNotPublished_IsLeftOut()
    {
        var html = PublicSubmissionsPage.Html([Published(isPublished: false)], Now, SupportedLanguages.English, TestTexts.For<SubmissionsTexts>());

        Assert.DoesNotContain("<article", html, StringComparison.Ordinal);
        Assert.Contains("No submissions published yet", html);
    }

    [Fact]
    public void Html_PublishedDate_IsInBangkokTime()
    {
        var lateEvening = new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);

        var html = PublicSubmissionsPage.Html([Published() with { PublishedAt = lateEvening }], lateEvening, SupportedLanguages.English, TestTexts.For<SubmissionsTexts>());

        Assert.Contains("<time datetime=\"2026-12-02\">2 December 2026</time>", html);
    }
}
