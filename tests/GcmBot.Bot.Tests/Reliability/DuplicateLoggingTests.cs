using System.Net;
using GcmBot.Bot.Teams.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GcmBot.Bot.Tests.Reliability;

/// <summary>Teams re-delivers by design: an expected duplicate is Debug, so that errors in the log mean trouble.</summary>
public sealed class DuplicateLoggingTests
{
    [Fact]
    public async Task RedeliveredActivities_OneByOneAndConcurrently_LogNoErrorOrWarning_OnlyDebug()
    {
        var sink = new LogSink();
        await using var bot = await BotApp.StartAsync(o =>
        {
            o.Settings["Logging:LogLevel:Default"] = "Information";
            o.Settings["Logging:LogLevel:GcmBot.Bot.Teams.Deduplication"] = "Debug";
            o.Services.Add(s => s.AddSingleton<ILoggerProvider>(sink));
        });
        var chat = bot.PersonalChat(TestUsers.Alice);
        var once = chat.NewActivity("message");
        once["text"] = "help";
        var burst = chat.NewActivity("message");
        burst["text"] = "help";
        var started = sink.Entries.Count;

        var first = await chat.SendAsync(once);
        var again = await chat.SendAsync(once);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => chat.SendAsync(burst)));

        Assert.All(concurrent.Append(first).Append(again), t => Assert.Equal(HttpStatusCode.OK, t.Status));
        Assert.Equal(2, bot.Connector.CallsTo(chat.Id).Count(c => c.IsSend));
        var logged = sink.Entries.Skip(started).ToList();
        Assert.DoesNotContain(logged, e => e.Level >= LogLevel.Warning);
        Assert.DoesNotContain(logged, e => e.Exception is not null);
        Assert.DoesNotContain(logged, e => e.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(8, logged.Count(e => e.Category.EndsWith("DeduplicationMiddleware", StringComparison.Ordinal) && e.Level == LogLevel.Debug));
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FirstMessagesOfANewChat_AllAtOnce_AreAnswered_RecordTheChatOnce_AndLogNoError(bool postgres)
    {
        Skip.If(postgres && !PostgresTestServer.IsAvailable, PostgresTestServer.MissingReason);
        var sink = new LogSink();
        await using var bot = await BotApp.StartAsync(o =>
        {
            o.UsePostgres = postgres;
            o.Services.Add(s => s.AddSingleton<ILoggerProvider>(sink));
        });
        var chat = bot.PersonalChat(TestUsers.Alice);
        var started = sink.Entries.Count;

        var turns = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => chat.SayAsync("help")));

        Assert.All(turns, t => Assert.Equal(HttpStatusCode.OK, t.Status));
        Assert.Equal(8, bot.Connector.CallsTo(chat.Id).Count(c => c.IsSend));
        var logged = sink.Entries.Skip(started).ToList();
        Assert.DoesNotContain(logged, e => e.Level >= LogLevel.Warning);
        var record = await bot.Services.GetRequiredService<ConversationStore>().FindPersonalChatAsync(TestUsers.Alice.AadObjectId, CancellationToken.None);
        Assert.Equal(chat.Id, record?.ConversationId);
        Assert.InRange(bot.Services.GetRequiredService<TimeProvider>().GetUtcNow() - record!.UpdatedAt, TimeSpan.Zero, TimeSpan.FromMinutes(1));
    }
}
