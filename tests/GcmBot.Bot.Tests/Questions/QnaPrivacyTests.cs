using System.Net;
using GcmBot.Bot.Participants;
using GcmBot.Bot.Questions;
using GcmBot.Cards.Questions;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Questions;

/// <summary>Nobody else learns who asked; moderators only where the policy says; exports and "forget me" follow it.</summary>
public sealed class QnaPrivacyTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static string[] Identity(TestUser user) => [user.Name, user.Id, user.AadObjectId, "Alice", "Ahmed"];

    [Fact]
    public async Task AnonymousQuestion_NoPayloadOthersReceive_NamesTheAsker()
    {
        var meeting = _bot.MeetingChat("anonymity");
        var qna = await QnaDriver.OpenAsync(_bot, meeting, moderatorsSeeNames: true);
        var alicePersonal = _bot.PersonalChat(TestUsers.Alice);
        await alicePersonal.SayAsync("help");
        var fromBoard = await qna.AskForIdAsync(TestUsers.Alice, "Asked anonymously from the board?", anonymous: true);
        var form = await alicePersonal.SayAsync("ask");
        await alicePersonal.PressAsync(form.Reply.Card, QnaVerbs.Ask, new Dictionary<string, string>
        {
            [QnaKeys.Text] = "Asked anonymously from my personal chat?",
            [QnaKeys.Anonymous] = "true",
        }, TestUsers.Alice);
        var fromPersonal = await qna.QuestionIdAsync("Asked anonymously from my personal chat?");

        // Everything the others do and get back: votes, views, pages, question cards, moderation.
        var others = new List<Turn>
        {
            await qna.VoteAsync(TestUsers.Bob, fromBoard),
            await qna.VoteAsync(TestUsers.Chen, fromPersonal, QnaKeys.VoteUp),
            await qna.ActAsync(QnaVerbs.View, TestUsers.Bob),
            await qna.ActAsync(QnaVerbs.View, TestUsers.Chen, null, (QnaKeys.Page, "0")),
            await qna.ActAsync(QnaVerbs.Question, TestUsers.Bob, fromBoard),
            await qna.ActAsync(QnaVerbs.View, TestUsers.Organiser),
            await qna.ActAsync(QnaVerbs.Question, TestUsers.Organiser, fromPersonal),
            await qna.ActAsync(QnaVerbs.Pin, TestUsers.Organiser, fromBoard),
            await qna.ActAsync(QnaVerbs.Answer, TestUsers.Organiser, fromBoard, (QnaKeys.AnswerInput(fromBoard), "Answered.")),
        };
        await qna.WaitForBoardAsync(text => text.Contains("Answered recently"));

        var sharedPayloads = _bot.Connector.Calls.Where(c => c.ConversationId == meeting.Id).Select(c => c.Body?.ToJsonString() ?? string.Empty);
        var invokeBodies = others.Select(t => t.Body);
        foreach (var payload in sharedPayloads.Concat(invokeBodies))
        {
            foreach (var secret in Identity(TestUsers.Alice))
            {
                Assert.DoesNotContain(secret, payload);
            }
        }

        Assert.Contains("asked by anonymous", others[5].AllText);
    }

    [Fact]
    public async Task NamedQuestion_UnderNamesPolicy_ModeratorsSeeTheName_ParticipantsDoNot()
    {
        var meeting = _bot.MeetingChat("names-policy");
        var qna = await QnaDriver.OpenAsync(_bot, meeting, moderatorsSeeNames: true);
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Asked with my name for the moderators?");

        var moderator = await qna.ActAsync(QnaVerbs.View, TestUsers.Organiser);
        var participant = await qna.ActAsync(QnaVerbs.Question, TestUsers.Bob, question);
        var board = await qna.WaitForBoardAsync(text => text.Contains("Asked with my name"));

        Assert.Contains("asked by Alice Ahmed", moderator.AllText);
        Assert.DoesNotContain("Alice", participant.Body);
        Assert.DoesNotContain("Alice", board.Json.ToJsonString());
        Assert.Contains("moderators see your name unless you ask anonymously", board.AllText);
    }

    [Fact]
    public async Task AnonymousPolicy_EvenModeratorsNeverSeeTheName_AndItIsNotStored()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("nobody-policy"));
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Nobody knows?");

        var moderator = await qna.ActAsync(QnaVerbs.View, TestUsers.Organiser);
        var detail = await qna.ActAsync(QnaVerbs.Question, TestUsers.Organiser, question);

        Assert.DoesNotContain("Alice", moderator.Body);
        Assert.DoesNotContain("Alice", detail.Body);
        Assert.Contains("not even the moderators", moderator.AllText);
        Assert.Null((await qna.QuestionAsync(question)).AuthorName);
    }

    [Fact]
    public async Task Export_LinksDownloadCsvAndMarkdown_WithAskerOnlyWherePolicyAllows()
    {
        var named = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("export-named"), "Named", moderatorsSeeNames: true);
        var anonymous = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("export-anonymous"), "Anonymous");
        foreach (var qna in new[] { named, anonymous })
        {
            var answered = await qna.AskForIdAsync(TestUsers.Alice, "=HYPERLINK(\"http://evil\") what about *data* protection?");
            await qna.AskAsync(TestUsers.Bob, "Second, anonymous", anonymous: true);
            await qna.ActAsync(QnaVerbs.Answer, TestUsers.Organiser, answered, (QnaKeys.AnswerInput(answered), "Covered by objective 1."));
        }

        var namedExport = await named.ActAsync(QnaVerbs.Export, TestUsers.Organiser);
        var anonymousExport = await anonymous.ActAsync(QnaVerbs.Export, TestUsers.Organiser);

        var (namedCsv, namedMarkdown) = await DownloadAsync(namedExport);
        var (anonymousCsv, anonymousMarkdown) = await DownloadAsync(anonymousExport);
        Assert.Contains("Asked by", namedCsv);
        Assert.Contains("Alice Ahmed", namedCsv);
        Assert.Contains("anonymous", namedCsv);
        Assert.DoesNotContain("Bob", namedCsv);
        Assert.Contains("'=HYPERLINK", namedCsv);
        Assert.Contains("Covered by objective 1", namedMarkdown);
        Assert.Contains("\\*data\\*", namedMarkdown);
        Assert.DoesNotContain("Asked by", anonymousCsv);
        Assert.DoesNotContain("Alice", anonymousCsv);
        Assert.DoesNotContain("Alice", anonymousMarkdown);
        Assert.Empty(namedExport.Replies);
    }

    [Fact]
    public async Task ForgetMe_KeepsQuestionsAndCounts_DropsWhoAskedAndVoted()
    {
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("forget"), moderatorsSeeNames: true);
        var question = await qna.AskForIdAsync(TestUsers.Alice, "Forget who asked me?");
        await qna.VoteAsync(TestUsers.Alice, question);
        await qna.VoteAsync(TestUsers.Bob, question);

        await using (var scope = _bot.Services.CreateAsyncScope())
        {
            foreach (var eraser in scope.ServiceProvider.GetServices<IPersonalDataEraser>())
            {
                await eraser.EraseAsync(TestUsers.Alice.AadObjectId, CancellationToken.None);
            }
        }

        var stored = await qna.QuestionAsync(question);
        Assert.Null(stored.AuthorId);
        Assert.Null(stored.AuthorName);
        Assert.Equal(2, stored.VoteCount);
        Assert.Equal(2, await qna.VoteRowsAsync(question));
        var edit = await qna.ActAsync(QnaVerbs.Edit, TestUsers.Alice, question, (QnaKeys.EditInput(question), "Mine again?"));
        Assert.Contains("only change your own", edit.AllText);
        var moderator = await qna.ActAsync(QnaVerbs.View, TestUsers.Organiser);
        Assert.DoesNotContain("Alice", moderator.Body);
    }

    [Fact]
    public void QuestionsEraser_IsRegistered()
    {
        using var scope = _bot.Services.CreateScope();

        Assert.Contains(scope.ServiceProvider.GetServices<IPersonalDataEraser>(), e => e is QuestionsEraser);
    }

    private async Task<(string Csv, string Markdown)> DownloadAsync(Turn export)
    {
        var links = CardText.Actions(export.InvokeCard).Where(a => a["type"]!.GetValue<string>() == "Action.OpenUrl")
            .Select(a => new Uri(a["url"]!.GetValue<string>())).ToList();
        Assert.Equal(2, links.Count);
        var csv = await _bot.Http.GetAsync(links[0].PathAndQuery);
        var markdown = await _bot.Http.GetAsync(links[1].PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        return (await csv.Content.ReadAsStringAsync(), await markdown.Content.ReadAsStringAsync());
    }
}
