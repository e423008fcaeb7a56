using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Questions;

/// <summary>
/// The form a moderator fills in to open a Q&amp;A in a chat. Once opened, this very message becomes the board.
/// The asker-visibility choice is made here, once: it cannot change after people have asked under it.
/// </summary>
public static class QnaSetupCard
{
    public static AdaptiveCard Build(QnaSetupModel model, CultureInfo culture)
    {
        var t = QnaCardParts.Texts(culture);
        var body = new List<CardElement>
        {
            new TextBlock(t["Setup.Title"]) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(t["Setup.Intro"]) { IsSubtle = true, Spacing = Spacing.None },
        };
        if (model.Notice is not null)
        {
            body.Add(QnaCardParts.Notice(model.Notice, warning: true));
        }

        body.Add(new TextInput
        {
            Id = QnaKeys.Title,
            Label = t["Setup.TitleLabel"],
            Value = model.Title,
            Placeholder = t["Setup.TitlePlaceholder"],
            MaxLength = QnaLimits.TitleLength,
            IsRequired = true,
            ErrorMessage = t["Setup.TitleRequired"],
        });
        body.Add(new TextInput
        {
            Id = QnaKeys.EventId,
            Label = t["Setup.EventLabel"],
            Value = model.EventId,
            Placeholder = t["Setup.EventPlaceholder"],
            MaxLength = QnaLimits.EventIdLength,
        });
        body.Add(new ToggleInput(t["Setup.PreModeration"])
        {
            Id = QnaKeys.PreModeration,
            Value = model.PreModeration,
        });
        body.Add(new ToggleInput(t["Setup.Names"])
        {
            Id = QnaKeys.ModeratorsSeeNames,
            Value = model.ModeratorsSeeNames,
        });
        body.Add(new TextBlock(t["Setup.WhoMay"])
        {
            Size = TextSize.Small,
            IsSubtle = true,
        });

        return new AdaptiveCard(body)
        {
            Actions = [new ExecuteAction(CardActionData.For(QnaVerbs.Open)) { Title = t["Setup.Open"], Style = ActionStyle.Positive }],
            FallbackText = t["Setup.Title"],
            Lang = SupportedLanguages.TagOf(culture),
        };
    }
}
