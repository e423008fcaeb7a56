using System.Globalization;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Exports;
using GcmBot.Bot.Storage;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Submissions;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.Submissions;

/// <summary>
/// Turns stored submissions and typed outcomes into the card models people see, in the current language (the turn's
/// person, or the recipient of a notice); no decisions are taken here.
/// </summary>
public sealed class SubmissionViews(PublicAddress host, IStringLocalizer<SubmissionsTexts> texts, IStringLocalizer<TagTexts> tagTexts)
{
    public const int MinePageSize = 5;
    public const int ReviewPageSize = 10;

    private static readonly IReadOnlyDictionary<SubmissionField, string> InputIds = new Dictionary<SubmissionField, string>
    {
        [SubmissionField.Title] = SubmissionFormCard.Title,
        [SubmissionField.Themes] = SubmissionFormCard.Themes,
        [SubmissionField.Objectives] = SubmissionFormCard.Objectives,
        [SubmissionField.Text] = SubmissionFormCard.Text,
        [SubmissionField.Link] = SubmissionFormCard.Link,
        [SubmissionField.Organisation] = SubmissionFormCard.Organisation,
        [SubmissionField.Consent] = SubmissionFormCard.Consent,
    };

    /// <summary>The public page of published submissions, as people reach the host.</summary>
    public string PublicPageUrl => host.Link(SubmissionEndpoints.PagePath).ToString();

    /// <summary>The resource texts of this capability in the current language.</summary>
    public IStringLocalizer<SubmissionsTexts> Texts => texts;

    /// <summary>The form; <paramref name="editing"/> names the submission and version an edit applies to.</summary>
    public AdaptiveCard Form(
        CultureInfo culture,
        string submitKey,
        (int Id, int Version)? editing,
        IReadOnlyDictionary<string, string?> values,
        IReadOnlyDictionary<SubmissionField, SubmissionProblem>? problems = null,
        string? notice = null)
    {
        var chosen = GcmChoices.ChosenThemes(values.GetValueOrDefault(SubmissionFormCard.Themes));
        return SubmissionFormCard.Build(
            new SubmissionFormModel(
                submitKey,
                editing?.Id,
                editing?.Version,
                values,
                (problems ?? new Dictionary<SubmissionField, SubmissionProblem>()).ToDictionary(p => InputIds[p.Key], p => Describe(p.Value)),
                GcmChoices.Themes(),
                GcmChoices.Objectives(chosen),
                [
                    new Choice(texts["Consent.WithName.Choice"], SubmissionRules.CodeOf(PublicationConsent.WithName)),
                    new Choice(texts["Consent.OrganisationOnly.Choice"], SubmissionRules.CodeOf(PublicationConsent.OrganisationOnly)),
                    new Choice(texts["Consent.NotPublished.Choice"], SubmissionRules.CodeOf(PublicationConsent.NotPublished)),
                ],
                notice,
                SubmissionRules.MaxTitleLength,
                SubmissionRules.MaxTextLength,
                SubmissionRules.MaxLinkLength,
                SubmissionRules.MaxOrganisationLength),
            culture);
    }

    /// <summary>A problem with a field (or a reviewer's comment) in the current language.</summary>
    public string Describe(SubmissionProblem problem) => problem.Kind switch
    {
        SubmissionProblemKind.Tags => TagWords.Describe(problem.Tags!, tagTexts),
        SubmissionProblemKind.TitleMissing => texts["Problem.TitleMissing"],
        SubmissionProblemKind.TitleTooShort => texts["Problem.TitleTooShort", problem.Limit],
        SubmissionProblemKind.TitleTooLong => texts["Problem.TitleTooLong", problem.Limit, problem.Actual],
        SubmissionProblemKind.TextTooLong => texts["Problem.TextTooLong", problem.Limit, problem.Actual],
        SubmissionProblemKind.TextOrLinkMissing => texts["Problem.TextOrLinkMissing"],
        SubmissionProblemKind.LinkTooLong => texts["Problem.LinkTooLong", problem.Limit],
        SubmissionProblemKind.LinkNotHttps => texts["Problem.LinkNotHttps"],
        SubmissionProblemKind.OrganisationTooLong => texts["Problem.OrganisationTooLong", problem.Limit],
        SubmissionProblemKind.OrganisationMissing => texts["Problem.OrganisationMissing"],
        SubmissionProblemKind.ConsentMissing => texts["Problem.ConsentMissing"],
        SubmissionProblemKind.CommentTooLong => texts["Problem.CommentTooLong", problem.Limit],
        _ => texts["Problem.CommentMissing"],
    };

    /// <summary>A theme problem of <c>submit x</c>, worded for the notice above the form.</summary>
    public string Describe(TagProblem problem) => TagWords.Describe(problem, tagTexts);

    public static IReadOnlyDictionary<string, string?> ValuesOf(SubmissionInput input) => new Dictionary<string, string?>
    {
        [SubmissionFormCard.Title] = input.Title,
        [SubmissionFormCard.Themes] = input.Themes,
        [SubmissionFormCard.Objectives] = input.Objectives,
        [SubmissionFormCard.Text] = input.Text,
        [SubmissionFormCard.Link] = input.Link,
        [SubmissionFormCard.Organisation] = input.Organisation,
        [SubmissionFormCard.Consent] = input.Consent,
    };

    public static IReadOnlyDictionary<string, string?> ValuesOf(WrittenSubmission s)
    {
        var tags = SubmissionStore.TagsOf(s);
        return new Dictionary<string, string?>
        {
            [SubmissionFormCard.Title] = s.Title,
            [SubmissionFormCard.Themes] = string.Join(',', tags.Themes),
            [SubmissionFormCard.Objectives] = string.Join(',', tags.Objectives),
            [SubmissionFormCard.Text] = s.Text,
            [SubmissionFormCard.Link] = s.Link,
            [SubmissionFormCard.Organisation] = s.Organisation,
            [SubmissionFormCard.Consent] = SubmissionRules.CodeOf(s.Consent),
        };
    }

    public AdaptiveCard Mine(CultureInfo culture, ListPage<WrittenSubmission> page, string? banner, TimeZoneInfo? zone) =>
        MySubmissionsCard.Build(
            new MySubmissionsModel(page.Items.Select(s => Item(s, zone, culture)).ToList(), page.PageIndex, page.HasMore, page.TotalCount, banner, PublicPageUrl),
            culture);

    public AdaptiveCard Notice(CultureInfo culture, string heading, string message, WrittenSubmission s, TimeZoneInfo? zone) =>
        SubmissionNoticeCard.Build(new SubmissionNoticeModel(heading, message, Item(s, zone, culture), PublicPageUrl), culture);

    public AdaptiveCard ReviewList(CultureInfo culture, ListPage<WrittenSubmission> page, string? banner, TimeZoneInfo? zone) =>
        SubmissionReviewListCard.Build(
            new ReviewListModel(
                page.Items.Select(s => new ReviewListEntry(s.Id, s.Title, ReviewSummary(s, zone, culture))).ToList(),
                page.PageIndex,
                page.HasMore,
                page.TotalCount,
                banner,
                PublicPageUrl),
            culture);

    public AdaptiveCard Review(CultureInfo culture, WrittenSubmission s, string? banner, TimeZoneInfo? zone)
    {
        var author = s.AuthorName is null
            ? texts["Review.Forgotten"]
            : s.Organisation is null
                ? texts["Review.SentPersonally", s.AuthorName]
                : texts["Review.SentForOrganisation", s.AuthorName, s.Organisation];
        var publication = s.Consent switch
        {
            PublicationConsent.WithName when s.AuthorName is not null => s.Organisation is null
                ? texts["Review.PublishesName", s.AuthorName]
                : texts["Review.PublishesNameAndOrganisation", s.AuthorName, s.Organisation],
            PublicationConsent.OrganisationOnly => texts["Review.PublishesOrganisation", s.Organisation ?? string.Empty],
            _ => texts["Review.PublishesNothing"],
        };
        return SubmissionReviewCard.Build(
            new ReviewModel(Item(s, zone, culture), author, publication, banner, SubmissionRules.CanReview(s.Status), SubmissionRules.MaxCommentLength),
            culture);
    }

    /// <summary>How a status reads in a sentence: "accepted", "returned to its author"…</summary>
    public string State(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Accepted => texts["State.Accepted"],
        SubmissionStatus.Returned => texts["State.Returned"],
        SubmissionStatus.Rejected => texts["State.Rejected"],
        SubmissionStatus.Withdrawn => texts["State.Withdrawn"],
        _ => texts["State.Pending"],
    };

    public SubmissionItem Item(WrittenSubmission s, TimeZoneInfo? zone, CultureInfo culture)
    {
        var tags = SubmissionStore.TagsOf(s);
        var facts = new List<Fact>
        {
            new(texts["Fact.Themes"], string.Join("; ", tags.Themes.Select(c => GcmReference.Theme(c)!.LabelIn(culture)))),
            new(texts["Fact.Objectives"], tags.Objectives.Count == 0 ? texts["Fact.NoObjectives"] : tags.ObjectivesText),
            new(texts["Fact.OnBehalfOf"], s.Organisation ?? texts["Fact.Personal"]),
            new(texts["Fact.Publication"], ConsentText(s.Consent)),
            new(texts["Fact.Sent"], LocalTimes.Format(s.SubmittedAt, zone, culture)),
        };
        if (s.UpdatedAt > s.SubmittedAt && s.Status is SubmissionStatus.Pending or SubmissionStatus.Returned)
        {
            facts.Add(new Fact(texts["Fact.LastChanged"], LocalTimes.Format(s.UpdatedAt, zone, culture)));
        }

        var (status, tone) = StatusText(s.Status, s.Consent);
        var showComment = s.Status is SubmissionStatus.Returned or SubmissionStatus.Rejected && s.ReviewComment is not null;
        return new SubmissionItem(
            s.Id,
            s.Version,
            s.Title,
            status,
            tone,
            facts,
            showComment ? s.ReviewComment : null,
            s.Text,
            s.Link,
            SubmissionRules.CanEdit(s.Status),
            SubmissionRules.CanWithdraw(s.Status));
    }

    public string ConsentText(PublicationConsent consent) => consent switch
    {
        PublicationConsent.WithName => texts["Consent.WithName"],
        PublicationConsent.OrganisationOnly => texts["Consent.OrganisationOnly"],
        _ => texts["Consent.NotPublished"],
    };

    private (string Text, SubmissionTone Tone) StatusText(SubmissionStatus status, PublicationConsent consent) => status switch
    {
        SubmissionStatus.Pending => (texts["Status.Pending"], SubmissionTone.Neutral),
        SubmissionStatus.Returned => (texts["Status.Returned"], SubmissionTone.Warning),
        SubmissionStatus.Accepted when consent == PublicationConsent.NotPublished => (texts["Status.AcceptedKept"], SubmissionTone.Good),
        SubmissionStatus.Accepted => (texts["Status.AcceptedPublished"], SubmissionTone.Good),
        SubmissionStatus.Rejected => (texts["Status.Rejected"], SubmissionTone.Attention),
        _ => (texts["Status.Withdrawn"], SubmissionTone.Neutral),
    };

    private string ReviewSummary(WrittenSubmission s, TimeZoneInfo? zone, CultureInfo culture)
    {
        var tags = SubmissionStore.TagsOf(s);
        var who = s.Organisation ?? texts["Fact.Personal"];
        var sent = LocalTimes.Format(s.SubmittedAt, zone, culture);
        return s.ReviewComment is not null
            ? texts["ReviewSummary.Resent", who, tags.ThemesText, sent]
            : texts["ReviewSummary", who, tags.ThemesText, sent];
    }
}
