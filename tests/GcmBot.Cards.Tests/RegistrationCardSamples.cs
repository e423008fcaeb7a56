using System.Globalization;
using GcmBot.Bot.Engagement;
using GcmBot.Cards.Registration;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Tests;

public sealed class RegistrationCardSamples : ICardSamples
{
    private const string When = "Wed 10 Mar 2027, 12:30–14:30 (GMT+5:30) · Wed 10 Mar 2027, 14:00–16:00 (GMT+7)";

    private static IEnumerable<CultureInfo> Cultures => [.. SupportedLanguages.All, CultureInfo.GetCultureInfo(SupportedLanguages.PseudoTag)];

    public IEnumerable<CardSample> Samples() => Cultures.SelectMany(c => Samples(c).Select(s => s with { Name = $"{s.Name}-{c.Name}" }));

    private static IEnumerable<CardSample> Samples(CultureInfo culture)
    {
        yield return new CardSample("registration-form-new", RegistrationFormCard.Build(Form(new Dictionary<string, string?> { [RegistrationFormCard.Name] = "Alice Ahmed" }, new Dictionary<string, string>()), culture));
        yield return new CardSample("registration-form-errors", RegistrationFormCard.Build(Form(
            new Dictionary<string, string?>
            {
                [RegistrationFormCard.Name] = "Alice Ahmed",
                [RegistrationFormCard.Email] = "alice@",
                [RegistrationFormCard.Country] = "NP",
                [RegistrationFormCard.Events] = "consult-a,consult-b",
                [RegistrationFormCard.MigrantVoice] = "migrant,advocate",
                [RegistrationFormCard.Consent] = "false",
            },
            new Dictionary<string, string>
            {
                [RegistrationFormCard.Email] = "This does not look like an e-mail address (for example name@example.org).",
                [RegistrationFormCard.Group] = "Choose the stakeholder group you belong to.",
                [RegistrationFormCard.Consent] = "Please agree to the use of your data, or we cannot register you.",
            }), culture));

        RegistrationLine[] lines =
        [
            new("consult-a", "Stakeholder consultation on theme a: Ensuring that migration is voluntary, orderly and regular", "Date to be confirmed", "Online (Microsoft Teams)", RegistrationState.Confirmed, null),
            new("side-1", "Side event on remittances", When, "Online", RegistrationState.Waitlisted, 3),
            new("multi-stakeholder", "Multi-stakeholder consultation, the day before the regional review", "Date to be confirmed", "ESCAP, Bangkok", RegistrationState.Pending, null),
            new("consult-b", "Stakeholder consultation on theme b", "Date to be confirmed", "Online", RegistrationState.Declined, null),
        ];
        yield return new CardSample("registration-confirmation", RegistrationSummaryCard.Build(new RegistrationSummaryModel(
            "You're registered", "Thank you. Here is where each of your registrations stands.", "Alice Ahmed · [Migrant](x) Forum · Civil society organisations · Nepal",
            "Times are shown in your time zone (Asia/Kolkata) and in GMT+7 (Bangkok).", lines), culture));
        yield return new CardSample("registration-none", RegistrationSummaryCard.Build(new RegistrationSummaryModel(
            "Your registrations", null, null, "Times are shown in GMT+7 (Bangkok) and UTC.", []), culture));

        yield return new CardSample("registration-question", RegistrationNoticeCard.Build(new RegistrationNoticeModel(
            "Cancel a registration", "Cancel your registration for \"Side event\"?",
            [
                RegistrationNoticeCard.Answer(RegistrationVerbs.Cancel, "Yes, cancel", RegistrationVerbs.Yes, ActionStyle.Destructive, (RegistrationVerbs.EventKey, "side-1")),
                RegistrationNoticeCard.Answer(RegistrationVerbs.Cancel, "No, keep it", RegistrationVerbs.No, ActionStyle.Default, (RegistrationVerbs.EventKey, "side-1")),
            ],
            IsWarning: true), culture));
        yield return new CardSample("registration-update", RegistrationUpdateCard.Build(new RegistrationUpdateModel(
            "A place opened up: you're confirmed", "Someone cancelled, so your place on the waitlist became a confirmed registration.", "Side event on remittances", When, "Online", true), culture));

        yield return new CardSample("registration-events", EventListCard.Build(new EventListModel(
            [
                new EventListItem("consult-a", "Stakeholder consultation on theme a", "Thematic consultation", "a", "Date to be confirmed", "Online (Microsoft Teams)", "Open", "100 of 100 left", true),
                new EventListItem("briefing", "Briefing of stakeholders", "Briefing", null, "Wed 26 Aug 2020, 11:00–13:30 (GMT+7)", "Online (Microsoft Teams)", "Closed", "300 of 300 left", false),
            ],
            ForOrganiser: true, Page: 1, HasMore: true, "Times are shown in GMT+7 (Bangkok) and UTC."), culture));
        yield return new CardSample("registration-events-empty", EventListCard.Build(new EventListModel([], false, 1, false, "Times are shown in GMT+7 (Bangkok) and UTC."), culture));

        yield return new CardSample("registration-balance", BalanceCard.Build(new BalanceCardModel(
            "consult-a", "Stakeholder consultation on theme a", "Date to be confirmed", "38 of 40 places confirmed",
            [("Confirmed", 38), ("Waitlisted", 5), ("Pending approval", 0), ("Cancelled", 3), ("Erased on request", 1)],
            38,
            [
                new BalanceSection("Stakeholder group", StakeholderReference.Groups.Select((g, i) => new BalanceLine(g.Label, i * 2 % 9, i % 3, i * 2 % 9 < 2)).ToList()),
                new BalanceSection("ESCAP subregion", StakeholderReference.Subregions.Select((s, i) => new BalanceLine(s.Label, 10 - i, i % 2)).ToList()),
                new BalanceSection("Gender", [new("Woman", 20, 3), new("Man", 16, 2), new("Non-binary", 0, 0, true), new("Not said", 2, 0)]),
            ],
            HasCandidates: true), culture));

        yield return new CardSample("registration-approvals", ApprovalsCard.Build(new ApprovalsCardModel(
            "multi-stakeholder", "Multi-stakeholder consultation", "40 of 40 places confirmed", IsFull: true, "Confirmed. The person has been told.",
            [
                new CandidateItem(41, "Pending approval", "Pending", "Bob *Bautista*", "Fiji Trade Union Congress · Trade unions · Fiji (Pacific) · Man",
                    "Migrant · Wishes to make an oral intervention · Themes b, c",
                    [new ShiftLine("Trade unions and workers' organisations", 0, 1, 0, 0.024, true), new ShiftLine("Pacific", 1, 2, 0.025, 0.049, true), new ShiftLine("Man", 16, 17, 0.4, 0.41, false)]),
                new CandidateItem(42, "Waitlisted", "Waitlisted", "Chen Wei", "Academia and research · China (East and North-East Asia)", null, []),
            ],
            Page: 2, PageSize: 5, Total: 12), culture));
        yield return new CardSample("registration-approvals-empty", ApprovalsCard.Build(new ApprovalsCardModel(
            "consult-a", "Stakeholder consultation on theme a", "3 of 100 places confirmed", false, null, [], 1, 5, 0), culture));

        yield return new CardSample("registration-export", ExportCard.Build(new ExportCardModel(
            "Registrations: Stakeholder consultation on theme a", "42 registrations, UTF-8 CSV for any spreadsheet program.",
            "https://gcmbot.example.org/exports/abc", "The link works until 13:10 (UTC) · 20:10 (GMT+7)."), culture));

        yield return new CardSample("registration-event-form-new", EventFormCard.Build(EventForm(null, new Dictionary<string, string?> { [EventFormCard.TimeZone] = "Asia/Bangkok" }, new Dictionary<string, string>()), culture));
        yield return new CardSample("registration-event-form-errors", EventFormCard.Build(EventForm("consult-a",
            new Dictionary<string, string?> { [EventFormCard.Title] = "", [EventFormCard.Date] = "2027-02-15", [EventFormCard.StartTime] = "15:00", [EventFormCard.Capacity] = "40" },
            new Dictionary<string, string> { [EventFormCard.Title] = "Please fill this in.", [EventFormCard.EndTime] = "Give the end time, or clear the date while it is to be confirmed." }), culture));
    }

    private static RegistrationFormModel Form(IReadOnlyDictionary<string, string?> values, IReadOnlyDictionary<string, string> errors) => new(
        false,
        values,
        errors,
        StakeholderReference.Groups.Select(g => new Choice(g.Label, g.Code)).ToList(),
        StakeholderReference.Countries.Select(c => new Choice($"{c.Name} · {c.SubregionCode}", c.Code)).ToList(),
        StakeholderReference.Genders.Select(g => new Choice(g.Label, g.Code)).ToList(),
        [new Choice("Stakeholder consultation on theme a · theme a: Ensuring that migration is voluntary, orderly and regular · Date to be confirmed", "consult-a"), new Choice("Side event · " + When, "side-1")],
        [new Choice("English", "en"), new Choice("Français", "fr"), new Choice("Русский", "ru"), new Choice("中文", "zh-Hans")],
        100, 254, 150, 500);

    private static EventFormModel EventForm(string? id, IReadOnlyDictionary<string, string?> values, IReadOnlyDictionary<string, string> errors) => new(
        id,
        values,
        errors,
        [new Choice("Briefing", "briefing"), new Choice("Side event", "side-event")],
        GcmReference.Themes.Select(t => new Choice(t.Label, t.Code.ToString())).ToList(),
        [new Choice("Automatic", "automatic"), new Choice("By an organiser", "organiser")]);
}
