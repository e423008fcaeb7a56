using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Questions;

/// <summary>The personal message an asker gets when a moderator marks their question answered, in the asker's language.</summary>
public static class QnaAnsweredCard
{
    public static AdaptiveCard Build(QnaAnsweredModel model, CultureInfo culture)
    {
        var t = QnaCardParts.Texts(culture);
        var body = new List<CardElement>
        {
            new TextBlock(t["Answered.Title"]) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Color = TextColor.Good },
            QnaCardParts.Labelled(t["Label.Qna"], model.SessionTitle) with { Spacing = Spacing.None },
            new RichTextBlock([new TextRun($"#{model.Number.ToString(CultureInfo.InvariantCulture)}  ") { Weight = TextWeight.Bolder }, new TextRun(model.Question)]),
        };
        body.Add(string.IsNullOrEmpty(model.Answer)
            ? new TextBlock(t["Answered.Live"]) { IsSubtle = true }
            : new RichTextBlock([new TextRun(t["Answer.Label"] + " ") { Weight = TextWeight.Bolder, Color = TextColor.Good }, new TextRun(model.Answer)]));
        body.Add(new TextBlock(t["Answered.Thanks"]) { Size = TextSize.Small, IsSubtle = true, Separator = true });
        return new AdaptiveCard(body) { FallbackText = t["Answered.Title"], Lang = SupportedLanguages.TagOf(culture) };
    }
}
