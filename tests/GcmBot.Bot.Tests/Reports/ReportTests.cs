using System.Text.Json.Nodes;
using static GcmBot.Bot.Tests.Reports.ReportsKit;

namespace GcmBot.Bot.Tests.Reports;

/// <summary>The summary report of a consultation played through the bot's commands and cards.</summary>
public sealed class ReportTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Report_OfAPlayedConsultation_ShowsExactKeyFiguresOnTheCard()
    {
        await RegisterSixAsync(_bot);
        await MeetingAsync(_bot);
        await SubmissionsAsync(_bot);

        var (card, _, _) = await ReportAsync(_bot, "consult-a");

        var facts = Facts(card);
        Assert.Equal("6 confirmed", facts["Registered"]);
        Assert.Equal("5 active in the meeting chat", facts["Attended"]);
        Assert.Equal("3 raised, 1 answered", facts["Questions"]);
        Assert.Equal("2, 3:30 of speaking time", facts["Interventions"]);
        Assert.Equal("2 received, 1 published", facts["Written submissions"]);
        Assert.Equal("1", facts["Key issues"]);
        Assert.Equal("1", facts["Recommendations"]);
        // The guest who voted did not register: counted apart, not as an "unknown" category, so the migrants' share of
        // the registered attendees (1 of 4) is exactly half their share of registrations (3 of 6): no flag.
        Assert.DoesNotContain("Under-represented", string.Join("\n", CardText.Of(card)));
        Assert.DoesNotContain("(stakeholder group): 3 registered", string.Join("\n", CardText.Of(card)));
    }

    [Fact]
    public async Task Report_Html_HasTheExactBreakdownsQuestionsAndInterventions()
    {
        await RegisterSixAsync(_bot);
        await DateAsync(_bot, "consult-a", new DateTimeOffset(2026, 12, 1, 4, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(2.5));
        await MeetingAsync(_bot);
        await SubmissionsAsync(_bot);

        var (_, html, _) = await ReportAsync(_bot, "consult-a");

        Assert.Contains("Tue 1 Dec 2026, 11:00–13:30 (GMT+7) · Tue 1 Dec 2026, 04:00–06:30 (UTC)", html);
        Assert.Contains("<li>6. Facilitate fair and ethical recruitment", html);
        Assert.Contains("Registered: 6 confirmed. Attended: 5 ", html);
        // Groups: civil society 3 registered, 3 attended; migrants 3 and 1 (hidden, and flagged); the guest is unknown.
        // Attended: civil society 3 and migrants 1; hiding the 1 alone would give it away (4 − 3), so the 3 is hidden too.
        Assert.Contains("<tr><th scope=\"row\">Civil society organisations</th><td class=\"n\">3</td><td class=\"n\">fewer than 3</td><td></td></tr>", html);
        Assert.Contains("<tr><th scope=\"row\">Migrants and migrant organisations</th><td class=\"n\">3</td><td class=\"n\">fewer than 3</td><td></td></tr>", html);
        // The guest is not put into any category: a line of their own, by how they took part.
        Assert.DoesNotContain("<th scope=\"row\">Unknown</th>", html);
        Assert.Contains("Registered: 6 confirmed. Attended: 5 (people who asked or voted in the Q&amp;A or asked for the floor in the meeting chat). 4 of them are registered stakeholders; 1 did not register.", html);
        Assert.Contains("<tr><th scope=\"row\">Signed in to Teams, not registered (member or guest)</th><td class=\"n\">fewer than 3</td></tr>", html);
        // Subregions: South and South-West Asia 3, South-East Asia 2 (hidden), Pacific 1 (hidden).
        Assert.Contains("<tr><th scope=\"row\">South and South-West Asia</th><td class=\"n\">3</td>", html);
        Assert.Contains("<tr><th scope=\"row\">South-East Asia</th><td class=\"n\">fewer than 3</td>", html);
        Assert.Contains("<tr><th scope=\"row\">Pacific</th><td class=\"n\">fewer than 3</td>", html);
        // Genders: men 2 is hidden, so women 4 is hidden too (else 6 − 4 gives it away).
        Assert.Contains("<tr><th scope=\"row\">Woman</th><td class=\"n\">fewer than 3</td>", html);
        Assert.Contains("<tr><th scope=\"row\">Man</th><td class=\"n\">fewer than 3</td>", html);
        Assert.Contains("3 questions raised: 1 answered, 2 not answered.", html);
        Assert.Contains("<td class=\"n\">1</td><td>How will the review hear migrant domestic workers?</td><td class=\"n\">3</td><td>Yes</td>", html);
        Assert.Contains("<td class=\"n\">3</td><td>Where are the concept notes?</td><td class=\"n\">0</td><td>No</td>", html);
        Assert.Contains("<tr><th scope=\"row\">Civil society organisations</th><td class=\"n\">2</td><td class=\"n\">3:30</td></tr>", html);
        Assert.Contains("<li>Decent work for domestic workers <span class=\"note\">(Alice Ahmed, Migrant Forum in Asia)</span></li>", html);
        Assert.DoesNotContain("Confidential note", html);
        Assert.Contains("Abolish recruitment fees for workers", html);
    }

    [Fact]
    public async Task Report_Html_EscapesHostileTextAndRunsNothing()
    {
        await RegisterSixAsync(_bot);
        await MeetingAsync(_bot);

        var (_, html, markdown) = await ReportAsync(_bot, "consult-a");

        Assert.Contains("&lt;script&gt;alert(&#39;q&#39;)&lt;/script&gt; Will fees be &lt;b&gt;banned&lt;/b&gt;?", html);
        Assert.Contains("&lt;script&gt;alert(&#39;k&#39;)&lt;/script&gt; Recruitment fees fall on workers &amp; families", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains($"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '{GcmBot.Bot.Reports.ReportHtml.StyleHash}'\">", html);
        Assert.Contains("\\<script\\>alert('q')\\</script\\>", markdown);
    }

    [Fact]
    public async Task Report_Markdown_HasTheSameFiguresAsTextTables()
    {
        await RegisterSixAsync(_bot);
        await MeetingAsync(_bot);

        var (_, _, markdown) = await ReportAsync(_bot, "consult-a");

        Assert.StartsWith("# Draft informal summary report: Stakeholder consultation on theme a", markdown);
        Assert.Contains("| Civil society organisations | 3 | fewer than 3 |  |", markdown);
        Assert.Contains("| Migrants and migrant organisations | 3 | fewer than 3 |  |", markdown);
        Assert.Contains("| Signed in to Teams, not registered (member or guest) | fewer than 3 |", markdown);
        Assert.Contains("| 1 | How will the review hear migrant domestic workers? | 3 | Yes |", markdown);
        Assert.Contains("| Civil society organisations | 2 | 3:30 |", markdown);
        Assert.Contains("Date and time:** Date to be confirmed", markdown);
    }

    [Fact]
    public async Task Report_EventWithoutADate_TakesTheTimeOfTheConsultationScheduledOnItsTheme()
    {
        await _bot.PersonalChat(TestUsers.Organiser).SayAsync("schedule a 2026-12-10 10:00");

        var (_, html, markdown) = await ReportAsync(_bot, "consult-a");

        Assert.Contains("Thu 10 Dec 2026, 10:00–12:00 (GMT+7) · Thu 10 Dec 2026, 03:00–05:00 (UTC)", html);
        Assert.DoesNotContain("Date to be confirmed", markdown);
    }

    [Fact]
    public async Task Report_WithFileOffersTurnedOff_SendsTheCardAlone()
    {
        await using var bot = await StartAsync(o => o.Settings["Reports:OfferFiles"] = "false");

        var turn = await bot.PersonalChat(TestUsers.Organiser).SayAsync("report consult-a");

        Assert.Contains("Draft informal summary report", turn.Reply.AllText);
        Assert.DoesNotContain("OneDrive", turn.Reply.AllText);
    }

    [Fact]
    public async Task Report_ByThemeLetter_IsTheSameConsultation()
    {
        await RegisterSixAsync(_bot);

        var (card, _, _) = await ReportAsync(_bot, "a");

        Assert.Equal("6 confirmed", Facts(card)["Registered"]);
        Assert.Equal("not recorded", Facts(card)["Attended"]);
        // The card names the consultation by its title, never by its id.
        Assert.Contains("Stakeholder consultation on theme a: Ensuring that migration is voluntary, orderly and regular", string.Join("\n", CardText.Of(card)));
        Assert.DoesNotContain("consult-a", string.Join("\n", CardText.Of(card)));
    }

    [Fact]
    public async Task Report_ByANonOrganiser_IsRefusedAndPublishesNothing()
    {
        var turn = await _bot.PersonalChat(TestUsers.Alice).SayAsync("report consult-a");

        Assert.Contains("is for the organisers", turn.Reply.AllText);
        Assert.False(turn.Reply.HasCard);
    }

    [Theory]
    [InlineData("consult-z", "I do not know a consultation called “consult-z”.")]
    [InlineData("", null)]
    [InlineData("42", "There is no scheduled consultation number 42.")]
    public async Task Report_OfAnUnknownConsultation_OffersTheConsultationsByTitle(string argument, string? problem)
    {
        var turn = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("report " + argument);

        var card = turn.Reply.Card;
        var text = CardText.Of(card).ToList();
        if (problem is not null)
        {
            Assert.Equal(problem, text[0]);
        }

        Assert.Contains("Which consultation?", text);
        var buttons = CardText.Actions(card).Select(a => (Title: a["title"]!.GetValue<string>(), Command: a["data"]?["command"]?.GetValue<string>())).ToList();
        Assert.Contains(("Stakeholder consultation on theme b: Protecting migrants through rights-based border governance measures", "report consult-b"), buttons);
        Assert.Contains(("Representation across the consultations", "report representation"), buttons);
        // The ids are what the buttons type, never what the organiser reads.
        Assert.DoesNotContain(text, t => t.Contains("consult-b", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Report_ChoiceButton_BuildsTheReportOfThatConsultation()
    {
        var organiser = _bot.PersonalChat(TestUsers.Organiser);
        var choice = await organiser.SayAsync("report");

        var button = CardText.Actions(choice.Reply.Card).Single(a => a["title"]!.GetValue<string>().StartsWith("Stakeholder consultation on theme b", StringComparison.Ordinal));
        var turn = await organiser.SubmitAsync(button["data"]!.AsObject());

        Assert.Contains("Draft informal summary report", turn.Replies[0].AllText);
        Assert.Contains("Protecting migrants through rights-based border governance measures", turn.Replies[0].AllText);
    }

    [Fact]
    public async Task Report_OfHostileName_IsQuotedSafely()
    {
        var turn = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("report **x**[y](javascript:1)");

        Assert.Equal("I do not know a consultation called “\\*\\*x\\*\\*\\[y\\](javascript:1)”.", CardText.Of(turn.Reply.Card).First());
    }

    [Fact]
    public async Task Representation_CountsTheUnregisteredGuestApartAndRaisesNoFlagAtExactlyHalf()
    {
        await RegisterSixAsync(_bot);
        await MeetingAsync(_bot);

        var turn = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("report representation");

        var card = turn.Replies[0].Card;
        var text = string.Join("\n", CardText.Of(card));
        Assert.Contains("6 registered · 5 attended", text);
        Assert.DoesNotContain("(stakeholder group): 3 registered", text);
        var html = await _bot.Http.GetStringAsync(new Uri(OpenLink(card)).PathAndQuery);
        Assert.Contains("<h1>Representation across the consultations</h1>", html);
        Assert.Contains("No category meets the rule.", html);
        Assert.Contains("<tr><th scope=\"row\">Signed in to Teams, not registered (member or guest)</th><td class=\"n\">fewer than 3</td></tr>", html);
    }

    [Fact]
    public async Task Representation_ByANonOrganiser_IsRefused()
    {
        var turn = await _bot.PersonalChat(TestUsers.Bob).SayAsync("report representation");

        Assert.Contains("is for the organisers", turn.Reply.AllText);
    }
}
