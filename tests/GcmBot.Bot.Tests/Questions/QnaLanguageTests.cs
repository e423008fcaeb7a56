using System.Globalization;
using GcmBot.Bot.Languages;
using GcmBot.Cards.Questions;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Questions;

/// <summary>
/// The Q&amp;A in the region's languages: each person reads their own replies and views in their language, the shared
/// board follows the chat's language, and the "your question was answered" notice arrives in the asker's language
/// while the moderator works in English.
/// </summary>
public sealed class QnaLanguageTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task AskAndUpvote_InFrench_RepliesInFrench_AndTheAnswerNoticeIsFrench_WhileTheModeratorWorksInEnglish()
    {
        // Alice has talked to the bot in French before, so her personal chat (and her language) is known.
        await _bot.PersonalChat(TestUsers.Alice).InLocale("fr-FR").SayAsync("my questions");
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("langue"));
        var french = new QnaDriver(_bot, _bot.MeetingChat("langue").InLocale("fr-FR"), qna.SessionId, qna.BoardActivityId, qna.Opened);

        var asked = await french.AskAsync(TestUsers.Alice, "Y aura-t-il une interprétation ?");
        var question = await qna.QuestionIdAsync("Y aura-t-il une interprétation ?");
        var voted = await french.VoteAsync(TestUsers.Bob, question);
        var answered = await qna.ActAsync(QnaVerbs.Answer, TestUsers.Organiser, question, (QnaKeys.AnswerInput(question), "Oui, en quatre langues."));

        Assert.Contains("Merci ! Votre question est la n° 1 sur le tableau.", asked.AllText);
        Assert.Equal("fr", asked.InvokeCard!["lang"]!.GetValue<string>());
        Assert.Contains("Votre vote pour la n° 1 est compté.", voted.AllText);
        Assert.Contains("Question #1 is marked answered.", answered.AllText);
        Assert.Equal("en", answered.InvokeCard!["lang"]!.GetValue<string>());
        // The shared board is in the chat's language (English: nobody changed it).
        var board = await qna.WaitForBoardAsync(text => text.Contains("Y aura-t-il une interprétation ?"));
        Assert.Contains("My view", board.AllText);
        var notice = await WaitForSentToAsync(TestUsers.Alice, "Votre question a reçu une réponse");
        Assert.Contains("Oui, en quatre langues.", notice.AllText);
        Assert.Equal("fr", notice.Card["lang"]!.GetValue<string>());
        Assert.DoesNotContain("Your question was answered", notice.AllText);
    }

    [Fact]
    public async Task AskAndUpvote_InChinese_RepliesInChinese_AndTheAnswerNoticeIsChinese_WhileTheModeratorWorksInEnglish()
    {
        await _bot.PersonalChat(TestUsers.Chen).InLocale("zh-CN").SayAsync("my questions");
        var qna = await QnaDriver.OpenAsync(_bot, _bot.MeetingChat("zhongwen"));
        var chinese = new QnaDriver(_bot, _bot.MeetingChat("zhongwen").InLocale("zh-CN"), qna.SessionId, qna.BoardActivityId, qna.Opened);

        var asked = await chinese.AskAsync(TestUsers.Chen, "区域审查何时举行？");
        var question = await qna.QuestionIdAsync("区域审查何时举行？");
        var voted = await chinese.VoteAsync(TestUsers.Alice, question);
        var myView = await chinese.ActAsync(QnaVerbs.View, TestUsers.Alice);
        await qna.ActAsync(QnaVerbs.Answer, TestUsers.Organiser, question);

        Assert.Contains("谢谢！您的问题是看板上的第 1 号。", asked.AllText);
        Assert.Contains("您为第 1 号投的票已计入。", voted.AllText);
        Assert.Contains("✓ 已投票", myView.AllText);
        Assert.Equal("zh", myView.InvokeCard!["lang"]!.GetValue<string>());
        var notice = await WaitForSentToAsync(TestUsers.Chen, "您的问题已得到回答");
        Assert.Contains("已在问答现场作答。", notice.AllText);
        Assert.Equal("zh", notice.Card["lang"]!.GetValue<string>());
    }

    [Fact]
    public async Task ChatLanguage_SetByAModerator_PutsTheSharedBoardInFrench_ButNotAnEnglishSpeakersOwnView()
    {
        var chat = _bot.MeetingChat("tableau");
        var qna = await QnaDriver.OpenAsync(_bot, chat);
        await chat.SayAsync("chat language fr", TestUsers.Organiser);

        await qna.AskAsync(TestUsers.Alice, "Where are the minutes?");
        var board = await qna.WaitForLatestBoardAsync(text => text.Contains("Where are the minutes?"));
        var own = await qna.ActAsync(QnaVerbs.View, TestUsers.Bob);

        Assert.Equal("fr", board.Card["lang"]!.GetValue<string>());
        Assert.Contains("Ma vue", board.AllText);
        Assert.Contains("Questions les plus soutenues", board.AllText);
        Assert.Equal("en", own.InvokeCard!["lang"]!.GetValue<string>());
        Assert.Contains("Top questions", own.AllText);
    }

    [Fact]
    public async Task WholeFlow_InThePseudoLocale_ShowsNoUntranslatedText()
    {
        var chat = _bot.MeetingChat("pseudo").InLocale(SupportedPseudo);
        var languages = _bot.Services.GetRequiredService<LanguageStore>();
        var pseudo = CultureInfo.GetCultureInfo(SupportedPseudo);
        await languages.ChooseForChatAsync(chat.Id, pseudo, CancellationToken.None);
        var personal = _bot.PersonalChat(TestUsers.Alice).InLocale(SupportedPseudo);
        await personal.SayAsync("my questions");
        // Proactive notices go by the language a person chose; the pseudo-locale can only be chosen here.
        await languages.ChoosePersonalAsync(TestUsers.Alice.AadObjectId, pseudo, CancellationToken.None);
        const string title = "Pseudo briefing";
        const string first = "Qwerty zxcv?";
        const string second = "Asdfgh jklm?";
        const string answer = "Yes indeed.";
        // What people typed, and the values of the forms' switches ("true"/"false"), which nobody reads.
        string[] data = [title, first, second, answer, "Qwerty zxcv? changed", "true", "false"];

        var setup = await chat.SayAsync("qna open " + title, TestUsers.Organiser);
        var qna = await QnaDriver.OpenAsync(_bot, chat, title, preModeration: true, moderatorsSeeNames: true);
        var turns = new List<Turn> { setup, qna.Opened };
        turns.Add(await qna.AskAsync(TestUsers.Alice, first));
        turns.Add(await qna.AskAsync(TestUsers.Bob, second, anonymous: true));
        var firstId = await qna.QuestionIdAsync(first);
        var secondId = await qna.QuestionIdAsync(second);
        turns.Add(await qna.ActAsync(QnaVerbs.View, TestUsers.Organiser, null, (QnaKeys.Moderate, "1")));
        turns.Add(await qna.ActAsync(QnaVerbs.Question, TestUsers.Organiser, firstId));
        turns.Add(await qna.ActAsync(QnaVerbs.Approve, TestUsers.Organiser, firstId));
        turns.Add(await qna.ActAsync(QnaVerbs.Approve, TestUsers.Organiser, secondId));
        turns.Add(await qna.VoteAsync(TestUsers.Chen, firstId));
        turns.Add(await qna.VoteAsync(TestUsers.Chen, firstId));
        turns.Add(await qna.VoteAsync(TestUsers.Chen, firstId, QnaKeys.VoteDown));
        turns.Add(await qna.ActAsync(QnaVerbs.View, TestUsers.Chen));
        turns.Add(await qna.ActAsync(QnaVerbs.View, TestUsers.Chen, null, (QnaKeys.Page, "0")));
        turns.Add(await qna.ActAsync(QnaVerbs.Question, TestUsers.Alice, firstId));
        turns.Add(await qna.ActAsync(QnaVerbs.Edit, TestUsers.Alice, firstId, (QnaKeys.EditInput(firstId), first + " changed")));
        turns.Add(await qna.ActAsync(QnaVerbs.Approve, TestUsers.Organiser, firstId));
        turns.Add(await qna.ActAsync(QnaVerbs.Pin, TestUsers.Organiser, secondId));
        turns.Add(await qna.ActAsync(QnaVerbs.Merge, TestUsers.Organiser, firstId, (QnaKeys.MergeInput(firstId), "99")));
        turns.Add(await qna.ActAsync(QnaVerbs.Answer, TestUsers.Organiser, firstId, (QnaKeys.AnswerInput(firstId), answer)));
        turns.Add(await qna.ActAsync(QnaVerbs.Answer, TestUsers.Organiser, secondId));
        turns.Add(await qna.VoteAsync(TestUsers.Chen, firstId));
        turns.Add(await qna.ActAsync(QnaVerbs.View, TestUsers.Bob));
        turns.Add(await chat.SayAsync("qna", TestUsers.Chen));
        turns.Add(await chat.SayAsync("ask", TestUsers.Chen));
        turns.Add(await qna.ActAsync(QnaVerbs.Close, TestUsers.Organiser));
        turns.Add(await personal.SayAsync("my questions"));
        turns.Add(await personal.SayAsync("ask"));

        foreach (var turn in turns)
        {
            Assert.NotEqual(string.Empty, turn.AllText.Trim());
            Assert.Empty(Untranslated.In(turn.AllText, data));
        }

        var board = await qna.WaitForLatestBoardAsync(text => text.Contains(answer));
        Assert.Empty(Untranslated.In(board.AllText, data));
        var notice = await WaitForSentToAsync(TestUsers.Alice, answer);
        Assert.Empty(Untranslated.In(notice.AllText, data));
    }

    private const string SupportedPseudo = GcmBot.Cards.Words.SupportedLanguages.PseudoTag;

    /// <summary>A proactive message to a person's personal chat that contains a text.</summary>
    private async Task<ReceivedActivity> WaitForSentToAsync(TestUser person, string contains)
    {
        var chatId = _bot.PersonalChat(person).Id;
        var calls = await _bot.Connector.WaitForAsync(all => all.Any(c => c.IsSend && c.ConversationId == chatId && c.Activity.AllText.Contains(contains, StringComparison.Ordinal)));
        return calls.Last(c => c.IsSend && c.ConversationId == chatId && c.Activity.AllText.Contains(contains, StringComparison.Ordinal)).Activity;
    }
}
