using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Help;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Questions;

/// <summary>A person's own questions, in our personal chat: status, votes, answers, and Edit/Withdraw while allowed.</summary>
public static class QnaMyQuestionsCard
{
    public static AdaptiveCard Build(QnaMyQuestionsModel model, CultureInfo culture)
    {
        var t = QnaCardParts.Texts(culture);
        var body = new List<CardElement>
        {
            new TextBlock(t["My.Title"]) { Size = TextSize.Large, Weight = TextWeight.Bolder },
        };
        if (model.Notice is not null)
        {
            body.Add(QnaCardParts.Notice(model.Notice, model.NoticeIsWarning));
        }

        if (model.Questions.Count == 0)
        {
            body.Add(new TextBlock(t["My.None"]) { IsSubtle = true });
        }

        foreach (var own in model.Questions.Take(QnaLimits.MaxListed))
        {
            var question = own.Question;
            var details = new List<string> { QnaCardParts.Votes(t, question.Votes), QnaCardParts.StatusText(t, question) };
            if (!own.SessionOpen)
            {
                details.Add(t["My.QnaClosed"]);
            }

            var items = new List<CardElement>
            {
                QnaCardParts.Labelled(t["Label.Qna"], own.SessionTitle, size: TextSize.Small),
                QnaCardParts.QuestionText(question),
                new TextBlock(string.Join(" · ", details))
                {
                    Size = TextSize.Small,
                    IsSubtle = true,
                    Spacing = Spacing.None,
                },
            };
            if (QnaCardParts.AnswerText(t, question) is { } answer)
            {
                items.Add(answer);
            }

            if (QnaCardParts.AskerMayChange(question, own.SessionOpen))
            {
                items.Add(new ActionSet(QnaCardParts.AskerActions(t, own.SessionId, question).ToList()));
            }

            body.Add(new Container(items) { Separator = true, Spacing = Spacing.Medium });
        }

        var policies = model.Questions.Select(q => q.AskerVisibility).Distinct().ToList();
        body.Add(new TextBlock(policies.Count == 1 ? QnaCardParts.PolicyText(t, policies[0]) : t["Policy.Mixed"])
        {
            Size = TextSize.Small,
            IsSubtle = true,
            Separator = true,
        });

        return new AdaptiveCard(body)
        {
            Actions = [HelpCard.RunCommandButton("ask", t["Button.Ask"])],
            FallbackText = t["My.Title"],
            Lang = SupportedLanguages.TagOf(culture),
        };
    }
}
