using GcmBot.Cards.Languages;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Tests;

public sealed class LanguagesCardSamples : ICardSamples
{
    public IEnumerable<CardSample> Samples()
    {
        foreach (var culture in SupportedLanguages.All)
        {
            yield return new CardSample($"language-{culture.Name}", LanguageCard.Build(new LanguageCardModel(culture, null), culture));
            yield return new CardSample($"language-moderator-{culture.Name}", LanguageCard.Build(new LanguageCardModel(culture, SupportedLanguages.English), culture));
        }
    }
}
