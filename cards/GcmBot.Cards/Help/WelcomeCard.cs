using GcmBot.Cards.AdaptiveCards;

namespace GcmBot.Cards.Help;

/// <summary>Where the welcome is shown: each place gets the sentence that fits it.</summary>
public enum WelcomePlace { PersonalChat, GroupChat, Team, MeetingChat }

/// <summary>The card GcmBot posts once when it is installed or added to a conversation.</summary>
public static class WelcomeCard
{
    public static AdaptiveCard Build(WelcomePlace place)
    {
        var body = new List<CardElement>
        {
            new TextBlock("Welcome to GcmBot") { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(
                "I help the UN Regional Network on Migration for Asia and the Pacific run the engagement of civil society " +
                "and other stakeholders in the regional review of the Global Compact for Safe, Orderly and Regular Migration (GCM)."),
            new TextBlock(PlaceSentence(place)),
            new FactSet(
            [
                new Fact("Transparency", "an open call and an equal channel for every input"),
                new Fact("Inclusivity", "the widest access, through different forms of engagement"),
                new Fact("Diversity", "attention to under-represented voices and migrants in vulnerable situations"),
                new Fact("Participation", "a real say in the preparation and follow-up of the review"),
            ])
            { Spacing = Spacing.Medium },
            new TextBlock("Type **help** at any time to see what I can do here.") { IsSubtle = true, Separator = true },
        };

        return new AdaptiveCard(body)
        {
            Actions = [HelpCard.RunCommandButton("help", "Show what I can do")],
            FallbackText = "Welcome to GcmBot. Type help to see what I can do.",
        };
    }

    private static string PlaceSentence(WelcomePlace place) => place switch
    {
        WelcomePlace.PersonalChat =>
            "Here, in our private chat, you can register for the briefing and the consultations, follow your registrations and send questions.",
        WelcomePlace.MeetingChat =>
            "In this meeting I run the open Q&A and the list of speakers, so that every voice gets a fair turn.",
        WelcomePlace.Team =>
            "In this team I can post the Q&A board and the speaker queue of a consultation. Mention me to talk to me.",
        _ =>
            "In this chat I can run a Q&A board and a speaker queue. Mention me to talk to me.",
    };
}
