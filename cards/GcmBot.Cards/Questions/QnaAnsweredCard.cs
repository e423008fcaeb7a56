using GcmBot.Cards.AdaptiveCards;

namespace GcmBot.Cards.Questions;

/// <summary>The personal message an asker gets when a moderator marks their question answered.</summary>
public static class QnaAnsweredCard
{
    public static AdaptiveCard Build(QnaAnsweredModel model)
    {
        var body = new List<CardElement>
        {
            new TextBlock("Your question was answered") { Size = TextSize.Medium, Weight = TextWeight.Bolder, Color = TextColor.Good },
            new RichTextBlock([new TextRun("Q&A: ") { IsSubtle = true }, new TextRun(model.SessionTitle) { IsSubtle = true }]) { Spacing = Spacing.None },
            new RichTextBlock([new TextRun($"#{model.Number}  ") { Weight = TextWeight.Bolder }, new TextRun(model.Question)]),
        };
        body.Add(string.IsNullOrEmpty(model.Answer)
            ? new TextBlock("It was answered live in the session.") { IsSubtle = true }
            : new RichTextBlock([new TextRun("Answer: ") { Weight = TextWeight.Bolder, Color = TextColor.Good }, new TextRun(model.Answer)]));
        body.Add(new TextBlock("Thank you for your question. Type **my questions** to see all of yours.") { Size = TextSize.Small, IsSubtle = true, Separator = true });
        return new AdaptiveCard(body) { FallbackText = "Your question was answered" };
    }
}
