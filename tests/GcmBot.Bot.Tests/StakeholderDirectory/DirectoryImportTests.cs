using GcmBot.Bot.StakeholderDirectory;
using GcmBot.Bot.Tests.Registration;
using GcmBot.Cards.StakeholderDirectory;

namespace GcmBot.Bot.Tests.StakeholderDirectory;

public sealed class DirectoryImportTests : IAsyncLifetime
{
    private static readonly string[] MixedRows =
    [
        "Asia Pacific Refugee Rights Network,civil-society,TH,Ravi Kumar,ravi@aprrn.org,b,yes,yes",
        "Pacific Islands Migrant Union,trade-unions,FJ,,,\"a,d\",,",
        "Forum Nepal Other,academia,NP,Alice A,ALICE@Example.org,d,,",
        "\"Migrant Forum Nepal, Inc.\",civil-society,Nepal,,,,,",
        "No Country Org,civil-society,,x,,,,",
        "Bad Mail Org,civil-society,TH,,not-an-email,,,",
        "Unknown Group Org,astronauts,TH,,,,,",
        "Theme Org,civil-society,TH,,,z,,",
        new string('O', 201) + ",civil-society,TH,,,,,",
        "Asia-Pacific Refugee Rights Network Ltd,media,TH,,,,,",
        "Atlantis Org,civil-society,Atlantis,,,,,",
    ];

    private DirectoryKit _kit = null!;

    public async Task InitializeAsync() => _kit = await DirectoryKit.StartAsync();

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task Import_UnbalancedQuote_ExplainsAndChangesNothing()
    {
        var turn = await _kit.PasteAsync(DirectoryKit.Header, "\"Open quote org,civil-society,TH,,,,,", "Next Org,civil-society,TH,,,,,");

        Assert.Contains("never closed", turn.Reply.Text);
        Assert.Contains("Nothing was imported", turn.Reply.Text);
        Assert.Empty(await _kit.ImportsAsync());
        Assert.Empty(await _kit.EntriesAsync());
    }

    [Fact]
    public async Task Import_WrongHeader_NamesTheMissingColumns()
    {
        var turn = await _kit.PasteAsync("name,mail", "Asha,asha@example.org");

        Assert.Contains("I could not find organisation, stakeholder_group, country", turn.Reply.Text);
        Assert.Empty(await _kit.ImportsAsync());
    }

    [Fact]
    public async Task Import_NothingAttachedOrPasted_ExplainsHow()
    {
        var turn = await _kit.Organiser.SayAsync("directory import");

        Assert.Contains(DirectoryKit.Header, turn.Reply.Text);
        Assert.Empty(await _kit.ImportsAsync());
    }

    [Fact]
    public async Task Import_DryRun_CountsAcceptedMergedAndRejectedAndChangesNothing()
    {
        await RegistrationDriver.RegisterAsync(_kit.Bot, TestUsers.Alice);

        var dryRun = await _kit.PasteAsync([DirectoryKit.Header, .. MixedRows]);

        Assert.Equal((2, 2, 7), DirectoryKit.Counts(dryRun.Reply.Card));
        var text = dryRun.Reply.AllText;
        Assert.Contains("Line 4 → Migrant Forum Nepal (same e-mail)", text);
        Assert.Contains("Line 5 → Migrant Forum Nepal (same organisation)", text);
        Assert.Contains("Line 6: the country is missing", text);
        Assert.Contains("Line 7: \"not-an-email\" is not a valid e-mail address", text);
        Assert.Contains("Line 8: \"astronauts\" is not a stakeholder group I know", text);
        Assert.Contains("Line 9: \"z\" is not a roundtable theme", text);
        Assert.Contains("Line 10: the organisation is longer than 200 characters", text);
        Assert.Contains("Line 11: duplicate in this file: the same organisation as line 2", text);
        Assert.Contains("Line 12: \"Atlantis\" is not an ESCAP country I know", text);
        var entries = await _kit.EntriesAsync();
        Assert.Equal(EntrySource.Registration, Assert.Single(entries).Source);
    }

    [Fact]
    public async Task Import_Apply_AddsNewRowsAndMergesDuplicates()
    {
        await RegistrationDriver.RegisterAsync(_kit.Bot, TestUsers.Alice);
        var dryRun = await _kit.PasteAsync([DirectoryKit.Header, .. MixedRows]);

        var applied = await _kit.Organiser.PressAsync(dryRun.Reply.Card, DirectoryVerbs.ApplyImport);

        Assert.Contains("Applied: 2 new entries added, 2 merged into existing entries.", string.Join("\n", CardText.Of(applied.InvokeCard)));
        var entries = await _kit.EntriesAsync();
        Assert.Equal(3, entries.Count);
        var alice = entries.Single(e => e.Source == EntrySource.Registration);
        Assert.Equal("Migrant Forum Nepal", alice.Organisation);
        // The registration (consultation a) brings theme a (themes come from the events now); her imported row adds d.
        Assert.Equal("ad", alice.Themes);
        var ravi = entries.Single(e => e.EmailKey == "ravi@aprrn.org");
        Assert.Equal(("sea", ConsentState.Yes, ConsentState.Yes, "b"), (ravi.SubregionCode, ravi.ContactConsent, ravi.ListingConsent, ravi.Themes));
        var union = entries.Single(e => e.Organisation == "Pacific Islands Migrant Union");
        Assert.Equal(("pacific", ConsentState.NotConfirmed, "ad"), (union.SubregionCode, union.ContactConsent, union.Themes));
        Assert.Equal(ImportStatus.Applied, Assert.Single(await _kit.ImportsAsync()).Status);
        Assert.Equal(string.Empty, Assert.Single(await _kit.ImportsAsync()).RowsJson);
    }

    [Fact]
    public async Task Import_ApplyTwice_SecondPressChangesNothing()
    {
        var dryRun = await _kit.PasteAsync(DirectoryKit.Header, "Mekong Migration Network,civil-society,TH,,info@mekong.org,a,,");
        await _kit.Organiser.PressAsync(dryRun.Reply.Card, DirectoryVerbs.ApplyImport);

        var again = await _kit.Organiser.PressAsync(dryRun.Reply.Card, DirectoryVerbs.ApplyImport);

        Assert.Contains("already applied", string.Join("\n", CardText.Of(again.InvokeCard)));
        Assert.Single(await _kit.EntriesAsync());
    }

    [Fact]
    public async Task Import_TwoOrganisersApplyAtOnce_AppliesOnce()
    {
        var dryRun = await _kit.PasteAsync(DirectoryKit.Header, "Mekong Migration Network,civil-society,TH,,info@mekong.org,a,,", "Migrant Care,civil-society,ID,,,c,,");

        var presses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _kit.Organiser.PressAsync(dryRun.Reply.Card, DirectoryVerbs.ApplyImport)));

        Assert.Single(presses, p => string.Join("\n", CardText.Of(p.InvokeCard)).Contains("Applied: 2 new entries", StringComparison.Ordinal));
        Assert.Equal(2, (await _kit.EntriesAsync()).Count);
    }

    [Fact]
    public async Task Import_ApplyAfterRestart_AppliesTheStoredDryRunOnce()
    {
        var dryRun = await _kit.PasteAsync(DirectoryKit.Header, "Mekong Migration Network,civil-society,TH,,info@mekong.org,a,,");
        await _kit.Bot.RestartAsync();

        await _kit.Organiser.PressAsync(dryRun.Reply.Card, DirectoryVerbs.ApplyImport);
        await _kit.Organiser.PressAsync(dryRun.Reply.Card, DirectoryVerbs.ApplyImport);

        Assert.Equal("Mekong Migration Network", Assert.Single(await _kit.EntriesAsync()).Organisation);
    }

    [Fact]
    public async Task Import_SameFileAgain_MergesEveryRowIntoTheEntriesItMade()
    {
        await _kit.ImportAsync("Mekong Migration Network,civil-society,TH,,info@mekong.org,a,,", "Migrant Care,civil-society,ID,,,c,,");

        var second = await _kit.PasteAsync(DirectoryKit.Header, "Mekong Migration Network,civil-society,TH,,info@mekong.org,a,,", "Migrant Care,civil-society,ID,,,c,,");

        Assert.Equal((0, 2, 0), DirectoryKit.Counts(second.Reply.Card));
    }

    [Fact]
    public async Task Import_Discarded_CannotBeAppliedAfterwards()
    {
        var dryRun = await _kit.PasteAsync(DirectoryKit.Header, "Mekong Migration Network,civil-society,TH,,,a,,");
        await _kit.Organiser.PressAsync(dryRun.Reply.Card, DirectoryVerbs.DiscardImport);

        var apply = await _kit.Organiser.PressAsync(dryRun.Reply.Card, DirectoryVerbs.ApplyImport);

        Assert.Contains("was discarded", string.Join("\n", CardText.Of(apply.InvokeCard)));
        Assert.Empty(await _kit.EntriesAsync());
    }

    [Fact]
    public async Task Import_ExpiredDryRun_AppliesNothing()
    {
        var dryRun = await _kit.PasteAsync(DirectoryKit.Header, "Mekong Migration Network,civil-society,TH,,,a,,");
        _kit.Bot.Time!.Advance(TimeSpan.FromHours(25));

        var apply = await _kit.Organiser.PressAsync(dryRun.Reply.Card, DirectoryVerbs.ApplyImport);

        Assert.Contains("expired", string.Join("\n", CardText.Of(apply.InvokeCard)));
        Assert.Empty(await _kit.EntriesAsync());
    }

    [Fact]
    public async Task Import_ForgedImportId_IsRefusedAsOutdated()
    {
        var turn = await _kit.Organiser.ExecuteAsync(DirectoryVerbs.ApplyImport, new() { [DirectoryVerbs.Import] = "../../etc/passwd" });

        Assert.Contains("no longer works", turn.InvokeMessage);
    }

    [Fact]
    public async Task Import_AttachedFileWithBomAndSemicolons_IsDownloadedAndStaged()
    {
        var content = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(DirectoryKit.Csv(
            "Organisation;Stakeholder group;Country;E-mail",
            "\"Đoàn Kết; Migrants\";Migrants and migrant organisations;Viet Nam;lan@example.vn",
            "\"Line\nbreak Org\";academia;JP;")).ToArray();

        var turn = await _kit.AttachAsync("partners.csv", content);

        Assert.Equal((2, 0, 0), DirectoryKit.Counts(turn.Reply.Card));
        await _kit.Organiser.PressAsync(turn.Reply.Card, DirectoryVerbs.ApplyImport);
        var entries = await _kit.EntriesAsync();
        Assert.Contains(entries, e => e.Organisation == "Đoàn Kết; Migrants" && e.StakeholderGroup == "migrants" && e.CountryCode == "VN");
        Assert.Contains(entries, e => e.Organisation == "Line break Org");
    }

    [Fact]
    public async Task Import_FileLargerThanTheLimit_IsRefusedUnread()
    {
        await using var kit = await DirectoryKit.StartAsync(o => o.Settings["Directory:MaxImportBytes"] = "2048");
        var big = DirectoryKit.Csv([DirectoryKit.Header, .. Enumerable.Range(1, 100).Select(i => $"Org {i},civil-society,TH,,,,,")]);

        var turn = await kit.AttachAsync("big.csv", big);

        Assert.Contains("larger than 2 KB", turn.Reply.Text);
        Assert.Empty(await kit.ImportsAsync());
    }

    [Fact]
    public async Task Import_TooManyRows_IsRefused()
    {
        await using var kit = await DirectoryKit.StartAsync(o => o.Settings["Directory:MaxImportRows"] = "3");

        var turn = await kit.PasteAsync([DirectoryKit.Header, .. Enumerable.Range(1, 4).Select(i => $"Org {i},civil-society,TH,,,,,")]);

        Assert.Contains("more than 3 rows", turn.Reply.Text);
        Assert.Empty(await kit.ImportsAsync());
    }

    [Fact]
    public async Task Import_NotACsvFile_IsRefused()
    {
        var turn = await _kit.AttachAsync("partners.xlsx", [0x50, 0x4B, 0x03, 0x04]);

        Assert.Contains("is not a CSV file", turn.Reply.Text);
    }

    [Fact]
    public async Task Import_DownloadLinkOnAnUnknownHost_IsNotFetched()
    {
        var turn = await _kit.AttachAsync("partners.csv", [], downloadUrl: "https://intranet.example.com/secret.csv");

        Assert.Contains("did not give me a download link I can use", turn.Reply.Text);
        Assert.Empty(await _kit.ImportsAsync());
    }

    [Fact]
    public async Task Import_FileNotUtf8_AsksForCsvUtf8()
    {
        var latin1 = System.Text.Encoding.Latin1.GetBytes("organisation,stakeholder_group,country\r\nCafé Org,civil-society,TH");

        var turn = await _kit.AttachAsync("partners.csv", latin1);

        Assert.Contains("CSV UTF-8", turn.Reply.Text);
    }

    [Fact]
    public async Task Import_ByNonOrganiser_IsRefused()
    {
        var turn = await _kit.Bot.PersonalChat(TestUsers.Alice).SayAsync("directory import\n" + DirectoryKit.Header + "\nX,civil-society,TH,,,,,");

        Assert.Contains("is for the organisers", turn.Reply.Text);
        Assert.Empty(await _kit.ImportsAsync());
    }

    [Fact]
    public async Task ApplyImport_ByNonOrganiser_IsRefused()
    {
        var dryRun = await _kit.PasteAsync(DirectoryKit.Header, "Mekong Migration Network,civil-society,TH,,,a,,");

        var turn = await _kit.Bot.PersonalChat(TestUsers.Alice).PressAsync(dryRun.Reply.Card, DirectoryVerbs.ApplyImport);

        Assert.Contains("is for the organisers", turn.InvokeMessage);
        Assert.Empty(await _kit.EntriesAsync());
    }
}

public sealed class DirectoryPasteTests : IAsyncLifetime
{
    private DirectoryKit _kit = null!;

    public async Task InitializeAsync() => _kit = await DirectoryKit.StartAsync();

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task Import_PastedAsHtmlParagraphs_ReadsTheLines()
    {
        var activity = _kit.Organiser.NewActivity("message", TestUsers.Organiser);
        activity["text"] = "directory import organisation,stakeholder_group,country Mekong &amp; Friends,civil-society,TH";
        activity["attachments"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
        {
            ["contentType"] = "text/html",
            ["content"] = "<p>directory import</p><p>organisation,stakeholder_group,country</p><p>Mekong &amp; Friends,civil-society,TH<br>Migrant Care,civil-society,ID</p>",
        });

        var turn = await _kit.Organiser.SendAsync(activity);

        Assert.Equal((2, 0, 0), DirectoryKit.Counts(turn.Reply.Card));
        await _kit.Organiser.PressAsync(turn.Reply.Card, DirectoryVerbs.ApplyImport);
        Assert.Contains(await _kit.EntriesAsync(), e => e.Organisation == "Mekong & Friends");
    }
}
