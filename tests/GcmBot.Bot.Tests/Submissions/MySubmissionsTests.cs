using System.Text.Json.Nodes;
using GcmBot.Bot.Submissions;
using GcmBot.Cards.Submissions;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Submissions;

public sealed class MySubmissionsTests : IAsyncLifetime
{
    private SubmissionsKit _kit = null!;

    public async Task InitializeAsync() => _kit = await SubmissionsKit.StartAsync();

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    private TeamsConversation Alice => _kit.Bot.PersonalChat(TestUsers.Alice);

    [Fact]
    public async Task MySubmissions_None_SaysHowToSubmit()
    {
        var turn = await Alice.SayAsync("my submissions");

        Assert.Contains("not sent a written submission yet", turn.Reply.AllText);
    }

    [Fact]
    public async Task MySubmissions_ListsOnlyTheirOwn_NewestFirst()
    {
        await _kit.SubmittedAsync(TestUsers.Alice, (SubmissionFormCard.Title, "First of Alice"));
        await _kit.SubmittedAsync(TestUsers.Bob, (SubmissionFormCard.Title, "Bob's"));
        await _kit.SubmittedAsync(TestUsers.Alice, (SubmissionFormCard.Title, "Second of Alice"));

        var text = (await Alice.SayAsync("my submissions")).Reply.AllText;

        Assert.DoesNotContain("Bob", text);
        Assert.True(text.IndexOf("Second of Alice", StringComparison.Ordinal) < text.IndexOf("First of Alice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MySubmissions_ManySubmissions_ArePaged()
    {
        for (var i = 1; i <= 7; i++)
        {
            await _kit.SubmittedAsync(TestUsers.Alice, (SubmissionFormCard.Title, $"Submission number {i}"));
        }

        var first = await Alice.SayAsync("my submissions");
        var older = await Alice.PressAsync(first.Reply.Card, SubmissionVerbs.Mine);

        Assert.Contains("Submission number 7", first.Reply.AllText);
        Assert.DoesNotContain("Submission number 2", first.Reply.AllText);
        Assert.Contains("Submission number 1", older.Reply.AllText);
        Assert.DoesNotContain("Submission number 7", older.Reply.AllText);
    }

    [Fact]
    public async Task Edit_BeforeReview_SavesTheNewVersion()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice);
        var list = await Alice.SayAsync("my submissions");
        var form = await Alice.PressAsync(list.Reply.Card, SubmissionVerbs.Edit);

        var saved = await Alice.PressAsync(form.Reply.Card, SubmissionVerbs.Save, new Dictionary<string, string>
        {
            [SubmissionFormCard.Title] = "Decent work: a revised title",
        });

        Assert.Contains("Decent work for migrant domestic workers", CardText.Inputs(form.Reply.Card)[SubmissionFormCard.Title]["value"]!.ToString());
        Assert.Contains($"Saved: submission #{id}", saved.Reply.AllText);
        var stored = await Store.FindAsync(id, CancellationToken.None);
        Assert.Equal("Decent work: a revised title", stored!.Title);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Edit_SentTwice_SavesOnce()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice);
        var form = await Alice.PressAsync((await Alice.SayAsync("my submissions")).Reply.Card, SubmissionVerbs.Edit);
        var changes = new Dictionary<string, string> { [SubmissionFormCard.Title] = "Changed once" };

        var first = await Alice.PressAsync(form.Reply.Card, SubmissionVerbs.Save, changes);
        var second = await Alice.PressAsync(form.Reply.Card, SubmissionVerbs.Save, changes);

        Assert.Contains("Saved", first.Reply.AllText);
        Assert.Contains("Saved", second.Reply.AllText);
        Assert.Equal(2, (await Store.FindAsync(id, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task Edit_FromAnOlderFormAfterAnotherEdit_KeepsTheAnswersAndAsksToSendAgain()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice);
        var list = (await Alice.SayAsync("my submissions")).Reply.Card;
        var windowOne = await Alice.PressAsync(list, SubmissionVerbs.Edit);
        var windowTwo = await Alice.PressAsync(list, SubmissionVerbs.Edit);
        await Alice.PressAsync(windowOne.Reply.Card, SubmissionVerbs.Save, new Dictionary<string, string> { [SubmissionFormCard.Title] = "From window one" });

        var stale = await Alice.PressAsync(windowTwo.Reply.Card, SubmissionVerbs.Save, new Dictionary<string, string> { [SubmissionFormCard.Title] = "From window two" });
        var again = await Alice.PressAsync(stale.Reply.Card, SubmissionVerbs.Save);

        Assert.Contains("changed after you opened this form", stale.Reply.AllText);
        Assert.Equal("From window two", CardText.Inputs(stale.Reply.Card)[SubmissionFormCard.Title]["value"]!.ToString());
        Assert.Contains("Saved", again.Reply.AllText);
        Assert.Equal("From window two", (await Store.FindAsync(id, CancellationToken.None))!.Title);
    }

    [Fact]
    public async Task Edit_WithInvalidAnswers_ReshowsTheEditForm()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice);
        var form = await Alice.PressAsync((await Alice.SayAsync("my submissions")).Reply.Card, SubmissionVerbs.Edit);

        var turn = await Alice.PressAsync(form.Reply.Card, SubmissionVerbs.Save, new Dictionary<string, string> { [SubmissionFormCard.Themes] = string.Empty });

        Assert.Contains($"Edit your submission #{id}", turn.Reply.AllText);
        Assert.Contains("at least one roundtable theme", turn.Reply.AllText);
        Assert.Equal("Decent work for migrant domestic workers", (await Store.FindAsync(id, CancellationToken.None))!.Title);
    }

    [Fact]
    public async Task Edit_AfterItWasAccepted_IsRefused()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice);
        var form = await Alice.PressAsync((await Alice.SayAsync("my submissions")).Reply.Card, SubmissionVerbs.Edit);
        await _kit.DecidedAsync(id, SubmissionVerbs.Accept, TestUsers.Alice);

        var turn = await Alice.PressAsync(form.Reply.Card, SubmissionVerbs.Save, new Dictionary<string, string> { [SubmissionFormCard.Title] = "Too late" });

        Assert.Contains("can no longer be edited", turn.Reply.AllText);
        Assert.Equal("Decent work for migrant domestic workers", (await Store.FindAsync(id, CancellationToken.None))!.Title);
    }

    [Fact]
    public async Task MySubmissions_AfterAcceptance_OffersNoEditButton()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice);
        await _kit.DecidedAsync(id, SubmissionVerbs.Accept, TestUsers.Alice);

        var card = (await Alice.SayAsync("my submissions")).Reply.Card;

        Assert.Null(CardText.ActionWithVerb(card, SubmissionVerbs.Edit));
        Assert.NotNull(CardText.ActionWithVerb(card, SubmissionVerbs.Withdraw));
        Assert.Contains("Accepted and published", string.Join("\n", CardText.Of(card)));
    }

    [Fact]
    public async Task Edit_SomeoneElsesSubmission_IsRefusedAndChangesNothing()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice);
        var bob = _kit.Bot.PersonalChat(TestUsers.Bob);

        var open = await bob.SubmitAsync(new JsonObject { ["verb"] = SubmissionVerbs.Edit, [SubmissionVerbs.Id] = id.ToString() });
        var data = new JsonObject { ["verb"] = SubmissionVerbs.Save, [SubmissionVerbs.Id] = id.ToString(), [SubmissionVerbs.Version] = "1" };
        foreach (var (key, value) in SubmissionsKit.Form((SubmissionFormCard.Title, "Hijacked")))
        {
            data[key] = value;
        }

        var save = await bob.SubmitAsync(data);

        Assert.Contains("can't find that submission", open.Reply.Text);
        Assert.Contains("can't find that submission", save.Reply.Text);
        Assert.Equal("Decent work for migrant domestic workers", (await Store.FindAsync(id, CancellationToken.None))!.Title);
    }

    [Fact]
    public async Task Withdraw_RemovesItFromThePublicPage()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice);
        await _kit.DecidedAsync(id, SubmissionVerbs.Accept, TestUsers.Alice);
        Assert.Contains("Decent work for migrant domestic workers", await _kit.PublicPageAsync());

        var turn = await Alice.PressAsync((await Alice.SayAsync("my submissions")).Reply.Card, SubmissionVerbs.Withdraw);

        Assert.Contains($"Submission #{id} is withdrawn", turn.Reply.AllText);
        Assert.DoesNotContain("Decent work for migrant domestic workers", await _kit.PublicPageAsync());
        Assert.Equal(SubmissionStatus.Withdrawn, (await Store.FindAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Withdraw_Twice_SaysItWasAlreadyWithdrawn()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice);
        var card = (await Alice.SayAsync("my submissions")).Reply.Card;

        await Alice.PressAsync(card, SubmissionVerbs.Withdraw);
        var second = await Alice.PressAsync(card, SubmissionVerbs.Withdraw);

        Assert.Contains($"#{id} was already withdrawn", second.Reply.AllText);
    }

    [Fact]
    public async Task Withdraw_SomeoneElsesSubmission_IsRefused()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice);

        var turn = await _kit.Bot.PersonalChat(TestUsers.Bob).SubmitAsync(new JsonObject { ["verb"] = SubmissionVerbs.Withdraw, [SubmissionVerbs.Id] = id.ToString() });

        Assert.Contains("can't find that submission", turn.Reply.Text);
        Assert.Equal(SubmissionStatus.Pending, (await Store.FindAsync(id, CancellationToken.None))!.Status);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("99999999999999999999")]
    public async Task Edit_WithMalformedId_SaysTheCardIsOutOfDate(string id)
    {
        var turn = await Alice.SubmitAsync(new JsonObject { ["verb"] = SubmissionVerbs.Edit, [SubmissionVerbs.Id] = id });

        Assert.Contains("no longer works", turn.Reply.Text);
    }

    private SubmissionStore Store => _kit.Bot.Services.GetRequiredService<SubmissionStore>();
}
