using System.Globalization;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Exports;
using GcmBot.Bot.Storage;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.SideEvents;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.SideEvents;

/// <summary>Names the resource files of this folder (<c>SideEventsTexts.resx</c> and its translations).</summary>
public sealed class SideEventsTexts;

/// <summary>
/// Turns stored proposals and typed outcomes into the card models people see, in the current language (the turn's
/// person, or the recipient of a notice); no decisions are taken here.
/// </summary>
public sealed class SideEventViews(PublicAddress host, IStringLocalizer<SideEventsTexts> texts, IStringLocalizer<TagTexts> tagTexts)
{
    public const int MinePageSize = 5;
    public const int ReviewPageSize = 10;

    private static readonly IReadOnlyDictionary<SideEventField, string> InputIds = new Dictionary<SideEventField, string>
    {
        [SideEventField.Title] = SideEventFormCard.Title,
        [SideEventField.Organisers] = SideEventFormCard.Organisers,
        [SideEventField.CoOrganisers] = SideEventFormCard.CoOrganisers,
        [SideEventField.Partner] = SideEventFormCard.Partner,
        [SideEventField.Theme] = SideEventFormCard.Theme,
        [SideEventField.Objectives] = SideEventFormCard.Objectives,
        [SideEventField.Format] = SideEventFormCard.Format,
        [SideEventField.Venue] = SideEventFormCard.Venue,
        [SideEventField.Date] = SideEventFormCard.Date,
        [SideEventField.StartTime] = SideEventFormCard.StartTime,
        [SideEventField.EndTime] = SideEventFormCard.EndTime,
        [SideEventField.ExpectedSize] = SideEventFormCard.ExpectedSize,
        [SideEventField.Accessibility] = SideEventFormCard.Accessibility,
        [SideEventField.AccessibilityNote] = SideEventFormCard.AccessibilityNote,
        [SideEventField.Description] = SideEventFormCard.Description,
        [SideEventField.ContactEmail] = SideEventFormCard.ContactEmail,
        [SideEventField.ContactConsent] = SideEventFormCard.ContactConsent,
    };

    /// <summary>The public page of side events, as people reach the host.</summary>
    public string PublicPageUrl => host.Link(SideEventEndpoints.PagePath).ToString();

    public IStringLocalizer<SideEventsTexts> Texts => texts;

    /// <summary>The zone a person's slot is read and shown in: theirs (Teams sends it), else the review's own, GMT+7.</summary>
    public static TimeZoneInfo ZoneOf(TimeZoneInfo? personZone) => personZone ?? TimeText.ReferenceZone;

    /// <summary>The form; <paramref name="editing"/> names the proposal and version a revision applies to.</summary>
    public AdaptiveCard Form(
        CultureInfo culture,
        string submitKey,
        (int Id, int Version)? editing,
        IReadOnlyDictionary<string, string?> values,
        TimeZoneInfo? personZone,
        DateTimeOffset now,
        IReadOnlyDictionary<SideEventField, SideEventProblem>? problems = null,
        string? notice = null)
    {
        var zone = ZoneOf(personZone);
        var theme = GcmChoices.ChosenThemes(values.GetValueOrDefault(SideEventFormCard.Theme));
        var choices = new SideEventChoices(
            Partners(culture),
            GcmChoices.Themes(),
            GcmChoices.Objectives(theme),
            SideEventRules.FormatCodes.Select(f => new Choice(FormatText(f.Value), f.Key)).ToList(),
            SideEventRules.AccessibilityCodes.Select(c => new Choice(texts[$"Accessibility.{c}"], c)).ToList(),
            [
                new Choice(texts["Consent.Public.Choice"], SideEventRules.CodeOf(ContactConsent.Public)),
                new Choice(texts["Consent.OrganisersOnly.Choice"], SideEventRules.CodeOf(ContactConsent.OrganisersOnly)),
            ]);
        var offset = TimeText.OffsetLabel(zone.GetUtcOffset(now));
        var zoneNote = personZone is null || zone.GetUtcOffset(now) == TimeText.ReferenceZone.GetUtcOffset(now)
            ? texts["Form.ZoneReference"]
            : texts["Form.ZoneYours", offset];
        return SideEventFormCard.Build(
            new SideEventFormModel(
                submitKey,
                editing?.Id,
                editing?.Version,
                values,
                (problems ?? new Dictionary<SideEventField, SideEventProblem>()).ToDictionary(p => InputIds[p.Key], p => Describe(p.Value)),
                choices,
                zoneNote,
                notice,
                TimeZoneInfo.ConvertTime(now, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            culture);
    }

    /// <summary>The partners to choose from: the Network's member entities, then the ESCAP member States by name.</summary>
    public IReadOnlyList<Choice> Partners(CultureInfo culture) =>
        SideEventRules.EntityCodes.Select(code => new Choice(texts[$"Entity.{code}"], "entity:" + code))
            .Concat(SideEventRules.States
                .Select(s => (Name: s.NameIn(culture), s.Code))
                .OrderBy(s => s.Name, StringComparer.Create(culture, ignoreCase: true))
                .Select(s => new Choice(texts["Partner.State", s.Name], "state:" + s.Code)))
            .ToList();

    /// <summary>A problem with a field (or an organiser's message) in the current language.</summary>
    public string Describe(SideEventProblem problem) => problem.Kind switch
    {
        SideEventProblemKind.Tags => TagWords.Describe(problem.Tags!, tagTexts),
        SideEventProblemKind.Required => texts["Problem.Required"],
        SideEventProblemKind.TooLong => texts["Problem.TooLong", problem.Limit],
        SideEventProblemKind.TooShort => texts["Problem.TooShort", problem.Limit],
        SideEventProblemKind.NotAChoice => texts["Problem.NotAChoice"],
        SideEventProblemKind.OneTheme => texts["Problem.OneTheme"],
        SideEventProblemKind.DateShape => texts["Problem.DateShape"],
        SideEventProblemKind.TimeShape => texts["Problem.TimeShape"],
        SideEventProblemKind.EndBeforeStart => texts["Problem.EndBeforeStart"],
        SideEventProblemKind.TooLongEvent => texts["Problem.TooLongEvent", problem.Limit],
        SideEventProblemKind.InThePast => texts["Problem.InThePast"],
        SideEventProblemKind.SizeRange => texts["Problem.SizeRange", problem.Limit],
        SideEventProblemKind.EmailShape => texts["Problem.EmailShape"],
        _ => texts["Problem.CommentMissing"],
    };

    public static IReadOnlyDictionary<string, string?> ValuesOf(SideEventInput input) => new Dictionary<string, string?>
    {
        [SideEventFormCard.Title] = input.Title,
        [SideEventFormCard.Organisers] = input.Organisers,
        [SideEventFormCard.CoOrganisers] = input.CoOrganisers,
        [SideEventFormCard.Partner] = input.Partner,
        [SideEventFormCard.Theme] = input.Theme,
        [SideEventFormCard.Objectives] = input.Objectives,
        [SideEventFormCard.Format] = input.Format,
        [SideEventFormCard.Venue] = input.Venue,
        [SideEventFormCard.Date] = input.Date,
        [SideEventFormCard.StartTime] = input.StartTime,
        [SideEventFormCard.EndTime] = input.EndTime,
        [SideEventFormCard.ExpectedSize] = input.ExpectedSize,
        [SideEventFormCard.Accessibility] = input.Accessibility,
        [SideEventFormCard.AccessibilityNote] = input.AccessibilityNote,
        [SideEventFormCard.Description] = input.Description,
        [SideEventFormCard.ContactEmail] = input.ContactEmail,
        [SideEventFormCard.ContactConsent] = input.ContactConsent,
    };

    /// <summary>A stored proposal as the form shows it, the slot in the person's zone.</summary>
    public static IReadOnlyDictionary<string, string?> ValuesOf(SideEventProposal p, TimeZoneInfo? personZone)
    {
        var zone = ZoneOf(personZone);
        var start = TimeZoneInfo.ConvertTime(p.StartsAt, zone);
        var end = TimeZoneInfo.ConvertTime(p.EndsAt, zone);
        return new Dictionary<string, string?>
        {
            [SideEventFormCard.Title] = p.Title,
            [SideEventFormCard.Organisers] = p.Organisers,
            [SideEventFormCard.CoOrganisers] = p.CoOrganisers,
            [SideEventFormCard.Partner] = p.Partner,
            [SideEventFormCard.Theme] = p.Theme,
            [SideEventFormCard.Objectives] = string.Join(',', SideEventStore.ObjectivesOf(p)),
            [SideEventFormCard.Format] = SideEventRules.CodeOf(p.Format),
            [SideEventFormCard.Venue] = p.Venue,
            [SideEventFormCard.Date] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [SideEventFormCard.StartTime] = start.ToString("HH:mm", CultureInfo.InvariantCulture),
            [SideEventFormCard.EndTime] = end.ToString("HH:mm", CultureInfo.InvariantCulture),
            [SideEventFormCard.ExpectedSize] = p.ExpectedSize.ToString(CultureInfo.InvariantCulture),
            [SideEventFormCard.Accessibility] = p.Accessibility,
            [SideEventFormCard.AccessibilityNote] = p.AccessibilityNote,
            [SideEventFormCard.Description] = p.Description,
            [SideEventFormCard.ContactEmail] = p.ContactEmail,
            [SideEventFormCard.ContactConsent] = SideEventRules.CodeOf(p.ContactConsent),
        };
    }

    public AdaptiveCard Mine(CultureInfo culture, ListPage<SideEventProposal> page, string? banner, TimeZoneInfo? zone) =>
        MySideEventsCard.Build(
            new MySideEventsModel(page.Items.Select(p => Item(p, zone, culture)).ToList(), page.PageIndex, page.HasMore, page.TotalCount, banner, PublicPageUrl),
            culture);

    public AdaptiveCard Notice(CultureInfo culture, string heading, string message, SideEventProposal p, TimeZoneInfo? zone) =>
        SideEventNoticeCard.Build(new SideEventNoticeModel(heading, message, Item(p, zone, culture), PublicPageUrl), culture);

    public AdaptiveCard ReviewList(CultureInfo culture, ListPage<SideEventProposal> page, string? banner, TimeZoneInfo? zone) =>
        SideEventReviewListCard.Build(
            new SideEventReviewListModel(
                page.Items.Select(p => new SideEventReviewEntry(p.Id, p.Title, ReviewSummary(p, zone, culture))).ToList(),
                page.PageIndex,
                page.HasMore,
                page.TotalCount,
                banner,
                PublicPageUrl),
            culture);

    public AdaptiveCard Review(CultureInfo culture, SideEventProposal p, string? banner, TimeZoneInfo? zone)
    {
        var proposer = p.ProposerName is null
            ? texts["Review.Forgotten"].Value
            : texts["Review.ProposedBy", p.ProposerName, p.ContactEmail ?? string.Empty].Value;
        return SideEventReviewCard.Build(
            new SideEventReviewModel(Item(p, zone, culture, full: true), proposer, banner, SideEventRules.CanReview(p.Status), SideEventRules.MaxCommentLength),
            culture);
    }

    /// <summary>How a status reads in a sentence: "accepted", "sent back for changes"…</summary>
    public string State(SideEventStatus status) => status switch
    {
        SideEventStatus.Accepted => texts["State.Accepted"],
        SideEventStatus.ChangesRequested => texts["State.ChangesRequested"],
        SideEventStatus.Declined => texts["State.Declined"],
        SideEventStatus.Withdrawn => texts["State.Withdrawn"],
        _ => texts["State.Pending"],
    };

    public SideEventItem Item(SideEventProposal p, TimeZoneInfo? zone, CultureInfo culture, bool full = false)
    {
        var facts = new List<Fact> { new(texts["Fact.Organisers"], p.Organisers) };
        if (p.CoOrganisers is not null)
        {
            facts.Add(new Fact(texts["Fact.CoOrganisers"], p.CoOrganisers));
        }

        if (PartnerText(p.Partner, culture) is { } partner)
        {
            facts.Add(new Fact(texts["Fact.Partner"], partner));
        }

        facts.Add(new Fact(texts["Fact.Theme"], ThemeText(p.Theme, culture)));
        var objectives = SideEventStore.ObjectivesOf(p);
        facts.Add(new Fact(texts["Fact.Objectives"], objectives.Count == 0 ? texts["Fact.NoObjectives"] : ObjectivesText(objectives, culture, full)));
        facts.Add(new Fact(texts["Fact.Format"], FormatText(p.Format)));
        facts.Add(new Fact(texts["Fact.Venue"], p.Venue));
        facts.Add(new Fact(texts["Fact.When"], TimeText.ForPerson(p.StartsAt, p.EndsAt, zone, culture)));
        facts.Add(new Fact(texts["Fact.Size"], p.ExpectedSize.ToString("N0", culture)));
        facts.Add(new Fact(texts["Fact.Accessibility"], AccessibilityText(p, culture)));
        if (p.ContactEmail is not null)
        {
            facts.Add(new Fact(texts["Fact.Contact"], texts[p.ContactConsent == ContactConsent.Public ? "Fact.Contact.Public" : "Fact.Contact.Organisers", p.ContactEmail]));
        }

        var (status, tone) = p.Status switch
        {
            SideEventStatus.Pending => (texts["Status.Pending"].Value, SideEventTone.Neutral),
            SideEventStatus.ChangesRequested => (texts["Status.ChangesRequested"].Value, SideEventTone.Warning),
            SideEventStatus.Accepted => (texts["Status.Accepted"].Value, SideEventTone.Good),
            SideEventStatus.Declined => (texts["Status.Declined"].Value, SideEventTone.Attention),
            _ => (texts["Status.Withdrawn"].Value, SideEventTone.Neutral),
        };
        var showComment = p.Status is SideEventStatus.ChangesRequested or SideEventStatus.Declined && p.ReviewComment is not null;
        return new SideEventItem(
            p.Id,
            p.Version,
            p.Title,
            status,
            tone,
            facts,
            showComment ? p.ReviewComment : null,
            p.Description,
            SideEventRules.CanRevise(p.Status),
            SideEventRules.CanWithdraw(p.Status));
    }

    public string? PartnerText(string? stored, CultureInfo culture) => SideEventRules.ReadPartner(stored) switch
    {
        { Kind: PartnerKind.Entity } e => texts[$"Entity.{e.Code}"].Value,
        { Kind: PartnerKind.State } s => texts["Partner.State", StakeholderReference.Country(s.Code)!.NameIn(culture)].Value,
        _ => null,
    };

    public static string ThemeText(string code, CultureInfo culture) =>
        code.Length == 1 && GcmReference.Theme(code[0]) is { } theme ? theme.LabelIn(culture) : code;

    /// <summary>"6, 18" on lists; with their titles in the reader's language where there is room.</summary>
    public static string ObjectivesText(IReadOnlyList<int> objectives, CultureInfo culture, bool withTitles) =>
        withTitles
            ? string.Join("; ", objectives.Select(n => $"{n.ToString(CultureInfo.InvariantCulture)}. {GcmReference.Objective(n)?.TitleIn(culture)}"))
            : string.Join(", ", objectives.Select(n => n.ToString(CultureInfo.InvariantCulture)));

    public string FormatText(SideEventFormat format) => format switch
    {
        SideEventFormat.InPerson => texts["Format.InPerson"],
        SideEventFormat.Online => texts["Format.Online"],
        _ => texts["Format.Hybrid"],
    };

    public string AccessibilityText(SideEventProposal p, CultureInfo culture)
    {
        var parts = SideEventRules.ReadAccessibility(p.Accessibility).Select(c => texts[$"Accessibility.{c}"].Value).ToList();
        var list = parts.Count == 0 ? texts["Fact.NoAccessibility"].Value : string.Join(", ", parts);
        return p.AccessibilityNote is null ? list : $"{list}. {p.AccessibilityNote}";
    }

    private string ReviewSummary(SideEventProposal p, TimeZoneInfo? zone, CultureInfo culture) =>
        p.ReviewComment is not null
            ? texts["ReviewSummary.Revised", p.Organisers, p.Theme, TimeText.ForPerson(p.StartsAt, p.EndsAt, zone, culture)]
            : texts["ReviewSummary", p.Organisers, p.Theme, TimeText.ForPerson(p.StartsAt, p.EndsAt, zone, culture)];
}
