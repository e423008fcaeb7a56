using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Help;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Registration;

/// <summary>A change to someone's registration that they did not make themselves (a freed place, an organiser's decision).</summary>
public sealed record RegistrationUpdateModel(string Heading, string Text, string EventTitle, string When, string Venue, bool IsGoodNews);

/// <summary>Sent proactively to the person's personal chat.</summary>
public static class RegistrationUpdateCard
{
    public static AdaptiveCard Build(RegistrationUpdateModel model, CultureInfo culture)
    {
        var t = TextResources.For<RegistrationCardTexts>(culture);
        return new([
            new TextBlock(model.Heading)
            {
                Size = TextSize.Medium,
                Weight = TextWeight.Bolder,
                Color = model.IsGoodNews ? TextColor.Good : TextColor.Default,
            },
            new TextBlock(model.Text),
            new Container([
                new TextBlock(MarkdownText.Escape(model.EventTitle)) { Weight = TextWeight.Bolder },
                new FactSet([new Fact(t["When"], model.When), new Fact(t["Where"], model.Venue)]) { Spacing = Spacing.Small },
            ])
            {
                Style = ContainerStyle.Emphasis,
            },
        ])
        {
            Actions = [HelpCard.RunCommandButton("my registrations", t["Update.MyRegistrations"])],
            FallbackText = model.Heading,
            Lang = SupportedLanguages.TagOf(culture),
        };
    }
}
