using System.Text.Json.Nodes;
using GcmBot.Bot.Panels;
using GcmBot.Bot.Storage;
using GcmBot.Cards.Panels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Panels;

/// <summary>The panels end to end through the real host: propose, endorse, move, review, select, publish, tell.</summary>
public sealed class PanelFlowTests : IAsyncLifetime
{
    private static readonly TestUser Dana = TestUser.Numbered(4);

    private PanelsKit _kit = null!;

    public async Task InitializeAsync() => _kit = await PanelsKit.StartAsync();

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task FullFlow_ProposeEndorseMoveSelectPublish_ProposerToldInFrench_PublicPageShowsIt()
    {
        // Alice works in French; the organiser in English.
        _kit.Directory.Register(TestUsers.Alice);
        _kit.Directory.Register(TestUsers.Bob, group: "academia", country: "IN", gender: "man");
        _kit.Directory.Register(TestUsers.Chen, group: "migrants", country: "CN", gender: "man");
        _kit.Directory.Register(Dana, group: "civil-society", country: "FJ", gender: null);
        var alice = _kit.Bot.PersonalChat(TestUsers.Alice).InLocale("fr-FR");
        var form = await alice.SayAsync("propose panellist b");
        Assert.Equal("fr", form.Reply.Card["lang"]!.GetValue<string>());
        Assert.Contains("Proposer un expert pour un panel", form.Reply.AllText);
        Assert.Equal("b", CardText.Inputs(form.Reply.Card)[PanelFormCard.Panel]["value"]!.GetValue<string>());
        var sent = await alice.PressAsync(form.Reply.Card, PanelVerbs.Save, PanelsKit.Form());
        Assert.Contains("Merci : proposition reçue", sent.AllText);
        Assert.Contains("Maria Santos", sent.AllText);
        var maria = (await _kit.Store.MineAsync(TestUsers.Alice.AadObjectId, CancellationToken.None)).Single().Proposal.Id;
        var ravi = await _kit.ProposedAsync(TestUsers.Bob, (PanelFormCard.Name, "Ravi Kumar"), (PanelFormCard.Consent, PanelFormCard.ConsentNo));

        // Two others endorse Maria; then Chen moves his endorsement to Ravi, and is told so plainly.
        var browse = await _kit.Bot.PersonalChat(TestUsers.Chen).SayAsync("panels b");
        Assert.Contains("Maria Santos", browse.Reply.AllText);
        Assert.Contains("no endorsements yet", browse.Reply.AllText);
        var endorsed = await _kit.Bot.PersonalChat(TestUsers.Chen).PressAsync(browse.Reply.Card, PanelVerbs.Endorse);
        Assert.Contains("You endorse", endorsed.AllText);
        await _kit.EndorseAsync(Dana, maria);
        var moved = await _kit.EndorseAsync(TestUsers.Chen, ravi);
        Assert.Contains("You have one endorsement on panel b: it moved from Maria Santos to Ravi Kumar.", moved.AllText);
        Assert.Equal(TestUsers.Chen.AadObjectId, Assert.Single((await _kit.Store.PanelAsync('b', CancellationToken.None)).Single(s => s.Proposal.Id == ravi).EndorserIds));

        // Stakeholders see counts, never names or balance; the proposer sees count and balance, in French, never names.
        var others = (await _kit.Bot.PersonalChat(TestUsers.Chen).SayAsync("panels b")).Reply.AllText;
        Assert.Contains("one endorsement", others);
        Assert.DoesNotContain("of 1, 100%", others);
        Assert.DoesNotContain(Dana.Name, others);
        var mine = (await alice.SayAsync("my panel proposals")).Reply.AllText;
        Assert.Contains("un soutien", mine);
        Assert.Contains("1 sur 1, 100 %", mine);
        Assert.DoesNotContain(Dana.Name, mine);
        Assert.DoesNotContain(TestUsers.Chen.Name, mine);

        // The organiser sees the balance of endorsers and decides with buttons.
        var review = (await _kit.Organiser.SayAsync("panel review b")).Reply;
        Assert.Equal("en", review.Card["lang"]!.GetValue<string>());
        Assert.Contains("Civil society organisations: 1 of 1, 100%", review.AllText);
        Assert.Contains("Migrants and migrant organisations: 1 of 1, 100%", review.AllText);
        Assert.Contains("Pacific: 1 of 1, 100%", review.AllText);
        Assert.Contains("Not said: 1 of 1, 100%", review.AllText);
        Assert.Contains("is on the shortlist", (await _kit.DecideAsync('b', maria, PanelVerbs.Shortlist)).AllText);
        Assert.Contains("is selected for panel b", (await _kit.DecideAsync('b', maria, PanelVerbs.Select)).AllText);
        Assert.Contains("Not yet published.", await _kit.PublicPageAsync());

        var published = await _kit.Organiser.PressAsync(await _kit.ReviewCardAsync('b'), PanelVerbs.Publish);
        Assert.Contains("The selection of panel b is published. 2 people are being told in their own chats.", published.AllText);

        var notice = await _kit.NoticeAsync(TestUsers.Alice, "Panel b : la personne que vous avez proposée, Maria Santos, est retenue");
        Assert.Equal("fr", notice.Card["lang"]!.GetValue<string>());
        Assert.Contains("/panels?lang=fr", notice.Card.ToJsonString());
        await _kit.NoticeAsync(TestUsers.Bob, "The organisers selected another panellist. Thank you for proposing Ravi Kumar");

        var page = await _kit.PublicPageAsync();
        Assert.Contains("Maria Santos", page);
        Assert.Contains("Lawyers Beyond Borders", page);
        Assert.DoesNotContain("Ravi Kumar", page);
        Assert.Equal(3, CountOf(page, "Not yet published."));
        Assert.Contains("Maria Santos", await _kit.PublicPageAsync("?lang=zh-Hans"));
    }

    [Fact]
    public async Task Publish_NomineeWhoUsesGcmBot_IsToldInTheirOwnChat()
    {
        _kit.Directory.Register(TestUsers.Chen, email: "chen.wei@example.org");
        await _kit.Bot.PersonalChat(TestUsers.Chen).InLocale("zh-CN").SayAsync("panels");
        var id = await _kit.ProposedAsync(TestUsers.Alice, (PanelFormCard.Name, "Chen Wei"), (PanelFormCard.Email, "Chen.Wei@example.org"));
        await _kit.DecideAsync('b', id, PanelVerbs.Select);

        await _kit.Organiser.PressAsync(await _kit.ReviewCardAsync('b'), PanelVerbs.Publish);

        var notice = await _kit.NoticeAsync(TestUsers.Chen, "小组 b：您已入选专家");
        Assert.Equal("zh", notice.Card["lang"]!.GetValue<string>());
        await _kit.NoticeAsync(TestUsers.Alice, "Panel b: your nominee Chen Wei is selected");
    }

    [Fact]
    public async Task Publish_Twice_TellsOnce_AndNothingSelected_PublishesNothing()
    {
        var id = await _kit.ProposedAsync(TestUsers.Alice);
        var nothing = await _kit.Organiser.SubmitAsync(new JsonObject { ["verb"] = PanelVerbs.Publish, [PanelVerbs.Panel] = "b" });
        Assert.Contains("Nobody is selected on panel b yet", nothing.AllText);
        await _kit.DecideAsync('b', id, PanelVerbs.Select);

        await _kit.Organiser.SubmitAsync(new JsonObject { ["verb"] = PanelVerbs.Publish, [PanelVerbs.Panel] = "b" });
        var again = await _kit.Organiser.SubmitAsync(new JsonObject { ["verb"] = PanelVerbs.Publish, [PanelVerbs.Panel] = "b" });

        Assert.Contains("was already published. Nothing more was sent.", again.AllText);
        await _kit.NoticeAsync(TestUsers.Alice, "your nominee Maria Santos is selected");
        var sent = _kit.Bot.Connector.CallsTo(_kit.Bot.PersonalChat(TestUsers.Alice).Id).Count(c => c.IsSend && c.Activity.AllText.Contains("is selected", StringComparison.Ordinal));
        Assert.Equal(1, sent);
    }

    [Fact]
    public async Task Select_SecondOnAFullPanel_IsRefused_UnselectTakesItOffThePage()
    {
        var first = await _kit.ProposedAsync(TestUsers.Alice);
        var second = await _kit.ProposedAsync(TestUsers.Bob, (PanelFormCard.Name, "Ravi Kumar"));
        await _kit.DecideAsync('b', first, PanelVerbs.Select);

        var full = await _kit.DecideAsync('b', second, PanelVerbs.Select);
        Assert.Contains("Panel b already has its panellist selected. Undo that selection first.", full.AllText);
        Assert.Equal(ProposalStatus.Proposed, (await _kit.Store.FindAsync(second, CancellationToken.None))!.Status);

        await _kit.Organiser.SubmitAsync(new JsonObject { ["verb"] = PanelVerbs.Publish, [PanelVerbs.Panel] = "b" });
        Assert.Contains("Maria Santos", await _kit.PublicPageAsync());
        var undone = await _kit.DecideAsync('b', first, PanelVerbs.Unselect);
        Assert.Contains("off the public page", undone.AllText);
        Assert.DoesNotContain("Maria Santos", await _kit.PublicPageAsync());
    }

    [Fact]
    public async Task Select_FourAtOnceOnAPanelOfOne_SelectsOne_AndTellsTheOthersItIsFull()
    {
        await PanelChecks.OneSelectedOfFourAsync(_kit);
    }

    [Fact]
    public async Task Propose_FourFormsAtOnce_KeepsTheLimitOfTwoAPerson()
    {
        await PanelChecks.TwoProposedOfFourAsync(_kit, TestUsers.Alice);
    }

    [Fact]
    public async Task Decide_StaleVersion_ChangesNothing_DoubleClickActsOnce()
    {
        var id = await _kit.ProposedAsync(TestUsers.Alice);
        var card = await _kit.ReviewCardAsync('b');
        var shortlist = CardText.Actions(card).First(a => (a["data"] as JsonObject)?[PanelVerbs.Decision]?.GetValue<string>() == PanelVerbs.Shortlist);

        await _kit.Organiser.SubmitAsync(shortlist["data"]!.DeepClone().AsObject());
        var twice = await _kit.Organiser.SubmitAsync(shortlist["data"]!.DeepClone().AsObject());
        Assert.Contains("That was already done for Maria Santos.", twice.AllText);

        var select = shortlist["data"]!.DeepClone().AsObject();
        select[PanelVerbs.Decision] = PanelVerbs.Select;
        var stale = await _kit.Organiser.SubmitAsync(select);
        Assert.Contains("changed while you were reading", stale.AllText);
        Assert.Equal(ProposalStatus.Shortlisted, (await _kit.Store.FindAsync(id, CancellationToken.None))!.Status);
    }

    [Theory]
    [InlineData(PanelVerbs.Decide)]
    [InlineData(PanelVerbs.Publish)]
    [InlineData(PanelVerbs.Review)]
    public async Task OrganiserAction_ByAStakeholder_IsRefusedAndChangesNothing(string verb)
    {
        var id = await _kit.ProposedAsync(TestUsers.Alice);

        var turn = await _kit.Bot.PersonalChat(TestUsers.Bob).SubmitAsync(new JsonObject
        {
            ["verb"] = verb,
            [PanelVerbs.Id] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [PanelVerbs.Version] = "1",
            [PanelVerbs.Decision] = PanelVerbs.Select,
            [PanelVerbs.Panel] = "b",
        });

        Assert.Contains("is for the organisers", turn.Reply.Text);
        Assert.Equal(ProposalStatus.Proposed, (await _kit.Store.FindAsync(id, CancellationToken.None))!.Status);
        Assert.Contains("is for the organisers", (await _kit.Bot.PersonalChat(TestUsers.Bob).SayAsync("panel review")).Reply.Text);
    }

    [Fact]
    public async Task Unendorse_TakesTheEndorsementBack_AndWithdrawReleasesEndorsements()
    {
        var id = await _kit.ProposedAsync(TestUsers.Alice);
        _kit.Directory.Register(TestUsers.Bob);
        _kit.Directory.Register(TestUsers.Chen);
        await _kit.EndorseAsync(TestUsers.Bob, id);
        var endorsed = await _kit.EndorseAsync(TestUsers.Chen, id);
        Assert.Contains("Withdraw my endorsement", endorsed.AllText);

        var back = await _kit.Bot.PersonalChat(TestUsers.Chen).PressAsync(endorsed.Reply.Card, PanelVerbs.Unendorse);
        Assert.Contains("Your endorsement on panel b is withdrawn.", back.AllText);
        Assert.Contains("one endorsement", back.AllText);

        var mine = await _kit.Bot.PersonalChat(TestUsers.Alice).SayAsync("my panel proposals");
        var withdrawn = await _kit.Bot.PersonalChat(TestUsers.Alice).PressAsync(mine.Reply.Card, PanelVerbs.Withdraw);
        Assert.Contains("Your proposal of Maria Santos is withdrawn", withdrawn.AllText);
        Assert.Empty(await Db().Set<PanelEndorsement>().ToListAsync());
        var gone = await _kit.EndorseAsync(TestUsers.Bob, id);
        Assert.Contains("no longer open", gone.Reply.Text);
    }

    [Fact]
    public async Task ForgetMe_RemovesTheirProposalsAndEndorsements_OthersStay()
    {
        var alices = await _kit.ProposedAsync(TestUsers.Alice);
        var bobs = await _kit.ProposedAsync(TestUsers.Bob, (PanelFormCard.Name, "Ravi Kumar"), (PanelFormCard.Panel, "c"));
        await _kit.EndorseAsync(TestUsers.Alice, bobs);
        await _kit.EndorseAsync(TestUsers.Bob, alices);

        await using (var scope = _kit.Bot.Services.CreateAsyncScope())
        {
            var erasers = scope.ServiceProvider.GetServices<GcmBot.Bot.Participants.IPersonalDataEraser>().ToList();
            Assert.Contains(erasers, e => e is PanelsEraser);
            foreach (var eraser in erasers)
            {
                await eraser.EraseAsync(TestUsers.Alice.AadObjectId, CancellationToken.None);
            }
        }

        await using var db = Db();
        Assert.Null(await _kit.Store.FindAsync(alices, CancellationToken.None));
        Assert.NotNull(await _kit.Store.FindAsync(bobs, CancellationToken.None));
        Assert.Empty(await db.Set<PanelEndorsement>().ToListAsync());
    }

    private GcmDbContext Db() => _kit.Bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContext();

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
