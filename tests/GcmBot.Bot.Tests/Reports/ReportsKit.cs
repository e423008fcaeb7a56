using System.Globalization;
using System.Text.Json.Nodes;
using GcmBot.Bot.Registration;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Tests.Questions;
using GcmBot.Bot.Tests.Registration;
using GcmBot.Bot.Tests.Submissions;
using GcmBot.Cards.Questions;
using GcmBot.Cards.Registration;
using GcmBot.Cards.SpeakerQueue;
using GcmBot.Cards.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GcmBot.Bot.Tests.SpeakerQueue.SpeakerQueueKit;

namespace GcmBot.Bot.Tests.Reports;

/// <summary>
/// A consultation played through the bot's real commands and cards: registrations, a Q&amp;A opened for the event in
/// the meeting chat, votes, an answer, turns at the floor, key issues and written submissions.
/// </summary>
public sealed class ReportsKit
{
    public const string HostileQuestion = "<script>alert('q')</script> Will fees be <b>banned</b>?";
    public const string HostileIssue = "<script>alert('k')</script> Recruitment fees fall on workers & families";

    public static readonly TestUser U1 = TestUser.Numbered(1);
    public static readonly TestUser U2 = TestUser.Numbered(2);
    public static readonly TestUser U3 = TestUser.Numbered(3);

    /// <summary>Not registered: an attendee of unknown group, subregion and gender.</summary>
    public static readonly TestUser Guest = TestUser.Numbered(9);

    public static Task<BotApp> StartAsync(Action<BotAppOptions>? configure = null) =>
        BotApp.StartAsync(o =>
        {
            o.FakeTimeStart = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
            configure?.Invoke(o);
        });

    /// <summary>Registers a person for consult-a through the form.</summary>
    public static async Task RegisterAsync(BotApp bot, TestUser user, string group, string country, string gender)
    {
        var answers = RegistrationDriver.ValidAnswers();
        answers[RegistrationFormCard.Email] = $"{user.Id[3..]}@example.org";
        answers[RegistrationFormCard.Group] = group;
        answers[RegistrationFormCard.Country] = country;
        answers[RegistrationFormCard.Gender] = gender;
        var turn = await RegistrationDriver.RegisterAsync(bot, user, answers);
        Assert.Contains("confirmed", turn.AllText, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Six confirmed registrants of consult-a: civil society 3 (Alice, Bob, Chen), migrants 3 (U1–U3); South and
    /// South-West Asia 3, South-East Asia 2, Pacific 1; women 4, men 2.
    /// </summary>
    public static async Task RegisterSixAsync(BotApp bot)
    {
        await RegisterAsync(bot, TestUsers.Alice, "civil-society", "NP", "woman");
        await RegisterAsync(bot, TestUsers.Bob, "civil-society", "PH", "man");
        await RegisterAsync(bot, TestUsers.Chen, "civil-society", "TH", "woman");
        await RegisterAsync(bot, U1, "migrants", "NP", "woman");
        await RegisterAsync(bot, U2, "migrants", "NP", "man");
        await RegisterAsync(bot, U3, "migrants", "FJ", "woman");
    }

    /// <summary>Gives consult-a a date (test set-up: the event form is Registration's, tested there).</summary>
    public static async Task DateAsync(BotApp bot, string eventId, DateTimeOffset start, TimeSpan length)
    {
        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        await db.Set<CatalogueEvent>().Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.StartsAt, start)
            .SetProperty(e => e.EndsAt, start + length));
    }

    /// <summary>Opens a Q&amp;A for an event in a meeting chat through the setup card.</summary>
    public static async Task<QnaDriver> OpenQnaAsync(BotApp bot, TeamsConversation chat, string eventId)
    {
        var setup = await chat.SayAsync("qna open Consultation Q&A", TestUsers.Organiser);
        var boardId = "board-" + Guid.NewGuid().ToString("N")[..8];
        var opened = await chat.PressAsync(setup.Reply.Card, QnaVerbs.Open, new Dictionary<string, string> { [QnaKeys.EventId] = eventId }, TestUsers.Organiser, boardId);
        var sessionId = int.Parse(QnaDriver.SessionOf(opened.InvokeCard!)!, CultureInfo.InvariantCulture);
        return new QnaDriver(bot, chat, sessionId, boardId, opened);
    }

    /// <summary>
    /// The consultation's meeting chat: a Q&amp;A for consult-a with three questions (Q1 by Alice: 3 votes, answered; Q2 by
    /// Bob, hostile text: 1 vote; Q3 by Chen: none), a guest's vote, Alice (2:00) and Bob (1:30) at the floor, a key
    /// issue recorded there. Attendees: Alice, Bob, Chen, U1 and the guest (U2 and U3 never act).
    /// </summary>
    public static async Task<TeamsConversation> MeetingAsync(BotApp bot)
    {
        var chat = bot.MeetingChat("consult-a-meeting");
        var qna = await OpenQnaAsync(bot, chat, "consult-a");
        var q1 = await qna.AskForIdAsync(TestUsers.Alice, "How will the review hear migrant domestic workers?");
        var q2 = await qna.AskForIdAsync(TestUsers.Bob, HostileQuestion);
        await qna.AskForIdAsync(TestUsers.Chen, "Where are the concept notes?");
        await qna.VoteAsync(TestUsers.Bob, q1);
        await qna.VoteAsync(U1, q1);
        await qna.VoteAsync(Guest, q1);
        await qna.VoteAsync(TestUsers.Alice, q2);
        await qna.ActAsync(QnaVerbs.Answer, TestUsers.Organiser, q1, (QnaKeys.AnswerInput(q1), "Through the consultations."));

        var shown = await chat.SayAsync("speakers", from: TestUsers.Organiser);
        var listOpened = await ChairAsync(chat, shown.Reply.Card, SpeakerQueueCard.OpenVerb);
        var card = (await chat.PressAsync(listOpened.InvokeCard!, SpeakerQueueCard.ParticipantViewVerb, from: TestUsers.Organiser)).InvokeCard!;
        await RequestAsync(chat, card, TestUsers.Alice, "question", "Fair recruitment");
        await RequestAsync(chat, card, TestUsers.Bob);
        await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);
        bot.Time!.Advance(TimeSpan.FromSeconds(120));
        await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);
        bot.Time.Advance(TimeSpan.FromSeconds(90));
        await ChairAsync(chat, card, SpeakerQueueCard.EndTurnVerb);

        // Teams sends typed text HTML-encoded: "<" arrives as "&lt;".
        var issue = await chat.SayAsync("key issue theme:a objectives:6 " + System.Net.WebUtility.HtmlEncode(HostileIssue), TestUsers.Organiser);
        Assert.Contains("Recorded", issue.AllText);
        var recommendation = await bot.PersonalChat(TestUsers.Organiser).SayAsync("recommendation event:consult-a theme:a Abolish recruitment fees for workers");
        Assert.Contains("Recorded", recommendation.AllText);

        // The notices of the meeting (answered, you have the floor) reach people's personal chats after their turns:
        // let them all arrive before anyone talks there, so that each later turn reads only its own reply.
        await OutboundDrainedAsync(bot);
        return chat;
    }

    private static async Task OutboundDrainedAsync(BotApp bot)
    {
        // Drained: nothing pending, and no new notice queued for a second (some are queued just after the turn that
        // caused them has answered).
        var databases = bot.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<GcmBot.Bot.Storage.GcmDbContext>>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var quiet = System.Diagnostics.Stopwatch.StartNew();
        var lastTotal = -1;
        while (true)
        {
            await using var db = await databases.CreateDbContextAsync();
            var messages = db.Set<GcmBot.Bot.Teams.Outbound.OutboundMessage>();
            var total = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(messages);
            var pending = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
                messages, m => m.Status == GcmBot.Bot.Teams.Outbound.OutboundStatus.Pending);
            if (total != lastTotal || pending > 0)
            {
                lastTotal = total;
                quiet.Restart();
            }
            else if (quiet.Elapsed >= TimeSpan.FromSeconds(1))
            {
                return;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), $"{pending} proactive messages still pending after 30 s.");
            await Task.Delay(100);
        }
    }

    /// <summary>Alice's submission on theme a, published with her name; Bob's for the secretariat only (received, not published).</summary>
    public static async Task SubmissionsAsync(BotApp bot)
    {
        var published = await SubmitAsync(bot, TestUsers.Alice, "Decent work for domestic workers", "name");
        await SubmitAsync(bot, TestUsers.Bob, "Confidential note on border practices", "secretariat");
        await AcceptAsync(bot, published);
    }

    /// <summary>The organiser's report of a consultation: the card, and the two files downloaded from its links.</summary>
    public static async Task<(JsonObject Card, string Html, string Markdown)> ReportAsync(BotApp bot, string arguments)
    {
        var turn = await bot.PersonalChat(TestUsers.Organiser).SayAsync("report " + arguments);
        var card = turn.Replies[0].Card;
        var links = CardText.Actions(card).Where(a => a["type"]!.GetValue<string>() == "Action.OpenUrl").Select(a => new Uri(a["url"]!.GetValue<string>())).ToList();
        // Open (in the browser), Download (the same HTML as a file), Markdown.
        Assert.Equal(3, links.Count);
        Assert.Equal(links[0] + "?download=1", links[1].ToString());
        return (card, await bot.Http.GetStringAsync(links[0].PathAndQuery), await bot.Http.GetStringAsync(links[2].PathAndQuery));
    }

    /// <summary>The report card's "Open" link (the first link; the language buttons run commands).</summary>
    public static string OpenLink(JsonObject card) =>
        CardText.Actions(card).First(a => a["type"]!.GetValue<string>() == "Action.OpenUrl")["url"]!.GetValue<string>();

    /// <summary>The facts of a card's fact sets, by title.</summary>
    public static IReadOnlyDictionary<string, string> Facts(JsonObject card) =>
        Nodes(card).Where(n => n["type"]?.GetValue<string>() == "FactSet")
            .SelectMany(n => n["facts"]!.AsArray().OfType<JsonObject>())
            .ToDictionary(f => f["title"]!.GetValue<string>(), f => f["value"]!.GetValue<string>());

    private static IEnumerable<JsonObject> Nodes(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.Select(p => p.Value).SelectMany(Nodes)),
        JsonArray a => a.SelectMany(Nodes),
        _ => [],
    };

    private static async Task<int> SubmitAsync(BotApp bot, TestUser user, string title, string consent)
    {
        var chat = bot.PersonalChat(user);
        var shown = await chat.SayAsync("submit");
        var turn = await chat.PressAsync(shown.Reply.Card, SubmissionVerbs.Save,
            SubmissionsKit.Form((SubmissionFormCard.Title, title), (SubmissionFormCard.Consent, consent), (SubmissionFormCard.Themes, "a"), (SubmissionFormCard.Objectives, "6")));
        var text = turn.Reply.AllText;
        var start = text.IndexOf("submission #", StringComparison.Ordinal) + "submission #".Length;
        return int.Parse(new string(text[start..].TakeWhile(char.IsAsciiDigit).ToArray()), CultureInfo.InvariantCulture);
    }

    private static async Task AcceptAsync(BotApp bot, int id)
    {
        var chat = bot.PersonalChat(TestUsers.Organiser);
        var opened = await chat.SubmitAsync(new JsonObject { ["verb"] = SubmissionVerbs.ReviewOpen, [SubmissionVerbs.Id] = id.ToString(CultureInfo.InvariantCulture) });
        var action = CardText.Actions(opened.Reply.Card).First(a => (a["data"] as JsonObject)?[SubmissionVerbs.Decision]?.GetValue<string>() == SubmissionVerbs.Accept);
        var decided = await chat.SubmitAsync(action["data"]!.DeepClone().AsObject());
        Assert.Contains("ccept", decided.AllText);
    }
}
