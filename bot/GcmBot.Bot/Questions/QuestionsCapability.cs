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

        services.AddBotCommand<AskCommand>("ask", "Ask a question in the open Q&A", ConversationScopes.All, "ask <your question>");
        services.AddBotCommand<MyQuestionsCommand>("my questions", "See your questions, their votes and answers", ConversationScopes.Personal);
        services.AddBotCommand<QnaBoardCommand>("qna", "Show where the Q&A board is (moderators: post it again)", ConversationScopes.Shared);
        services.AddBotCommand<QnaOpenCommand>("qna open", "Open a Q&A in this chat", ConversationScopes.Shared, "qna open <title>", forModerators: true);
        services.AddBotCommand<QnaCloseCommand>("qna close", "Close this chat's Q&A", ConversationScopes.Shared, forModerators: true);
        services.AddConversationEvents<QnaMeetingEvents>();

        services.AddCardAction<OpenQnaAction>(QnaVerbs.Open);
        services.AddCardAction<AskQuestionAction>(QnaVerbs.Ask);
        services.AddCardAction<VoteAction>(QnaVerbs.Vote);
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
