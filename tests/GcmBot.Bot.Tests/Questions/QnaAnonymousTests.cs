using System.Globalization;
using System.Net;
using GcmBot.Bot.Questions;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Teams.Outbound;
using GcmBot.Cards.Questions;
using Microsoft.Bot.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Rest;

namespace GcmBot.Bot.Tests.Questions;

/// <summary>
/// Anonymous meeting participants (no Entra id, <c>userRole: anonymous</c>, no one-to-one chat possible) and guests
/// take part in the Q&amp;A like everyone else, identified by their Teams id within the meeting; the answer to their
/// question reaches them in their own view of the board, never as a proactive send retried forever; their name never
/// shows when they asked anonymously.
/// </summary>
public sealed class QnaAnonymousTests : IAsyncLifetime
{
    private static readonly TestUser Visitor = new("29:anonymous-visitor-mei", string.Empty, "Mei Visitor");
    private static readonly TestUser Guest = new("29:guest-gita", "6e570000-0000-0000-0000-0000000000a1", "Gita Guest");

    private BotApp _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotApp.StartAsync();
        _bot.Connector.SetUserRole(Visitor.Id, "anonymous");
        _bot.Connector.SetUserRole(Guest.Id, "guest");
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task AnonymousParticipant_AsksAnonymouslyUpvotesAndWithdraws_IsToldOfTheAnswerInTheirView_NothingRetried_NoNameLeaks()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("anonymous-visitor"), moderatorsSeeNames: true);
        var other = await qna.AskForIdAsync(TestUsers.Alice, "Will the report be public?");

        var asked = await qna.AskAsync(Visitor, "Can people without Teams send written inputs?", anonymous: true);
        var mine = await qna.QuestionIdAsync("Can people without Teams send written inputs?");
        var voted = await qna.VoteAsync(Visitor, other);
        var votedAgain = await qna.VoteAsync(Visitor, other);
        var myView = await qna.ActAsync(QnaVerbs.View, Visitor);
        var spare = await qna.AskForIdAsync(Visitor, "A question I take back?", anonymous: true);
        var withdrawn = await qna.ActAsync(QnaVerbs.Withdraw, Visitor, spare);
        var moderators = await qna.ActAsync(QnaVerbs.View, TestUsers.Organiser, null, (QnaKeys.Moderate, "1"));
        var answered = await qna.ActAsync(QnaVerbs.Answer, TestUsers.Organiser, mine, (QnaKeys.AnswerInput(mine), "Yes, through the web form."));

        Assert.Contains("Your question is #2", asked.AllText);
        Assert.Contains("Your vote for #1 is counted.", voted.AllText);
        Assert.Contains("Your vote for #1 is counted.", votedAgain.AllText);
        Assert.Equal(1, (await qna.QuestionAsync(other)).VoteCount);
        Assert.Contains("asked by you", myView.AllText);
        Assert.Contains("✓ Upvoted", myView.AllText);
        Assert.Contains("is withdrawn", withdrawn.AllText);
        Assert.Contains("asked by anonymous", moderators.AllText);
        Assert.Contains("is marked answered", answered.AllText);

        // No chat to write to: the notice is recorded as unreachable at once, never tried, never retried.
        var outbound = await OutboundAsync($"qna-answered:{mine}");
        Assert.Equal(OutboundStatus.Unreachable, outbound.Status);
        Assert.Equal(0, outbound.Attempts);
        Assert.NotNull(outbound.CompletedAt);
        Assert.DoesNotContain(_bot.Connector.Calls.Concat(_bot.Connector.Rejected), c => c.Method == "POST" && c.Path.TrimEnd('/') == "/v3/conversations");

        // The next time they press anything on the board, their own view tells them; once.
        var told = await qna.ActAsync(QnaVerbs.View, Visitor);
        var later = await qna.ActAsync(QnaVerbs.View, Visitor);
        Assert.Contains("Your question was answered", told.AllText);
        Assert.Contains("Yes, through the web form.", told.AllText);
        Assert.DoesNotContain("Your question was answered", later.AllText);
        Assert.False((await qna.QuestionAsync(mine)).AskerNoticePending);

        await AssertNameNeverShownAsync(qna, Visitor, moderators, answered, told);
    }

    [Fact]
    public async Task AnonymousParticipant_IdentifiedByTheirTeamsId_WithinTheMeeting()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("anonymous-identity"));

        var question = await qna.AskForIdAsync(Visitor, "Is the briefing recorded?");
        var edited = await qna.ActAsync(QnaVerbs.Edit, Visitor, question, (QnaKeys.EditInput(question), "Is the briefing recorded and shared?"));
        var someoneElse = await qna.ActAsync(QnaVerbs.Withdraw, new TestUser("29:anonymous-other", string.Empty, "Another Visitor"), question);

        Assert.Equal(Visitor.Id, (await qna.QuestionAsync(question)).AuthorId);
        Assert.Contains("is changed", edited.AllText);
        Assert.Contains("only change your own questions", someoneElse.AllText);
        Assert.Equal(QuestionStatus.Open, (await qna.QuestionAsync(question)).Status);
    }

    [Fact]
    public async Task Guest_AsksAnonymouslyAndUpvotes_IsToldOfTheAnswerInTheirView_NothingRetried_NoNameLeaks()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("guest"), moderatorsSeeNames: true);
        var other = await qna.AskForIdAsync(TestUsers.Bob, "Who drafts the summary?");

        var asked = await qna.AskAsync(Guest, "How are guests counted in the report?", anonymous: true);
        var mine = await qna.QuestionIdAsync("How are guests counted in the report?");
        var voted = await qna.VoteAsync(Guest, other);
        var moderators = await qna.ActAsync(QnaVerbs.View, TestUsers.Organiser, null, (QnaKeys.Moderate, "1"));
        var answered = await qna.ActAsync(QnaVerbs.Answer, TestUsers.Organiser, mine);

        Assert.Contains("Your question is #2", asked.AllText);
        Assert.Contains("Your vote for #1 is counted.", voted.AllText);
        Assert.Equal(Guest.AadObjectId, (await qna.QuestionAsync(mine)).AuthorId);
        var outbound = await OutboundAsync($"qna-answered:{mine}");
        Assert.Equal(OutboundStatus.Unreachable, outbound.Status);
        Assert.Equal(0, outbound.Attempts);
        var told = await qna.VoteAsync(Guest, other);
        Assert.Contains("Your question was answered", told.AllText);
        Assert.Contains("It was answered live in the session.", told.AllText);

        await AssertNameNeverShownAsync(qna, Guest, moderators, answered, told);
    }

    [Fact]
    public async Task Guest_WhoTalkedToTheBot_IsToldInTheirPersonalChat_AndNotAgainOnTheBoard()
    {
        await _bot.PersonalChat(Guest).SayAsync("my questions");
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("guest-personal"));
        var mine = await qna.AskForIdAsync(Guest, "Is there a written summary?");

        await qna.ActAsync(QnaVerbs.Answer, TestUsers.Organiser, mine);
        var chatId = _bot.PersonalChat(Guest).Id;
        await _bot.Connector.WaitForAsync(all => all.Any(c => c.IsSend && c.ConversationId == chatId && c.Activity.AllText.Contains("Your question was answered")));
        var view = await qna.ActAsync(QnaVerbs.View, Guest);

        Assert.DoesNotContain("Your question was answered", view.AllText);
        Assert.False((await qna.QuestionAsync(mine)).AskerNoticePending);
    }

    [Fact]
    public async Task OutboundQueue_TeamsRefusesAnAnonymousUser_IsGoneAfterOneAttempt()
    {
        // Bob's personal chat exists; Teams answers as it does for an anonymous participant's one-to-one chat.
        var chatId = _bot.PersonalChat(TestUsers.Bob).Id;
        await _bot.PersonalChat(TestUsers.Bob).SayAsync("my questions");
        _bot.Connector.Interceptor = call => call.IsSend && call.ConversationId == chatId
            ? new ConnectorAnswer(400, new System.Text.Json.Nodes.JsonObject
            {
                ["error"] = new System.Text.Json.Nodes.JsonObject { ["code"] = "BadArgument", ["message"] = "Bot cannot create a conversation with an anonymous user" },
            })
            : null;
        var queue = _bot.Services.GetRequiredService<INotificationQueue>();

        await queue.EnqueueToPersonAsync(TestUsers.Bob.AadObjectId, new OutboundContent("Hello"), "anonymous-refusal", CancellationToken.None);
        var message = await OutboundAsync("anonymous-refusal", m => m.Status != OutboundStatus.Pending);

        Assert.Equal(OutboundStatus.Gone, message.Status);
        Assert.Equal(1, message.Attempts);
        Assert.Equal(400, message.LastStatusCode);
        Assert.Single(_bot.Connector.Rejected, c => c.ConversationId == chatId);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "BadArgument", "Bot cannot create a conversation with an anonymous user", SendOutcome.Gone)]
    [InlineData(HttpStatusCode.BadRequest, "BadArgument", "Activity is missing its text", SendOutcome.Failed)]
    [InlineData(HttpStatusCode.NotFound, "ConversationNotFound", "Conversation not found", SendOutcome.Gone)]
    [InlineData(HttpStatusCode.TooManyRequests, "Throttled", "Slow down", SendOutcome.Throttled)]
    public void Classify_ErrorAnswers_ByStatusAndTheAnonymousRefusal(HttpStatusCode status, string code, string text, SendOutcome expected)
    {
        var error = new ErrorResponseException(text)
        {
            Response = new HttpResponseMessageWrapper(new HttpResponseMessage(status), new System.Text.Json.Nodes.JsonObject { ["error"] = new System.Text.Json.Nodes.JsonObject { ["code"] = code, ["message"] = text } }.ToJsonString()),
            Body = new ErrorResponse(new Error(code, text)),
        };

        Assert.Equal(expected, OutboundSender.Classify(error));
    }

    /// <summary>The person's name is in no board, no moderator's view, no message sent anywhere, no stored row, no export.</summary>
    private async Task AssertNameNeverShownAsync(QnaDriver qna, TestUser person, params Turn[] turns)
    {
        var name = person.Name;
        Assert.All(turns, t => Assert.DoesNotContain(name, t.AllText + t.Body));
        Assert.DoesNotContain(_bot.Connector.Calls.Concat(_bot.Connector.Rejected), c => c.Body?.ToJsonString().Contains(name, StringComparison.Ordinal) == true);
        Assert.All(await qna.QuestionsAsync(), q => Assert.NotEqual(name, q.AuthorName));
        var rows = await _bot.Services.GetRequiredService<QnaExporter>().ReadAsync(await qna.SessionAsync(), CancellationToken.None);
        Assert.All(rows, r => Assert.NotEqual(name, r.Asker));
        var csv = System.Text.Encoding.UTF8.GetString(QnaExporter.Csv(await qna.SessionAsync(), rows));
        Assert.DoesNotContain(name, csv);
    }

    private async Task<OutboundMessage> OutboundAsync(string key, Func<OutboundMessage, bool>? until = null)
    {
        var databases = _bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>();
        for (var attempt = 0; ; attempt++)
        {
            await using (var db = await databases.CreateDbContextAsync())
            {
                var message = await db.Set<OutboundMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.DeduplicationKey == key);
                if (message is not null && (until is null || until(message)))
                {
                    return message;
                }

                if (attempt >= 200)
                {
                    throw new TimeoutException($"Outbound message {key} did not reach the expected state: {message?.Status.ToString() ?? "none"}.");
                }
            }

            await Task.Delay(50);
        }
    }
}
