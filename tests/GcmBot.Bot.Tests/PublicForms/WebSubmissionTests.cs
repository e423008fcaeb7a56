using System.Net;
using GcmBot.Bot.PublicForms;
using GcmBot.Bot.Tests.Submissions;
using GcmBot.Cards.Submissions;

namespace GcmBot.Bot.Tests.PublicForms;

public sealed class WebSubmissionTests : IAsyncLifetime
{
    private SubmissionsKit _kit = null!;
    private WebFormClient _web = null!;

    public async Task InitializeAsync()
    {
        _kit = await SubmissionsKit.StartAsync();
        _web = new WebFormClient(_kit.Bot.CreateBrowserClient());
    }

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    private static Dictionary<string, string> Answers() => new()
    {
        ["name"] = "Ravi Kumar",
        ["email"] = "ravi@example.org",
        ["organisation"] = "Domestic Workers Union",
        ["title"] = "Portable social protection for domestic workers",
        ["themes"] = "c",
        ["text"] = "Social protection must follow workers <b>across borders</b>.",
        ["consent"] = "organisation",
    };

    [Fact]
    public async Task Submission_FromTheWeb_IsReviewedInTeams_AndAppearsOnThePublicPage()
    {
        var form = await _web.GetAsync(PublicFormsCapability.SubmitPath);

        var sent = await _web.SubmitAsync(form, Answers());

        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Contains("Thank you for your submission", sent.Html);
        var id = int.Parse(System.Text.RegularExpressions.Regex.Match(sent.Html, @"number (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.DoesNotContain("Portable social protection", await _kit.PublicPageAsync());

        await _kit.DecideAsync(id, SubmissionVerbs.Accept);

        var published = await _kit.PublicPageAsync();
        Assert.Contains("Portable social protection for domestic workers", published);
        Assert.Contains("Domestic Workers Union", published);
        Assert.DoesNotContain("Ravi Kumar", published);
        Assert.Contains("&lt;b&gt;across borders&lt;/b&gt;", published);
    }

    [Fact]
    public async Task Submission_SentTwice_IsStoredOnce()
    {
        var form = await _web.GetAsync(PublicFormsCapability.SubmitPath);

        var first = await _web.SubmitAsync(form, Answers());
        var second = await _web.SubmitAsync(form, Answers());

        Assert.Equal(HttpStatusCode.OK, second.Status);
        var number = System.Text.RegularExpressions.Regex.Match(first.Html, @"number (\d+)").Groups[1].Value;
        Assert.Contains($"number {number}", second.Html);
        var list = await _kit.Bot.PersonalChat(TestUsers.Organiser).SayAsync("review submissions");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(list.Reply.AllText, "Portable social protection"));
    }

    [Fact]
    public async Task Submission_WithProblems_ShowsThemOnTheirFields_AndStoresNothing()
    {
        var form = await _web.GetAsync(PublicFormsCapability.SubmitPath);
        var answers = Answers();
        answers.Remove("themes");
        answers["email"] = "ravi";
        answers["link"] = "javascript:alert(1)";

        var sent = await _web.SubmitAsync(form, answers);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, sent.Status);
        Assert.Contains("<a href=\"#email\">", sent.Html);
        Assert.Contains("<a href=\"#themes\">", sent.Html);
        Assert.Contains("<a href=\"#link\">", sent.Html);
        var list = await _kit.Bot.PersonalChat(TestUsers.Organiser).SayAsync("review submissions");
        Assert.DoesNotContain("Portable social protection", list.Reply.AllText);
    }
}
