using GcmBot.Bot.Panels;
using GcmBot.Cards.Panels;

namespace GcmBot.Bot.Tests.Panels;

/// <summary>The panels on PostgreSQL: the migration, unique keys under concurrent presses, conditional updates, erasure.</summary>
public sealed class PostgresPanelsTests
{
    [SkippableFact]
    public async Task Postgres_ProposeEndorseConcurrentlySelectPublishAndForget_Work()
    {
        Skip.IfNot(PostgresTestServer.IsAvailable, PostgresTestServer.MissingReason);
        await using var kit = await PanelsKit.StartAsync(o => o.UsePostgres = true);
        kit.Directory.Register(TestUsers.Alice);
        var alice = kit.Bot.PersonalChat(TestUsers.Alice);
        var form = (await alice.SayAsync("propose panellist")).Reply.Card;

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => alice.PressAsync(form, PanelVerbs.Save, PanelsKit.Form())));
        // A PostgreSQL sequence gives out a number even to an insert the unique key then refuses: read the id.
        var maria = Assert.Single(await kit.Store.MineAsync(TestUsers.Alice.AadObjectId, CancellationToken.None)).Proposal.Id;
        var ravi = await kit.ProposedAsync(TestUsers.Chen, (PanelFormCard.Name, "Ravi Kumar"));
        kit.Directory.Register(TestUsers.Bob);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => kit.EndorseAsync(TestUsers.Bob, i % 2 == 0 ? maria : ravi)));
        Assert.Equal(1, (await kit.Store.PanelAsync('b', CancellationToken.None)).Sum(s => s.Endorsements));

        await kit.DecideAsync('b', maria, PanelVerbs.Select);
        await kit.Organiser.PressAsync(await kit.ReviewCardAsync('b'), PanelVerbs.Publish);
        Assert.Contains("Maria Santos", await kit.PublicPageAsync());

        await new PanelsEraser(kit.Store).EraseAsync(TestUsers.Alice.AadObjectId, CancellationToken.None);
        Assert.DoesNotContain("Maria Santos", await kit.PublicPageAsync());
        Assert.NotNull(await kit.Store.FindAsync(ravi, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Postgres_SelectFourAtOnceAndProposeFourAtOnce_KeepTheLimits()
    {
        Skip.IfNot(PostgresTestServer.IsAvailable, PostgresTestServer.MissingReason);
        await using var kit = await PanelsKit.StartAsync(o => o.UsePostgres = true);
        await PanelChecks.OneSelectedOfFourAsync(kit);
        await PanelChecks.TwoProposedOfFourAsync(kit, TestUser.Numbered(5));
    }
}
