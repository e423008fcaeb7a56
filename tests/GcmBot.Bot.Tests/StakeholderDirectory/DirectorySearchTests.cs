using GcmBot.Bot.Tests.Registration;
using GcmBot.Cards.StakeholderDirectory;

namespace GcmBot.Bot.Tests.StakeholderDirectory;

public sealed class DirectorySearchTests : IAsyncLifetime
{
    private DirectoryKit _kit = null!;

    public async Task InitializeAsync()
    {
        _kit = await DirectoryKit.StartAsync();
        await _kit.ImportAsync(
            "Mekong Migration Network,civil-society,TH,Lan Nguyễn,lan@mekong.org,a,yes,",
            "Pacific Islands Migrant Union,trade-unions,FJ,,,d,,",
            "Kathmandu Research Centre,academia,NP,,,b,,",
            "Dhaka Diaspora Forum,diaspora,BD,,,c,,",
            "Tashkent Workers,trade-unions,UZ,,,a,,");
    }

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Theory]
    [InlineData("mekong", "Mekong Migration Network")]
    [InlineData("NGUYEN", "Mekong Migration Network")]
    [InlineData("lan@mekong.org", "Mekong Migration Network")]
    [InlineData("research kathmandu", "Kathmandu Research Centre")]
    public async Task DirectorySearch_Text_FindsByOrganisationContactOrEmail(string text, string expected)
    {
        var turn = await _kit.Organiser.SayAsync("directory search " + text);

        Assert.Equal([expected], DirectoryKit.Titles(turn.Reply.Card));
    }

    [Theory]
    [InlineData(DirectoryVerbs.Group, "trade-unions", "Pacific Islands Migrant Union|Tashkent Workers")]
    [InlineData(DirectoryVerbs.Country, "NP", "Kathmandu Research Centre")]
    [InlineData(DirectoryVerbs.Subregion, "sswa", "Dhaka Diaspora Forum|Kathmandu Research Centre")]
    [InlineData(DirectoryVerbs.Theme, "a", "Mekong Migration Network|Tashkent Workers")]
    public async Task DirectorySearch_OneFilter_ListsWhatMatchesIt(string filter, string value, string expected)
    {
        var card = (await _kit.Organiser.SayAsync("directory")).Reply.Card;

        var turn = await _kit.SearchAsync(card, (filter, value));

        Assert.Equal(expected.Split('|'), DirectoryKit.Titles(turn.InvokeCard!));
    }

    [Fact]
    public async Task DirectorySearch_FiltersTogether_AllApply()
    {
        var card = (await _kit.Organiser.SayAsync("directory")).Reply.Card;

        var turn = await _kit.SearchAsync(card, (DirectoryVerbs.Group, "trade-unions"), (DirectoryVerbs.Theme, "a"));

        Assert.Equal(["Tashkent Workers"], DirectoryKit.Titles(turn.InvokeCard!));
    }

    [Fact]
    public async Task DirectorySearch_UnknownFilterValue_IsIgnoredWithAWarning()
    {
        var turn = await _kit.Organiser.ExecuteAsync(DirectoryVerbs.Search, new() { [DirectoryVerbs.Group] = "astronauts" });

        Assert.Contains("That stakeholder group is not one I know", string.Join("\n", CardText.Of(turn.InvokeCard)));
        Assert.Equal(5, DirectoryKit.Titles(turn.InvokeCard!).Count);
    }

    [Fact]
    public async Task DirectorySearch_ManyEntries_PagesThem()
    {
        await _kit.ImportAsync(Enumerable.Range(10, 7).Select(i => $"Zeta Org {i},civil-society,TH,,,,,").ToArray());
        var first = await _kit.Organiser.SayAsync("directory");

        var second = await _kit.Organiser.ExecuteAsync(DirectoryVerbs.Search, new() { [DirectoryVerbs.Page] = "1" });

        Assert.Contains("1–10 of 12 entries", first.Reply.AllText);
        Assert.Equal(10, DirectoryKit.Titles(first.Reply.Card).Count);
        Assert.Equal(["Zeta Org 15", "Zeta Org 16"], DirectoryKit.Titles(second.InvokeCard!));
        Assert.Contains("11–12 of 12 entries", string.Join("\n", CardText.Of(second.InvokeCard)));
    }

    [Fact]
    public async Task DirectoryExport_WithGroupFilter_DownloadsMatchingRowsFormulaSafe()
    {
        await _kit.ImportAsync("\"=HYPERLINK(\"\"http://x\"\") Org\",trade-unions,TH,,,,,");
        var card = (await _kit.Organiser.SayAsync("directory")).Reply.Card;
        var filtered = await _kit.SearchAsync(card, (DirectoryVerbs.Group, "trade-unions"));

        var export = await _kit.Organiser.PressAsync(filtered.InvokeCard!, DirectoryVerbs.Export);

        var url = new Uri(CardText.Actions(export.Reply.Card).Single()["url"]!.GetValue<string>());
        var csv = await _kit.Bot.Http.GetStringAsync(url.PathAndQuery);
        var lines = csv.TrimStart('\uFEFF').TrimEnd().Split("\r\n");
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("Organisation,Stakeholder group,Country,Subregion,Themes,Contact name,E-mail,Source,Consent to contact,Consent to list", lines[0]);
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://x\"\") Org\",Trade unions and workers' organisations,Thailand,South-East Asia", lines[1]);
        Assert.StartsWith("Pacific Islands Migrant Union,Trade unions and workers' organisations,Fiji,Pacific,d,,,Imported,not confirmed,not confirmed", lines[2]);
        Assert.StartsWith("Tashkent Workers,", lines[3]);
    }

    [Fact]
    public async Task Directory_ByNonOrganiser_IsRefused()
    {
        var turn = await _kit.Bot.PersonalChat(TestUsers.Alice).SayAsync("directory search mekong");

        Assert.Contains("is for the organisers", turn.Reply.Text);
        Assert.DoesNotContain("Mekong", turn.Reply.AllText);
    }

    [Fact]
    public async Task DirectoryExport_ByNonOrganiser_IsRefused()
    {
        var turn = await _kit.Bot.PersonalChat(TestUsers.Alice).ExecuteAsync(DirectoryVerbs.Export, new());

        Assert.Contains("is for the organisers", turn.InvokeMessage);
        Assert.Empty(turn.Replies);
    }

    [Fact]
    public async Task Directory_Registrant_AppearsWithTheirRegistrationAnswers()
    {
        await RegistrationDriver.RegisterAsync(_kit.Bot, TestUsers.Alice);

        var turn = await _kit.Organiser.SayAsync("directory search migrant forum nepal");

        var text = turn.Reply.AllText;
        Assert.Equal(["Migrant Forum Nepal"], DirectoryKit.Titles(turn.Reply.Card));
        Assert.Contains("Civil society organisations · Nepal (South and South-West Asia) · themes a", text);
        Assert.Contains("Alice Ahmed · alice@example.org", text);
        Assert.Contains("From registration · contact: yes · listing: not confirmed", text);
    }

    [Fact]
    public async Task Directory_RegistrationChanged_IsReflectedNotDuplicated()
    {
        await RegistrationDriver.RegisterAsync(_kit.Bot, TestUsers.Alice);
        await _kit.Organiser.SayAsync("directory");
        var answers = RegistrationDriver.ValidAnswers();
        answers[Cards.Registration.RegistrationFormCard.Organisation] = "Nepal Migrant Solidarity";
        await RegistrationDriver.RegisterAsync(_kit.Bot, TestUsers.Alice, answers);
        Assert.Equal("Nepal Migrant Solidarity", (await RegistrationDriver.ProfileAsync(_kit.Bot, TestUsers.Alice))!.Organisation);

        var turn = await _kit.Organiser.SayAsync("directory search nepal");

        Assert.Equal(["Nepal Migrant Solidarity"], DirectoryKit.Titles(turn.Reply.Card));
        Assert.Single(await _kit.EntriesAsync(), e => e.RegistrantId == TestUsers.Alice.AadObjectId);
    }

    [Fact]
    public async Task Directory_RegistrantAlreadyImported_KeepsOneEntry()
    {
        await _kit.ImportAsync("Migrant Forum Nepal,civil-society,NP,,ALICE@example.org,d,,yes");
        await RegistrationDriver.RegisterAsync(_kit.Bot, TestUsers.Alice);

        var turn = await _kit.Organiser.SayAsync("directory search alice");

        Assert.Equal(["Migrant Forum Nepal"], DirectoryKit.Titles(turn.Reply.Card));
        Assert.Contains("From registration · contact: yes · listing: yes", turn.Reply.AllText);
        Assert.Equal(6, (await _kit.EntriesAsync()).Count);
    }
}
