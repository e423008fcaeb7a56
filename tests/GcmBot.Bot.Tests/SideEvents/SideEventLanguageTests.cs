using System.Text.Json.Nodes;
using GcmBot.Bot.SideEvents;
using GcmBot.Bot.Tests.Submissions;
using GcmBot.Cards.SideEvents;

namespace GcmBot.Bot.Tests.SideEvents;

public sealed class SideEventLanguageTests : IAsyncLifetime
{
    private SideEventsKit _kit = null!;

    public async Task InitializeAsync() => _kit = await SideEventsKit.StartAsync();

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task French_BadAnswers_AreExplainedInFrench()
    {
        await _kit.RegisterAsync(TestUsers.Alice);
        var alice = _kit.Bot.PersonalChat(TestUsers.Alice).InLocale("fr-FR");
        var form = await alice.SayAsync("propose side event");

        var turn = await alice.PressAsync(form.Reply.Card, SideEventVerbs.Save, SideEventsKit.Form(
            (SideEventFormCard.EndTime, "10:00"), (SideEventFormCard.ContactEmail, "personne")));

        Assert.Contains("2 réponses sont à revoir", turn.AllText);
        Assert.Contains("La fin doit être après le début.", turn.AllText);
        Assert.Contains("Veuillez indiquer une adresse comme nom@example.org.", turn.AllText);
        Assert.Contains("Organisation internationale du Travail (OIT)", turn.AllText);
        Assert.Empty(await _kit.ProposalsAsync());
    }

    [Fact]
    public async Task Russian_FormWithEveryPartner_IsInRussian_AndWellUnderTeamsCardLimit()
    {
        await _kit.RegisterAsync(TestUsers.Alice);
        var alice = _kit.Bot.PersonalChat(TestUsers.Alice).InLocale("ru-RU");

        var form = await alice.SayAsync("propose side event");

        var card = form.Reply.Card;
        Assert.Contains("Предложить параллельное мероприятие", form.Reply.AllText);
        Assert.Contains("Международная организация по миграции (МОМ)", form.Reply.AllText);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })), 1, 28 * 1024);
    }

    [Fact]
    public async Task PseudoLocale_SideEventFlow_HasNoInlineEnglish()
    {
        await _kit.RegisterAsync(TestUsers.Alice);
        var alice = _kit.Bot.PersonalChat(TestUsers.Alice).InLocale("qps-ploc");
        var organiser = _kit.Bot.PersonalChat(TestUsers.Organiser).InLocale("qps-ploc");
        var typed = SideEventsKit.Form();
        var turns = new List<Turn>();

        var form = await alice.SayAsync("propose side event");
        turns.Add(form);
        turns.Add(await alice.PressAsync(form.Reply.Card, SideEventVerbs.Save, SideEventsKit.Form(
            (SideEventFormCard.Title, "Ok"), (SideEventFormCard.EndTime, "10:00"), (SideEventFormCard.ExpectedSize, "0"), (SideEventFormCard.ContactEmail, "x"))));
        turns.Add(await alice.PressAsync(form.Reply.Card, SideEventVerbs.Save, typed));
        var mine = await alice.SayAsync("my side events");
        turns.Add(mine);
        turns.Add(await alice.PressAsync(mine.Reply.Card, SideEventVerbs.Revise));
        turns.Add(await organiser.SayAsync("review side events"));
        turns.Add(await organiser.SubmitAsync(new JsonObject { ["verb"] = SideEventVerbs.ReviewOpen, [SideEventVerbs.Id] = "1" }));
        var opened = turns[^1].Reply.Card;
        turns.Add(await organiser.SubmitAsync(SideEventsKit.DecisionData(opened, SideEventVerbs.Decline)));
        turns.Add(await organiser.SubmitAsync(SideEventsKit.DecisionData(opened, SideEventVerbs.Accept)));

        // The decision's notice is sent after the turn; wait for it, so that it does not arrive inside Alice's next turn.
        // (It is written in Alice's stored language, English: the pseudo-locale is never stored as a person's language.)
        await _kit.NoticeAsync(TestUsers.Alice, "was accepted");
        turns.Add(await alice.PressAsync(mine.Reply.Card, SideEventVerbs.Withdraw));

        // Data: what was typed, names, and the codes the form's choices carry as values (never shown as text).
        string[] data =
        [
            .. PseudoData.Typed(typed), "Alice Ahmed", "Migrant Forum Nepal",
            .. SideEventRules.EntityCodes.Select(c => "entity:" + c), .. SideEventRules.States.Select(s => "state:" + s.Code),
            .. SideEventRules.FormatCodes.Keys, .. SideEventRules.AccessibilityCodes, .. SideEventRules.ConsentCodes.Keys,
        ];
        foreach (var turn in turns)
        {
            Assert.NotEmpty(turn.AllText);
            Assert.Empty(Untranslated.In(turn.AllText, PseudoData.Of(data)));
        }

    }
}
