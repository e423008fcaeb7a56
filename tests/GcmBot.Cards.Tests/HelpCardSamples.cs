using System.Globalization;
using GcmBot.Cards.Help;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Tests;

public sealed class HelpCardSamples : ICardSamples
{
    private static IEnumerable<CultureInfo> Cultures => [.. SupportedLanguages.All, CultureInfo.GetCultureInfo(SupportedLanguages.PseudoTag)];

    public IEnumerable<CardSample> Samples()
    {
        HelpEntry[] entries =
        [
            new("help", "help", "Show what I can do here", false),
            new("register", "register", "Register for the briefing and consultations", false),
            new("schedule", "schedule <theme> <date> <time>", "Schedule a roundtable", true),
            new("qna open", "qna open <title>", "Open a Q&A in this chat", false, ForModerators: true),
        ];
        foreach (var culture in Cultures)
        {
            var tag = culture.Name;
            foreach (var place in Enum.GetValues<WelcomePlace>())
            {
                yield return new CardSample($"welcome-{place}-{tag}", WelcomeCard.Build(place, culture));
            }

            yield return new CardSample($"help-participant-{tag}", HelpCard.Build(new HelpCardModel("In our personal chat", entries, false), culture));
            yield return new CardSample($"help-organiser-{tag}", HelpCard.Build(new HelpCardModel("In our personal chat", entries, true), culture, "Hello!"));
            yield return new CardSample($"home-organiser-{tag}", HomeCard.Build(OrganiserHome(entries), culture));
            yield return new CardSample($"home-participant-{tag}", HomeCard.Build(new HomeCardModel(
                false, null, [], null,
                [new HomeTaskGroup(HomeGroup.Participation, ["register", "my registrations", "events", "submit"]), new HomeTaskGroup(HomeGroup.Settings, ["language"])],
                "forget me",
                new HelpCardModel("In our personal chat", entries, false)), culture));
            yield return new CardSample($"picker-buttons-{tag}", PickerCard.Build(new PickerCardModel(
                "registrations", "Counts and balance of an event's registrations", PickSubject.Event,
                [new PickerItem("briefing", "Briefing", "Wed 2 Dec 2026, 14:00–15:30 (GMT+7)"), new PickerItem("consult-a", "Consultation a", null)]), culture));
            yield return new CardSample($"picker-list-{tag}", PickerCard.Build(new PickerCardModel(
                "cancel consultation", "Cancel a consultation", PickSubject.Consultation,
                [.. Enumerable.Range(1, 9).Select(i => new PickerItem(i.ToString(CultureInfo.InvariantCulture), $"Consultation {i}", "Thu 3 Dec 2026, 10:00–12:00 (GMT+7)"))]), culture));
            yield return new CardSample($"picker-empty-{tag}", PickerCard.Build(new PickerCardModel("report", "Report", PickSubject.Event, []), culture));
        }
    }

    internal static HomeCardModel OrganiserHome(IReadOnlyList<HelpEntry> entries) => new(
        true,
        "Hello!",
        [
            .. Enumerable.Range(1, 8).Select(i => new HomeEvent(
                $"event-{i}", $"Stakeholder consultation {i}: a long title to see how it wraps", "Wed 2 Dec 2026, 14:00–15:30 (GMT+7) · Wed 2 Dec 2026, 07:00–08:30 (UTC)",
                i * 7, i % 3 == 0 ? null : 50 - (i * 7), i % 2)),
        ],
        new HomeWaiting(4, "approvals", 2, 1),
        [
            new HomeTaskGroup(HomeGroup.Events, ["events", "registrations", "approvals", "export registrations", "event add", "event edit"]),
            new HomeTaskGroup(HomeGroup.Consultations, ["schedule", "consultations", "cancel consultation", "retry consultation", "key issues", "report", "report representation"]),
            new HomeTaskGroup(HomeGroup.Submissions, ["review submissions"]),
            new HomeTaskGroup(HomeGroup.Directory, ["directory", "directory import"]),
            new HomeTaskGroup(HomeGroup.Settings, ["language"]),
        ],
        null,
        new HelpCardModel("In our personal chat", entries, true));
}
