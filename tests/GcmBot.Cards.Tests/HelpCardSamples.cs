using GcmBot.Cards.Help;

namespace GcmBot.Cards.Tests;

public sealed class HelpCardSamples : ICardSamples
{
    public IEnumerable<CardSample> Samples()
    {
        foreach (var place in Enum.GetValues<WelcomePlace>())
        {
            yield return new CardSample($"welcome-{place}", WelcomeCard.Build(place));
        }

        HelpEntry[] entries =
        [
            new("help", "help", "Show what I can do here", false),
            new("register", "register", "Register for the briefing and consultations", false),
            new("schedule", "schedule <theme> <date> <time>", "Schedule a roundtable", true),
            new("qna open", "qna open <title>", "Open a Q&A in this chat", false, ForModerators: true),
        ];
        yield return new CardSample("help-participant", HelpCard.Build(new HelpCardModel("In our personal chat", entries, false)));
        yield return new CardSample("help-organiser", HelpCard.Build(new HelpCardModel("In our personal chat", entries, true)));
    }
}
