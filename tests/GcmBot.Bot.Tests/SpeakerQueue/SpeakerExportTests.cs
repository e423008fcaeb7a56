using System.Net;
using System.Text;
using GcmBot.Bot.Participants;
using GcmBot.Bot.SpeakerQueue;
using GcmBot.Cards.SpeakerQueue;
using Microsoft.Extensions.DependencyInjection;
using static GcmBot.Bot.Tests.SpeakerQueue.SpeakerQueueKit;

namespace GcmBot.Bot.Tests.SpeakerQueue;

/// <summary>The export after the meeting (CSV, totals, Markdown behind expiring links) and "forget me".</summary>
public sealed class SpeakerExportTests : IAsyncLifetime
{
    private readonly InMemoryParticipantDirectory _directory = new();
    private BotApp _bot = null!;

    public async Task InitializeAsync()
    {
        _directory.Add(TestUsers.Alice, "Migrant Forum in Asia", "civil-society", "sea", "woman");
        _directory.Add(TestUsers.Bob, "=HYPERLINK(\"x\")", "migrants", "pacific", "man");
        _bot = await StartAsync(_directory, fakeTime: true);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Export_ListsInterventionsWithTotals_AsCsvAndMarkdown()
    {
        var chat = await ConsultationAsync();

        var export = await ChairAsync(chat.Chat, chat.Card, SpeakerQueueCard.ExportVerb);

        Assert.Contains("3 interventions, 4:30 of speaking time in all", export.AllText);
        var links = CardText.Actions(export.InvokeCard).Where(a => a["type"]!.GetValue<string>() == "Action.OpenUrl").Select(a => new Uri(a["url"]!.GetValue<string>())).ToList();
        Assert.Equal(3, links.Count);
        var csv = await DownloadAsync(links[0]);
        var totals = await DownloadAsync(links[1]);
        var markdown = await DownloadAsync(links[2]);

        Assert.Equal(
            "#,Speaker,Organisation,Stakeholder group,Kind,Topic,Start (GMT+7),Start (UTC),Duration (m:ss),Duration (seconds)\r\n" +
            "1,Alice Ahmed,Migrant Forum in Asia,Civil society organisations,Question,Fair recruitment,2026-12-01 11:00:00,2026-12-01T04:00:00Z,2:00,120\r\n" +
            "2,Bob Bautista,\"'=HYPERLINK(\"\"x\"\")\",Migrants and migrant organisations,Statement,,2026-12-01 11:02:00,2026-12-01T04:02:00Z,1:30,90\r\n" +
            "3,Chen Wei,,Unknown,Reply,,2026-12-01 11:03:30,2026-12-01T04:03:30Z,1:00 (still speaking),60\r\n",
            csv);
        Assert.Contains("Stakeholder group,Civil society organisations,1,2:00,120\r\n", totals);
        Assert.Contains("ESCAP subregion,Pacific,1,1:30,90\r\n", totals);
        Assert.Contains("Gender,Unknown,1,1:00,60\r\n", totals);
        Assert.DoesNotContain("woman", csv, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("| 1 | Alice Ahmed | Migrant Forum in Asia | Civil society organisations | Question | Fair recruitment | 11:00 | 2:00 |", markdown);
        Assert.Contains("## Speaking time by gender", markdown);
        Assert.Contains("| Woman | 1 | 2:00 |", markdown);
    }

    [Fact]
    public async Task Export_ShowsTotalsOnTheChairsCard()
    {
        var chat = await ConsultationAsync();

        var export = await ChairAsync(chat.Chat, chat.Card, SpeakerQueueCard.ExportVerb);

        Assert.Contains("Speaking time by stakeholder group", export.AllText);
        Assert.Contains("2:00 (1 turn)", export.AllText);
        Assert.Contains("The files name the speakers", export.AllText);
    }

    [Fact]
    public async Task ExportLinks_ExpireAfterTheirTime()
    {
        var chat = await ConsultationAsync();
        var export = await ChairAsync(chat.Chat, chat.Card, SpeakerQueueCard.ExportVerb);
        var link = new Uri(CardText.Actions(export.InvokeCard).First(a => a["type"]!.GetValue<string>() == "Action.OpenUrl")["url"]!.GetValue<string>());

        _bot.Time!.Advance(TimeSpan.FromMinutes(61));
        using var response = await _bot.Http.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ForgetMe_AnonymisesInterventions_AndWithdrawsWaitingRequests()
    {
        var chat = await ConsultationAsync();
        await RequestAsync(chat.Chat, chat.Card, TestUsers.Alice, topic: "Second thought");

        await using (var scope = _bot.Services.CreateAsyncScope())
        {
            foreach (var eraser in scope.ServiceProvider.GetServices<IPersonalDataEraser>())
            {
                await eraser.EraseAsync(TestUsers.Alice.AadObjectId, CancellationToken.None);
            }
        }

        var requests = await RequestsAsync(_bot, chat.Chat.Id);
        Assert.Equal(3, requests.Count);
        var erased = requests[0];
        Assert.Equal(SpeakerQueueEraser.AnonymousName, erased.DisplayName);
        Assert.Null(erased.UserStableId);
        Assert.Null(erased.Organisation);
        Assert.Null(erased.Topic);
        Assert.DoesNotContain(requests, r => r.UserStableId == TestUsers.Alice.AadObjectId || r.DisplayName == TestUsers.Alice.Name);
        var report = await _bot.Services.CreateScope().ServiceProvider.GetRequiredService<SpeakerQueueExporter>().ReportAsync(chat.Chat.Id, CancellationToken.None);
        Assert.Equal(120, report!.Value.Report.ByGroup.Single(t => t.Code == "civil-society").Duration.TotalSeconds);
        Assert.Contains(report.Value.Report.Interventions, i => i.Speaker == "A speaker who asked to be forgotten");
        using (GcmBot.Bot.Languages.LanguageScope.Use(System.Globalization.CultureInfo.GetCultureInfo("fr")))
        {
            var inFrench = await _bot.Services.CreateScope().ServiceProvider.GetRequiredService<SpeakerQueueExporter>().ReportAsync(chat.Chat.Id, CancellationToken.None);
            Assert.Contains(inFrench!.Value.Report.Interventions, i => i.Speaker == "Un intervenant qui a demandé à être oublié");
        }
    }

    [Fact]
    public async Task ForgetMe_OfTheCurrentSpeaker_EndsTheTurnAndTakesTheNameOffTheSharedCard()
    {
        var chat = await ConsultationAsync();

        await ForgetAsync(_bot, TestUsers.Chen);

        await AdvanceUntilAsync(_bot, calls => calls.Any(c =>
            c.IsUpdate && c.ConversationId == chat.Chat.Id && c.Activity.AllText.Contains("Nobody has the floor.") && !c.Activity.AllText.Contains("Chen Wei")));
    }

    /// <summary>Alice asks a question (2 min), Bob makes a statement (1:30), Chen (not registered) replies and is still speaking (1:00).</summary>
    private async Task<(TeamsConversation Chat, System.Text.Json.Nodes.JsonObject Card)> ConsultationAsync()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await RequestAsync(chat, card, TestUsers.Alice, "question", "Fair recruitment");
        await RequestAsync(chat, card, TestUsers.Bob);
        await RequestAsync(chat, card, TestUsers.Chen, "reply");
        await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);
        _bot.Time!.Advance(TimeSpan.FromSeconds(120));
        await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);
        _bot.Time.Advance(TimeSpan.FromSeconds(90));
        await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);
        _bot.Time.Advance(TimeSpan.FromSeconds(60));
        return (chat, card);
    }

    private async Task<string> DownloadAsync(Uri link)
    {
        var bytes = await _bot.Http.GetByteArrayAsync(link.PathAndQuery);
        var text = Encoding.UTF8.GetString(bytes);
        return text.TrimStart('\uFEFF');
    }
}
