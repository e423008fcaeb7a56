using GcmBot.Bot.StakeholderDirectory;
using GcmBot.Bot.Tests.Submissions;
using GcmBot.Cards.StakeholderDirectory;

namespace GcmBot.Bot.Tests.StakeholderDirectory;

public sealed class DirectoryLanguageTests : IAsyncLifetime
{
    private DirectoryKit _kit = null!;

    public async Task InitializeAsync() => _kit = await DirectoryKit.StartAsync();

    public async Task DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task DryRun_InRussian_ExplainsRejectedRowsInRussian()
    {
        var chat = _kit.Bot.PersonalChat(TestUsers.Organiser).InLocale("ru-RU");

        var turn = await chat.SayAsync("directory import\n" + DirectoryKit.Header + "\nMigrant Forum,academia,XX,,bad,,maybe,");

        var text = turn.Reply.AllText;
        Assert.Equal("ru", turn.Reply.Card["lang"]!.GetValue<string>());
        Assert.Contains("Импорт в справочник: пробный прогон", text);
        Assert.Contains("«XX» — неизвестная мне страна ЭСКАТО", text);
        Assert.Contains("«bad» — неверный адрес эл. почты", text);
        Assert.Contains("согласие на контакт: укажите yes, no или оставьте пустым (не подтверждено), а не «maybe»", text);
    }

    [Fact]
    public async Task PseudoLocale_DirectoryFlow_HasNoInlineEnglish()
    {
        var chat = _kit.Bot.PersonalChat(TestUsers.Organiser).InLocale("qps-ploc");
        string[] rows =
        [
            "Migrant Forum Asia,civil-society,NP,Asha Rai,asha@example.org,a c,yes,no",
            "Workers Union Lanka,trade-unions,LK,,,b,,",
            "Broken Row,astronauts,XX,,not-an-email,z,maybe,",
        ];
        var turns = new List<Turn>
        {
            await chat.SayAsync("directory"),
            await chat.SayAsync("directory import"),
            await chat.SayAsync("directory import\nname,phone\nx,1"),
            await chat.SayAsync("directory import\n" + DirectoryKit.Header),
        };
        var dryRun = await chat.SayAsync("directory import\n" + string.Join("\n", [DirectoryKit.Header, .. rows]));
        turns.Add(dryRun);
        turns.Add(await chat.PressAsync(dryRun.Reply.Card, DirectoryVerbs.ApplyImport));
        turns.Add(await chat.PressAsync(dryRun.Reply.Card, DirectoryVerbs.DiscardImport));
        var search = await chat.SayAsync("directory forum");
        turns.Add(search);
        turns.Add(await chat.PressAsync(search.Reply.Card, DirectoryVerbs.Search, new Dictionary<string, string> { [DirectoryVerbs.Group] = "nobody" }));

        var data = PseudoData.Of(
        [
            .. rows.SelectMany(r => r.Split(',')), "forum", "name", "phone", DirectoryKit.Header, .. DirectoryViews.Choices.Themes.Select(c => c.Title),
            .. ImportRules.Required.Select(ImportRules.Describe), DirectoryVerbs.Any, "directory import",
        ]);
        foreach (var turn in turns)
        {
            Assert.NotEmpty(turn.AllText);
            Assert.Empty(Untranslated.In(turn.AllText, data));
        }
    }
}
