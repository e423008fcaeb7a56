using GcmBot.Bot.KeyIssues;
using GcmBot.Bot.Submissions;
using GcmBot.Cards.Submissions;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Submissions;

/// <summary>The same flows on PostgreSQL: conditional updates, LIKE on stored objectives, unique keys, erasure.</summary>
public sealed class PostgresSubmissionsTests
{
    [SkippableFact]
    public async Task Postgres_SubmitEditReviewPublishAndForget_Work()
    {
        Skip.IfNot(PostgresTestServer.IsAvailable, PostgresTestServer.MissingReason);
        await using var kit = await SubmissionsKit.StartAsync(o => o.UsePostgres = true);
        var store = kit.Bot.Services.GetRequiredService<SubmissionStore>();
        kit.Directory.Register(TestUsers.Alice);
        var alice = kit.Bot.PersonalChat(TestUsers.Alice);
        var form = (await alice.SayAsync("submit")).Reply.Card;

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => alice.PressAsync(form, SubmissionVerbs.Save, SubmissionsKit.Form((SubmissionFormCard.Objectives, "2,12")))));
        var edit = await alice.PressAsync((await alice.SayAsync("my submissions")).Reply.Card, SubmissionVerbs.Edit);
        await alice.PressAsync(edit.Reply.Card, SubmissionVerbs.Save, new Dictionary<string, string> { [SubmissionFormCard.Title] = "Edited on PostgreSQL" });
        // A PostgreSQL sequence gives out a number even to an insert the unique key then refuses: read the id, do not guess it.
        var id = Assert.Single((await store.MineAsync(TestUsers.Alice.AadObjectId, 0, 10, CancellationToken.None)).Items).Id;
        await kit.DecidedAsync(id, SubmissionVerbs.Accept, TestUsers.Alice);

        Assert.Single(await store.ForObjectiveAsync(12, CancellationToken.None));
        Assert.Empty(await store.ForObjectiveAsync(1, CancellationToken.None));
        Assert.Contains("Edited on PostgreSQL", await kit.PublicPageAsync());

        await new SubmissionsEraser(store).EraseAsync(TestUsers.Alice.AadObjectId, CancellationToken.None);

        Assert.Equal(SubmissionStatus.Withdrawn, (await store.FindAsync(id, CancellationToken.None))!.Status);
        Assert.DoesNotContain("Edited on PostgreSQL", await kit.PublicPageAsync());
    }

    [SkippableFact]
    public async Task Postgres_KeyIssues_RecordOnceAndReadByThemeAndEvent()
    {
        Skip.IfNot(PostgresTestServer.IsAvailable, PostgresTestServer.MissingReason);
        await using var bot = await BotApp.StartAsync(o => o.UsePostgres = true);
        var chat = bot.MeetingChat();

        await chat.SayAsync("key issue event:consult-c theme:c objectives:20 Remittance costs", TestUsers.Organiser);
        await chat.SayAsync("key issue event:consult-c theme:c objectives:20 Remittance costs", TestUsers.Organiser);

        var store = bot.Services.GetRequiredService<KeyIssueStore>();
        Assert.Single(await store.ForEventAsync("consult-c", CancellationToken.None));
        Assert.Single(await store.ForThemeAsync('c', CancellationToken.None));
    }
}
