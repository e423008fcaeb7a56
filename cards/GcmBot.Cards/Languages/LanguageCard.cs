using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Help;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Languages;

/// <summary>What the language card shows: the person's language, and the chat's when a moderator may change it.</summary>
public sealed record LanguageCardModel(CultureInfo PersonLanguage, CultureInfo? ChatLanguage);

/// <summary>The choice of language: a button per language, each named in its own language.</summary>
public static class LanguageCard
{
    public static AdaptiveCard Build(LanguageCardModel model, CultureInfo culture)
    {
        var t = TextResources.For<LanguagesCardTexts>(culture);
        var body = new List<CardElement>
        {
            new TextBlock(t["Title"]) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(t["YourLanguage", SupportedLanguages.NativeName(model.PersonLanguage)]),
            new ActionSet(SupportedLanguages.All.Select(l => (CardAction)HelpCard.RunCommandButton("language " + l.Name, SupportedLanguages.NativeName(l))).ToList()),
        };
        if (model.ChatLanguage is { } chat)
        {
            body.Add(new TextBlock(t["ChatLanguage", SupportedLanguages.NativeName(chat)]) { Separator = true, Spacing = Spacing.Medium });
            body.Add(new ActionSet(SupportedLanguages.All.Select(l => (CardAction)HelpCard.RunCommandButton("chat language " + l.Name, SupportedLanguages.NativeName(l))).ToList()));
        }

        return new AdaptiveCard(body) { FallbackText = t["Fallback"], Lang = SupportedLanguages.TagOf(culture) };
    }
}

/// <summary>Names the resource files of this folder (<c>LanguagesCardTexts.resx</c> and its translations).</summary>
public sealed class LanguagesCardTexts;
