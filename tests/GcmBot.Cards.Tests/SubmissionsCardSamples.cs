using GcmBot.Bot.Engagement;
using GcmBot.Cards.Submissions;

namespace GcmBot.Cards.Tests;

public sealed class SubmissionsCardSamples : ICardSamples
{
    /// <summary>Text a hostile or careless person might type: Markdown, HTML and a script.</summary>
    public const string Hostile = "**Urgent** [click](javascript:alert(1)) <script>alert('x')</script> \"><img src=x onerror=alert(1)> _it_";

    public IEnumerable<CardSample> Samples() => SampleLanguages.All.SelectMany(InLanguage);

    private static IEnumerable<CardSample> InLanguage(System.Globalization.CultureInfo culture)
    {
        yield return new CardSample(SampleLanguages.Name("submission-form-new", culture), BuildForm(culture, Form(new Dictionary<string, string?>(), new Dictionary<string, string>(), null, null)));
        yield return new CardSample(SampleLanguages.Name("submission-form-errors", culture), BuildForm(culture, Form(
            new Dictionary<string, string?>
            {
                [SubmissionFormCard.Title] = "Ok",
                [SubmissionFormCard.Themes] = "a",
                [SubmissionFormCard.Objectives] = "6,23",
                [SubmissionFormCard.Link] = "http://example.org",
                [SubmissionFormCard.Consent] = "organisation",
            },
            new Dictionary<string, string>
            {
                [SubmissionFormCard.Title] = "Please give a title of at least 3 characters.",
                [SubmissionFormCard.Objectives] = "Your objective 23 belongs to theme d. Add the theme or remove the objective.",
                [SubmissionFormCard.Link] = "Please give a full web address starting with https://.",
                [SubmissionFormCard.Organisation] = "To publish under your organisation only, please name the organisation.",
            },
            null,
            null)));
        yield return new CardSample(SampleLanguages.Name("submission-form-edit-returned", culture), BuildForm(culture, Form(
            new Dictionary<string, string?>
            {
                [SubmissionFormCard.Title] = Hostile,
                [SubmissionFormCard.Themes] = "b,c",
                [SubmissionFormCard.Objectives] = "10,15",
                [SubmissionFormCard.Text] = new string('w', 8000),
                [SubmissionFormCard.Link] = "https://example.org/submission.pdf",
                [SubmissionFormCard.Organisation] = "Lawyers Beyond Borders",
                [SubmissionFormCard.Consent] = "name",
            },
            new Dictionary<string, string>(),
            7,
            "The organisers returned it with this comment: " + Hostile)));

        yield return new CardSample(SampleLanguages.Name("submission-mine-empty", culture), BuildMine(culture, new MySubmissionsModel([], 0, false, 0, null, "https://gcmbot.example.org/submissions")));
        yield return new CardSample(SampleLanguages.Name("submission-mine-page", culture), BuildMine(culture, new MySubmissionsModel(
            [
                Item(1, "Waiting for review", SubmissionTone.Neutral, null, canEdit: true),
                Item(2, "Returned for changes: edit it to send it again", SubmissionTone.Warning, "Please add sources.", canEdit: true),
                Item(3, "Accepted and published on the review's web page", SubmissionTone.Good, null, canEdit: false),
                Item(4, "Not accepted", SubmissionTone.Attention, Hostile, canEdit: false),
                Item(5, "Withdrawn", SubmissionTone.Neutral, null, canEdit: false, canWithdraw: false),
            ],
            1,
            true,
            12,
            "Submission #6 is withdrawn. It is no longer shown anywhere.",
            "https://gcmbot.example.org/submissions")));

        yield return new CardSample(SampleLanguages.Name("submission-notice-received", culture), BuildNotice(culture, new SubmissionNoticeModel(
            "Thank you: submission #12 received",
            "The organisers will review it, and I will tell you here what they decide. Until then you can edit or withdraw it.",
            Item(12, "Waiting for review", SubmissionTone.Neutral, null, canEdit: true),
            "https://gcmbot.example.org/submissions")));
        yield return new CardSample(SampleLanguages.Name("submission-notice-returned", culture), BuildNotice(culture, new SubmissionNoticeModel(
            "Your submission #12 was returned for changes",
            "The organisers ask you to change something before they publish it; their comment is below. Edit it to send it again.",
            Item(12, "Returned for changes: edit it to send it again", SubmissionTone.Warning, new string('c', 1000), canEdit: true),
            null)));

        yield return new CardSample(SampleLanguages.Name("submission-review-list-empty", culture), BuildReviewList(culture, new ReviewListModel([], 0, false, 0, null, null)));
        yield return new CardSample(SampleLanguages.Name("submission-review-list-full", culture), BuildReviewList(culture, new ReviewListModel(
            Enumerable.Range(1, 10).Select(i => new ReviewListEntry(i, i == 3 ? Hostile : $"Submission {i} on fair recruitment", $"Organisation {i} · themes a, b · sent Tue 1 Dec 2026, 10:00 (GMT+7)")).ToList(),
            1,
            true,
            31,
            "#4 is accepted. The author is being told.",
            "https://gcmbot.example.org/submissions")));

        var longText = string.Join("\n\n", Enumerable.Range(1, 60).Select(i => $"Paragraph {i}: " + new string('t', 120)));
        yield return new CardSample(SampleLanguages.Name("submission-review-long", culture), BuildReview(culture, new ReviewModel(
            Item(9, "Waiting for review", SubmissionTone.Neutral, null, canEdit: true) with { Text = longText[..8000] },
            "Sent by Alice Ahmed on behalf of Migrant Forum in Asia.",
            "Accepting publishes it with the name Alice Ahmed and Migrant Forum in Asia.",
            null,
            CanDecide: true,
            1000)));
        yield return new CardSample(SampleLanguages.Name("submission-review-decided", culture), BuildReview(culture, new ReviewModel(
            Item(9, "Accepted and published on the review's web page", SubmissionTone.Good, null, canEdit: false),
            "The author asked to be forgotten; their name is no longer kept.",
            "Accepting publishes it under Migrant Forum in Asia only, without the author's name.",
            "This submission is no longer waiting: it is accepted.",
            CanDecide: false,
            1000)));
    }

    private static SubmissionFormModel Form(
        IReadOnlyDictionary<string, string?> values, IReadOnlyDictionary<string, string> errors, int? editing, string? notice) =>
        new(
            "0123456789abcdef0123456789abcdef",
            editing,
            editing is null ? null : 3,
            values,
            errors,
            GcmChoices.Themes(),
            GcmChoices.Objectives(GcmChoices.ChosenThemes(values.GetValueOrDefault(SubmissionFormCard.Themes))),
            [new("Yes, with my name and organisation", "name"), new("Yes, under my organisation's name only (not my name)", "organisation"), new("No: for the Regional Network secretariat only", "secretariat")],
            notice,
            200,
            8000,
            2000,
            200);

    private static SubmissionItem Item(int id, string status, SubmissionTone tone, string? comment, bool canEdit, bool canWithdraw = true) => new(
        id,
        2,
        id == 4 ? SubmissionsCardSamples.Hostile : "Decent work for migrant domestic workers",
        status,
        tone,
        [
            new("Themes", "a. Ensuring that migration is voluntary, orderly and regular"),
            new("GCM objectives", "2, 6"),
            new("On behalf of", id == 4 ? Hostile : "Migrant Forum in Asia"),
            new("Publication", "With the author's name and organisation"),
            new("Sent", "Tue 1 Dec 2026, 10:00 (GMT+7)"),
        ],
        comment,
        "Domestic workers need labour law coverage.\n\nRecruitment fees must be banned. " + new string('x', 400),
        id % 2 == 0 ? "https://example.org/submission.pdf" : null,
        canEdit,
        canWithdraw);

    private static AdaptiveCards.AdaptiveCard BuildForm(System.Globalization.CultureInfo culture, SubmissionFormModel model) => SubmissionFormCard.Build(model, culture);

    private static AdaptiveCards.AdaptiveCard BuildMine(System.Globalization.CultureInfo culture, MySubmissionsModel model) => MySubmissionsCard.Build(model, culture);

    private static AdaptiveCards.AdaptiveCard BuildNotice(System.Globalization.CultureInfo culture, SubmissionNoticeModel model) => SubmissionNoticeCard.Build(model, culture);

    private static AdaptiveCards.AdaptiveCard BuildReviewList(System.Globalization.CultureInfo culture, ReviewListModel model) => SubmissionReviewListCard.Build(model, culture);

    private static AdaptiveCards.AdaptiveCard BuildReview(System.Globalization.CultureInfo culture, ReviewModel model) => SubmissionReviewCard.Build(model, culture);
}
