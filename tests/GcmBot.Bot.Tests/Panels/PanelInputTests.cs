using System.Text.Json.Nodes;
using GcmBot.Bot.Panels;
using GcmBot.Bot.Storage;
using GcmBot.Cards.Panels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Panels;

/// <summary>Bad inputs get a friendly answer and change nothing; repeated and concurrent actions count once.</summary>
public sealed class PanelInputTests : IAsyncLifetime
{
    private PanelsKit _kit = null!;

    public async Task InitializeAsync() => _kit = await PanelsKit.StartAsync();

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task Unregistered_ProposeOrEndorse_GetsARegisterButton_AndNothingChanges()
    {
        var id = await _kit.ProposedAsync(TestUsers.Alice);
        var bob = _kit.Bot.PersonalChat(TestUsers.Bob);

        var propose = await bob.SayAsync("propose panellist");
        var endorse = await _kit.EndorseAsync(TestUsers.Bob, id);

        foreach (var turn in new[] { propose, endorse })
        {
            Assert.Contains("Proposing and endorsing panellists is for registered stakeholders.", turn.Reply.AllText);
            var register = CardText.ActionWithVerb(turn.Reply.Card, "command.run");
            Assert.Equal("register", register!["data"]![GcmBot.Cards.Help.HelpCard.CommandKey]!.GetValue<string>());
        }

        Assert.Empty((await _kit.Store.PanelAsync('b', CancellationToken.None)).Single().EndorserIds);
    }

    [Fact]
    public async Task Propose_MissingAndTooLongAnswers_EachExplainedUnderItsField_NothingStored()
    {
        _kit.Directory.Register(TestUsers.Alice);

        var turn = await _kit.ProposeAsync(TestUsers.Alice, PanelsKit.Form(
            (PanelFormCard.Name, string.Empty),
            (PanelFormCard.Position, new string('p', PanelRules.MaxPositionLength + 1)),
            (PanelFormCard.Email, "not an address"),
            (PanelFormCard.Consent, string.Empty),
            (PanelFormCard.Panel, "x")));

        var text = turn.AllText;
        Assert.Contains("5 answers need another look", text);
        Assert.Contains("Please give the nominee's name.", text);
        Assert.Contains("Please keep this to 1000 characters.", text);
        Assert.Contains("This does not look like an e-mail address.", text);
        Assert.Contains("Please say whether the nominee agreed to be named publicly.", text);
        Assert.Contains("Please pick one of the choices offered.", text);
        Assert.Equal("Twenty years defending migrants at borders.", CardText.Inputs(turn.Reply.Card)[PanelFormCard.Expertise]["value"]!.GetValue<string>());
        Assert.Empty(await _kit.Store.MineAsync(TestUsers.Alice.AadObjectId, CancellationToken.None));
    }

    [Fact]
    public async Task Propose_SameFormTwice_StoresOne()
    {
        _kit.Directory.Register(TestUsers.Alice);
        var chat = _kit.Bot.PersonalChat(TestUsers.Alice);
        var form = await chat.SayAsync("propose panellist");

        await chat.PressAsync(form.Reply.Card, PanelVerbs.Save, PanelsKit.Form());
        var again = await chat.PressAsync(form.Reply.Card, PanelVerbs.Save, PanelsKit.Form());

        Assert.Contains("This form was already sent; your proposal is stored once.", again.AllText);
        Assert.Single(await _kit.Store.MineAsync(TestUsers.Alice.AadObjectId, CancellationToken.None));
    }

    [Fact]
    public async Task Propose_OverTheLimitOnOnePanel_IsRefusedKindly()
    {
        await _kit.ProposedAsync(TestUsers.Alice);
        await _kit.ProposedAsync(TestUsers.Alice, (PanelFormCard.Name, "Ravi Kumar"));

        var third = await _kit.ProposeAsync(TestUsers.Alice, PanelsKit.Form((PanelFormCard.Name, "Third Person")));

        Assert.Contains("You already have 2 proposals on panel b.", third.AllText);
        Assert.Equal(2, (await _kit.Store.MineAsync(TestUsers.Alice.AadObjectId, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task UnknownPanel_InACommand_OffersTheFourPanels()
    {
        _kit.Directory.Register(TestUsers.Alice);
        var chat = _kit.Bot.PersonalChat(TestUsers.Alice);

        var browse = await chat.SayAsync("panels z");
        var form = await chat.SayAsync("propose panellist z");

        Assert.Contains("There are four panels, a to d. Choose one below.", browse.Reply.AllText);
        Assert.Equal(4, CardText.Actions(browse.Reply.Card).Count(a => (a["data"] as JsonObject)?["verb"]?.GetValue<string>() == PanelVerbs.Browse));
        Assert.Contains("There are four panels, a to d. Choose one on the form.", form.Reply.AllText);
    }

    [Fact]
    public async Task Endorse_OwnProposalOrUnknownId_ChangesNothing()
    {
        var id = await _kit.ProposedAsync(TestUsers.Alice);

        var own = await _kit.EndorseAsync(TestUsers.Alice, id);
        _kit.Directory.Register(TestUsers.Bob);
        var unknown = await _kit.EndorseAsync(TestUsers.Bob, 999);
        var garbage = await _kit.Bot.PersonalChat(TestUsers.Bob).SubmitAsync(new JsonObject { ["verb"] = PanelVerbs.Endorse, [PanelVerbs.Id] = "1; DROP TABLE" });

        Assert.Contains("This is your own proposal", own.AllText);
        Assert.Contains("no longer open", unknown.Reply.Text);
        Assert.NotEmpty(garbage.Reply.AllText);
        Assert.Empty(await Db().Set<PanelEndorsement>().ToListAsync());
    }

    [Fact]
    public async Task Endorse_ManyAtOnceBySamePerson_StaysOneEndorsement()
    {
        var first = await _kit.ProposedAsync(TestUsers.Alice);
        var second = await _kit.ProposedAsync(TestUsers.Chen, (PanelFormCard.Name, "Ravi Kumar"));
        _kit.Directory.Register(TestUsers.Bob);

        var turns = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => _kit.EndorseAsync(TestUsers.Bob, i % 2 == 0 ? first : second)));

        Assert.All(turns, t => Assert.Equal(System.Net.HttpStatusCode.OK, t.Status));
        var rows = await Db().Set<PanelEndorsement>().Where(e => e.EndorserId == TestUsers.Bob.AadObjectId).ToListAsync();
        Assert.Single(rows);
        var standings = await _kit.Store.PanelAsync('b', CancellationToken.None);
        Assert.Equal(1, standings.Sum(s => s.Endorsements));
    }

    [Fact]
    public async Task Endorse_OnePerPanel_ButEachPanelHasItsOwn()
    {
        var onB = await _kit.ProposedAsync(TestUsers.Alice);
        var onC = await _kit.ProposedAsync(TestUsers.Alice, (PanelFormCard.Name, "Ravi Kumar"), (PanelFormCard.Panel, "c"));
        _kit.Directory.Register(TestUsers.Bob);

        await _kit.EndorseAsync(TestUsers.Bob, onB);
        var second = await _kit.EndorseAsync(TestUsers.Bob, onC);

        Assert.Contains("You endorse Ravi Kumar for panel c.", second.AllText);
        Assert.Equal(2, await Db().Set<PanelEndorsement>().CountAsync());
    }

    private GcmDbContext Db() => _kit.Bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContext();
}
