using GcmBot.Bot.Registration;

namespace GcmBot.Bot.Tests.Registration;

public sealed class RegistrationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static CatalogueEvent Event(int? capacity = 10, ConfirmationMode confirmation = ConfirmationMode.Automatic) =>
        new() { Id = "e", Title = "E", Capacity = capacity, Confirmation = confirmation, Themes = "da" };

    private static RegistrationAnswers Answers(params (RegistrationField Field, string? Value)[] changes)
    {
        var values = new Dictionary<RegistrationField, string?>
        {
            [RegistrationField.Name] = "  Nguyễn   Thị\tLan ",
            [RegistrationField.Email] = "lan@example.org",
            [RegistrationField.Group] = "migrants",
            [RegistrationField.Country] = "vn",
            [RegistrationField.Themes] = "d, a",
            [RegistrationField.Events] = "e",
            [RegistrationField.Consent] = "true",
        };
        foreach (var (field, value) in changes)
        {
            values[field] = value;
        }

        return new RegistrationAnswers(values);
    }

    [Fact]
    public void WindowAt_BeforeOpening_IsNotYetOpen() =>
        Assert.Equal(RegistrationWindow.NotYetOpen, EventRules.WindowAt(new CatalogueEvent { Id = "e", Title = "E", RegistrationOpensAt = Now.AddDays(1) }, Now));

    [Fact]
    public void WindowAt_AfterClosing_IsClosed() =>
        Assert.Equal(RegistrationWindow.Closed, EventRules.WindowAt(new CatalogueEvent { Id = "e", Title = "E", RegistrationClosesAt = Now }, Now));

    [Fact]
    public void WindowAt_OnceTheEventStarted_IsClosedEvenWithoutACloseDate() =>
        Assert.Equal(RegistrationWindow.Closed, EventRules.WindowAt(new CatalogueEvent { Id = "e", Title = "E", StartsAt = Now.AddMinutes(-1), EndsAt = Now.AddHours(1) }, Now));

    [Fact]
    public void WindowAt_DateToBeConfirmed_IsOpen() =>
        Assert.Equal(RegistrationWindow.Open, EventRules.WindowAt(new CatalogueEvent { Id = "e", Title = "E" }, Now));

    [Theory]
    [InlineData(10, 9, ConfirmationMode.Automatic, RegistrationStatus.Confirmed)]
    [InlineData(10, 10, ConfirmationMode.Automatic, RegistrationStatus.Waitlisted)]
    [InlineData(null, 5000, ConfirmationMode.Automatic, RegistrationStatus.Confirmed)]
    [InlineData(10, 0, ConfirmationMode.OrganiserApproval, RegistrationStatus.Pending)]
    public void StatusForNewRegistration_FollowsCapacityAndConfirmationMode(int? capacity, int confirmed, ConfirmationMode mode, RegistrationStatus expected) =>
        Assert.Equal(expected, EventRules.StatusForNewRegistration(Event(capacity, mode), confirmed));

    [Theory]
    [InlineData(10, 9, 5, 1)]
    [InlineData(10, 12, 5, 0)]
    [InlineData(null, 12, 5, 5)]
    [InlineData(10, 0, 0, 0)]
    public void PlacesToPromote_FillsFreePlacesFromTheWaitlist(int? capacity, int confirmed, int waitlisted, int expected) =>
        Assert.Equal(expected, EventRules.PlacesToPromote(Event(capacity), confirmed, waitlisted));

    [Fact]
    public void PlacesToPromote_OrganiserApprovalEvent_PromotesNobody() =>
        Assert.Equal(0, EventRules.PlacesToPromote(Event(10, ConfirmationMode.OrganiserApproval), 0, 3));

    [Theory]
    [InlineData("consult-a", true)]
    [InlineData("a", false)]
    [InlineData("Consult-A", false)]
    [InlineData("side--1", false)]
    [InlineData("-side", false)]
    public void IsValidId_AcceptsLowerCaseSlugsOnly(string id, bool expected) => Assert.Equal(expected, EventRules.IsValidId(id));

    [Fact]
    public void Validate_ValidAnswers_AreNormalised()
    {
        var check = RegistrationValidator.Validate(Answers(), [Event()], Now);

        var profile = Assert.IsType<ValidRegistration>(check.Valid).Profile;
        Assert.Equal("Nguyễn Thị Lan", profile.Name);
        Assert.Equal("VN", profile.CountryCode);
        Assert.Equal("ad", profile.Themes);
        Assert.Null(profile.Gender);
        Assert.False(profile.IsMigrant);
    }

    [Fact]
    public void Validate_CollectsEveryProblemAtOnce()
    {
        var check = RegistrationValidator.Validate(Answers((RegistrationField.Email, "x@"), (RegistrationField.Consent, null), (RegistrationField.Events, null)), [Event()], Now);

        Assert.Equal([RegistrationField.Email, RegistrationField.Events, RegistrationField.Consent], check.Errors.Keys.Order());
        Assert.Null(check.Valid);
    }

    [Fact]
    public void Validate_EventNotYetOpen_IsRefused()
    {
        var e = Event();
        e.RegistrationOpensAt = Now.AddDays(2);

        var check = RegistrationValidator.Validate(Answers(), [e], Now);

        Assert.Equal(FormProblemKind.EventNotYetOpen, check.Errors[RegistrationField.Events].Kind);
        Assert.Equal([e.Title], check.Errors[RegistrationField.Events].Arguments);
    }

    [Fact]
    public void Validate_TooManyChoices_IsRefused()
    {
        var check = RegistrationValidator.Validate(Answers((RegistrationField.Contribution, string.Join(',', Enumerable.Repeat("speak", 31)))), [Event()], Now);

        Assert.Equal(FormProblemKind.TooManyChoices, check.Errors[RegistrationField.Contribution].Kind);
    }

    /// <summary>Counts as the database would give them for people with these answers (status, group, country, gender, themes, migrant, advocate, count).</summary>
    private static BalanceCounts Counts(params (RegistrationStatus Status, string Group, string Country, string? Gender, string Themes, bool Migrant, bool Advocate, int Count)[] people) => new(
        people.GroupBy(p => p.Status).Select(g => new AnswerCount(g.Key, null, g.Sum(p => p.Count))).ToList(),
        people.Select(p => new AnswerCount(p.Status, p.Group, p.Count)).ToList(),
        people.Select(p => new AnswerCount(p.Status, p.Country, p.Count)).ToList(),
        people.Select(p => new AnswerCount(p.Status, p.Gender, p.Count)).ToList(),
        people.Select(p => new AnswerCount(p.Status, p.Themes, p.Count)).ToList(),
        people.GroupBy(p => p.Status).Select(g => new FlagCounts(g.Key,
            g.Where(p => p.Migrant).Sum(p => p.Count), g.Where(p => p.Advocate).Sum(p => p.Count), 0, 0, 0,
            g.Where(p => p.Migrant || p.Advocate).Sum(p => p.Count))).ToList());

    [Fact]
    public void Balance_CountsConfirmedAndWaitlistedByEachDimension()
    {
        var balance = RegistrationBalance.Compute(Counts(
            (RegistrationStatus.Confirmed, "migrants", "FJ", "woman", "ab", true, false, 3),
            (RegistrationStatus.Confirmed, "academia", "TH", null, "", false, true, 1),
            (RegistrationStatus.Waitlisted, "migrants", "NP", "man", "a", false, false, 2),
            (RegistrationStatus.Cancelled, "media", "NP", "man", "a", false, false, 7)));

        Assert.Equal(4, balance.Count(RegistrationStatus.Confirmed));
        Assert.Equal(7, balance.Count(RegistrationStatus.Cancelled));
        var migrants = balance.Dimension(RegistrationBalance.GroupTitle).Categories.Single(c => c.Code == "migrants");
        Assert.Equal((3, 2), (migrants.Confirmed, migrants.Waitlisted));
        Assert.Equal(0, balance.Dimension(RegistrationBalance.GroupTitle).Categories.Single(c => c.Code == "media").Confirmed);
        Assert.Equal(3, balance.Dimension(RegistrationBalance.SubregionTitle).Categories.Single(c => c.Code == "pacific").Confirmed);
        Assert.Equal(1, balance.Dimension(RegistrationBalance.GenderTitle).Categories.Single(c => c.Code == "unknown").Confirmed);
        var themeA = balance.Dimension(RegistrationBalance.ThemeTitle).Categories.Single(c => c.Code == "a");
        Assert.Equal((3, 2), (themeA.Confirmed, themeA.Waitlisted));
        Assert.Equal(1, balance.Dimension(RegistrationBalance.ThemeTitle).Categories.Single(c => c.Code == "none").Confirmed);
        Assert.Equal(4, balance.ConfirmedMigrantVoices);
    }

    [Fact]
    public void EffectOf_MarksCategoriesBelowHalfAnEqualShare()
    {
        var balance = RegistrationBalance.Compute(Counts(
            (RegistrationStatus.Confirmed, "civil-society", "TH", "man", "a", false, false, 20),
            (RegistrationStatus.Confirmed, "civil-society", "FJ", "woman", "a", false, false, 1)));

        var shifts = balance.EffectOf("trade-unions", "FJ", "woman", isMigrantVoice: true);

        Assert.Equal(["Trade unions and workers' organisations", "Pacific", "Woman", "Migrant voices"], shifts.Select(s => s.Label));
        Assert.All(shifts, s => Assert.True(s.UnderRepresented));
        Assert.Equal((1, 2, 21, 22), (shifts[1].Before, shifts[1].After, shifts[1].TotalBefore, shifts[1].TotalAfter));
        Assert.DoesNotContain(balance.EffectOf("civil-society", "TH", "man", false), s => s.UnderRepresented);
    }

    [Fact]
    public void EffectOf_NobodyConfirmedYet_FlagsNothing() =>
        Assert.DoesNotContain(RegistrationBalance.Compute(Counts()).EffectOf("media", "FJ", "another", true), s => s.UnderRepresented);

    [Fact]
    public void EventForm_DatesAndTimes_AreReadInTheEventsZone_AndRegistrationClosesAtTheEndOfTheDay()
    {
        var answers = new EventAnswers(new Dictionary<EventField, string?>
        {
            [EventField.Id] = "side-1",
            [EventField.Title] = "Side event",
            [EventField.Kind] = "side-event",
            [EventField.Themes] = "c,a",
            [EventField.Date] = "2027-02-15",
            [EventField.StartTime] = "15:00",
            [EventField.EndTime] = "16:30",
            [EventField.TimeZone] = "Pacific/Fiji",
            [EventField.Venue] = "Suva",
            [EventField.Capacity] = "25",
            [EventField.ClosesDate] = "2027-02-10",
            [EventField.Confirmation] = "organiser",
        });

        var draft = EventForm.Validate(answers, isNew: true, null, ["consult-a"]).Valid!;

        Assert.Equal(new DateTimeOffset(2027, 2, 15, 15, 0, 0, TimeSpan.FromHours(12)), draft.StartsAt);
        Assert.Equal(new DateTimeOffset(2027, 2, 11, 0, 0, 0, TimeSpan.FromHours(12)), draft.RegistrationClosesAt);
        Assert.Equal("ac", draft.Themes);
        Assert.Equal(ConfirmationMode.OrganiserApproval, draft.Confirmation);
        var e = new CatalogueEvent { Id = draft.Id, Title = draft.Title };
        draft.ApplyTo(e);
        Assert.Equal("2027-02-10", EventAnswers.From(e)[EventField.ClosesDate]);
        Assert.Equal("15:00", EventAnswers.From(e)[EventField.StartTime]);
    }

    [Fact]
    public void EventForm_DateWithoutTimes_AsksForThem()
    {
        var answers = new EventAnswers(new Dictionary<EventField, string?>
        {
            [EventField.Title] = "x",
            [EventField.Kind] = "briefing",
            [EventField.Date] = "2027-02-15",
            [EventField.TimeZone] = "Asia/Bangkok",
            [EventField.Venue] = "Online",
            [EventField.Confirmation] = "automatic",
        });

        var check = EventForm.Validate(answers, isNew: false, "briefing", []);

        Assert.Equal([EventField.StartTime, EventField.EndTime], check.Errors.Keys.Order());
    }

    [Fact]
    public void EventSeed_TheRepositorysSeed_LoadsTheBriefingAndOpenConsultations()
    {
        var events = EventSeed.Load(File.ReadAllText(EventSeed.DefaultPath), Now);

        Assert.Equal(["briefing", "consult-a", "consult-b", "consult-c", "consult-d", "multi-stakeholder"], events.Select(e => e.Id));
        var briefing = events[0];
        Assert.Equal(new DateTimeOffset(2020, 8, 26, 4, 0, 0, TimeSpan.Zero), briefing.StartsAt);
        Assert.Equal(RegistrationWindow.Closed, EventRules.WindowAt(briefing, Now));
        Assert.All(events.Skip(1), e => Assert.Equal(RegistrationWindow.Open, EventRules.WindowAt(e, Now)));
        Assert.Equal(ConfirmationMode.OrganiserApproval, events[5].Confirmation);
    }

    [Fact]
    public void EventSeed_UnknownTimeZone_IsRefused()
    {
        const string json = """{"events":[{"id":"x1","title":"X","kind":"side-event","themes":"","start":null,"end":null,"timeZone":"Nowhere/Land","venue":"v","capacity":null,"registrationOpens":null,"registrationCloses":null,"confirmation":"automatic","description":null}]}""";

        Assert.Throws<InvalidDataException>(() => EventSeed.Load(json, Now));
    }

    [Fact]
    public async Task Seeding_Twice_AddsNothingTheSecondTime_AndKeepsOrganisersEdits()
    {
        await using var bot = await BotApp.StartAsync();
        await RegistrationDriver.SetEventAsync(bot, "consult-a", capacity: 7);

        await bot.RestartAsync();

        var catalogue = (EventCatalogue)bot.Services.GetService(typeof(EventCatalogue))!;
        Assert.Equal(6, (await catalogue.AllAsync(CancellationToken.None)).Count);
        Assert.Equal(7, (await catalogue.FindAsync("consult-a", CancellationToken.None))!.Capacity);
    }
}
