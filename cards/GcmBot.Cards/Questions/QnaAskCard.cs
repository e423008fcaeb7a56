using System.Globalization;
using GcmBot.Cards.AdaptiveCards;

namespace GcmBot.Cards.Questions;

/// <summary>The personal-chat form for asking a question in one of the open Q&amp;A sessions.</summary>
public static class QnaAskCard
{
    public static AdaptiveCard Build(QnaAskModel model)
    {
        var body = new List<CardElement>
        {
            new TextBlock("Ask a question") { Size = TextSize.Large, Weight = TextWeight.Bolder },
        };
        if (model.Notice is not null)
        {
            body.Add(QnaCardParts.Notice(model.Notice, warning: true));
        }

        CardActionData data;
        if (model.Sessions.Count == 1)
        {
            var only = model.Sessions[0];
            body.Add(new RichTextBlock([new TextRun("For: ") { Weight = TextWeight.Bolder }, new TextRun(only.Title)]));
            data = QnaCardParts.Data(QnaVerbs.Ask, only.SessionId);
        }
        else
        {
            body.Add(new ChoiceSetInput(model.Sessions
                .Select(s => new Choice(
                    s.Title + (s.AskerVisibility == QnaAskerVisibility.Moderators ? " (moderators see names)" : " (anonymous)"),
                    s.SessionId.ToString(CultureInfo.InvariantCulture)))
                .ToList())
            {
                Id = QnaKeys.SessionChoice,
                Label = "Which Q&A?",
                IsRequired = true,
                ErrorMessage = "Please choose the Q&A.",
                Expanded = model.Sessions.Count <= 4,
            });
            data = CardActionData.For(QnaVerbs.Ask);
        }

        body.Add(new TextInput
        {
            Id = QnaKeys.Text,
            Label = "Your question",
            Value = model.Text,
            Placeholder = "What would you like to ask?",
            MaxLength = QnaLimits.QuestionLength,
            IsMultiline = true,
            IsRequired = true,
            ErrorMessage = "Please write your question.",
        });
        if (model.Sessions.Any(s => s.AskerVisibility == QnaAskerVisibility.Moderators))
        {
            body.Add(new ToggleInput("Hide my name from the moderators too") { Id = QnaKeys.Anonymous });
        }

        var policies = model.Sessions.Select(s => s.AskerVisibility).Distinct().ToList();
        body.Add(new TextBlock(policies.Count == 1
            ? QnaCardParts.PolicyText(policies[0])
            : "Privacy: other participants never see who asked. Whether the moderators may see your name depends on the Q&A (shown next to each).")
        {
            Size = TextSize.Small,
            IsSubtle = true,
            Separator = true,
        });

        return new AdaptiveCard(body)
        {
            Actions = [new ExecuteAction(data) { Title = "Send question", Style = ActionStyle.Positive }],
            FallbackText = "Ask a question",
        };
    }
}
