using System.Text.Json.Nodes;
using GcmBot.Bot.KeyIssues;
using GcmBot.Cards.KeyIssues;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.KeyIssues;

public sealed class KeyIssueTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await BotApp.StartAsync(o => o.FakeTimeStart = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private KeyIssueStore Store => _bot.Services.GetRequiredService<KeyIssueStore>();

    [Fact]
    public async Task KeyIssue_InMeetingChat_IsRecordedWithItsTags()
    {
        var chat = _bot.MeetingChat();

        var turn = await chat.SayAsync("key issue theme:a objectives:2,5 Migrants lack access to regular pathways", TestUsers.Organiser);

        Assert.Contains("Recorded key issue #1 (themes a; objectives 2, 5)", turn.Reply.Text);
        var record = Assert.Single(await Store.ForConversationAsync(chat.Id, CancellationToken.None));
        Assert.Equal(KeyIssueKind.KeyIssue, record.Kind);
        Assert.Equal("Migrants lack access to regular pathways", record.Text);
        Assert.Equal([2, 5], record.Tags.Objectives);
        Assert.Null(record.EventId);
    }

    [Fact]
    public async Task Recommendation_WithEventQuestionAndIntervention_KeepsTheReferences()
    {
        var chat = _bot.MeetingChat();

        await chat.SayAsync("recommendation event:consult-b theme:b question:12 intervention:7 Ratify ILO C189", TestUsers.Organiser);

        var record = Assert.Single(await Store.ForEventAsync("consult-b", CancellationToken.None));
        Assert.Equal(KeyIssueKind.Recommendation, record.Kind);
        Assert.Equal("12", record.QuestionRef);
        Assert.Equal("7", record.InterventionRef);
        Assert.Equal("Ratify ILO C189", record.Text);
    }

    [Fact]
    public async Task KeyIssue_ByAParticipant_IsRefusedAndNothingIsRecorded()
    {
        var chat = _bot.MeetingChat();

        var turn = await chat.SayAsync("key issue theme:a Something", TestUsers.Alice);

        Assert.Contains("is for the organisers", turn.Reply.Text);
        Assert.Empty(await Store.ForConversationAsync(chat.Id, CancellationToken.None));
    }

    [Fact]
    public async Task KeyIssue_WithoutTheme_ShowsTheFormWithTheTextKept_ThenRecordsFromIt()
    {
        var chat = _bot.MeetingChat();

        var form = await chat.SayAsync("key issue Detention of children continues", TestUsers.Organiser);
        var recorded = await chat.PressAsync(form.Reply.Card, KeyIssueVerbs.Record, new Dictionary<string, string> { [KeyIssueFormCard.Themes] = "b", [KeyIssueFormCard.Objectives] = "13" }, TestUsers.Organiser);

        Assert.Equal("Detention of children continues", CardText.Inputs(form.Reply.Card)[KeyIssueFormCard.Text]["value"]!.GetValue<string>());
        Assert.Contains("Please choose at least one roundtable theme", form.Reply.AllText);
        Assert.Contains("Recorded key issue #1 (themes b; objectives 13)", recorded.AllText);
        Assert.NotNull(recorded.InvokeCard);
        Assert.Single(await Store.ForThemeAsync('b', CancellationToken.None));
    }

    [Fact]
    public async Task KeyIssue_InPersonalChatWithoutEvent_AsksForTheConsultation()
    {
        var chat = _bot.PersonalChat(TestUsers.Organiser);

        var turn = await chat.SayAsync("key issue theme:a Fees charged by recruiters", TestUsers.Organiser);

        Assert.Contains("Please choose the consultation this is from.", turn.Reply.AllText);
        Assert.Empty(await Store.ForThemeAsync('a', CancellationToken.None));
    }

    [Fact]
    public async Task KeyIssue_InPersonalChatWithEvent_IsRecordedForIt()
    {
        var chat = _bot.PersonalChat(TestUsers.Organiser);

        await chat.SayAsync("key issue event:consult-a theme:a Fees charged by recruiters", TestUsers.Organiser);

        Assert.Single(await Store.ForEventAsync("consult-a", CancellationToken.None));
    }

    [Fact]
    public async Task KeyIssue_ObjectiveOfAnotherTheme_IsExplainedOnTheForm()
    {
        var chat = _bot.MeetingChat();

        var turn = await chat.SayAsync("key issue theme:a objectives:23 Cooperation", TestUsers.Organiser);

        Assert.Contains("Objective 23 belongs to theme d", turn.Reply.AllText);
        Assert.Empty(await Store.ForConversationAsync(chat.Id, CancellationToken.None));
    }

    [Fact]
    public async Task KeyIssue_SameTextDeliveredAgainSoon_IsRecordedOnce()
    {
        var chat = _bot.MeetingChat();

        await chat.SayAsync("key issue theme:c Remittance costs remain high", TestUsers.Organiser);
        var again = await chat.SayAsync("key issue theme:c Remittance costs remain high", TestUsers.Organiser);
        _bot.Time!.Advance(TimeSpan.FromMinutes(3));
        await chat.SayAsync("key issue theme:c Remittance costs remain high", TestUsers.Organiser);

        Assert.Contains("was recorded already, as #1", again.Reply.Text);
        Assert.Equal(2, (await Store.ForConversationAsync(chat.Id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task RecordForm_PressedTwice_RecordsOnce()
    {
        var chat = _bot.MeetingChat();
        var form = await chat.SayAsync("recommendation", TestUsers.Organiser);
        var inputs = new Dictionary<string, string> { [KeyIssueFormCard.Text] = "Invest in skills recognition", [KeyIssueFormCard.Themes] = "a", [KeyIssueFormCard.Objectives] = "18" };

        await chat.PressAsync(form.Reply.Card, KeyIssueVerbs.Record, inputs, TestUsers.Organiser);
        var second = await chat.PressAsync(form.Reply.Card, KeyIssueVerbs.Record, inputs, TestUsers.Organiser);

        Assert.Contains("recorded already", second.AllText);
        var record = Assert.Single(await Store.ForConversationAsync(chat.Id, CancellationToken.None));
        Assert.Equal(KeyIssueKind.Recommendation, record.Kind);
    }

    [Theory]
    [InlineData(KeyIssueFormCard.Kind, "opinion")]
    [InlineData(KeyIssueFormCard.Question, "12; DROP TABLE")]
    [InlineData(KeyIssueFormCard.Event, "<script>")]
    [InlineData(KeyIssueFormCard.Themes, "z")]
    public async Task RecordForm_TamperedValue_IsRefusedOnTheForm(string field, string value)
    {
        var chat = _bot.MeetingChat();
        var data = new JsonObject
        {
            [KeyIssueVerbs.RecordKey] = Guid.NewGuid().ToString("N"),
            [KeyIssueFormCard.Kind] = "issue",
            [KeyIssueFormCard.Text] = "A key issue",
            [KeyIssueFormCard.Themes] = "a",
            [field] = value,
        };

        var turn = await chat.ExecuteAsync(KeyIssueVerbs.Record, data, TestUsers.Organiser);

        Assert.Contains("Please look at what is marked below", turn.AllText);
        Assert.Empty(await Store.ForConversationAsync(chat.Id, CancellationToken.None));
    }

    [Fact]
    public async Task RecordForm_WithoutRecordKey_SaysTheCardIsOutOfDate()
    {
        var turn = await _bot.MeetingChat().ExecuteAsync(KeyIssueVerbs.Record, new JsonObject { [KeyIssueFormCard.Text] = "x" }, TestUsers.Organiser);

        Assert.Contains("no longer works", turn.InvokeMessage);
    }

    [Fact]
    public async Task KeyIssues_ListsWhatWasRecordedInThisConversationOnly()
    {
        var here = _bot.MeetingChat("consultation-a");
        var there = _bot.MeetingChat("consultation-b");
        await here.SayAsync("key issue theme:a Said here", TestUsers.Organiser);
        await there.SayAsync("key issue theme:b Said there", TestUsers.Organiser);

        var list = await here.SayAsync("key issues", TestUsers.Organiser);

        Assert.Contains("Said here", list.Reply.AllText);
        Assert.DoesNotContain("Said there", list.Reply.AllText);
    }

    [Fact]
    public async Task KeyIssues_InPersonalChatForAnEvent_ListsThatConsultation()
    {
        await _bot.MeetingChat().SayAsync("key issue event:consult-a theme:a For consultation a", TestUsers.Organiser);
        await _bot.MeetingChat().SayAsync("key issue event:consult-b theme:b For consultation b", TestUsers.Organiser);

        var list = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("key issues consult-a", TestUsers.Organiser);

        Assert.Contains("For consultation a", list.Reply.AllText);
        Assert.DoesNotContain("For consultation b", list.Reply.AllText);
    }

    [Fact]
    public async Task KeyIssues_ManyEntries_ArePaged()
    {
        var chat = _bot.MeetingChat();
        for (var i = 1; i <= 12; i++)
        {
            await chat.SayAsync($"key issue theme:a Issue number {i:D2}", TestUsers.Organiser);
        }

        var list = await chat.SayAsync("key issues", TestUsers.Organiser);
        var next = await chat.PressAsync(list.Reply.Card, KeyIssueVerbs.List, from: TestUsers.Organiser);

        Assert.Contains("Issue number 10", list.Reply.AllText);
        Assert.DoesNotContain("Issue number 11", list.Reply.AllText);
        Assert.Contains("Issue number 12", next.AllText);
    }

    [Fact]
    public async Task Delete_ByOrganiser_RemovesIt_AndASecondPressSaysSo()
    {
        var chat = _bot.MeetingChat();
        await chat.SayAsync("key issue theme:a To be deleted", TestUsers.Organiser);
        var list = await chat.SayAsync("key issues", TestUsers.Organiser);

        var deleted = await chat.PressAsync(list.Reply.Card, KeyIssueVerbs.Delete, from: TestUsers.Organiser);
        var again = await chat.PressAsync(list.Reply.Card, KeyIssueVerbs.Delete, from: TestUsers.Organiser);

        Assert.Contains("Deleted #1.", deleted.AllText);
        Assert.Contains("#1 was already deleted.", again.AllText);
        Assert.Empty(await Store.ForConversationAsync(chat.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_ByAParticipant_IsRefusedAndKeepsIt()
    {
        var chat = _bot.MeetingChat();
        await chat.SayAsync("key issue theme:a Stays", TestUsers.Organiser);
        var list = await chat.SayAsync("key issues", TestUsers.Organiser);

        var turn = await chat.PressAsync(list.Reply.Card, KeyIssueVerbs.Delete, from: TestUsers.Alice);

        Assert.Contains("is for the organisers", turn.InvokeMessage);
        Assert.Single(await Store.ForConversationAsync(chat.Id, CancellationToken.None));
    }

    [Fact]
    public async Task RecordAnother_FromTheList_OpensTheFormForTheSameConsultation()
    {
        await _bot.MeetingChat().SayAsync("key issue event:consult-c theme:c First", TestUsers.Organiser);
        var list = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("key issues consult-c", TestUsers.Organiser);

        var form = await _bot.PersonalChat(TestUsers.Organiser).PressAsync(list.Reply.Card, KeyIssueVerbs.Form, from: TestUsers.Organiser);

        Assert.Equal("consult-c", CardText.Inputs(form.InvokeCard)[KeyIssueFormCard.Event]["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task KeyIssues_WithAnOddEventId_SaysSo()
    {
        var turn = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("key issues consult/a", TestUsers.Organiser);

        Assert.Contains("I do not know the consultation", turn.Reply.Text);
    }

    [Fact]
    public async Task KeyIssues_SurviveARestart()
    {
        var chat = _bot.MeetingChat();
        await chat.SayAsync("key issue theme:d Data gaps on migrant deaths", TestUsers.Organiser);

        await _bot.RestartAsync();

        Assert.Contains("Data gaps on migrant deaths", (await chat.SayAsync("key issues", TestUsers.Organiser)).Reply.AllText);
    }
}
