using System.Net;
using System.Text.Json.Nodes;
using GcmBot.Bot.Exports;
using GcmBot.Bot.Scheduling;
using GcmBot.Bot.Tests.Scheduling;
using GcmBot.Cards.ConceptNotes;
using GcmBot.Cards.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.ConceptNotes;

/// <summary>
/// Each consultation's concept note: the organisers' resource list through cards, the note shown to a registrant from
/// their consultation notice in their language, the link in the Teams meeting's body (fake Graph), the public page.
/// </summary>
public sealed class ConceptNoteTests : IAsyncLifetime
{
    public const string HostileTitle = "<script>alert('r')</script> Background paper & data";
    public const string PaperUrl = "https://example.org/papers/border-governance.pdf";
    public const string DataTitle = "Missing migrants data";
    public const string DataUrl = "https://missingmigrants.iom.int/";

    private const string JoinUrl = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_Y29uc3VsdGF0aW9u%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf%22%7d";
    private const string ThreadId = "19:meeting_Y29uc3VsdGF0aW9u@thread.v2";
    private const string Events = "/v1.0/users/" + FakeGraphServer.Mailbox + "/events";

    private readonly TestRegistrants _registrants = new TestRegistrants().Add(TestUsers.Alice, "b");
    private FakeGraphServer _graph = null!;
    private BotApp _bot = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _graph.On("POST", Events, GraphAnswer.Fixture(201, "event-created", ("eventId", "AAMkevent1"), ("joinUrl", JoinUrl)));
        _graph.On("PATCH", Events + "/AAMkevent1", GraphAnswer.Fixture(200, "event-created", ("eventId", "AAMkevent1"), ("joinUrl", JoinUrl)));
        _graph.On("GET", "/v1.0/users/" + FakeGraphServer.Mailbox + "/onlineMeetings", GraphAnswer.Fixture(200, "online-meetings", ("joinUrl", JoinUrl), ("threadId", ThreadId)));
        _bot = await BotApp.StartAsync(o =>
        {
            o.Use(_registrants);
            _graph.ConfigureBot(o);
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _graph.DisposeAsync();
    }

    /// <summary>Adds a resource through the resource list card; returns the card the bot answered with.</summary>
    public static async Task<Turn> AddResourceAsync(TeamsConversation organiser, JsonObject card, string title, string url) =>
        await organiser.PressAsync(card, ConceptNoteVerbs.Add, new Dictionary<string, string> { [ConceptNoteVerbs.TitleKey] = title, [ConceptNoteVerbs.UrlKey] = url });

    /// <summary>Schedules and waits for the report that the meeting is in Teams, so that it is no later turn's reply.</summary>
    private async Task ScheduleAsync(TeamsConversation organiser, string command)
    {
        await organiser.SayAsync(command);
        await _bot.WaitForConsultationAsync(1, c => c.Teams == TeamsState.InTeams);
        await _bot.WaitForSendAsync(organiser, "is in Teams");
    }

    [Fact]
    public async Task ConceptNote_WithTwoResources_ReachesAFrenchRegistrant_AndTheMeetingBodyLinksItsPage()
    {
        var alice = _bot.PersonalChat(TestUsers.Alice).InLocale("fr-FR");
        await alice.SayAsync("language", timeZone: "Asia/Bangkok");
        var organiser = _bot.PersonalChat(TestUsers.Organiser);
        await ScheduleAsync(organiser, "schedule b 2026-12-12 14:00 2h");

        var list = await organiser.SayAsync("resources 1");
        Assert.Contains("No resources added yet", list.AllText);
        var refused = await AddResourceAsync(organiser, list.Reply.Card, "A script", "javascript:alert(1)");
        Assert.Contains("The link must be a full address starting with https://", refused.AllText);
        Assert.Equal("javascript:alert(1)", (string?)CardText.Inputs(refused.InvokeCard!)[ConceptNoteVerbs.UrlKey]["value"]);
        var insecure = await AddResourceAsync(organiser, refused.InvokeCard!, "Plain http", "http://example.org/paper.pdf");
        Assert.Contains("The link must be a full address starting with https://", insecure.AllText);
        var first = await AddResourceAsync(organiser, insecure.InvokeCard!, HostileTitle, PaperUrl);
        Assert.Contains("to the resource list.", first.AllText);
        var second = await AddResourceAsync(organiser, first.InvokeCard!, DataTitle, DataUrl);
        var twice = await AddResourceAsync(organiser, second.InvokeCard!, "Again", DataUrl);
        Assert.Contains("That link is already on the list.", twice.AllText);

        var page = _bot.Services.GetRequiredService<PublicAddress>().Link("/consultations/1/concept-note").ToString();

        // Alice opens the concept note from her notice, in French.
        await _bot.WaitForSendAsync(alice, "Vous êtes invité·e à une consultation");
        var notice = _bot.SentTo(alice).First(s => s.AllText.Contains("Vous êtes invité·e à une consultation", StringComparison.Ordinal));
        var note = await alice.PressAsync(notice.Card, ConceptNoteVerbs.Show);
        var reply = note.Replies.Single(r => r.AllText.Contains("Note conceptuelle", StringComparison.Ordinal));
        var card = reply.Card;
        Assert.Equal("fr", (string?)card["lang"]);
        var text = reply.AllText;
        Assert.Contains("Note conceptuelle", text);
        Assert.Contains("Objectif 4 : Munir tous les migrants d'une preuve d'identité légale et de papiers adéquats", text);
        Assert.Contains("Programme", text);
        Assert.Contains(PaperUrl, text);
        Assert.Contains(DataTitle, text);
        Assert.Contains(DataUrl, text);
        Assert.Equal(page, (string?)CardText.Actions(card).Single(a => (string?)a["type"] == "Action.OpenUrl")["url"]);
        Assert.DoesNotContain(CardText.Actions(card), a => (string?)a["verb"] == ConceptNoteVerbs.Resources);

        // The public page, in French, lists both resources, the hostile title as text.
        var response = await _bot.Http.GetAsync("/consultations/1/concept-note?lang=fr");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
            response.Headers.GetValues("Content-Security-Policy").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"fr\">", html);
        Assert.Contains($"<a href=\"{PaperUrl}\">&lt;script&gt;alert(&#39;r&#39;)&lt;/script&gt; Background paper &amp; data</a>", html);
        Assert.Contains($"<a href=\"{DataUrl}\">{DataTitle}</a>", html);
        Assert.DoesNotContain("<script", html);
        // The theme's official title in the page's language (the agenda template once wrote it in English).
        Assert.Contains("b. Protéger les migrants par des mesures de gouvernance des frontières fondées sur les droits", System.Net.WebUtility.HtmlDecode(html));

        // The meeting's body (written again when the consultation changes) links the concept note's page.
        await organiser.SayAsync("reschedule 1 2026-12-13 14:00");
        await _bot.WaitForConsultationAsync(1, c => c.Teams == TeamsState.InTeams && c.Start.Day == 13);
        var created = (string)Assert.Single(_graph.RequestsTo("POST", Events)).Json!["body"]!["content"]!;
        Assert.Contains($"<a href=\"{page}\">Concept note, programme and resources (kept up to date)</a>", created);
        var updated = (string)_graph.RequestsTo("PATCH", Events + "/AAMkevent1").Last().Json!["body"]!["content"]!;
        Assert.Contains(page, updated);
        Assert.Contains(PaperUrl, updated);
        Assert.Contains("&lt;script&gt;", updated);
        Assert.DoesNotContain("<script", updated);

        Assert.Empty(_graph.Unmatched);
    }

    [Fact]
    public async Task Resources_RemoveOne_AndTheNoteAndPageNoLongerListIt_CancelledConsultationHasNoPage()
    {
        var organiser = _bot.PersonalChat(TestUsers.Organiser);
        await ScheduleAsync(organiser, "schedule b 2026-12-12 14:00");
        var list = await organiser.SayAsync("resources 1");
        var added = await AddResourceAsync(organiser, list.Reply.Card, DataTitle, DataUrl);
        var removed = await organiser.PressAsync(added.InvokeCard!, ConceptNoteVerbs.Remove);
        Assert.Contains("Removed from the resource list.", removed.AllText);
        var again = await organiser.PressAsync(added.InvokeCard!, ConceptNoteVerbs.Remove);
        Assert.Contains("That resource was already removed.", again.AllText);

        var note = await organiser.SayAsync("concept note 1");
        Assert.DoesNotContain(DataUrl, note.AllText);
        Assert.Contains(AgendaTemplate.CompactUrl, note.AllText);
        Assert.Contains(CardText.Actions(note.Reply.Card), a => (string?)a["verb"] == ConceptNoteVerbs.Resources);
        Assert.DoesNotContain(DataUrl, await _bot.Http.GetStringAsync("/consultations/1/concept-note"));

        Assert.Equal(HttpStatusCode.NotFound, (await _bot.Http.GetAsync("/consultations/99/concept-note")).StatusCode);
        await organiser.SayAsync("cancel consultation 1");
        Assert.Equal(HttpStatusCode.NotFound, (await _bot.Http.GetAsync("/consultations/1/concept-note")).StatusCode);
    }

    [Fact]
    public async Task Resources_ByAParticipant_AreRefused()
    {
        await ScheduleAsync(_bot.PersonalChat(TestUsers.Organiser), "schedule b 2026-12-12 14:00");
        var alice = _bot.PersonalChat(TestUsers.Alice);
        var typed = await alice.SayAsync("resources 1");
        Assert.DoesNotContain("Resource list", typed.AllText);
        await alice.SubmitAsync(new JsonObject
        {
            ["verb"] = ConceptNoteVerbs.Add,
            [ConceptNoteVerbs.Consultation] = "1",
            [ConceptNoteVerbs.TitleKey] = "Mine",
            [ConceptNoteVerbs.UrlKey] = "https://example.org/mine",
        });
        Assert.DoesNotContain("https://example.org/mine", await _bot.Http.GetStringAsync("/consultations/1/concept-note"));
    }

    [Fact]
    public async Task ConceptNote_InThePseudoLocale_EveryTextComesFromTheResources()
    {
        var organiser = _bot.PersonalChat(TestUsers.Organiser);
        await ScheduleAsync(organiser, "schedule b 2026-12-12 14:00");
        var pseudo = _bot.PersonalChat(TestUsers.Organiser).InLocale("qps-ploc");
        var list = await pseudo.SayAsync("resources 1");
        var refused = await AddResourceAsync(pseudo, list.Reply.Card, DataTitle, "ftp://example.org");
        var added = await AddResourceAsync(pseudo, refused.InvokeCard!, DataTitle, DataUrl);
        var note = await pseudo.SayAsync("concept note 1");

        // "https://" is the link input's placeholder: the scheme, not a sentence.
        string[] data = [DataTitle, DataUrl, AgendaTemplate.CompactUrl, AgendaTemplate.RegionalReviewUrl, "missingmigrants", "iom.int", "ftp://example.org", "https", "Stakeholder consultation", "Protecting migrants through rights-based border governance measures", "GMT", "UTC", "Dec", "Sat"];
        foreach (var turn in new[] { list, refused, added, note })
        {
            var untranslated = Untranslated.In(turn.AllText, data);
            Assert.True(untranslated.Count == 0, string.Join(", ", untranslated));
        }
    }
}
