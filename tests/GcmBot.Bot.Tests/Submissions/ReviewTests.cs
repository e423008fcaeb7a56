using System.Text.Json.Nodes;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Submissions;
using GcmBot.Bot.Teams.Outbound;
using GcmBot.Cards.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Submissions;

public sealed class ReviewTests : IAsyncLifetime
{
    private static readonly TestUser SecondOrganiser = new("29:organiser-2", "0f0f0f0f-0000-0000-0000-00000000000b", "Omar Organiser");

    private SubmissionsKit _kit = null!;

    public async Task InitializeAsync() => _kit = await SubmissionsKit.StartAsync(o => o.Organisers.Add(SecondOrganiser.AadObjectId));

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    private TeamsConversation Organiser => _kit.Bot.PersonalChat(TestUsers.Organiser);

    [Fact]
    public async Task ReviewSubmissions_NonOrganiser_IsRefused()
    {
        var turn = await _kit.Bot.PersonalChat(TestUsers.Alice).SayAsync("review submissions");

        Assert.Contains("is for the organisers", turn.Reply.Text);
    }

    [Theory]
    [InlineData(SubmissionVerbs.ReviewDecide)]
    [InlineData(SubmissionVerbs.ReviewOpen)]
    [InlineData(SubmissionVerbs.ReviewList)]
    public async Task ReviewAction_NonOrganiser_IsRefusedAndChangesNothing(string verb)
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice);

        var turn = await _kit.Bot.PersonalChat(TestUsers.Alice).SubmitAsync(new JsonObject
        {
            ["verb"] = verb,
            [SubmissionVerbs.Id] = id.ToString(),
            [SubmissionVerbs.Version] = "1",
            [SubmissionVerbs.Decision] = SubmissionVerbs.Accept,
            [SubmissionVerbs.Page] = "0",
        });

        Assert.Contains("is for the organisers", turn.Reply.Text);
        Assert.Equal(SubmissionStatus.Pending, (await Store.FindAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ReviewSubmissions_ListsPendingOnes_OldestFirst()
    {
        await _kit.SubmittedAsync(TestUsers.Alice, (SubmissionFormCard.Title, "Older one"));
        await _kit.SubmittedAsync(TestUsers.Bob, (SubmissionFormCard.Title, "Newer one"), (SubmissionFormCard.Organisation, "Lawyers Beyond Borders"));

        var text = (await Organiser.SayAsync("review submissions")).Reply.AllText;

        Assert.Contains("2 submissions are waiting", text);
        Assert.True(text.IndexOf("Older one", StringComparison.Ordinal) < text.IndexOf("Newer one", StringComparison.Ordinal));
        Assert.Contains("Lawyers Beyond Borders · themes a", text);
    }

    [Fact]
    public async Task ReviewCard_ShowsTheFullTextAndWhatAcceptingPublishes()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice, (SubmissionFormCard.Consent, "organisation"));

        var card = await _kit.OpenForReviewAsync(id);

        var text = string.Join("\n", CardText.Of(card));
        Assert.Contains("Recruitment fees must be banned.", text);
        Assert.Contains("publishes it under Migrant Forum in Asia only, without the author's name", text);
    }

    [Fact]
    public async Task Accept_PublishesAndTellsTheAuthor()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice);

        var turn = await _kit.DecideAsync(id, SubmissionVerbs.Accept);

        Assert.Contains($"#{id} is accepted. The author is being told.", turn.Reply.AllText);
        Assert.Contains("Nothing is waiting for review", turn.Reply.AllText);
        var notice = await _kit.NoticeAsync(TestUsers.Alice, $"Your submission #{id} was accepted");
        Assert.Contains("published on the regional review's web page", notice.AllText);
        Assert.Contains("Decent work for migrant domestic workers", await _kit.PublicPageAsync());
    }

    [Fact]
    public async Task Accept_PressedTwice_DecidesAndNotifiesOnce()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice);
        var card = await _kit.OpenForReviewAsync(id);

        await Organiser.PressAsync(card, SubmissionVerbs.ReviewDecide);
        var second = await Organiser.PressAsync(card, SubmissionVerbs.ReviewDecide);
        await _kit.NoticeAsync(TestUsers.Alice, "was accepted");

        Assert.Contains("was already accepted; nothing more was done", second.Reply.AllText);
        Assert.Equal(1, await NoticesAsync(id));
    }

    [Fact]
    public async Task TwoOrganisers_DecidingAtTheSameMoment_OneDecisionStands()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice);
        var card = await _kit.OpenForReviewAsync(id);
        var data = (JsonObject)CardText.ActionWithVerb(card, SubmissionVerbs.ReviewDecide)!["data"]!;
        var reject = data.DeepClone().AsObject();
        reject[SubmissionVerbs.Decision] = SubmissionVerbs.Reject;

        var turns = await Task.WhenAll(
            Organiser.SubmitAsync(data),
            _kit.Bot.PersonalChat(SecondOrganiser).SubmitAsync(reject, SecondOrganiser));

        var stored = await Store.FindAsync(id, CancellationToken.None);
        Assert.Equal(2, stored!.Version);
        Assert.Single(turns, t => t.Reply.AllText.Contains("so your decision was not applied", StringComparison.Ordinal));
        Assert.Equal(1, await NoticesAsync(id));
    }

    [Fact]
    public async Task Return_WithAComment_TellsTheAuthorWhoCanEditAndResubmit()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice);

        await _kit.DecideAsync(id, SubmissionVerbs.Return, "Please add <b>sources</b> for the figures.");
        var notice = await _kit.NoticeAsync(TestUsers.Alice, "was returned for changes");
        var alice = _kit.Bot.PersonalChat(TestUsers.Alice);
        var form = await alice.PressAsync(notice.Card, SubmissionVerbs.Edit);
        var resent = await alice.PressAsync(form.Reply.Card, SubmissionVerbs.Save, new Dictionary<string, string> { [SubmissionFormCard.Link] = "https://example.org/sources.pdf" });

        Assert.Contains("Please add \\<b\\>sources\\</b\\> for the figures.", notice.AllText);
        Assert.Contains("returned it with this comment", form.Reply.AllText);
        Assert.Contains("Saved", resent.Reply.AllText);
        var stored = await Store.FindAsync(id, CancellationToken.None);
        Assert.Equal(SubmissionStatus.Pending, stored!.Status);
        Assert.Contains("sent again after changes", (await Organiser.SayAsync("review submissions")).Reply.AllText);
    }

    [Fact]
    public async Task Return_WithoutAComment_AsksForOneAndChangesNothing()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice);

        var turn = await _kit.DecideAsync(id, SubmissionVerbs.Return, "   ");

        Assert.Contains("Please say what the author should change", turn.Reply.AllText);
        Assert.Equal(SubmissionStatus.Pending, (await Store.FindAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Reject_TellsTheAuthorWithTheComment_AndNothingIsPublished()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice);

        var turn = await _kit.DecideAsync(id, SubmissionVerbs.Reject, "Out of the review's scope.");

        Assert.Contains($"#{id} is rejected", turn.Reply.AllText);
        var notice = await _kit.NoticeAsync(TestUsers.Alice, "was not accepted");
        Assert.Contains("Out of the review's scope.", notice.AllText);
        Assert.DoesNotContain("Decent work", await _kit.PublicPageAsync());
    }

    [Fact]
    public async Task Decide_AfterTheAuthorChangedIt_ShowsTheNewVersionAndDecidesNothing()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice);
        var card = await _kit.OpenForReviewAsync(id);
        var alice = _kit.Bot.PersonalChat(TestUsers.Alice);
        var form = await alice.PressAsync((await alice.SayAsync("my submissions")).Reply.Card, SubmissionVerbs.Edit);
        await alice.PressAsync(form.Reply.Card, SubmissionVerbs.Save, new Dictionary<string, string> { [SubmissionFormCard.Title] = "Changed while under review" });

        var turn = await Organiser.PressAsync(card, SubmissionVerbs.ReviewDecide);

        Assert.Contains("changed this submission while you were reading it", turn.Reply.AllText);
        Assert.Contains("Changed while under review", turn.Reply.AllText);
        Assert.Equal(SubmissionStatus.Pending, (await Store.FindAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Decide_AfterTheAuthorWithdrewIt_IsNotApplied()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice);
        var card = await _kit.OpenForReviewAsync(id);
        var alice = _kit.Bot.PersonalChat(TestUsers.Alice);
        await alice.PressAsync((await alice.SayAsync("my submissions")).Reply.Card, SubmissionVerbs.Withdraw);

        var turn = await Organiser.PressAsync(card, SubmissionVerbs.ReviewDecide);

        Assert.Contains("had already been withdrawn by its author", turn.Reply.AllText);
        Assert.Equal(SubmissionStatus.Withdrawn, (await Store.FindAsync(id, CancellationToken.None))!.Status);
    }

    [Theory]
    [InlineData("maybe", "1")]
    [InlineData("accept", "x")]
    [InlineData("accept", "")]
    public async Task Decide_WithMalformedData_SaysTheCardIsOutOfDate(string decision, string version)
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice);

        var turn = await Organiser.SubmitAsync(new JsonObject
        {
            ["verb"] = SubmissionVerbs.ReviewDecide,
            [SubmissionVerbs.Id] = id.ToString(),
            [SubmissionVerbs.Version] = version,
            [SubmissionVerbs.Decision] = decision,
        });

        Assert.Contains("no longer works", turn.Reply.Text);
        Assert.Equal(SubmissionStatus.Pending, (await Store.FindAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Decide_UnknownSubmission_SaysThereIsNone()
    {
        var turn = await Organiser.SubmitAsync(new JsonObject
        {
            ["verb"] = SubmissionVerbs.ReviewDecide,
            [SubmissionVerbs.Id] = "4711",
            [SubmissionVerbs.Version] = "1",
            [SubmissionVerbs.Decision] = SubmissionVerbs.Accept,
        });

        Assert.Contains("There is no submission #4711", turn.Reply.Text);
    }

    [Fact]
    public async Task Accept_AuthorWhoWasForgotten_NobodyIsTold()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice, (SubmissionFormCard.Consent, "organisation"));
        await new SubmissionsEraser(Store).EraseAsync(TestUsers.Alice.AadObjectId, CancellationToken.None);

        var turn = await _kit.DecideAsync(id, SubmissionVerbs.Accept);

        Assert.Contains("asked to be forgotten, so nobody was told", turn.Reply.AllText);
        Assert.Equal(0, await NoticesAsync(id));
    }

    private SubmissionStore Store => _kit.Bot.Services.GetRequiredService<SubmissionStore>();

    private async Task<int> NoticesAsync(int id)
    {
        await using var db = await _kit.Bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        var prefix = $"submission-decision:{id}:";
        return await db.Set<OutboundMessage>().CountAsync(m => m.DeduplicationKey!.StartsWith(prefix));
    }
}
