using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Questions;

/// <summary>The personal-chat form for asking a question in one of the open Q&amp;A sessions.</summary>
public static class QnaAskCard
{
    public static AdaptiveCard Build(QnaAskModel model, CultureInfo culture)
    {
        var t = QnaCardParts.Texts(culture);
        var body = new List<CardElement>
        {
            new TextBlock(t["Button.Ask"]) { Size = TextSize.Large, Weight = TextWeight.Bolder },
        };
        if (model.Notice is not null)
        {
            body.Add(QnaCardParts.Notice(model.Notice, warning: true));
        }

        CardActionData data;
        if (model.Sessions.Count == 1)
        {
            var only = model.Sessions[0];
            body.Add(new RichTextBlock([new TextRun(t["Ask.For"] + " ") { Weight = TextWeight.Bolder }, new TextRun(only.Title)]));
            data = QnaCardParts.Data(QnaVerbs.Ask, only.SessionId);
        }
        else
        {
            body.Add(new ChoiceSetInput(model.Sessions
                .Select(s => new Choice(
                    t[s.AskerVisibility == QnaAskerVisibility.Moderators ? "Ask.ChoiceNames" : "Ask.ChoiceAnonymous", s.Title],
                    s.SessionId.ToString(CultureInfo.InvariantCulture)))
                .ToList())
            {
                Id = QnaKeys.SessionChoice,
                Label = t["Ask.Which"],
                IsRequired = true,
                ErrorMessage = t["Ask.Choose"],
                Expanded = model.Sessions.Count <= 4,
            });
            data = CardActionData.For(QnaVerbs.Ask);
        }

        body.Add(new TextInput
        {
            Id = QnaKeys.Text,
            Label = t["Ask.Label"],
            Value = model.Text,
            Placeholder = t["Ask.Placeholder"],
            MaxLength = QnaLimits.QuestionLength,
            IsMultiline = true,
            IsRequired = true,
            ErrorMessage = t["Ask.Required"],
        });
        if (model.Sessions.Any(s => s.AskerVisibility == QnaAskerVisibility.Moderators))
        {
            body.Add(new ToggleInput(t["Ask.HideName"]) { Id = QnaKeys.Anonymous });
        }

        var policies = model.Sessions.Select(s => s.AskerVisibility).Distinct().ToList();
        body.Add(new TextBlock(policies.Count == 1 ? QnaCardParts.PolicyText(t, policies[0]) : t["Policy.MixedAsk"])
        {
            Size = TextSize.Small,
            IsSubtle = true,
            Separator = true,
        });

        return new AdaptiveCard(body)
        {
            Actions = [new ExecuteAction(data) { Title = t["Ask.Send"], Style = ActionStyle.Positive }],
            FallbackText = t["Button.Ask"],
            Lang = SupportedLanguages.TagOf(culture),
        };
    }
}
