using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Help;

/// <summary>Where the welcome is shown: each place gets the sentence that fits it.</summary>
public enum WelcomePlace { PersonalChat, GroupChat, Team, MeetingChat }

/// <summary>The card GcmBot posts once when it is installed or added to a conversation.</summary>
public static class WelcomeCard
{
    public static AdaptiveCard Build(WelcomePlace place, CultureInfo culture)
    {
        var t = TextResources.For<HelpCardTexts>(culture);
        var body = new List<CardElement>
        {
            new TextBlock(t["Welcome.Title"]) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(t["Welcome.Intro"]),
            new TextBlock(t[$"Welcome.{place}"]),
            new FactSet(
            [
                new Fact(t["Principle.Transparency"], t["Principle.Transparency.Text"]),
                new Fact(t["Principle.Inclusivity"], t["Principle.Inclusivity.Text"]),
                new Fact(t["Principle.Diversity"], t["Principle.Diversity.Text"]),
                new Fact(t["Principle.Participation"], t["Principle.Participation.Text"]),
            ])
            { Spacing = Spacing.Medium },
            new TextBlock(t["Welcome.Help"]) { IsSubtle = true, Separator = true },
        };

        return new AdaptiveCard(body)
        {
            Actions = [HelpCard.RunCommandButton("help", t["Welcome.HelpButton"])],
            FallbackText = t["Welcome.Fallback"],
            Lang = SupportedLanguages.TagOf(culture),
        };
    }
}
