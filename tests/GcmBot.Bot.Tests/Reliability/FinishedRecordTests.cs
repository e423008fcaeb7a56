using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using GcmBot.Bot.Questions;
using GcmBot.Bot.SpeakerQueue;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Teams.Deduplication;
using GcmBot.Bot.Tests.Questions;
using GcmBot.Cards.Questions;
using GcmBot.Cards.SpeakerQueue;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Reliability;

/// <summary>
/// A vote's or floor request's de-duplication record is written in its own transaction (FinishedTurns): one commit,
/// and no moment between the work and its record. Records are stored as the model stores times, so the cleanup can compare them.
/// </summary>
public sealed class FinishedRecordTests
{
    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AVote_IsRecordedWithItsTurn_AndItsRedeliveryIsDropped_CountedOnce(bool postgres)
    {
        Skip.If(postgres && !PostgresTestServer.IsAvailable, PostgresTestServer.MissingReason);
        await using var bot = await BotApp.StartAsync(o => o.UsePostgres = postgres);
        var chat = bot.MeetingChat("finished-records");
        var (qna, question, vote) = await BobsVoteAsync(bot, chat);
        var key = DeduplicationMiddleware.KeyOf(Activity(vote))!;

        var first = await chat.SendAsync(vote);
        var again = await chat.SendAsync(vote);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Contains("is counted", first.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Null(again.InvokeBody);
        Assert.Empty(again.Calls);
        Assert.Equal(1, await qna.VoteRowsAsync(question.Id));
        Assert.Equal(1, (await qna.QuestionAsync(question.Id)).VoteCount);
        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Set<ProcessedActivity>().CountAsync(p => p.Key == key));
    }

    [Fact]
    public async Task AFloorRequest_IsRecordedWithItsTurn_AndItsRedeliveryIsDropped_QueuedOnce()
    {
        await using var bot = await BotApp.StartAsync();
        var chat = bot.MeetingChat("finished-floor");
        await OpenListAsync(chat);
        var request = FloorRequest(chat, TestUsers.Bob);
        var key = DeduplicationMiddleware.KeyOf(Activity(request))!;

        var first = await chat.SendAsync(request);
        var again = await chat.SendAsync(request);

        Assert.Contains("You are on the list", first.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Null(again.InvokeBody);
        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Set<SpeakerRequest>().CountAsync());
        Assert.Equal(1, await db.Set<ProcessedActivity>().CountAsync(p => p.Key == key));
    }

    /// <summary>
    /// A vote is not looked up before its turn (CardActionRoute.ClaimsItsTurn): the vote's own transaction claims the
    /// record. An activity recorded already (handled by another instance, or before a restart) must change nothing.
    /// </summary>
    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AVote_WhoseRecordIsThereAlready_ChangesNothing_AndIsAnsweredAsADroppedRedelivery(bool postgres)
    {
        Skip.If(postgres && !PostgresTestServer.IsAvailable, PostgresTestServer.MissingReason);
        await using var bot = await BotApp.StartAsync(o => o.UsePostgres = postgres);
        var chat = bot.MeetingChat("claimed-vote");
        var (qna, question, vote) = await BobsVoteAsync(bot, chat);
        await RecordAsync(bot, DeduplicationMiddleware.KeyOf(Activity(vote))!);

        var answer = await chat.SendAsync(vote);
        var other = await qna.VoteAsync(TestUsers.Chen, question.Id);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Null(answer.InvokeBody);
        Assert.Empty(answer.Calls);
        Assert.Contains("is counted", other.Body, StringComparison.Ordinal);
        Assert.Equal(1, await qna.VoteRowsAsync(question.Id));
        Assert.Equal(1, (await qna.QuestionAsync(question.Id)).VoteCount);
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AFloorRequest_WhoseRecordIsThereAlready_ChangesNothing_AndIsAnsweredAsADroppedRedelivery(bool postgres)
    {
        Skip.If(postgres && !PostgresTestServer.IsAvailable, PostgresTestServer.MissingReason);
        await using var bot = await BotApp.StartAsync(o => o.UsePostgres = postgres);
        var chat = bot.MeetingChat("claimed-floor");
        await OpenListAsync(chat);
        var request = FloorRequest(chat, TestUsers.Bob);
        await RecordAsync(bot, DeduplicationMiddleware.KeyOf(Activity(request))!);

        var answer = await chat.SendAsync(request);
        var chen = await chat.SendAsync(FloorRequest(chat, TestUsers.Chen));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Null(answer.InvokeBody);
        Assert.Contains("You are on the list", chen.Body, StringComparison.Ordinal);
        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        Assert.Equal([TestUsers.Chen.AadObjectId], await db.Set<SpeakerRequest>().Select(r => r.UserStableId).ToListAsync());
    }

    [Fact]
    public async Task FinishedRecords_CompareAsTimes_SoTheCleanupCanForgetThem()
    {
        await using var bot = await BotApp.StartAsync();
        var chat = bot.MeetingChat("finished-times");
        var qna = await QnaDriver.OpenAsync(bot, chat);
        await qna.AskAsync(TestUsers.Alice, "Will the summary be translated?");
        await qna.VoteAsync(TestUsers.Bob, (await qna.QuestionsAsync()).Single().Id);
        await bot.PersonalChat(TestUsers.Organiser).SayAsync("help");

        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        var all = await db.Set<ProcessedActivity>().CountAsync();
        var now = DateTimeOffset.UtcNow;
        Assert.True(all >= 5, $"expected the turns' records, found {all}");
        Assert.Equal(all, await db.Set<ProcessedActivity>().CountAsync(p => p.ReceivedAt < now.AddMinutes(5) && p.ReceivedAt > now.AddHours(-1)));
    }

    /// <summary>A Q&amp;A with Alice's question, and Bob's upvote of it as Teams posts it (not sent).</summary>
    private static async Task<(QnaDriver Qna, Question Question, JsonObject Vote)> BobsVoteAsync(BotApp bot, TeamsConversation chat)
    {
        var qna = await QnaDriver.OpenAsync(bot, chat);
        await qna.AskAsync(TestUsers.Alice, "How are migrant workers' wages protected?");
        var question = (await qna.QuestionsAsync()).Single();
        var vote = chat.NewActivity("invoke-adaptive-card-action", TestUsers.Bob);
        vote["value"]!["action"]!["verb"] = QnaVerbs.Vote;
        vote["value"]!["action"]!["data"] = qna.Data(question.Id, (QnaKeys.Vote, QnaKeys.VoteUp));
        vote["replyToId"] = qna.BoardActivityId;
        return (qna, question, vote);
    }

    private static async Task OpenListAsync(TeamsConversation chat)
    {
        var shown = await chat.SayAsync("speakers", from: TestUsers.Organiser);
        var controls = await chat.PressAsync(shown.Reply.Card, SpeakerQueueCard.ChairVerb, from: TestUsers.Organiser);
        await chat.PressAsync(controls.InvokeCard!, SpeakerQueueCard.OpenVerb, from: TestUsers.Organiser);
    }

    /// <summary>A press of "Request the floor" (a statement) as Teams posts it (not sent).</summary>
    private static JsonObject FloorRequest(TeamsConversation chat, TestUser from)
    {
        var request = chat.NewActivity("invoke-adaptive-card-action", from);
        request["value"]!["action"]!["verb"] = SpeakerQueueCard.RequestVerb;
        request["value"]!["action"]!["data"] = new JsonObject { [SpeakerQueueCard.KindKey] = "statement" };
        return request;
    }

    /// <summary>Records an activity as finished, as another instance (or this one before a restart) would have.</summary>
    private static async Task RecordAsync(BotApp bot, string key)
    {
        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        db.Add(new ProcessedActivity { Key = key, ReceivedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    private static Activity Activity(JsonObject json) =>
        Newtonsoft.Json.JsonConvert.DeserializeObject<Activity>(json.ToJsonString(), new Newtonsoft.Json.JsonSerializerSettings { Culture = CultureInfo.InvariantCulture })!;
}
