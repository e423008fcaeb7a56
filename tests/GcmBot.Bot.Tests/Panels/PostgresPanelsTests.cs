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
        var ids = new[]
        {
            await kit.ProposedAsync(TestUsers.Alice),
            await kit.ProposedAsync(TestUsers.Bob, (PanelFormCard.Name, "Ravi Kumar")),
            await kit.ProposedAsync(TestUsers.Chen, (PanelFormCard.Name, "Chen Wei")),
            await kit.ProposedAsync(TestUser.Numbered(4), (PanelFormCard.Name, "Sione Tui")),
        };

        await PanelChecks.OneSelectedOfFourAsync(kit, ids);
        await PanelChecks.TwoProposedOfFourAsync(kit, TestUser.Numbered(5));
    }
}

/// <summary>The limits of the panels when people act at the same moment, checked alike on SQLite and PostgreSQL.</summary>
internal static class PanelChecks
{
    /// <summary>Select pressed on four proposals at once, on a panel of one: one is selected, three are told it is full.</summary>
    public static async Task OneSelectedOfFourAsync(PanelsKit kit, IReadOnlyList<int> ids)
    {
        var answers = Turn.AnswersOf(await kit.SelectAllAtOnceAsync('b', ids));

        Assert.Equal(4, answers.Count);
        Assert.Single(answers, a => a.Contains("is selected for panel b", StringComparison.Ordinal));
        Assert.Equal(3, answers.Count(a => a.Contains("Panel b already has its panellist selected.", StringComparison.Ordinal)));
        var statuses = new List<ProposalStatus>();
        foreach (var id in ids)
        {
            statuses.Add((await kit.Store.FindAsync(id, CancellationToken.None))!.Status);
        }

        Assert.Single(statuses, s => s == ProposalStatus.Selected);
        Assert.Equal(3, statuses.Count(s => s == ProposalStatus.Proposed));
    }

    /// <summary>Four different forms sent at once by one person, two at most a panel: two are stored, two refused.</summary>
    public static async Task TwoProposedOfFourAsync(PanelsKit kit, TestUser user)
    {
        kit.Directory.Register(user);

        var answers = await kit.ProposeAllAtOnceAsync(user, 4);

        Assert.Equal(4, answers.Count);
        Assert.Equal(2, answers.Count(a => a.Contains("Thank you: proposal received", StringComparison.Ordinal)));
        Assert.Equal(2, answers.Count(a => a.Contains("You already have 2 proposals on panel b.", StringComparison.Ordinal)));
        Assert.Equal(2, (await kit.Store.MineAsync(user.AadObjectId, CancellationToken.None)).Count);
    }
}
