using GcmBot.Bot.Participants;
using GcmBot.Bot.Submissions;
using GcmBot.Cards.Submissions;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Submissions;

public sealed class ForgetMeTests : IAsyncLifetime
{
    private SubmissionsKit _kit = null!;

    public async Task InitializeAsync() => _kit = await SubmissionsKit.StartAsync();

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task ForgetMe_PublishedWithName_IsWithdrawnAndTheNameIsGone()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice, (SubmissionFormCard.Consent, "name"));
        await _kit.DecidedAsync(id, SubmissionVerbs.Accept, TestUsers.Alice);

        await ForgetAsync(TestUsers.Alice);

        var stored = await Store.FindAsync(id, CancellationToken.None);
        Assert.Equal(SubmissionStatus.Withdrawn, stored!.Status);
        Assert.Null(stored.AuthorId);
        Assert.Null(stored.AuthorName);
        Assert.DoesNotContain("Alice", await _kit.PublicPageAsync());
        Assert.DoesNotContain("Decent work for migrant domestic workers", await _kit.PublicPageAsync());
    }

    [Fact]
    public async Task ForgetMe_PublishedUnderOrganisationOnly_StaysPublishedWithoutThePerson()
    {
        var id = await _kit.SubmittedAsync(TestUsers.Alice, (SubmissionFormCard.Consent, "organisation"));
        await _kit.DecidedAsync(id, SubmissionVerbs.Accept, TestUsers.Alice);

        await ForgetAsync(TestUsers.Alice);

        var stored = await Store.FindAsync(id, CancellationToken.None);
        Assert.Equal(SubmissionStatus.Accepted, stored!.Status);
        Assert.Null(stored.AuthorId);
        Assert.Null(stored.AuthorName);
        Assert.Contains("By Migrant Forum in Asia", await _kit.PublicPageAsync());
    }

    [Fact]
    public async Task ForgetMe_TheirListIsEmptyAfterwards_AndOthersAreUntouched()
    {
        await _kit.SubmittedAsync(TestUsers.Alice);
        var bobs = await _kit.SubmittedAsync(TestUsers.Bob);

        await ForgetAsync(TestUsers.Alice);
        var aliceList = await _kit.Bot.PersonalChat(TestUsers.Alice).SayAsync("my submissions");

        Assert.Contains("not sent a written submission yet", aliceList.Reply.AllText);
        Assert.Equal(TestUsers.Bob.AadObjectId, (await Store.FindAsync(bobs, CancellationToken.None))!.AuthorId);
    }

    private SubmissionStore Store => _kit.Bot.Services.GetRequiredService<SubmissionStore>();

    /// <summary>What "forget me" does: every capability's eraser, from the container.</summary>
    private async Task ForgetAsync(TestUser user)
    {
        await using var scope = _kit.Bot.Services.CreateAsyncScope();
        var erasers = scope.ServiceProvider.GetServices<IPersonalDataEraser>().ToList();
        Assert.Contains(erasers, e => e is SubmissionsEraser);
        foreach (var eraser in erasers)
        {
            await eraser.EraseAsync(user.AadObjectId, CancellationToken.None);
        }
    }
}
