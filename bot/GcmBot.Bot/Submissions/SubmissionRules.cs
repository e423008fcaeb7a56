using GcmBot.Bot.Engagement;

namespace GcmBot.Bot.Submissions;

/// <summary>What the author allows to appear on the public page.</summary>
public enum PublicationConsent
{
    /// <summary>Published with the author's name and organisation.</summary>
    WithName,

    /// <summary>Published under the organisation only; the author's name never appears.</summary>
    OrganisationOnly,

    /// <summary>Never published: for the Regional Network secretariat only.</summary>
    NotPublished,
}

/// <summary>Where a submission stands in the organisers' review.</summary>
public enum SubmissionStatus
{
    /// <summary>Waiting for the organisers; the author may still edit it.</summary>
    Pending,

    /// <summary>Sent back with a comment; the author may edit it, which submits it again.</summary>
    Returned,

    /// <summary>Accepted for publication (published when the consent allows it).</summary>
    Accepted,

    Rejected,

    /// <summary>Taken back by the author (or by "forget me"); never shown again.</summary>
    Withdrawn,
}

/// <summary>An organiser's decision on a pending submission.</summary>
public enum ReviewDecision
{
    Accept,
    Return,
    Reject,
}

/// <summary>The fields of the submission form, for attaching problems to the right one.</summary>
public enum SubmissionField
{
    Title,
    Themes,
    Objectives,
    Text,
    Link,
    Organisation,
    Consent,
}

/// <summary>A submission form as sent by the client: every value untrusted and possibly missing.</summary>
public sealed record SubmissionInput(
    string? Title,
    string? Themes,
    string? Objectives,
    string? Text,
    string? Link,
    string? Organisation,
    string? Consent);

/// <summary>A checked submission, ready to store.</summary>
public sealed record SubmissionContent(
    string Title,
    GcmTags Tags,
    string? Text,
    string? Link,
    string? Organisation,
    PublicationConsent Consent);

/// <summary>What is wrong with one field of a form, or with a reviewer's comment.</summary>
public enum SubmissionProblemKind
{
    TitleMissing,

    /// <summary>Shorter than <see cref="SubmissionProblem.Limit"/> characters.</summary>
    TitleTooShort,

    /// <summary>Longer than <see cref="SubmissionProblem.Limit"/>; it has <see cref="SubmissionProblem.Actual"/>.</summary>
    TitleTooLong,

    /// <summary>Themes or objectives: see <see cref="SubmissionProblem.Tags"/>.</summary>
    Tags,

    TextTooLong,
    TextOrLinkMissing,
    LinkTooLong,
    LinkNotHttps,
    OrganisationTooLong,
    OrganisationMissing,
    ConsentMissing,
    CommentTooLong,
    CommentMissing,
}

/// <summary>A problem with a field, as a typed outcome: the Teams face words it in the person's language.</summary>
public sealed record SubmissionProblem(SubmissionProblemKind Kind, int Limit = 0, int Actual = 0, TagProblem? Tags = null);

/// <summary>The outcome of checking a form: the content when every field is right, else a problem per field.</summary>
public sealed record SubmissionCheck(SubmissionContent? Content, IReadOnlyDictionary<SubmissionField, SubmissionProblem> Problems)
{
    public bool IsValid => Content is not null;
}

/// <summary>The rules of written submissions, free of Teams and storage.</summary>
public static class SubmissionRules
{
    public const int MaxTitleLength = 200;
    public const int MinTitleLength = 3;
    public const int MaxTextLength = 8000;
    public const int MaxLinkLength = 2000;
    public const int MaxOrganisationLength = 200;
    public const int MaxCommentLength = 1000;
    public const int MaxAuthorIdLength = 256;
    public const int MaxAuthorNameLength = 200;

    /// <summary>Submissions one person may have open (not withdrawn or rejected) at once: plenty, but bounded.</summary>
    public const int MaxOpenPerPerson = 20;

    /// <summary>Consent as the form sends it.</summary>
    public static IReadOnlyDictionary<string, PublicationConsent> ConsentCodes { get; } = new Dictionary<string, PublicationConsent>
    {
        ["name"] = PublicationConsent.WithName,
        ["organisation"] = PublicationConsent.OrganisationOnly,
        ["secretariat"] = PublicationConsent.NotPublished,
    };

    public static string CodeOf(PublicationConsent consent) => ConsentCodes.First(c => c.Value == consent).Key;

    /// <summary>Checks every field of a form; all problems at once, so the person can fix them in one go.</summary>
    public static SubmissionCheck Check(SubmissionInput input)
    {
        var problems = new Dictionary<SubmissionField, SubmissionProblem>();

        var title = TypedText.SingleLine(input.Title);
        if (title.Length == 0)
        {
            problems[SubmissionField.Title] = new SubmissionProblem(SubmissionProblemKind.TitleMissing);
        }
        else if (title.Length < MinTitleLength)
        {
            problems[SubmissionField.Title] = new SubmissionProblem(SubmissionProblemKind.TitleTooShort, MinTitleLength, title.Length);
        }
        else if (title.Length > MaxTitleLength)
        {
            problems[SubmissionField.Title] = new SubmissionProblem(SubmissionProblemKind.TitleTooLong, MaxTitleLength, title.Length);
        }

        var tags = GcmTagRules.Check(input.Themes, input.Objectives);
        if (tags.ThemesProblem is { } themesProblem)
        {
            problems[SubmissionField.Themes] = new SubmissionProblem(SubmissionProblemKind.Tags, Tags: themesProblem);
        }

        if (tags.ObjectivesProblem is { } objectivesProblem)
        {
            problems[SubmissionField.Objectives] = new SubmissionProblem(SubmissionProblemKind.Tags, Tags: objectivesProblem);
        }

        var text = TypedText.MultiLine(input.Text);
        var link = (input.Link ?? string.Empty).Trim();
        if (text.Length > MaxTextLength)
        {
            problems[SubmissionField.Text] = new SubmissionProblem(SubmissionProblemKind.TextTooLong, MaxTextLength, text.Length);
        }

        string? normalisedLink = null;
        if (link.Length > 0)
        {
            normalisedLink = NormaliseLink(link, out var linkProblem);
            if (linkProblem is not null)
            {
                problems[SubmissionField.Link] = linkProblem;
            }
        }

        if (text.Length == 0 && link.Length == 0)
        {
            problems[SubmissionField.Text] = new SubmissionProblem(SubmissionProblemKind.TextOrLinkMissing);
        }

        var organisation = TypedText.SingleLine(input.Organisation);
        if (organisation.Length > MaxOrganisationLength)
        {
            problems[SubmissionField.Organisation] = new SubmissionProblem(SubmissionProblemKind.OrganisationTooLong, MaxOrganisationLength, organisation.Length);
        }

        PublicationConsent? consent = null;
        if (input.Consent is { } code && ConsentCodes.TryGetValue(code.Trim(), out var known))
        {
            consent = known;
        }
        else
        {
            problems[SubmissionField.Consent] = new SubmissionProblem(SubmissionProblemKind.ConsentMissing);
        }

        if (consent == PublicationConsent.OrganisationOnly && organisation.Length == 0 && !problems.ContainsKey(SubmissionField.Organisation))
        {
            problems[SubmissionField.Organisation] = new SubmissionProblem(SubmissionProblemKind.OrganisationMissing);
        }

        if (problems.Count > 0)
        {
            return new SubmissionCheck(null, problems);
        }

        return new SubmissionCheck(
            new SubmissionContent(
                title,
                tags.Tags!,
                text.Length == 0 ? null : text,
                normalisedLink,
                organisation.Length == 0 ? null : organisation,
                consent!.Value),
            problems);
    }

    /// <summary>
    /// An absolute https address to a document, returned in canonical form, or null with the reason. Only https: the link
    /// is published on a public page, so "javascript:", "data:" or plain http must never get there.
    /// </summary>
    public static string? NormaliseLink(string raw, out SubmissionProblem? problem)
    {
        problem = null;
        if (raw.Length > MaxLinkLength)
        {
            problem = new SubmissionProblem(SubmissionProblemKind.LinkTooLong, MaxLinkLength, raw.Length);
            return null;
        }

        if (raw.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) ||
            !Uri.TryCreate(raw, UriKind.Absolute, out var uri) ||
            uri.Scheme != Uri.UriSchemeHttps ||
            string.IsNullOrEmpty(uri.Host) ||
            !string.IsNullOrEmpty(uri.UserInfo))
        {
            problem = new SubmissionProblem(SubmissionProblemKind.LinkNotHttps);
            return null;
        }

        // Escaping can lengthen an address (non-ASCII characters become %XX): the stored form must fit too.
        if (uri.AbsoluteUri.Length > MaxLinkLength)
        {
            problem = new SubmissionProblem(SubmissionProblemKind.LinkTooLong, MaxLinkLength, raw.Length);
            return null;
        }

        return uri.AbsoluteUri;
    }

    /// <summary>Whether the author may still change it: until an organiser accepts or rejects it.</summary>
    public static bool CanEdit(SubmissionStatus status) => status is SubmissionStatus.Pending or SubmissionStatus.Returned;

    public static bool CanWithdraw(SubmissionStatus status) => status is not SubmissionStatus.Withdrawn;

    public static bool CanReview(SubmissionStatus status) => status == SubmissionStatus.Pending;

    public static bool IsPublished(SubmissionStatus status, PublicationConsent consent) =>
        status == SubmissionStatus.Accepted && consent != PublicationConsent.NotPublished;

    public static SubmissionStatus StatusAfter(ReviewDecision decision) => decision switch
    {
        ReviewDecision.Accept => SubmissionStatus.Accepted,
        ReviewDecision.Return => SubmissionStatus.Returned,
        _ => SubmissionStatus.Rejected,
    };

    /// <summary>A reviewer's comment, checked: needed to return a submission (the author must know what to change).</summary>
    public static SubmissionProblem? CheckComment(ReviewDecision decision, string? raw, out string? comment)
    {
        comment = TypedText.MultiLine(raw);
        if (comment.Length > MaxCommentLength)
        {
            return new SubmissionProblem(SubmissionProblemKind.CommentTooLong, MaxCommentLength, comment.Length);
        }

        if (comment.Length == 0)
        {
            comment = null;
            return decision == ReviewDecision.Return ? new SubmissionProblem(SubmissionProblemKind.CommentMissing) : null;
        }

        return null;
    }

    /// <summary>Who the public page names, within what the author allowed.</summary>
    public static (string? Name, string? Organisation) PublicAuthor(PublicationConsent consent, string? authorName, string? organisation) =>
        consent switch
        {
            PublicationConsent.WithName => (authorName, organisation),
            PublicationConsent.OrganisationOnly => (null, organisation),
            _ => (null, null),
        };
}
