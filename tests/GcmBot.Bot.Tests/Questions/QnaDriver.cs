using System.Globalization;
using System.Text.Json.Nodes;
using GcmBot.Bot.Questions;
using GcmBot.Bot.Storage;
using GcmBot.Cards.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Questions;

/// <summary>A Q&amp;A opened in a test chat, driven the way Teams would: card presses and Universal Actions.</summary>
public sealed class QnaDriver(BotApp bot, TeamsConversation chat, int sessionId, string boardActivityId, Turn opened)
{
    public BotApp Bot => bot;
    public TeamsConversation Chat => chat;
    public int SessionId => sessionId;

    /// <summary>The id of the board message (the setup card's message, turned into the board).</summary>
    public string BoardActivityId => boardActivityId;

    public Turn Opened => opened;

    /// <summary>Opens a Q&amp;A through the real flow: <c>qna open</c>, then the setup card's button.</summary>
    public static async Task<QnaDriver> OpenAsync(
        BotApp bot,
        TeamsConversation chat,
        string title = "Briefing Q&A",
        bool preModeration = false,
        bool moderatorsSeeNames = false,
        TestUser? moderator = null)
    {
        moderator ??= TestUsers.Organiser;
        var setup = await chat.SayAsync("qna open " + title, moderator);
        var boardId = "board-" + Guid.NewGuid().ToString("N")[..8];
        var opened = await chat.PressAsync(
            setup.Reply.Card,
            QnaVerbs.Open,
            new Dictionary<string, string>
            {
                [QnaKeys.PreModeration] = preModeration ? "true" : "false",
                [QnaKeys.ModeratorsSeeNames] = moderatorsSeeNames ? "true" : "false",
            },
            moderator,
            boardId);
        var card = opened.InvokeCard ?? throw new InvalidOperationException("Opening answered without a card: " + opened.Body);
        var sessionId = int.Parse(SessionOf(card) ?? throw new InvalidOperationException("No session id on the board."), CultureInfo.InvariantCulture);
        return new QnaDriver(bot, chat, sessionId, boardId, opened);
    }

    public JsonObject Data(int? questionId = null, params (string Key, string Value)[] more)
    {
        var data = new JsonObject { [QnaKeys.Session] = SessionId.ToString(CultureInfo.InvariantCulture) };
        if (questionId is { } q)
        {
            data[QnaKeys.Question] = q.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in more)
        {
            data[key] = value;
        }

        return data;
    }

    /// <summary>Asks from the board's form (Universal Action: only the asker sees the answer).</summary>
    public Task<Turn> AskAsync(TestUser asker, string text, bool anonymous = false) =>
        chat.ExecuteAsync(QnaVerbs.Ask, Data(null, (QnaKeys.Text, text), (QnaKeys.Anonymous, anonymous ? "true" : "false")), asker, BoardActivityId);

    /// <summary>Asks and returns the new question's database id.</summary>
    public async Task<int> AskForIdAsync(TestUser asker, string text, bool anonymous = false)
    {
        var turn = await AskAsync(asker, text, anonymous);
        Assert.NotNull(turn.InvokeCard);
        return await QuestionIdAsync(text);
    }

    public Task<Turn> VoteAsync(TestUser voter, int questionId, string intent = QnaKeys.VoteUp) =>
        chat.ExecuteAsync(QnaVerbs.Vote, Data(questionId, (QnaKeys.Vote, intent)), voter, BoardActivityId);

    public Task<Turn> ActAsync(string verb, TestUser who, int? questionId = null, params (string Key, string Value)[] more) =>
        chat.ExecuteAsync(verb, Data(questionId, more), who, BoardActivityId);

    public async Task<int> QuestionIdAsync(string text)
    {
        await using var db = await Database();
        return await db.Set<Question>().Where(q => q.SessionId == SessionId && q.Text == text).Select(q => q.Id).SingleAsync();
    }

    public async Task<Question> QuestionAsync(int questionId)
    {
        await using var db = await Database();
        return await db.Set<Question>().AsNoTracking().SingleAsync(q => q.Id == questionId);
    }

    public async Task<List<Question>> QuestionsAsync()
    {
        await using var db = await Database();
        return await db.Set<Question>().AsNoTracking().Where(q => q.SessionId == SessionId).OrderBy(q => q.Number).ToListAsync();
    }

    public async Task<int> VoteRowsAsync(int questionId)
    {
        await using var db = await Database();
        return await db.Set<QuestionVote>().CountAsync(v => v.QuestionId == questionId);
    }

    public async Task<QnaSession> SessionAsync()
    {
        await using var db = await Database();
        return await db.Set<QnaSession>().AsNoTracking().SingleAsync(s => s.Id == SessionId);
    }

    /// <summary>Updates of the shared board message so far, in order.</summary>
    public IReadOnlyList<ConnectorCall> BoardUpdates() =>
        bot.Connector.Calls.Where(c => c.IsUpdate && c.ActivityId == BoardActivityId).ToList();

    /// <summary>Waits until the shared board shows something (the board converges to the database).</summary>
    public async Task<ReceivedActivity> WaitForBoardAsync(Func<string, bool> shows, TimeSpan? timeout = null)
    {
        var calls = await bot.Connector.WaitForAsync(
            all => all.Any(c => c.IsUpdate && c.ActivityId == BoardActivityId && shows(c.Activity.AllText)),
            timeout);
        return calls.Last(c => c.IsUpdate && c.ActivityId == BoardActivityId && shows(c.Activity.AllText)).Activity;
    }

    /// <summary>The latest shared board, once it shows what is asked for.</summary>
    public async Task<ReceivedActivity> WaitForLatestBoardAsync(Func<string, bool> shows, TimeSpan? timeout = null)
    {
        await bot.Connector.WaitForAsync(
            all => all.LastOrDefault(c => c.IsUpdate && c.ActivityId == BoardActivityId) is { } last && shows(last.Activity.AllText),
            timeout);
        return BoardUpdates()[^1].Activity;
    }

    public static string? SessionOf(JsonObject card) =>
        CardText.Actions(card).Select(a => (a["data"] as JsonObject)?[QnaKeys.Session]?.GetValue<string>()).FirstOrDefault(s => s is not null);

    /// <summary>The vote intents the card's vote buttons carry, by question id.</summary>
    public static Dictionary<int, string> VoteButtons(JsonObject card) =>
        CardText.Actions(card)
            .Where(a => a["verb"]?.GetValue<string>() == QnaVerbs.Vote)
            .GroupBy(a => int.Parse(a["data"]![QnaKeys.Question]!.GetValue<string>(), CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.First()["data"]![QnaKeys.Vote]!.GetValue<string>());

    /// <summary>The vote counts a board card shows, by question id (from each question's block and its vote button).</summary>
    public static Dictionary<int, int> ShownVotes(JsonObject card)
    {
        var shown = new Dictionary<int, int>();
        foreach (var block in Containers(card))
        {
            var vote = CardText.Actions(block["items"]).FirstOrDefault(a => a["verb"]?.GetValue<string>() == QnaVerbs.Vote);
            var detail = CardText.Of(block["items"]).FirstOrDefault(t => t.StartsWith("▲ ", StringComparison.Ordinal));
            if (vote is null || detail is null)
            {
                continue;
            }

            var count = detail[2..].Split(' ')[0].Replace(",", string.Empty, StringComparison.Ordinal);
            shown[int.Parse(vote["data"]![QnaKeys.Question]!.GetValue<string>(), CultureInfo.InvariantCulture)] = int.Parse(count, CultureInfo.InvariantCulture);
        }

        return shown;
    }

    private static IEnumerable<JsonObject> Containers(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"]?.GetValue<string>() == "Container")
                {
                    yield return obj;
                }

                foreach (var (_, child) in obj)
                {
                    foreach (var inner in Containers(child))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var inner in Containers(item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private Task<GcmDbContext> Database() =>
        bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
}
