using System.Text.Json.Nodes;
using GcmBot.Bot.Registration;
using GcmBot.Bot.SideEvents;
using GcmBot.Bot.Tests.Registration;
using GcmBot.Cards.Registration;
using GcmBot.Cards.SideEvents;

namespace GcmBot.Bot.Tests.SideEvents;

/// <summary>Side events end to end through the real host: propose, review, revise, accept, register, publish.</summary>
public sealed class SideEventFlowTests : IAsyncLifetime
{
    private SideEventsKit _kit = null!;

    public async Task InitializeAsync() => _kit = await SideEventsKit.StartAsync();

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task Propose_ChangesAsked_Revised_Accepted_ToldInChinese_AnotherPersonRegisters_PublicPageShowsIt()
    {
        // Chen works in Chinese; the organiser in English.
        var chen = _kit.Bot.PersonalChat(TestUsers.Chen).InLocale("zh-CN");
        var registration = await chen.SayAsync("register");
        await chen.PressAsync(registration.Reply.Card, RegistrationVerbs.Submit, RegistrationDriver.ValidAnswers());
        var sent = await _kit.ProposeAsync(TestUsers.Chen, chat: chen);
        Assert.Contains("谢谢：已收到会外活动提议 #", sent.Reply.AllText);
        var id = SideEventsKit.NumberAfter(sent.Reply.AllText, "会外活动提议 #");

        // The organiser asks for changes; Chen is told in Chinese, with the organiser's words.
        var asked = await _kit.DecideAsync(id, SideEventVerbs.RequestChanges, "Please add sign language interpretation.");
        Assert.Contains($"Proposal #{id} is sent back for changes. The proposer is being told.", asked.Reply.AllText);
        var changesNotice = await _kit.NoticeAsync(TestUsers.Chen, $"您的会外活动提议 #{id} 需要修改");
        Assert.Contains("Please add sign language interpretation.", changesNotice.AllText);
        Assert.DoesNotContain("Your side event", changesNotice.AllText);

        // Chen revises from the notice itself: the form comes back with the answers and the organiser's message.
        var form = await chen.PressAsync(changesNotice.Card, SideEventVerbs.Revise);
        Assert.Contains("组织者要求修改：Please add sign language interpretation.", form.Reply.AllText);
        Assert.Equal("Fair recruitment in South-East Asia", CardText.Inputs(form.Reply.Card)[SideEventFormCard.Title]["value"]!.GetValue<string>());
        var revised = await chen.PressAsync(form.Reply.Card, SideEventVerbs.Save, new Dictionary<string, string>
        {
            [SideEventFormCard.Accessibility] = "interpretation,captions,sign-language",
        });
        Assert.Contains($"会外活动提议 #{id} 已修改", revised.Reply.AllText);

        // Back in the review list, marked as revised; the organiser accepts.
        var list = await _kit.Organiser.SayAsync("review side events");
        Assert.Contains("revised after changes were asked", list.Reply.AllText);
        var accepted = await _kit.DecideAsync(id, SideEventVerbs.Accept);
        Assert.Contains($"Proposal #{id} is accepted and now in the event catalogue: people can register for it. The proposer is being told.", accepted.Reply.AllText);
        var acceptedNotice = await _kit.NoticeAsync(TestUsers.Chen, $"您的会外活动提议 #{id} 已被接受");
        Assert.Contains("手语翻译", acceptedNotice.AllText);

        // The catalogue has it, with the slot, capacity and description: Bob registers for it as for any event.
        var catalogued = Assert.Single(await _kit.SideEventsInCatalogueAsync());
        Assert.Equal("side-fair-recruitment-in-south-east-asia", catalogued.Id);
        Assert.Equal(new DateTimeOffset(2027, 2, 10, 4, 30, 0, TimeSpan.Zero), catalogued.StartsAt);
        Assert.Equal(new DateTimeOffset(2027, 2, 10, 6, 0, 0, TimeSpan.Zero), catalogued.EndsAt);
        Assert.Equal(60, catalogued.Capacity);
        Assert.Equal("Workers and recruiters discuss zero-fee recruitment.", catalogued.Description);
        Assert.Equal("a", catalogued.Themes);
        var bob = _kit.Bot.PersonalChat(TestUsers.Bob);
        var bobForm = await bob.SayAsync("register");
        var offered = CardText.Inputs(bobForm.Reply.Card)[RegistrationFormCard.Events]["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>());
        Assert.Contains(catalogued.Id, offered);
        await bob.PressAsync(bobForm.Reply.Card, RegistrationVerbs.Submit, RegistrationDriver.ValidAnswers(catalogued.Id));
        var bobs = Assert.Single(await RegistrationDriver.RegistrationsAsync(_kit.Bot, catalogued.Id));
        Assert.Equal(TestUsers.Bob.AadObjectId, bobs.UserStableId);
        Assert.Equal(RegistrationStatus.Confirmed, bobs.Status);

        // The public page shows it, in GMT+7, with a way to register.
        var (html, _) = await _kit.PublicPageAsync();
        Assert.Contains("<h2 id=\"side-event-" + id + "\">Fair recruitment in South-East Asia</h2>", html);
        Assert.Contains("Migrant Forum in Asia", html);
        Assert.Contains("Lawyers Beyond Borders", html);
        Assert.Contains("International Labour Organization (ILO)", html);
        Assert.Contains("a. Ensuring that migration is voluntary, orderly and regular", html);
        Assert.Contains("6. Facilitate fair and ethical recruitment", html);
        Assert.Contains("Hybrid (in person and online)", html);
        Assert.Contains("Wed 10 Feb 2027, 11:30–13:00 (GMT+7)", System.Net.WebUtility.HtmlDecode(html));
        Assert.Contains("Interpretation, Live captions, Sign language interpretation. English and Thai", html);
        Assert.Contains("Chen Wei, alice@example.org", html);
        Assert.Contains($"href=\"/register?event={catalogued.Id}&amp;lang=en\"", html);
    }

    [Fact]
    public async Task Decline_WithAReason_ProposerToldWithTheReason_NothingInTheCatalogueOrOnThePage()
    {
        var id = await _kit.ProposedAsync(TestUsers.Alice);

        var turn = await _kit.DecideAsync(id, SideEventVerbs.Decline, "All slots on that day are taken.");

        Assert.Contains($"Proposal #{id} is declined. The proposer is being told.", turn.Reply.AllText);
        var notice = await _kit.NoticeAsync(TestUsers.Alice, $"Your side event proposal #{id} was declined");
        Assert.Contains("Organisers' message: All slots on that day are taken.", notice.AllText);
        Assert.Contains("Wed 10 Feb 2027, 11:30–13:00 (GMT+7)", notice.AllText);
        Assert.DoesNotContain("UTC", notice.AllText);
        Assert.Equal(SideEventStatus.Declined, (await _kit.ProposalAsync(id))!.Status);
        Assert.Empty(await _kit.SideEventsInCatalogueAsync());
        Assert.Contains("No side events yet.", (await _kit.PublicPageAsync()).Html);
    }

    [Fact]
    public async Task Decline_WithoutAReason_AsksForOne_AndChangesNothing()
    {
        var id = await _kit.ProposedAsync(TestUsers.Alice);
        var card = await _kit.OpenForReviewAsync(id);

        var turn = await _kit.Organiser.SubmitAsync(SideEventsKit.DecisionData(card, SideEventVerbs.Decline, "   "));

        Assert.Contains("Please write a message: the proposer needs to know why.", turn.Reply.AllText);
        var stored = await _kit.ProposalAsync(id);
        Assert.Equal(SideEventStatus.Pending, stored!.Status);
        Assert.Equal(1, stored.Version);
        Assert.Equal(0, await _kit.DecisionNoticesAsync(id));
    }

    [Fact]
    public async Task Accept_PressedTwice_CreatesOneEventAndOneNotice()
    {
        var id = await _kit.ProposedAsync(TestUsers.Alice);
        var card = await _kit.OpenForReviewAsync(id);

        await _kit.Organiser.PressAsync(card, SideEventVerbs.ReviewDecide);
        var second = await _kit.Organiser.PressAsync(card, SideEventVerbs.ReviewDecide);
        await _kit.NoticeAsync(TestUsers.Alice, "was accepted");

        Assert.Contains($"Proposal #{id} was already accepted; nothing more was done.", second.Reply.AllText);
        Assert.Single(await _kit.SideEventsInCatalogueAsync());
        Assert.Equal(1, await _kit.DecisionNoticesAsync(id));
    }

    [Fact]
    public async Task TwoOrganisers_AcceptingAtTheSameMoment_CreateOneEventAndOneNotice()
    {
        var id = await _kit.ProposedAsync(TestUsers.Alice);
        var card = await _kit.OpenForReviewAsync(id);
        var data = SideEventsKit.DecisionData(card, SideEventVerbs.Accept);

        var turns = await Task.WhenAll(
            _kit.Organiser.SubmitAsync(data),
            _kit.Bot.PersonalChat(SideEventsKit.SecondOrganiser).SubmitAsync(data, SideEventsKit.SecondOrganiser));

        Assert.Single(turns, t => t.Reply.AllText.Contains("is accepted and now in the event catalogue", StringComparison.Ordinal));
        Assert.Single(turns, t => t.Reply.AllText.Contains("was already accepted", StringComparison.Ordinal));
        var catalogued = Assert.Single(await _kit.SideEventsInCatalogueAsync());
        Assert.Equal(catalogued.Id, (await _kit.ProposalAsync(id))!.EventId);
        Assert.Equal(1, await _kit.DecisionNoticesAsync(id));
    }

    [Fact]
    public async Task Accept_TitleAlreadyUsedByAnEvent_GetsTheNextFreeId()
    {
        var first = await _kit.ProposedAsync(TestUsers.Alice);
        var second = await _kit.ProposedAsync(TestUsers.Bob);
        await _kit.DecideAsync(first, SideEventVerbs.Accept);

        await _kit.DecideAsync(second, SideEventVerbs.Accept);

        var ids = (await _kit.SideEventsInCatalogueAsync()).Select(e => e.Id).Order().ToList();
        Assert.Equal(["side-fair-recruitment-in-south-east-2", "side-fair-recruitment-in-south-east-asia"], ids);
    }

    [Fact]
    public async Task ReviewSideEvents_NotAnOrganiser_IsRefused_AndDecidingChangesNothing()
    {
        var id = await _kit.ProposedAsync(TestUsers.Alice);

        var command = await _kit.Bot.PersonalChat(TestUsers.Bob).SayAsync("review side events");
        var decide = await _kit.Bot.PersonalChat(TestUsers.Alice).SubmitAsync(new JsonObject
        {
            ["verb"] = SideEventVerbs.ReviewDecide,
            [SideEventVerbs.Id] = id.ToString(),
            [SideEventVerbs.Version] = "1",
            [SideEventVerbs.Decision] = SideEventVerbs.Accept,
        });

        Assert.Contains("is for the organisers", command.Reply.Text);
        Assert.Contains("is for the organisers", decide.Reply.Text);
        Assert.Equal(SideEventStatus.Pending, (await _kit.ProposalAsync(id))!.Status);
        Assert.Empty(await _kit.SideEventsInCatalogueAsync());
    }
}
