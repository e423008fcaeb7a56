using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using GcmBot.Bot.SpeakerQueue;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Teams.Outbound;
using GcmBot.Cards.SpeakerQueue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static GcmBot.Bot.Tests.SpeakerQueue.SpeakerQueueKit;

namespace GcmBot.Bot.Tests.SpeakerQueue;

/// <summary>
/// Anonymous meeting participants (no Entra object id, Teams' userRole "anonymous", no personal chat possible) and
/// guests without a personal chat: they request the floor, are identified on every press, are given the floor and
/// are told so in the meeting chat by a mention; nothing is retried forever and their name goes nowhere else.
/// </summary>
public sealed class SpeakerAnonymousTests : IAsyncLifetime
{
    private static readonly TestUser Anonymous = new("29:anonymous-4821", "unused", "Guest 4821");
    private static readonly TestUser Guest = new("29:guest-gita", "9e570000-0000-0000-0000-000000000077", "Gita Guest");

    private readonly CollectingLogs _logs = new();
    private BotApp _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotApp.StartAsync(o =>
        {
            o.FakeTimeStart = Start;
            o.Settings["Logging:LogLevel:Default"] = "Information";
            o.Services.Add(s => s.AddSingleton<ILoggerProvider>(_logs));
        });
        _bot.Connector.Interceptor = call => call switch
        {
            // Create Conversation with an anonymous user: Teams refuses, and would refuse again.
            { Method: "POST" } when call.Path.TrimEnd('/').EndsWith("/v3/conversations", StringComparison.Ordinal) => new ConnectorAnswer(400, new JsonObject
            {
                ["error"] = new JsonObject { ["code"] = "BadArgument", ["message"] = "Bot cannot create a conversation with an anonymous user" },
            }),
            { Method: "GET" } when call.Path.Contains("/members/" + Anonymous.Id, StringComparison.Ordinal) => new ConnectorAnswer(200, new JsonObject
            {
                ["id"] = Anonymous.Id, ["name"] = Anonymous.Name, ["tenantId"] = BotApp.TenantId, ["userRole"] = "anonymous",
            }),
            { Method: "GET" } when call.Path.Contains("/members/" + Guest.Id, StringComparison.Ordinal) => new ConnectorAnswer(200, new JsonObject
            {
                ["id"] = Guest.Id, ["name"] = Guest.Name, ["aadObjectId"] = Guest.AadObjectId, ["tenantId"] = BotApp.TenantId, ["userRole"] = "guest",
            }),
            _ => null,
        };
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Anonymous_RequestsIsGivenTheFloor_AndIsToldInTheMeetingChatByMention()
    {
        var (chat, card) = await OpenListAsync(_bot);
        var categories = new Dictionary<string, string> { ["kind"] = "statement", ["group"] = "migrants", ["subregion"] = "pacific", ["gender"] = "woman" };

        var requested = await PressAnonymouslyAsync(chat, card, SpeakerQueueCard.RequestVerb, categories, Anonymous);
        var again = await PressAnonymouslyAsync(chat, card, SpeakerQueueCard.RequestVerb, categories, Anonymous);
        var given = await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);
        var mine = await PressAnonymouslyAsync(chat, card, SpeakerQueueCard.MyPlaceVerb, null, Anonymous);

        Assert.Contains("You are on the list (Statement). You are number 1 of 1", requested.AllText);
        Assert.Contains("already on the list", again.AllText);
        Assert.Contains("Guest 4821 has the floor.", given.AllText);
        Assert.Contains("You have the floor.", mine.AllText);
        var request = Assert.Single(await RequestsAsync(_bot, chat.Id));
        Assert.Equal(SpeakerOrigin.Anonymous, request.Origin);
        Assert.Equal(Anonymous.Id, request.UserStableId);
        Assert.Equal(("migrants", "pacific", "woman"), (request.StakeholderGroup, request.Subregion, request.Gender));
        await AdvanceUntilAsync(_bot, calls => calls.Any(c =>
            c.IsSend && c.ConversationId == chat.Id && Mentioned(c).Contains(Anonymous.Id) && c.Activity.AllText.Contains("<at>Guest 4821</at>, you have the floor now.")));
    }

    [Fact]
    public async Task Anonymous_TimeNearlyUp_IsToldInTheMeetingChat_AndNothingIsRetriedOrLeaked()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await PressAnonymouslyAsync(chat, card, SpeakerQueueCard.RequestVerb, new Dictionary<string, string> { ["kind"] = "question" }, Anonymous);
        await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);

        _bot.Time!.Advance(TimeSpan.FromSeconds(151));

        await AdvanceUntilAsync(_bot, calls => calls.Any(c =>
            c.IsSend && c.ConversationId == chat.Id && Mentioned(c).Contains(Anonymous.Id) && c.Activity.AllText.Contains("your speaking time is nearly up")));
        await AssertNothingRetriedAsync();
        Assert.DoesNotContain(_bot.Connector.Calls.Concat(_bot.Connector.Rejected), c => c.Method == "POST" && c.ConversationId is null);
        Assert.DoesNotContain(_bot.Connector.Calls, c => c.ConversationId != chat.Id && c.Body?.ToJsonString().Contains(Anonymous.Name) == true);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(Anonymous.Name, StringComparison.Ordinal) || line.Contains(Anonymous.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Guest_WithoutPersonalChat_RequestsAndIsGivenTheFloor_ToldByMention()
    {
        var (chat, card) = await OpenListAsync(_bot);

        var requested = await RequestAsync(chat, card, Guest);
        var given = await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);

        Assert.Contains("You are number 1 of 1", requested.AllText);
        Assert.Contains("Gita Guest has the floor.", given.AllText);
        Assert.Equal(SpeakerOrigin.Member, Assert.Single(await RequestsAsync(_bot, chat.Id)).Origin);
        await AdvanceUntilAsync(_bot, calls => calls.Any(c =>
            c.IsSend && c.ConversationId == chat.Id && Mentioned(c).Contains(Guest.AadObjectId) && c.Activity.AllText.Contains("<at>Gita Guest</at>, you have the floor now.")));
        await AssertNothingRetriedAsync();
    }

    [Fact]
    public async Task Anonymous_InBalancedOrder_WithoutCategories_IsToldTheOrderKnowsNothingOfThem()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await ChairAsync(chat, card, SpeakerQueueCard.SettingsVerb, new Dictionary<string, string> { ["policy"] = "balanced", ["limit"] = "180" });

        var turn = await PressAnonymouslyAsync(chat, card, SpeakerQueueCard.RequestVerb, new Dictionary<string, string> { ["kind"] = "statement" }, Anonymous);

        Assert.Contains("We know nothing of your group, subregion or gender", turn.AllText);
        Assert.Contains("For balance: nothing is known of their group, subregion or gender", turn.AllText);
    }

    /// <summary>Every proactive message is settled at its first attempt: none waits to be tried again.</summary>
    private async Task AssertNothingRetriedAsync()
    {
        await using var db = await _bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        var messages = await db.Set<OutboundMessage>().AsNoTracking().ToListAsync();
        Assert.DoesNotContain(messages, m => m.Attempts > 1 || m.Status == OutboundStatus.Failed);
        Assert.DoesNotContain(messages, m => m.Status == OutboundStatus.Pending && m.Attempts > 0);
    }

    /// <summary>Every log line the host writes, to check that no one's name is in them.</summary>
    private sealed class CollectingLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => _lines;

        public ILogger CreateLogger(string categoryName) => new Logger(_lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception) + (exception is null ? string.Empty : " " + exception));
        }
    }
}
