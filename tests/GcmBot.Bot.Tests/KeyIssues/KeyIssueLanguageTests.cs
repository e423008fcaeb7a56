using GcmBot.Bot.KeyIssues;
using GcmBot.Bot.Tests.Submissions;
using GcmBot.Cards.KeyIssues;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.KeyIssues;

public sealed class KeyIssueLanguageTests : IAsyncLifetime
{
    private const string ConsultationA = "Stakeholder consultation on theme a: Ensuring that migration is voluntary, orderly and regular";

    private BotApp _bot = null!;

    public async Task InitializeAsync() =>
        _bot = await BotApp.StartAsync(o => o.FakeTimeStart = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task KeyIssue_ForAConsultation_NamesItByTitle_NeverByItsId()
    {
        var chat = _bot.PersonalChat(TestUsers.Organiser);

        var recorded = await chat.SayAsync("key issue event:consult-a theme:a Migrants lack access to regular pathways");
        var list = await chat.SayAsync("key issues");

        Assert.Contains($"consultation “{ConsultationA}”", recorded.Reply.Text);
        Assert.DoesNotContain("consult-a", recorded.Reply.Text);
        Assert.Contains(ConsultationA, list.Reply.AllText);
        Assert.DoesNotContain("consult-a", string.Join("\n", CardText.Of(list.Reply.Card["body"])));
    }

    [Fact]
    public async Task KeyIssue_UnknownConsultation_IsAskedForOnTheForm_WithAChoiceByTitle()
    {
        var chat = _bot.PersonalChat(TestUsers.Organiser);

        var turn = await chat.SayAsync("key issue event:consult-z theme:a Something important");

        Assert.Contains("I do not know the consultation “consult-z”. Please choose one from the list.", turn.Reply.AllText);
        var choices = CardText.Inputs(turn.Reply.Card)[KeyIssueFormCard.Event]["choices"]!.AsArray();
        Assert.Contains(choices, c => c!["title"]!.GetValue<string>() == ConsultationA && c["value"]!.GetValue<string>() == "consult-a");
    }

    [Fact]
    public async Task KeyIssue_InFrench_ConfirmsInFrench()
    {
        var turn = await _bot.MeetingChat().InLocale("fr-FR").SayAsync("key issue theme:a objectives:2,5 Accès aux voies régulières", TestUsers.Organiser);

        Assert.Contains("Question clé #1 notée (thèmes a; objectifs 2, 5).", turn.Reply.Text);
    }

    [Fact]
    public async Task PseudoLocale_KeyIssueFlow_HasNoInlineEnglish()
    {
        var meeting = _bot.MeetingChat().InLocale("qps-ploc");
        var personal = _bot.PersonalChat(TestUsers.Organiser).InLocale("qps-ploc");
        const string Text = "Migrants lack access to regular pathways";
        var turns = new List<Turn>
        {
            await meeting.SayAsync("key issue", TestUsers.Organiser),
            await meeting.SayAsync("key issue theme:x objectives:99 " + Text, TestUsers.Organiser),
            await meeting.SayAsync("recommendation theme:a objectives:2 question:12 " + Text, TestUsers.Organiser),
            await personal.SayAsync("key issue theme:a " + Text),
            await personal.SayAsync("key issue event:consult-a theme:a " + Text),
            await personal.SayAsync("key issues consult-a"),
            await personal.SayAsync("key issues bad/id"),
        };
        var list = await meeting.SayAsync("key issues", TestUsers.Organiser);
        turns.Add(list);
        turns.Add(await meeting.PressAsync(list.Reply.Card, KeyIssueVerbs.Delete, from: TestUsers.Organiser));
        turns.Add(await meeting.PressAsync(list.Reply.Card, KeyIssueVerbs.Form, from: TestUsers.Organiser));

        var catalogue = await _bot.Services.GetRequiredService<GcmBot.Bot.Registration.EventCatalogue>().AllAsync(CancellationToken.None);
        var data = PseudoData.Of([Text, "bad/id", .. catalogue.SelectMany(e => new[] { e.Title, e.Id }), .. KeyIssueRules.KindCodes.Keys]);
        foreach (var turn in turns)
        {
            Assert.NotEmpty(turn.AllText);
            Assert.Empty(Untranslated.In(turn.AllText, data));
        }
    }
}
