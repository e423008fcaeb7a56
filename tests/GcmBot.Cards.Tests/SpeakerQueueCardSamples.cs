using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.SpeakerQueue;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Tests;

public sealed class SpeakerQueueCardSamples : ICardSamples
{
    private static readonly CurrentSpeakerLine Speaking = new(
        "12", "Nguyễn Thị Mai", "Migrant Forum in Asia", "Statement", "GCM objective 6: fair recruitment", "Speaking since 11:02 · 3 min limit, until 11:05 (GMT+7)", false);

    /// <summary>Choices as the bot gives them (labels here in English; the card's own words follow its culture).</summary>
    public static CategoryChoices Categories { get; } = new(
        [new("Migrants and migrant organisations", "migrants"), new("Civil society organisations", "civil-society"), new("Trade unions and workers' organisations", "trade-unions"),
            new("Academia and research", "academia"), new("Diaspora organisations", "diaspora"), new("Private sector", "private-sector"), new("Parliamentarians", "parliamentarians"),
            new("National human rights institutions", "nhri"), new("Media", "media"), new("Local authorities and communities", "local-authorities"),
            new("Faith-based organisations", "faith-based"), new("Red Cross and Red Crescent", "red-cross"), new("Other stakeholders", "other")],
        [new("East and North-East Asia", "enea"), new("South-East Asia", "sea"), new("South and South-West Asia", "sswa"), new("North and Central Asia", "nca"),
            new("Pacific", "pacific"), new("ESCAP members outside the region", "non-regional"), new("Outside ESCAP membership", "other")],
        [new("Woman", "woman"), new("Man", "man"), new("Non-binary or another gender identity", "another"), new("Prefer not to say", "undisclosed")]);

    public IEnumerable<CardSample> Samples() =>
        SupportedLanguages.All.Append(CultureInfo.GetCultureInfo(SupportedLanguages.PseudoTag))
            .SelectMany(culture => Samples(culture).Select(s => s with { Name = $"{s.Name}-{culture.Name}" }));

    /// <summary>The longest cards, for the size limit.</summary>
    public static AdaptiveCard CrowdedChairCard(CultureInfo culture) =>
        Samples(culture).Single(s => s.Name == "speakers-chair-crowded").Card;

    private static IEnumerable<CardSample> Samples(CultureInfo culture)
    {
        var empty = new SpeakerQueueCardModel(null, false, "First come, first served", "3 min per speaker", null, [], 0);
        yield return new CardSample("speakers-closed-empty", SpeakerQueueCard.Build(empty, culture));

        var typical = new SpeakerQueueCardModel(
            "Roundtable b: Protecting migrants through rights-based border governance",
            true,
            "Balanced (group, subregion, gender)",
            "3 min per speaker",
            Speaking,
            [
                new("14", 1, "Kiri Tane", "Point of order", null, "Point of order: goes before other requests"),
                new("13", 2, "Ahmed [the] *Speaker*", "Question", "Detention alternatives",
                    "For balance: of 4 turns so far, their group (Trade unions and workers' organisations) had 0, subregion (Pacific) 1, gender (Woman) 1"),
                new("15", 3, "Bob Bautista", "Reply", null, "Moved up by the chair"),
                new("16", 4, "Sione Tupou", "Statement", null, "First come, first served", InRoom: true),
            ],
            4)
        {
            RefreshUserIds = ["29:organiser"],
            Categories = Categories,
        };
        yield return new CardSample("speakers-open-typical", SpeakerQueueCard.Build(typical, culture));
        yield return new CardSample("speakers-personal-note", SpeakerQueueCard.Build(typical with
        {
            Note = new PersonalNote("You are on the list (Question). You are number 2 of 3. 1 person is ahead of you.", NoteTone.Good),
        }, culture));
        yield return new CardSample("speakers-time-up", SpeakerQueueCard.Build(typical with { Current = Speaking with { TimeIsUp = true } }, culture));

        var crowdedLines = Enumerable.Range(1, 10)
            .Select(i => new WaitingLine((100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), i, $"Participant {i} with a rather long display name", "Statement",
                new string('t', 200), "First time speaking: first-time speakers go first"))
            .ToList();
        var crowded = new SpeakerQueueCardModel("Consultation", true, "First-time speakers first", "2 min per speaker", Speaking, crowdedLines, 300) { Categories = Categories };
        yield return new CardSample("speakers-crowded", SpeakerQueueCard.Build(crowded, culture));

        var picker = Enumerable.Range(1, 40).Select(i => new Choice($"{i}. Participant {i} with a rather long display name", (100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var chair = new ChairPanel(
            picker,
            "balanced",
            [new("First come, first served", "fifo"), new("First-time speakers first", "first-time"), new("Balanced (group, subregion, gender)", "balanced")],
            "180",
            [new("No limit", "0"), new("1 min", "60"), new("3 min", "180")]);
        yield return new CardSample("speakers-chair-crowded", SpeakerQueueCard.Build(crowded with
        {
            Chair = chair,
            Note = new PersonalNote("Participant 1 has the floor.", NoteTone.Good),
            RefreshUserIds = Enumerable.Range(1, 10).Select(i => $"29:chair-{i}").ToList(),
        }, culture));
        yield return new CardSample("speakers-chair-empty", SpeakerQueueCard.Build(empty with
        {
            Chair = chair with { WaitingPicker = [] },
            Note = new PersonalNote("Nobody is waiting for the floor.", NoteTone.Warning),
        }, culture));
        yield return new CardSample("speakers-moved", SpeakerQueueCard.BuildMoved(culture));
        yield return new CardSample("speakers-mention", SpeakerMentionCard.Build(
            new SpeakerMentionModel($"{SpeakerMentionCard.MentionText("Guest 4821")}, you have the floor now.", "29:anonymous-4821", "Guest 4821"), culture));

        yield return new CardSample("speakers-export", SpeakerExportCard.Build(new SpeakerExportCardModel(
            "Roundtable a",
            7,
            "19:45",
            "https://gcmbot.example.org/exports/abc",
            "https://gcmbot.example.org/exports/def",
            "https://gcmbot.example.org/exports/ghi",
            "12:30 (GMT+7)",
            [new("Civil society organisations", 4, "11:00"), new("Migrants and migrant organisations", 2, "6:00"), new("Unknown", 1, "2:45")],
            [new("South-East Asia", 5, "14:00"), new("Pacific", 2, "5:45")],
            [new("Woman", 4, "12:00"), new("Man", 3, "7:45")]), culture));
        yield return new CardSample("speakers-export-empty", SpeakerExportCard.Build(new SpeakerExportCardModel(
            null, 0, "0:00", "https://gcmbot.example.org/exports/a", "https://gcmbot.example.org/exports/b", "https://gcmbot.example.org/exports/c",
            "12:30 (GMT+7)", [], [], []), culture));
    }
}
