using System.Globalization;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Exports;
using GcmBot.Bot.Storage;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Submissions;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.Submissions;

/// <summary>Turns stored submissions into the card models people see; no decisions are taken here.</summary>
public sealed class SubmissionViews(IOptions<PublicHostOptions> host)
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
    public string PublicPageUrl => host.Value.BaseUrl.TrimEnd('/') + SubmissionEndpoints.PagePath;

    /// <summary>The form; <paramref name="editing"/> names the submission and version an edit applies to.</summary>
    public static AdaptiveCard Form(
        string submitKey,
        (int Id, int Version)? editing,
        IReadOnlyDictionary<string, string?> values,
        IReadOnlyDictionary<SubmissionField, string>? problems = null,
        string? notice = null)
    {
        var chosen = GcmChoices.ChosenThemes(values.GetValueOrDefault(SubmissionFormCard.Themes));
        return SubmissionFormCard.Build(new SubmissionFormModel(
            submitKey,
            editing?.Id,
            editing?.Version,
            values,
            (problems ?? new Dictionary<SubmissionField, string>()).ToDictionary(p => InputIds[p.Key], p => p.Value),
            GcmChoices.Themes(),
            GcmChoices.Objectives(chosen),
            [
                new Choice("Yes, with my name and organisation", SubmissionRules.CodeOf(PublicationConsent.WithName)),
                new Choice("Yes, under my organisation's name only (not my name)", SubmissionRules.CodeOf(PublicationConsent.OrganisationOnly)),
                new Choice("No: for the Regional Network secretariat only", SubmissionRules.CodeOf(PublicationConsent.NotPublished)),
            ],
            notice,
            SubmissionRules.MaxTitleLength,
            SubmissionRules.MaxTextLength,
            SubmissionRules.MaxLinkLength,
            SubmissionRules.MaxOrganisationLength));
    }

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

    public AdaptiveCard Mine(ListPage<WrittenSubmission> page, string? banner, TimeZoneInfo? zone) =>
        MySubmissionsCard.Build(new MySubmissionsModel(
            page.Items.Select(s => Item(s, zone)).ToList(), page.PageIndex, page.HasMore, page.TotalCount, banner, PublicPageUrl));

    public AdaptiveCard Notice(string heading, string message, WrittenSubmission s, TimeZoneInfo? zone) =>
        SubmissionNoticeCard.Build(new SubmissionNoticeModel(heading, message, Item(s, zone), PublicPageUrl));

    public AdaptiveCard ReviewList(ListPage<WrittenSubmission> page, string? banner, TimeZoneInfo? zone) =>
        SubmissionReviewListCard.Build(new ReviewListModel(
            page.Items.Select(s => new ReviewListEntry(s.Id, s.Title, ReviewSummary(s, zone))).ToList(),
            page.PageIndex,
            page.HasMore,
            page.TotalCount,
            banner,
            PublicPageUrl));

    public static AdaptiveCard Review(WrittenSubmission s, string? banner, TimeZoneInfo? zone)
    {
        var author = s.AuthorName is null
            ? "The author asked to be forgotten; their name is no longer kept."
            : $"Sent by {s.AuthorName}{(s.Organisation is null ? ", personally" : $" on behalf of {s.Organisation}")}.";
        var publication = s.Consent switch
        {
            PublicationConsent.WithName when s.AuthorName is not null =>
                $"Accepting publishes it with the name {s.AuthorName}{(s.Organisation is null ? string.Empty : $" and {s.Organisation}")}.",
            PublicationConsent.OrganisationOnly => $"Accepting publishes it under {s.Organisation} only, without the author's name.",
            _ => "The author did not allow publication: accepting keeps it for the secretariat only.",
        };
        return SubmissionReviewCard.Build(new ReviewModel(
            Item(s, zone), author, publication, banner, SubmissionRules.CanReview(s.Status), SubmissionRules.MaxCommentLength));
    }

    public static SubmissionItem Item(WrittenSubmission s, TimeZoneInfo? zone)
    {
        var tags = SubmissionStore.TagsOf(s);
        var facts = new List<Fact>
        {
            new("Themes", string.Join("; ", tags.Themes.Select(c => GcmReference.Theme(c)!.Label))),
            new("GCM objectives", tags.Objectives.Count == 0 ? "None chosen" : tags.ObjectivesText),
            new("On behalf of", s.Organisation ?? "Personal submission"),
            new("Publication", ConsentText(s.Consent)),
            new("Sent", TimeText.Format(s.SubmittedAt, zone ?? TimeText.ReferenceZone)),
        };
        if (s.UpdatedAt > s.SubmittedAt && s.Status is SubmissionStatus.Pending or SubmissionStatus.Returned)
        {
            facts.Add(new Fact("Last changed", TimeText.Format(s.UpdatedAt, zone ?? TimeText.ReferenceZone)));
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

    public static string ConsentText(PublicationConsent consent) => consent switch
    {
        PublicationConsent.WithName => "With the author's name and organisation",
        PublicationConsent.OrganisationOnly => "Under the organisation's name only",
        _ => "Not published (for the secretariat only)",
    };

    private static (string Text, SubmissionTone Tone) StatusText(SubmissionStatus status, PublicationConsent consent) => status switch
    {
        SubmissionStatus.Pending => ("Waiting for review", SubmissionTone.Neutral),
        SubmissionStatus.Returned => ("Returned for changes: edit it to send it again", SubmissionTone.Warning),
        SubmissionStatus.Accepted when consent == PublicationConsent.NotPublished => ("Accepted; kept for the secretariat, not published", SubmissionTone.Good),
        SubmissionStatus.Accepted => ("Accepted and published on the review's web page", SubmissionTone.Good),
        SubmissionStatus.Rejected => ("Not accepted", SubmissionTone.Attention),
        _ => ("Withdrawn", SubmissionTone.Neutral),
    };

    private static string ReviewSummary(WrittenSubmission s, TimeZoneInfo? zone)
    {
        var tags = SubmissionStore.TagsOf(s);
        var who = s.Organisation ?? "Personal submission";
        var resent = s.ReviewComment is not null ? " · sent again after changes" : string.Empty;
        return $"{who} · themes {tags.ThemesText} · sent {TimeText.Format(s.SubmittedAt, zone ?? TimeText.ReferenceZone)}{resent}";
    }
}
