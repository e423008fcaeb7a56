using System.Globalization;
using GcmBot.Bot.Languages;
using GcmBot.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Languages;

public sealed class LanguageChoiceTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Language_WithoutArgument_OffersEachLanguageInItsOwnName()
    {
        var turn = await _bot.PersonalChat(TestUsers.Alice).SayAsync("language");

        var text = turn.Reply.AllText;
        Assert.Contains("English", text);
        Assert.Contains("Français", text);
        Assert.Contains("Русский", text);
        Assert.Contains("中文", text);
        Assert.Equal("en", turn.Reply.Card["lang"]!.GetValue<string>());
    }

    [Fact]
    public async Task ClientLocale_French_IsUsedUntilThePersonChoosesAnother()
    {
        var chat = _bot.PersonalChat(TestUsers.Alice).InLocale("fr-FR");

        var shown = await chat.SayAsync("language");
        Assert.Equal("Langue", CardText.Of(shown.Reply.Card).First());
        Assert.Equal("fr", shown.Reply.Card["lang"]!.GetValue<string>());

        var chosen = await chat.SayAsync("language zh-Hans");
        Assert.Equal("好的。我将用中文与您交流。", chosen.Reply.Text);

        // The choice outranks the client's locale from now on.
        var after = await chat.SayAsync("language");
        Assert.Equal("语言", CardText.Of(after.Reply.Card).First());
    }

    [Fact]
    public async Task Language_Unknown_ExplainsInThePersonsLanguage_AndChangesNothing()
    {
        var chat = _bot.PersonalChat(TestUsers.Bob).InLocale("ru-RU");

        var turn = await chat.SayAsync("language klingon");

        Assert.Contains("Я пока не говорю на «klingon»", turn.Reply.Text);
        var still = await chat.SayAsync("language");
        Assert.Equal("Язык", CardText.Of(still.Reply.Card).First());
    }

    [Fact]
    public async Task Help_ListsTheLanguageCommand_InThePersonsLanguage()
    {
        var turn = await _bot.PersonalChat(TestUsers.Chen).InLocale("fr-FR").SayAsync("help");

        Assert.Contains("Choisir la langue dans laquelle je vous écris", turn.Reply.AllText);
    }

    [Fact]
    public async Task ChatLanguage_ByAnAttendee_IsRefused_AndTheChatStaysEnglish()
    {
        var meeting = _bot.MeetingChat("lang-refused");

        var turn = await meeting.SayAsync("chat language fr", TestUsers.Bob);

        Assert.Contains("Only the meeting's organisers and presenters", turn.Reply.Text);
    }

    [Fact]
    public async Task ChatLanguage_ByAnOrganiser_IsSet()
    {
        var meeting = _bot.MeetingChat("lang-set");

        var turn = await meeting.SayAsync("chat language fr", TestUsers.Organiser);

        // The organiser is told in their own language; the chat's cards are now French.
        Assert.Contains("The shared cards of this chat will be in Français", turn.Reply.Text);
        var card = await meeting.SayAsync("language", TestUsers.Organiser);
        Assert.Contains("The shared cards of this chat are in Français", card.Reply.AllText);
    }

    [Fact]
    public async Task FirstChoice_OfAChatAndOfAPerson_CountsAsAWriteOfTheTurn()
    {
        // A turn that fails after a choice must not say "nothing was changed": the choice's insert is seen as a write.
        var store = _bot.Services.GetRequiredService<LanguageStore>();
        var commits = _bot.Services.GetRequiredService<CommitObserver>();
        var chat = new CommitRecord();
        var person = new CommitRecord();

        using (commits.Observe(chat))
        {
            await store.ChooseForChatAsync("19:new-meeting-chat@thread.v2", CultureInfo.GetCultureInfo("fr"), CancellationToken.None);
        }

        using (commits.Observe(person))
        {
            await store.ChoosePersonalAsync("never-seen-before", CultureInfo.GetCultureInfo("ru"), CancellationToken.None);
        }

        Assert.True(chat.Committed);
        Assert.True(person.Committed);
        Assert.Equal("fr", (await store.OfChatAsync("19:new-meeting-chat@thread.v2", CancellationToken.None)).Name);
        Assert.Equal("ru", (await store.OfPersonAsync("never-seen-before", "en-US", CancellationToken.None)).Name);
    }

    [Fact]
    public async Task PseudoLocale_LanguageCard_HasNoInlineEnglish()
    {
        var turn = await _bot.PersonalChat(TestUsers.Alice).InLocale("qps-ploc").SayAsync("language");

        Assert.Empty(Untranslated.In(turn.Reply.AllText, "English", "Français"));
    }
}
