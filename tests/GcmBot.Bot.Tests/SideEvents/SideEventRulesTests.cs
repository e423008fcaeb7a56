using GcmBot.Bot.SideEvents;
using GcmBot.Cards.Common;

namespace GcmBot.Bot.Tests.SideEvents;

public sealed class SideEventRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    private static SideEventInput Valid(string date = "2027-02-10", string start = "11:30", string end = "13:00", string theme = "a", string objectives = "6") =>
        new("Fair recruitment", "Migrant Forum in Asia", null, "state:TH", theme, objectives, "online", "Teams", date, start, end, "40",
            "captions", null, "About fees.", "a@example.org", "organisers");

    [Theory]
    [InlineData("Fair recruitment in South-East Asia", 1, 1, "side-fair-recruitment-in-south-east-asia")]
    [InlineData("Fair recruitment in South-East Asia", 1, 2, "side-fair-recruitment-in-south-east-2")]
    [InlineData("移民工人的公平招聘", 7, 1, "side-event-7")]
    [InlineData("Égalité des migrantes", 3, 1, "side-egalite-des-migrantes")]
    [InlineData("A very long title about the rights of migrant domestic workers in Asia", 3, 12, "side-a-very-long-title-about-the-12")]
    public void EventIdFor_DerivesAValidCatalogueId(string title, int proposal, int attempt, string expected)
    {
        var id = SideEventRules.EventIdFor(title, proposal, attempt);

        Assert.Equal(expected, id);
        Assert.True(GcmBot.Bot.Registration.EventRules.IsValidId(id));
    }

    [Fact]
    public void Check_SlotInThePersonsZone_IsStoredInUtc()
    {
        var kathmandu = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kathmandu");

        var check = SideEventRules.Check(Valid(start: "10:15", end: "11:45"), kathmandu, Now);

        Assert.True(check.IsValid);
        Assert.Equal(new DateTimeOffset(2027, 2, 10, 4, 30, 0, TimeSpan.Zero), check.Content!.StartsAt);
        Assert.Equal("Asia/Kathmandu", check.Content.TimeZoneId);
        Assert.Equal("state:TH", check.Content.Partner);
    }

    [Theory]
    [InlineData("ab", SideEventField.Theme, SideEventProblemKind.OneTheme)]
    [InlineData("a", SideEventField.Objectives, SideEventProblemKind.Tags, "23")]
    public void Check_ThemeAndObjectives(string theme, SideEventField field, SideEventProblemKind kind, string objectives = "6")
    {
        var check = SideEventRules.Check(Valid(theme: theme, objectives: objectives), TimeText.ReferenceZone, Now);

        Assert.Equal(kind, check.Problems[field].Kind);
    }

    [Fact]
    public void Check_LongerThanEightHours_IsRefused()
    {
        var check = SideEventRules.Check(Valid(start: "08:00", end: "17:00"), TimeText.ReferenceZone, Now);

        Assert.Equal(SideEventProblemKind.TooLongEvent, check.Problems[SideEventField.EndTime].Kind);
    }

    [Theory]
    [InlineData(SideEventDecision.Accept, null, false)]
    [InlineData(SideEventDecision.RequestChanges, " ", true)]
    [InlineData(SideEventDecision.Decline, null, true)]
    [InlineData(SideEventDecision.Decline, "No room.", false)]
    public void CheckComment_ChangesAndDeclineNeedAMessage(SideEventDecision decision, string? message, bool refused)
    {
        Assert.Equal(refused, SideEventRules.CheckComment(decision, message, out _) is not null);
    }

    [Theory]
    [InlineData("entity:IOM", true)]
    [InlineData("state:TH", true)]
    [InlineData("state:HK", false)]
    [InlineData("entity:<b>", false)]
    public void ReadPartner_OnlyKnownEntitiesAndMemberStates(string stored, bool known)
    {
        Assert.Equal(known, SideEventRules.ReadPartner(stored) is not null);
    }
}
