using GcmBot.Bot.SideEvents;
using GcmBot.Bot.Tests.Registration;
using GcmBot.Cards.SideEvents;

namespace GcmBot.Bot.Tests.SideEvents;

/// <summary>The proposer's side: the form and its checks, their list, withdrawing, and "forget me".</summary>
public sealed class SideEventProposalTests : IAsyncLifetime
{
    private SideEventsKit _kit = null!;

    public async Task InitializeAsync() => _kit = await SideEventsKit.StartAsync();

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task ProposeSideEvent_NotRegistered_AsksToRegisterFirst()
    {
        var turn = await _kit.Bot.PersonalChat(TestUsers.Alice).SayAsync("propose side event");

        Assert.Equal("Please register first: type register. Then you can propose a side event.", turn.Reply.Text);
    }

    [Fact]
    public async Task ProposeSideEvent_Registered_ShowsTheFormWithTheirOrganisation()
    {
        await _kit.RegisterAsync(TestUsers.Alice);

        var turn = await _kit.Bot.PersonalChat(TestUsers.Alice).SayAsync("propose side event");

        var inputs = CardText.Inputs(turn.Reply.Card);
        Assert.Equal("Migrant Forum Nepal", inputs[SideEventFormCard.Organisers]["value"]!.GetValue<string>());
        Assert.Contains("Give the times in GMT+7, the time of the regional review in Bangkok.", turn.Reply.AllText);
        var partners = inputs[SideEventFormCard.Partner]["choices"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToList();
        Assert.Contains("International Organization for Migration (IOM)", partners);
        Assert.Contains("Member State: Thailand", partners);
        Assert.DoesNotContain("Member State: Hong Kong, China", partners);
    }

    [Fact]
    public async Task Propose_BadAnswers_SameFormWithEachProblemUnderItsField_NothingStored()
    {
        await _kit.RegisterAsync(TestUsers.Alice);

        var turn = await _kit.ProposeAsync(TestUsers.Alice, SideEventsKit.Form(
            (SideEventFormCard.Title, "Ok"),
            (SideEventFormCard.Objectives, "6,23"),
            (SideEventFormCard.Partner, "entity:NOPE"),
            (SideEventFormCard.Date, "2026-11-30"),
            (SideEventFormCard.ExpectedSize, "5000"),
            (SideEventFormCard.ContactEmail, "not an address"),
            (SideEventFormCard.Format, string.Empty)));

        var text = turn.Reply.AllText;
        Assert.Contains("7 answers need another look", text);
        Assert.Contains("Please write at least 3 characters.", text);
        Assert.Contains("Please choose from the list.", text);
        Assert.Contains("23", text);
        Assert.Contains("This slot has already passed. Please choose a later one.", text);
        Assert.Contains("Please give a whole number from 1 to 1000.", text);
        Assert.Contains("Please give an e-mail address such as name@example.org.", text);
        Assert.Contains("Please answer this question.", text);
        Assert.Equal("Ok", CardText.Inputs(turn.Reply.Card)[SideEventFormCard.Title]["value"]!.GetValue<string>());
        Assert.Empty(await _kit.ProposalsAsync());
    }

    [Fact]
    public async Task Propose_EndBeforeStart_IsRefusedUnderTheEndTime()
    {
        await _kit.RegisterAsync(TestUsers.Alice);

        var turn = await _kit.ProposeAsync(TestUsers.Alice, SideEventsKit.Form((SideEventFormCard.EndTime, "10:00")));

        Assert.Contains("The end must be after the start.", turn.Reply.AllText);
        Assert.Empty(await _kit.ProposalsAsync());
    }

    [Fact]
    public async Task Propose_SameFormSentTwice_StoresOneProposal()
    {
        await _kit.RegisterAsync(TestUsers.Alice);
        var chat = _kit.Bot.PersonalChat(TestUsers.Alice);
        var shown = await chat.SayAsync("propose side event");

        await chat.PressAsync(shown.Reply.Card, SideEventVerbs.Save, SideEventsKit.Form());
        var again = await chat.PressAsync(shown.Reply.Card, SideEventVerbs.Save, SideEventsKit.Form());

        Assert.Contains("Thank you: side event proposal #", again.Reply.AllText);
        Assert.Single(await _kit.ProposalsAsync());
    }

    [Fact]
    public async Task Propose_FourAtOnceWithOnePlaceLeft_OneIsStored_ThreeAreRefused()
    {
        await _kit.RegisterAsync(TestUsers.Alice);
        for (var i = 0; i < SideEventRules.MaxOpenPerPerson - 1; i++)
        {
            await _kit.ProposeAsync(TestUsers.Alice);
        }

        var answers = await _kit.Bot.PersonalChat(TestUsers.Alice).SendFormsAtOnceAsync("propose side event", SideEventVerbs.Save, 4, _ => SideEventsKit.Form());

        Assert.Equal(4, answers.Count);
        Assert.Single(answers, a => a.Contains("Thank you: side event proposal #", StringComparison.Ordinal));
        Assert.Equal(3, answers.Count(a => a.Contains($"You already have {SideEventRules.MaxOpenPerPerson} proposals waiting.", StringComparison.Ordinal)));
        Assert.Equal(SideEventRules.MaxOpenPerPerson, (await _kit.ProposalsAsync()).Count);
    }

    [Fact]
    public async Task MySideEvents_ShowsTheirProposals_AndWithdrawTakesOneOutOfReview()
    {
        var id = await _kit.ProposedAsync(TestUsers.Alice);
        var chat = _kit.Bot.PersonalChat(TestUsers.Alice);
        var mine = await chat.SayAsync("my side events");
        Assert.Contains("Fair recruitment in South-East Asia", mine.Reply.AllText);
        Assert.Contains("Waiting for the organisers", mine.Reply.AllText);

        var withdrawn = await chat.PressAsync(mine.Reply.Card, SideEventVerbs.Withdraw);

        Assert.Contains($"Proposal #{id} is withdrawn.", withdrawn.Reply.AllText);
        Assert.Equal(SideEventStatus.Withdrawn, (await _kit.ProposalAsync(id))!.Status);
        Assert.Contains("Nothing is waiting for review.", (await _kit.Organiser.SayAsync("review side events")).Reply.AllText);
    }

    [Fact]
    public async Task Revise_SomeoneElsesProposal_IsNotFound_AndChangesNothing()
    {
        var id = await _kit.ProposedAsync(TestUsers.Alice);
        await _kit.RegisterAsync(TestUsers.Bob);

        var turn = await _kit.Bot.PersonalChat(TestUsers.Bob).SubmitAsync(new System.Text.Json.Nodes.JsonObject
        {
            ["verb"] = SideEventVerbs.Save,
            [SideEventVerbs.Id] = id.ToString(),
            [SideEventVerbs.Version] = "1",
            [SideEventFormCard.Title] = "Taken over",
        }.Merge(SideEventsKit.Form((SideEventFormCard.Title, "Taken over"))));

        Assert.Contains("I cannot find that proposal among yours.", turn.Reply.AllText);
        Assert.Equal("Fair recruitment in South-East Asia", (await _kit.ProposalAsync(id))!.Title);
    }

    [Fact]
    public async Task ForgetMe_RemovesPendingProposals_AcceptedEventStaysWithoutTheirContact()
    {
        var pending = await _kit.ProposedAsync(TestUsers.Alice, (SideEventFormCard.Title, "Still waiting"));
        var accepted = await _kit.ProposeAndGetIdAsync(TestUsers.Alice);
        await _kit.DecideAsync(accepted, SideEventVerbs.Accept);
        await _kit.NoticeAsync(TestUsers.Alice, "was accepted");
        Assert.Contains("Alice Ahmed, alice@example.org", (await _kit.PublicPageAsync()).Html);
        var chat = _kit.Bot.PersonalChat(TestUsers.Alice);
        var question = await chat.SayAsync("forget me");

        await RegistrationDriver.PressTitledAsync(chat, question.Reply.Card, "Erase my data");

        Assert.Null(await _kit.ProposalAsync(pending));
        var kept = (await _kit.ProposalAsync(accepted))!;
        Assert.Null(kept.ProposerId);
        Assert.Null(kept.ProposerName);
        Assert.Null(kept.ContactEmail);
        Assert.Single(await _kit.SideEventsInCatalogueAsync());
        var html = (await _kit.PublicPageAsync()).Html;
        Assert.Contains("Fair recruitment in South-East Asia", html);
        Assert.DoesNotContain("alice@example.org", html);
        Assert.DoesNotContain("Alice Ahmed", html);
    }
}

internal static class JsonMerge
{
    public static System.Text.Json.Nodes.JsonObject Merge(this System.Text.Json.Nodes.JsonObject data, IReadOnlyDictionary<string, string> form)
    {
        foreach (var (key, value) in form)
        {
            data[key] = value;
        }

        return data;
    }
}
