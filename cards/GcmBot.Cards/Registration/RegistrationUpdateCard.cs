using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Help;

namespace GcmBot.Cards.Registration;

/// <summary>A change to someone's registration that they did not make themselves (a freed place, an organiser's decision).</summary>
public sealed record RegistrationUpdateModel(string Heading, string Text, string EventTitle, string When, string Venue, bool IsGoodNews);

/// <summary>Sent proactively to the person's personal chat.</summary>
public static class RegistrationUpdateCard
{
    public static AdaptiveCard Build(RegistrationUpdateModel model) =>
        new([
            new TextBlock(model.Heading)
            {
                Size = TextSize.Medium,
                Weight = TextWeight.Bolder,
                Color = model.IsGoodNews ? TextColor.Good : TextColor.Default,
            },
            new TextBlock(model.Text),
            new Container([
                new TextBlock(model.EventTitle) { Weight = TextWeight.Bolder },
                new FactSet([new Fact("When", model.When), new Fact("Where", model.Venue)]) { Spacing = Spacing.Small },
            ])
            {
                Style = ContainerStyle.Emphasis,
            },
        ])
        {
            Actions = [HelpCard.RunCommandButton("my registrations", "My registrations")],
            FallbackText = model.Heading,
        };
}
