using GcmBot.Bot.Panels;
using GcmBot.Cards.Panels;

namespace GcmBot.Bot.Tests.Panels;

/// <summary>The limits of the panels when people act at the same moment, checked alike on SQLite and PostgreSQL.</summary>
internal static class PanelChecks
{
    /// <summary>
    /// Four people propose on panel b; Select is pressed on the four proposals at once, on a panel of one: one is
    /// selected, three are told it is full.
    /// </summary>
    public static async Task OneSelectedOfFourAsync(PanelsKit kit)
    {
        var ids = new[]
        {
            await kit.ProposedAsync(TestUsers.Alice),
            await kit.ProposedAsync(TestUsers.Bob, (PanelFormCard.Name, "Ravi Kumar")),
            await kit.ProposedAsync(TestUsers.Chen, (PanelFormCard.Name, "Chen Wei")),
            await kit.ProposedAsync(TestUser.Numbered(4), (PanelFormCard.Name, "Sione Tui")),
        };

        var answers = await kit.SelectAllAtOnceAsync('b', ids);

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
