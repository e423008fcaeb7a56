using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Help;

namespace GcmBot.Cards.Questions;

/// <summary>A person's own questions, in our personal chat: status, votes, answers, and Edit/Withdraw while allowed.</summary>
public static class QnaMyQuestionsCard
{
    public static AdaptiveCard Build(QnaMyQuestionsModel model)
    {
        var body = new List<CardElement>
        {
            new TextBlock("Your questions") { Size = TextSize.Large, Weight = TextWeight.Bolder },
        };
        if (model.Notice is not null)
        {
            body.Add(QnaCardParts.Notice(model.Notice, model.NoticeIsWarning));
        }

        if (model.Questions.Count == 0)
        {
            body.Add(new TextBlock("You have no questions in an open Q&A.") { IsSubtle = true });
        }

        foreach (var own in model.Questions.Take(QnaLimits.MaxListed))
        {
            var question = own.Question;
            var items = new List<CardElement>
            {
                new RichTextBlock([new TextRun("Q&A: ") { IsSubtle = true, Size = TextSize.Small }, new TextRun(own.SessionTitle) { IsSubtle = true, Size = TextSize.Small }]),
                QnaCardParts.QuestionText(question),
                new TextBlock($"{QnaCardParts.Votes(question.Votes)} · {QnaCardParts.StatusText(question)}{(own.SessionOpen ? string.Empty : " · Q&A closed")}")
                {
                    Size = TextSize.Small,
                    IsSubtle = true,
                    Spacing = Spacing.None,
                },
            };
            if (QnaCardParts.AnswerText(question) is { } answer)
            {
                items.Add(answer);
            }

            if (QnaCardParts.AskerMayChange(question, own.SessionOpen))
            {
                items.Add(new ActionSet(QnaCardParts.AskerActions(own.SessionId, question).ToList()));
            }

            body.Add(new Container(items) { Separator = true, Spacing = Spacing.Medium });
        }

        var policies = model.Questions.Select(q => q.AskerVisibility).Distinct().ToList();
        body.Add(new TextBlock(policies.Count == 1
            ? QnaCardParts.PolicyText(policies[0])
            : "Privacy: other participants never see who asked.")
        {
            Size = TextSize.Small,
            IsSubtle = true,
            Separator = true,
        });

        return new AdaptiveCard(body)
        {
            Actions = [HelpCard.RunCommandButton("ask", "Ask a question")],
            FallbackText = "Your questions",
        };
    }
}
