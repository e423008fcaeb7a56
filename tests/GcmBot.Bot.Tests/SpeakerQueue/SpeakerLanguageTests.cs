using System.Globalization;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Languages;
using GcmBot.Cards.SpeakerQueue;
using Microsoft.Extensions.DependencyInjection;
using static GcmBot.Bot.Tests.SpeakerQueue.SpeakerQueueKit;

namespace GcmBot.Bot.Tests.SpeakerQueue;

/// <summary>
/// The speakers' list in the four languages: a person's confirmations, place and notices in their own language, the
/// shared card in the chat's, the chair's controls in the chair's; and no English left over in the pseudo-locale.
/// </summary>
public sealed class SpeakerLanguageTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("fr-FR", "fr", "Vous êtes sur la liste (Déclaration).", "Vous êtes numéro 1 sur 1", "Vous avez la parole dans « Consultation ». Merci de ne pas dépasser 3 min.")]
    [InlineData("zh-CN", "zh", "您已加入名单（发言）。", "您排在第 1 位，共 1 人", "现在请您在“Consultation”中发言。请将发言控制在 3 分钟 以内。")]
    public async Task RequestAndFloor_InThePersonsLanguage_WhileTheChairWorksInEnglish(
        string locale, string lang, string confirmation, string place, string notice)
    {
        var personal = _bot.PersonalChat(TestUsers.Chen).InLocale(locale);
        await personal.SayAsync("help");
        var (chat, card) = await OpenListAsync(_bot);
        await chat.MeetingStartedAsync();

        var requested = await PressInLocaleAsync(chat, card, SpeakerQueueCard.RequestVerb, new Dictionary<string, string> { ["kind"] = "statement" }, TestUsers.Chen, locale);
        var given = await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);

        Assert.Contains(confirmation, requested.AllText);
        Assert.Contains(place, requested.AllText);
        Assert.Equal(lang, requested.InvokeCard!["lang"]!.GetValue<string>());
        Assert.Contains("Chen Wei has the floor.", given.AllText);
        Assert.Equal("en", given.InvokeCard!["lang"]!.GetValue<string>());
        await _bot.Connector.WaitForAsync(calls => calls.Any(c => c.IsSend && c.ConversationId == personal.Id && c.Activity.Text == notice));
    }

    [Fact]
    public async Task SharedCard_SpeaksTheChatLanguage_WhileEachPersonReadsTheirOwn()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await chat.SayAsync("chat language fr", from: TestUsers.Organiser);

        var mine = await PressInLocaleAsync(chat, card, SpeakerQueueCard.RequestVerb, new Dictionary<string, string> { ["kind"] = "question" }, TestUsers.Chen, "zh-CN");

        Assert.Contains("您已加入名单（提问）。", mine.AllText);
        await _bot.Connector.WaitForAsync(calls => calls.Any(c =>
            c.IsUpdate && c.ConversationId == chat.Id && c.Activity.AllText.Contains("Liste des orateurs") && c.Activity.AllText.Contains("Chen Wei — Question")));
        var shared = _bot.Connector.Calls.Last(c => c.IsUpdate && c.ConversationId == chat.Id && c.Activity.AllText.Contains("Chen Wei"));
        Assert.Equal("fr", shared.Activity.Card["lang"]!.GetValue<string>());
    }

    [Fact]
    public async Task PseudoLocale_WholeFlow_LeavesNoTextOutsideTheResources()
    {
        var pseudo = CultureInfo.GetCultureInfo("qps-ploc");
        var chat = _bot.MeetingChat("pseudo").InLocale("qps-ploc");
        var languages = _bot.Services.GetRequiredService<LanguageStore>();
        await languages.ChooseForChatAsync(chat.Id, pseudo, CancellationToken.None);
        var aliceChat = _bot.PersonalChat(TestUsers.Alice).InLocale("qps-ploc");
        await aliceChat.SayAsync("language");

        // Teams clients never report the pseudo-locale, so it is not remembered for proactive messages by itself.
        await languages.ChoosePersonalAsync(TestUsers.Alice.AadObjectId, pseudo, CancellationToken.None);
        var flowStarts = _bot.Connector.Calls.Max(c => c.Sequence);
        // What people typed, and the codes cards carry as the values of their choices (never shown as text).
        string[] data =
        [
            "Alice Ahmed", "Bob Bautista", "Olga Organiser", "Sione Tupou", "Fair recruitment", "GMT", "fifo", "first-time", "balanced",
            .. SpeakerQueueCard.KindCodes,
            .. StakeholderReference.Groups.Concat(StakeholderReference.Subregions).Concat(StakeholderReference.Genders).Select(c => c.Code),
        ];
        var turns = new List<Turn>();

        var shown = await chat.SayAsync("speakers", from: TestUsers.Organiser);
        turns.Add(shown);
        var controls = await chat.PressAsync(shown.Reply.Card, SpeakerQueueCard.ChairVerb, from: TestUsers.Organiser);
        turns.Add(controls);
        turns.Add(await chat.PressAsync(controls.InvokeCard!, SpeakerQueueCard.OpenVerb, from: TestUsers.Organiser));
        turns.Add(await chat.PressAsync(controls.InvokeCard!, SpeakerQueueCard.SettingsVerb,
            new Dictionary<string, string> { ["policy"] = "balanced", ["limit"] = "90" }, from: TestUsers.Organiser));
        var shared = (await chat.PressAsync(controls.InvokeCard!, SpeakerQueueCard.ParticipantViewVerb, from: TestUsers.Organiser)).InvokeCard!;
        turns.Add(await RequestAsync(chat, shared, TestUsers.Alice, "question", "Fair recruitment"));
        // Her notice ("you are next") is sent by the list's next pass, about a second later; the rest of the flow could
        // otherwise move her on before any pass saw her first or speaking, and no notice would be due.
        await _bot.Connector.WaitForAsync(calls => calls.Any(c => c.IsSend && c.ConversationId == aliceChat.Id && c.Activity.Text?.Contains('⟦') == true));
        turns.Add(await RequestAsync(chat, shared, TestUsers.Bob, "point-of-order"));
        turns.Add(await RequestAsync(chat, shared, TestUsers.Bob, "point-of-order"));
        turns.Add(await chat.PressAsync(shared, SpeakerQueueCard.MyPlaceVerb, from: TestUsers.Alice));
        turns.Add(await chat.PressAsync(shared, SpeakerQueueCard.WithdrawVerb, from: TestUsers.Bob));
        turns.Add(await chat.PressAsync(shared, SpeakerQueueCard.WithdrawVerb, from: TestUsers.Bob));
        turns.Add(await ChairAsync(chat, shared, SpeakerQueueCard.AddInRoomVerb,
            new Dictionary<string, string> { ["name"] = "Sione Tupou", ["kind"] = "statement", ["group"] = "migrants", ["subregion"] = "pacific", ["gender"] = "man" }));
        turns.Add(await chat.PressAsync(shared, SpeakerQueueCard.ChairVerb, from: TestUsers.Bob));
        var next = await ChairAsync(chat, shared, SpeakerQueueCard.NextVerb);
        turns.Add(next);
        turns.Add(await chat.PressAsync(next.InvokeCard!, SpeakerQueueCard.NextVerb, from: TestUsers.Organiser));
        turns.Add(await chat.PressAsync(next.InvokeCard!, SpeakerQueueCard.EndTurnVerb, from: TestUsers.Organiser));
        turns.Add(await RequestAsync(chat, shared, TestUsers.Bob));
        turns.Add(await ChairAsync(chat, shared, SpeakerQueueCard.ClearVerb));
        turns.Add(await ChairAsync(chat, shared, SpeakerQueueCard.ExportVerb));
        turns.Add(await ChairAsync(chat, shared, SpeakerQueueCard.CloseVerb));
        turns.Add(await chat.SayAsync("speakers", from: TestUsers.Alice));

        foreach (var turn in turns)
        {
            Assert.Empty(Untranslated.In(turn.AllText, data));
        }

        foreach (var call in _bot.Connector.Calls.Where(c =>
                     c.Sequence > flowStarts && (c.IsSend || c.IsUpdate) && (c.ConversationId == chat.Id || c.ConversationId == aliceChat.Id)))
        {
            Assert.Empty(Untranslated.In(call.Activity.AllText, data));
        }
    }
}
