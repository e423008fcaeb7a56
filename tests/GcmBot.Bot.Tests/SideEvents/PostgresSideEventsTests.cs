using GcmBot.Bot.SideEvents;
using GcmBot.Cards.SideEvents;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.SideEvents;

/// <summary>The same flows on PostgreSQL: unique form key, conditional updates, one event for two accepts, erasure.</summary>
public sealed class PostgresSideEventsTests
{
    [SkippableFact]
    public async Task Postgres_ProposeTwiceReviseAcceptTwiceAndForget_Work()
    {
        Skip.IfNot(PostgresTestServer.IsAvailable, PostgresTestServer.MissingReason);
        await using var kit = await SideEventsKit.StartAsync(o => o.UsePostgres = true);
        var store = kit.Bot.Services.GetRequiredService<SideEventStore>();
        await kit.RegisterAsync(TestUsers.Alice);
        var alice = kit.Bot.PersonalChat(TestUsers.Alice);
        var form = (await alice.SayAsync("propose side event")).Reply.Card;

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => alice.PressAsync(form, SideEventVerbs.Save, SideEventsKit.Form())));
        // A PostgreSQL sequence gives out a number even to an insert the unique key then refuses: read the id.
        var id = Assert.Single((await store.MineAsync(TestUsers.Alice.AadObjectId, 0, 10, CancellationToken.None)).Items).Id;
        await kit.DecideAsync(id, SideEventVerbs.RequestChanges, "Add captions.");
        await kit.NoticeAsync(TestUsers.Alice, "Add captions.");
        var revise = await alice.PressAsync((await alice.SayAsync("my side events")).Reply.Card, SideEventVerbs.Revise);
        await alice.PressAsync(revise.Reply.Card, SideEventVerbs.Save, new Dictionary<string, string> { [SideEventFormCard.Title] = "Revised on PostgreSQL" });
        var card = await kit.OpenForReviewAsync(id);
        var accept = SideEventsKit.DecisionData(card, SideEventVerbs.Accept);
        await Task.WhenAll(
            kit.Organiser.SubmitAsync(accept),
            kit.Bot.PersonalChat(SideEventsKit.SecondOrganiser).SubmitAsync(accept, SideEventsKit.SecondOrganiser));

        var catalogued = Assert.Single(await kit.SideEventsInCatalogueAsync());
        Assert.Equal("side-revised-on-postgresql", catalogued.Id);
        Assert.Equal(2, await kit.DecisionNoticesAsync(id));
        Assert.Contains("Revised on PostgreSQL", (await kit.PublicPageAsync()).Html);

        await new SideEventsEraser(store).EraseAsync(TestUsers.Alice.AadObjectId, CancellationToken.None);

        Assert.Null((await store.FindAsync(id, CancellationToken.None))!.ContactEmail);
        Assert.DoesNotContain("alice@example.org", (await kit.PublicPageAsync()).Html);
    }
}
