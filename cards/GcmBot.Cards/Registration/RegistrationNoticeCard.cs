using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Registration;

/// <summary>A short card: a question with its answer buttons, or an outcome (texts already in the reader's language).</summary>
public sealed record RegistrationNoticeModel(string Title, string Text, IReadOnlyList<CardAction> Actions, bool IsWarning = false);

/// <summary>Asks before an irreversible step (cancel, forget me), and reports what was done.</summary>
public static class RegistrationNoticeCard
{
    public static AdaptiveCard Build(RegistrationNoticeModel model, CultureInfo culture) =>
        new([
            new TextBlock(model.Title)
            {
                Size = TextSize.Medium,
                Weight = TextWeight.Bolder,
                Color = model.IsWarning ? TextColor.Attention : TextColor.Default,
            },
            new TextBlock(model.Text),
        ])
        {
            Actions = model.Actions,
            FallbackText = model.Title,
            Lang = SupportedLanguages.TagOf(culture),
        };

    /// <summary>A yes/no answer button of a question card (the inputs of other cards are not sent).</summary>
    public static SubmitAction Answer(string verb, string title, string answer, ActionStyle style, params (string Key, string Value)[] data) =>
        new(CardActionData.For(verb, [(RegistrationVerbs.AnswerKey, answer), .. data]))
        {
            Title = title,
            Style = style,
            SendInputs = false,
        };
}
