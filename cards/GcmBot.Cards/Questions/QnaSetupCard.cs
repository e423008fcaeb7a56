using GcmBot.Cards.AdaptiveCards;

namespace GcmBot.Cards.Questions;

/// <summary>
/// The form a moderator fills in to open a Q&amp;A in a chat. Once opened, this very message becomes the board.
/// The asker-visibility choice is made here, once: it cannot change after people have asked under it.
/// </summary>
public static class QnaSetupCard
{
    public static AdaptiveCard Build(QnaSetupModel model)
    {
        var body = new List<CardElement>
        {
            new TextBlock("Open a Q&A in this chat") { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock("Participants ask and upvote questions on one board here; moderators approve, answer and pin them.") { IsSubtle = true, Spacing = Spacing.None },
        };
        if (model.Notice is not null)
        {
            body.Add(QnaCardParts.Notice(model.Notice, warning: true));
        }

        body.Add(new TextInput
        {
            Id = QnaKeys.Title,
            Label = "Title",
            Value = model.Title,
            Placeholder = "e.g. Briefing on the regional review: open Q&A",
            MaxLength = QnaLimits.TitleLength,
            IsRequired = true,
            ErrorMessage = "Please give the Q&A a title.",
        });
        body.Add(new TextInput
        {
            Id = QnaKeys.EventId,
            Label = "Event (optional)",
            Value = model.EventId,
            Placeholder = "e.g. briefing-2020-08-26",
            MaxLength = QnaLimits.EventIdLength,
        });
        body.Add(new ToggleInput("Pre-moderation: new questions wait for a moderator's approval")
        {
            Id = QnaKeys.PreModeration,
            Value = model.PreModeration,
        });
        body.Add(new ToggleInput("Moderators may see who asked (other participants never do)")
        {
            Id = QnaKeys.ModeratorsSeeNames,
            Value = model.ModeratorsSeeNames,
        });
        body.Add(new TextBlock("Only moderators can open a Q&A: the organisers, and in a meeting its organiser and presenters.")
        {
            Size = TextSize.Small,
            IsSubtle = true,
        });

        return new AdaptiveCard(body)
        {
            Actions = [new ExecuteAction(CardActionData.For(QnaVerbs.Open)) { Title = "Open the Q&A", Style = ActionStyle.Positive }],
            FallbackText = "Open a Q&A in this chat",
        };
    }
}
