using System.Text.Json.Nodes;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Submissions;
using GcmBot.Cards.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Submissions;

public sealed class SubmitTests : IAsyncLifetime
{
    private SubmissionsKit _kit = null!;

    public async Task InitializeAsync() => _kit = await SubmissionsKit.StartAsync();

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task Submit_UnregisteredPerson_PointsToRegister()
    {
        var turn = await _kit.Bot.PersonalChat(TestUsers.Alice).SayAsync("submit");

        Assert.Contains("type **register**", turn.Reply.Text);
        Assert.False(turn.Reply.HasCard);
    }

    [Fact]
    public async Task Submit_RegisteredPerson_ShowsFormWithTheirOrganisation()
    {
        _kit.Directory.Register(TestUsers.Alice, organisation: "Asia Pacific Mission for Migrants");

        var turn = await _kit.Bot.PersonalChat(TestUsers.Alice).SayAsync("submit");

        var inputs = CardText.Inputs(turn.Reply.Card);
        Assert.Equal("Asia Pacific Mission for Migrants", inputs[SubmissionFormCard.Organisation]["value"]!.GetValue<string>());
        Assert.Contains(SubmissionFormCard.Consent, inputs.Keys);
        Assert.NotNull(CardText.ActionWithVerb(turn.Reply.Card, SubmissionVerbs.Save));
    }

    [Fact]
    public async Task Submit_WithTheme_PreselectsItAndListsItsObjectivesFirst()
    {
        _kit.Directory.Register(TestUsers.Alice);

        var turn = await _kit.Bot.PersonalChat(TestUsers.Alice).SayAsync("submit c");

        var inputs = CardText.Inputs(turn.Reply.Card);
        Assert.Equal("c", inputs[SubmissionFormCard.Themes]["value"]!.GetValue<string>());
        var firstObjective = inputs[SubmissionFormCard.Objectives]["choices"]![0]!["value"]!.GetValue<string>();
        Assert.Equal("14", firstObjective);
    }

    [Fact]
    public async Task SendForm_Valid_StoresAndConfirmsWithTheNumber()
    {
        _kit.Directory.Register(TestUsers.Alice);

        var turn = await _kit.SubmitAsync(TestUsers.Alice);

        Assert.Contains("Thank you: submission #1 received", turn.Reply.AllText);
        Assert.Contains("Waiting for review", turn.Reply.AllText);
        var stored = await _kit.Bot.Services.GetRequiredService<SubmissionStore>().FindAsync(1, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(TestUsers.Alice.AadObjectId, stored.AuthorId);
        Assert.Equal(TestUsers.Alice.Name, stored.AuthorName);
        Assert.Equal(",6,", stored.Objectives);
        Assert.Equal(PublicationConsent.WithName, stored.Consent);
        Assert.Equal("Domestic workers need labour law coverage.\n\nRecruitment fees must be banned.", stored.Text);
    }

    [Fact]
    public async Task SendForm_Invalid_ReshowsTheFormWithAnswersKeptAndProblemsNextToFields()
    {
        _kit.Directory.Register(TestUsers.Alice);
        var form = SubmissionsKit.Form(
            (SubmissionFormCard.Title, "Ok"),
            (SubmissionFormCard.Objectives, "6,23"),
            (SubmissionFormCard.Link, "http://example.org/doc.pdf"),
            (SubmissionFormCard.Organisation, string.Empty),
            (SubmissionFormCard.Consent, "organisation"));

        var turn = await _kit.SubmitAsync(TestUsers.Alice, form);

        var card = turn.Reply.Card;
        var text = turn.Reply.AllText;
        Assert.Contains("4 answers need another look", text);
        Assert.Contains("at least 3 characters", text);
        Assert.Contains("Objective 23 belongs to theme d", text);
        Assert.Contains("starting with https://", text);
        Assert.Contains("name the organisation", text);
        var inputs = CardText.Inputs(card);
        Assert.Equal("Ok", inputs[SubmissionFormCard.Title]["value"]!.GetValue<string>());
        Assert.Equal("http://example.org/doc.pdf", inputs[SubmissionFormCard.Link]["value"]!.GetValue<string>());
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task SendForm_ProblemIsShownRightUnderItsField()
    {
        _kit.Directory.Register(TestUsers.Alice);

        var turn = await _kit.SubmitAsync(TestUsers.Alice, SubmissionsKit.Form((SubmissionFormCard.Link, "javascript:alert(1)")));

        var body = turn.Reply.Card["body"]!.AsArray();
        var linkIndex = body.Select((e, i) => (e, i)).First(x => x.e!["id"]?.GetValue<string>() == SubmissionFormCard.Link).i;
        Assert.Contains("https://", body[linkIndex + 1]!["text"]!.GetValue<string>());
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task SendForm_NeitherTextNorLink_AsksForOne()
    {
        _kit.Directory.Register(TestUsers.Alice);

        var turn = await _kit.SubmitAsync(TestUsers.Alice, SubmissionsKit.Form((SubmissionFormCard.Text, "   ")));

        Assert.Contains("or give a link to a document", turn.Reply.AllText);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task SendForm_LinkOnly_IsAccepted()
    {
        _kit.Directory.Register(TestUsers.Alice);

        var turn = await _kit.SubmitAsync(TestUsers.Alice, SubmissionsKit.Form(
            (SubmissionFormCard.Text, string.Empty), (SubmissionFormCard.Link, "https://example.org/our submission.pdf".Replace(" ", "%20", StringComparison.Ordinal))));

        Assert.Contains("received", turn.Reply.AllText);
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task SendForm_OversizedText_IsRefusedWithTheLimit()
    {
        _kit.Directory.Register(TestUsers.Alice);

        var turn = await _kit.SubmitAsync(TestUsers.Alice, SubmissionsKit.Form((SubmissionFormCard.Text, new string('x', 8001))));

        Assert.Contains("under 8,000 characters", turn.Reply.AllText);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task SendForm_PressedTwice_StoresOneSubmission()
    {
        _kit.Directory.Register(TestUsers.Alice);
        var chat = _kit.Bot.PersonalChat(TestUsers.Alice);
        var form = (await chat.SayAsync("submit")).Reply.Card;

        var first = await chat.PressAsync(form, SubmissionVerbs.Save, SubmissionsKit.Form());
        var second = await chat.PressAsync(form, SubmissionVerbs.Save, SubmissionsKit.Form());

        Assert.Contains("#1 received", first.Reply.AllText);
        Assert.Contains("#1 received", second.Reply.AllText);
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task SendForm_TwiceAtTheSameMoment_StoresOneSubmission()
    {
        _kit.Directory.Register(TestUsers.Alice);
        var chat = _kit.Bot.PersonalChat(TestUsers.Alice);
        var form = (await chat.SayAsync("submit")).Reply.Card;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => chat.PressAsync(form, SubmissionVerbs.Save, SubmissionsKit.Form())));

        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task SendForm_ByUnregisteredPerson_PointsToRegisterAndStoresNothing()
    {
        var turn = await _kit.Bot.PersonalChat(TestUsers.Bob).SubmitAsync(FormData(SubmissionsKit.Form()));

        Assert.Contains("type **register**", turn.Reply.Text);
        Assert.Equal(0, await CountAsync());
    }

    [Theory]
    [InlineData("themes", "z")]
    [InlineData("themes", "")]
    [InlineData("objectives", "99")]
    [InlineData("objectives", "2; DROP TABLE")]
    [InlineData("consent", "everyone")]
    [InlineData("link", "https://user:secret@example.org/x")]
    [InlineData("link", "data:text/html,<script>alert(1)</script>")]
    public async Task SendForm_TamperedValue_IsRefusedAndNothingIsStored(string field, string value)
    {
        _kit.Directory.Register(TestUsers.Alice);

        var turn = await _kit.Bot.PersonalChat(TestUsers.Alice).SubmitAsync(FormData(SubmissionsKit.Form((field, value))));

        Assert.Contains("needs another look", turn.Reply.AllText);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task SendForm_NonStringValues_AreTreatedAsMissing()
    {
        _kit.Directory.Register(TestUsers.Alice);
        var data = FormData(SubmissionsKit.Form());
        data[SubmissionFormCard.Title] = new JsonArray(1, 2);
        data[SubmissionFormCard.Consent] = 42;

        var turn = await _kit.Bot.PersonalChat(TestUsers.Alice).SubmitAsync(data);

        Assert.Contains("2 answers need another look", turn.Reply.AllText);
        Assert.Equal(0, await CountAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("short")]
    [InlineData("../../etc/passwd-xxxxxxxx")]
    public async Task SendForm_MissingOrOddSubmitKey_SaysTheCardIsOutOfDate(string? key)
    {
        _kit.Directory.Register(TestUsers.Alice);
        var data = FormData(SubmissionsKit.Form());
        data.Remove(SubmissionVerbs.SubmitKey);
        if (key is not null)
        {
            data[SubmissionVerbs.SubmitKey] = key;
        }

        var turn = await _kit.Bot.PersonalChat(TestUsers.Alice).SubmitAsync(data);

        Assert.Contains("no longer works", turn.Reply.Text);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task SendForm_BeyondTheOpenLimit_IsRefusedKindly()
    {
        for (var i = 0; i < SubmissionRules.MaxOpenPerPerson; i++)
        {
            await _kit.SubmittedAsync(TestUsers.Alice);
        }

        var turn = await _kit.SubmitAsync(TestUsers.Alice);

        Assert.Contains("the most one person can have", turn.Reply.Text);
        Assert.Equal(SubmissionRules.MaxOpenPerPerson, await CountAsync());
    }

    [Fact]
    public async Task SendForms_EightAtOnceWithOnePlaceLeft_OneIsStored_SevenAreRefused()
    {
        for (var i = 0; i < SubmissionRules.MaxOpenPerPerson - 1; i++)
        {
            await _kit.SubmittedAsync(TestUsers.Alice);
        }

        var answers = await _kit.Bot.PersonalChat(TestUsers.Alice).SendFormsAtOnceAsync("submit", SubmissionVerbs.Save, 8, _ => SubmissionsKit.Form());

        Assert.Equal(8, answers.Count);
        Assert.Single(answers, a => a.Contains("submission #", StringComparison.Ordinal));
        Assert.Equal(7, answers.Count(a => a.Contains("the most one person can have", StringComparison.Ordinal)));
        Assert.Equal(SubmissionRules.MaxOpenPerPerson, await CountAsync());
    }

    [Fact]
    public async Task Submission_AfterRestart_IsStillThere()
    {
        await _kit.SubmittedAsync(TestUsers.Alice);

        await _kit.Bot.RestartAsync();
        var turn = await _kit.Bot.PersonalChat(TestUsers.Alice).SayAsync("my submissions");

        Assert.Contains("Decent work for migrant domestic workers", turn.Reply.AllText);
    }

    [Fact]
    public async Task Submit_InAGroupChat_SaysWhereItWorks()
    {
        var turn = await _kit.Bot.GroupChat().SayAsync("submit");

        Assert.Contains("in a personal chat", turn.Reply.Text);
    }

    private static JsonObject FormData(IReadOnlyDictionary<string, string> form)
    {
        var data = new JsonObject { ["verb"] = SubmissionVerbs.Save, [SubmissionVerbs.SubmitKey] = Guid.NewGuid().ToString("N") };
        foreach (var (key, value) in form)
        {
            data[key] = value;
        }

        return data;
    }

    private async Task<int> CountAsync()
    {
        await using var db = await _kit.Bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        return await db.Set<WrittenSubmission>().CountAsync();
    }
}
