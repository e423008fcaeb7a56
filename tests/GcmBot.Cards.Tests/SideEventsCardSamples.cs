using GcmBot.Bot.Engagement;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.SideEvents;

namespace GcmBot.Cards.Tests;

public sealed class SideEventsCardSamples : ICardSamples
{
    private const string Hostile = SubmissionsCardSamples.Hostile;

    public IEnumerable<CardSample> Samples() => SampleLanguages.All.SelectMany(InLanguage);

    private static IEnumerable<CardSample> InLanguage(System.Globalization.CultureInfo culture)
    {
        yield return new CardSample(SampleLanguages.Name("sideevent-form-new", culture), SideEventFormCard.Build(Form(new Dictionary<string, string?>(), new Dictionary<string, string>(), null, null), culture));
        yield return new CardSample(SampleLanguages.Name("sideevent-form-errors", culture), SideEventFormCard.Build(Form(
            new Dictionary<string, string?>
            {
                [SideEventFormCard.Title] = "Ok",
                [SideEventFormCard.Theme] = "a",
                [SideEventFormCard.Objectives] = "6,23",
                [SideEventFormCard.Format] = "hybrid",
                [SideEventFormCard.Date] = "2026-11-30",
                [SideEventFormCard.StartTime] = "14:00",
                [SideEventFormCard.EndTime] = "13:00",
                [SideEventFormCard.ExpectedSize] = "5000",
                [SideEventFormCard.Accessibility] = "captions,step-free",
                [SideEventFormCard.ContactEmail] = "not an address",
            },
            new Dictionary<string, string>
            {
                [SideEventFormCard.Title] = "Please write at least 3 characters.",
                [SideEventFormCard.Objectives] = "Your objective 23 belongs to theme d. Add the theme or remove the objective.",
                [SideEventFormCard.EndTime] = "The end must be after the start.",
                [SideEventFormCard.ExpectedSize] = "Please give a whole number from 1 to 1000.",
                [SideEventFormCard.ContactEmail] = "Please give an e-mail address such as name@example.org.",
            },
            null,
            null), culture));
        yield return new CardSample(SampleLanguages.Name("sideevent-form-revise", culture), SideEventFormCard.Build(Form(
            new Dictionary<string, string?>
            {
                [SideEventFormCard.Title] = Hostile,
                [SideEventFormCard.Organisers] = "Migrant Forum in Asia",
                [SideEventFormCard.CoOrganisers] = Hostile,
                [SideEventFormCard.Partner] = "entity:IOM",
                [SideEventFormCard.Theme] = "c",
                [SideEventFormCard.Objectives] = "15,16",
                [SideEventFormCard.Format] = "online",
                [SideEventFormCard.Venue] = "Microsoft Teams",
                [SideEventFormCard.Date] = "2027-02-10",
                [SideEventFormCard.StartTime] = "09:00",
                [SideEventFormCard.EndTime] = "10:30",
                [SideEventFormCard.ExpectedSize] = "80",
                [SideEventFormCard.Accessibility] = "interpretation,captions",
                [SideEventFormCard.AccessibilityNote] = "English and Bahasa Indonesia",
                [SideEventFormCard.Description] = new string('d', 1000),
                [SideEventFormCard.ContactEmail] = "alice@example.org",
                [SideEventFormCard.ContactConsent] = "public",
            },
            new Dictionary<string, string>(),
            7,
            "The organisers asked for changes: " + Hostile), culture));

        yield return new CardSample(SampleLanguages.Name("sideevent-mine-empty", culture), MySideEventsCard.Build(new MySideEventsModel([], 0, false, 0, null, "https://gcmbot.example.org/side-events"), culture));
        yield return new CardSample(SampleLanguages.Name("sideevent-mine-page", culture), MySideEventsCard.Build(new MySideEventsModel(
            [
                Item(1, "Waiting for the organisers", SideEventTone.Neutral, null, canRevise: true),
                Item(2, "Changes asked: revise it to send it again", SideEventTone.Warning, "Please add captions.", canRevise: true),
                Item(3, "Accepted: in the event catalogue, people can register", SideEventTone.Good, null, canRevise: false),
                Item(4, "Declined", SideEventTone.Attention, Hostile, canRevise: false),
                Item(5, "Withdrawn", SideEventTone.Neutral, null, canRevise: false),
            ],
            1,
            true,
            9,
            "Proposal #6 is withdrawn.",
            "https://gcmbot.example.org/side-events"), culture));
        yield return new CardSample(SampleLanguages.Name("sideevent-notice-accepted", culture), SideEventNoticeCard.Build(new SideEventNoticeModel(
            "Your side event proposal #3 was accepted",
            "It is now in the event catalogue and on the public side events page. People can register for it.",
            Item(3, "Accepted: in the event catalogue, people can register", SideEventTone.Good, null, canRevise: false),
            "https://gcmbot.example.org/side-events"), culture));
        yield return new CardSample(SampleLanguages.Name("sideevent-review-list", culture), SideEventReviewListCard.Build(new SideEventReviewListModel(
            Enumerable.Range(1, 10).Select(i => new SideEventReviewEntry(i, i == 3 ? Hostile : $"Side event {i} on fair recruitment", $"Organisation {i} · theme a · Wed 10 Feb 2027, 09:00–10:30 (GMT+7)")).ToList(),
            0,
            true,
            14,
            "Proposal #4 is accepted and now in the event catalogue: people can register for it. The proposer is being told.",
            "https://gcmbot.example.org/side-events"), culture));
        yield return new CardSample(SampleLanguages.Name("sideevent-review", culture), SideEventReviewCard.Build(new SideEventReviewModel(
            Item(9, "Waiting for the organisers", SideEventTone.Neutral, null, canRevise: true),
            "Proposed by Alice Ahmed (alice@example.org)",
            null,
            CanDecide: true,
            1000), culture));
        yield return new CardSample(SampleLanguages.Name("sideevent-review-decided", culture), SideEventReviewCard.Build(new SideEventReviewModel(
            Item(9, "Declined", SideEventTone.Attention, "No room left.", canRevise: false),
            "The proposer asked to be forgotten.",
            "This proposal no longer waits for a decision: it is declined.",
            CanDecide: false,
            1000), culture));
    }

    private static SideEventFormModel Form(IReadOnlyDictionary<string, string?> values, IReadOnlyDictionary<string, string> errors, int? editing, string? notice) => new(
        "0123456789abcdef0123456789abcdef",
        editing,
        editing is null ? null : 3,
        values,
        errors,
        new SideEventChoices(
            [new("International Organization for Migration (IOM)", "entity:IOM"), new("Member State: Thailand", "state:TH"), new("Member State: Nepal", "state:NP")],
            GcmChoices.Themes(),
            GcmChoices.Objectives(GcmChoices.ChosenThemes(values.GetValueOrDefault(SideEventFormCard.Theme))),
            [new("In person", "in-person"), new("Online", "online"), new("Hybrid (in person and online)", "hybrid")],
            [new("Interpretation", "interpretation"), new("Live captions", "captions"), new("Sign language interpretation", "sign-language"), new("Step-free access", "step-free"), new("Accessible documents", "accessible-documents")],
            [new("Show my name and e-mail on the public page as the contact", "public"), new("For the organisers only", "organisers")]),
        "Give the times in your own time zone (GMT+5:45). Your proposal shows them in GMT+7 too, the time of the regional review in Bangkok.",
        notice,
        "2026-12-01");

    private static SideEventItem Item(int id, string status, SideEventTone tone, string? comment, bool canRevise) => new(
        id,
        2,
        id == 4 ? Hostile : "Fair recruitment of migrant workers in South-East Asia",
        status,
        tone,
        [
            new("Organised by", id == 4 ? Hostile : "Migrant Forum in Asia"),
            new("Partner", "International Labour Organization (ILO)"),
            new("Roundtable theme", "a. Ensuring that migration is voluntary, orderly and regular"),
            new("GCM objectives", "6, 18"),
            new("Format", "Hybrid (in person and online)"),
            new("Where", "UNCC Bangkok, Meeting room 3"),
            new("When", "Wed 10 Feb 2027, 10:15–11:45 (GMT+5:45) · Wed 10 Feb 2027, 11:30–13:00 (GMT+7)"),
            new("Expected participants", "80"),
            new("Accessibility", "Interpretation, Live captions. English and Thai"),
            new("Contact", "alice@example.org, shown on the public page"),
        ],
        comment,
        "Recruitment fees must be banned.\n\n" + new string('x', 900),
        canRevise,
        canRevise);
}
