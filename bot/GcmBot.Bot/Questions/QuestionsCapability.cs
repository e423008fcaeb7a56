using GcmBot.Bot.Participants;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Questions;

namespace GcmBot.Bot.Questions;

public static class QuestionsCapability
{
    /// <summary>The briefing Q&amp;A: ask, upvote, moderate and answer, live on one board per session.</summary>
    public static IServiceCollection AddQuestions(this IServiceCollection services)
    {
        services.AddOptions<QnaOptions>().BindConfiguration(QnaOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<QnaBoardCache>();
        services.AddSingleton<QnaStore>();
        services.AddSingleton<QnaBoardReader>();
        services.AddSingleton<QnaExporter>();
        services.AddSingleton<BoardSignal>();
        services.AddSingleton<BoardPublisher>();
        services.AddHostedService<BoardRefresher>();
        services.AddScoped<QnaTurns>();
        services.AddScoped<IPersonalDataEraser, QuestionsEraser>();

        services.AddSingleton<QnaWords>();

        var texts = typeof(QuestionsTexts);
        services.AddBotCommand<AskCommand>("ask", "Command.Ask", ConversationScopes.All, "ask <your question>", texts: texts);
        services.AddBotCommand<MyQuestionsCommand>("my questions", "Command.MyQuestions", ConversationScopes.Personal, texts: texts);
        services.AddBotCommand<QnaBoardCommand>("qna", "Command.Qna", ConversationScopes.Shared, texts: texts);
        services.AddBotCommand<QnaOpenCommand>("qna open", "Command.QnaOpen", ConversationScopes.Shared, "qna open <title>", forModerators: true, texts: texts);
        services.AddBotCommand<QnaCloseCommand>("qna close", "Command.QnaClose", ConversationScopes.Shared, forModerators: true, texts: texts);
        services.AddConversationEvents<QnaMeetingEvents>();

        services.AddCardAction<OpenQnaAction>(QnaVerbs.Open);
        services.AddCardAction<AskQuestionAction>(QnaVerbs.Ask);
        services.AddCardAction<VoteAction>(QnaVerbs.Vote, claimsItsTurn: true);
        services.AddCardAction<ViewBoardAction>(QnaVerbs.View);
        services.AddCardAction<ViewQuestionAction>(QnaVerbs.Question);
        services.AddCardAction<EditQuestionAction>(QnaVerbs.Edit);
        services.AddCardAction<WithdrawQuestionAction>(QnaVerbs.Withdraw);
        services.AddCardAction<ApproveQuestionAction>(QnaVerbs.Approve);
        services.AddCardAction<DismissQuestionAction>(QnaVerbs.Dismiss);
        services.AddCardAction<AnswerQuestionAction>(QnaVerbs.Answer);
        services.AddCardAction<PinQuestionAction>(QnaVerbs.Pin);
        services.AddCardAction<UnpinAction>(QnaVerbs.Unpin);
        services.AddCardAction<MergeQuestionAction>(QnaVerbs.Merge);
        services.AddCardAction<CloseQnaAction>(QnaVerbs.Close);
        services.AddCardAction<ReopenQnaAction>(QnaVerbs.Reopen);
        services.AddCardAction<PreModerationAction>(QnaVerbs.PreModeration);
        services.AddCardAction<ExportQnaAction>(QnaVerbs.Export);
        return services;
    }
}
