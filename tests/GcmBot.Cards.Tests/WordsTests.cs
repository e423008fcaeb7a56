using System.Globalization;
using GcmBot.Cards.Languages;
using GcmBot.Cards.Words;
using GcmBot.Testing;

namespace GcmBot.Cards.Tests;

public sealed class WordsTests
{
    private const string Votes = "{0, plural, =0 {no votes} one {# vote} few {# votes (few)} many {# votes (many)} other {# votes}}";

    [Theory]
    [InlineData("en", 0, "no votes")]
    [InlineData("en", 1, "1 vote")]
    [InlineData("en", 2, "2 votes")]
    [InlineData("en", 1200, "1,200 votes")]
    [InlineData("fr", 1, "1 vote")]
    [InlineData("fr", 2, "2 votes")]
    [InlineData("ru", 1, "1 vote")]
    [InlineData("ru", 3, "3 votes (few)")]
    [InlineData("ru", 5, "5 votes (many)")]
    [InlineData("ru", 11, "11 votes (many)")]
    [InlineData("ru", 21, "21 vote")]
    [InlineData("ru", 22, "22 votes (few)")]
    [InlineData("zh-Hans", 1, "1 votes")]
    public void Plural_ChoosesTheLanguagesForm(string tag, int count, string expected)
    {
        Assert.Equal(expected, MessageFormat.Format(CultureInfo.GetCultureInfo(tag), Votes, count));
    }

    [Fact]
    public void Format_MixesPluralsWithOrdinaryPlaceholders_AndEscapedBraces()
    {
        var text = MessageFormat.Format(SupportedLanguages.English, "{1} has {0, plural, one {# question} other {# questions}} {{open}}", 3, "Theme a");

        Assert.Equal("Theme a has 3 questions {open}", text);
    }

    [Fact]
    public void Format_FrenchNumbers_UseFrenchSeparators()
    {
        var text = MessageFormat.Format(CultureInfo.GetCultureInfo("fr"), "{0, plural, one {# voix} other {# voix}}", 1200);

        Assert.Equal("1\u202f200 voix", text);
    }

    [Theory]
    [InlineData("fr-FR", "fr")]
    [InlineData("zh-CN", "zh-Hans")]
    [InlineData("zh-TW", "zh-Hans")]
    [InlineData("ru", "ru")]
    [InlineData("en-GB", "en")]
    [InlineData("qps-ploc", "qps-ploc")]
    public void Match_FindsTheSupportedLanguage(string tag, string expected)
    {
        Assert.Equal(expected, SupportedLanguages.Match(tag)!.Name, ignoreCase: true);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("")]
    [InlineData(null)]
    public void Match_UnsupportedLanguage_IsNull(string? tag)
    {
        Assert.Null(SupportedLanguages.Match(tag));
    }

    [Fact]
    public void Pseudo_AccentsTextButNotPlaceholdersOrLinkTargets()
    {
        var text = PseudoLocale.Transform("Open [the report]({0}) with {1, plural, one {# vote} other {# votes}}");

        Assert.StartsWith("⟦", text);
        Assert.Contains("]({0})", text, StringComparison.Ordinal);
        Assert.Contains("{1, plural, ", text, StringComparison.Ordinal);
        Assert.Contains("{# ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("vote", text, StringComparison.Ordinal);
        Assert.Empty(Untranslated.In(text));
        Assert.Equal(["Open", "the", "report", "with"], Untranslated.In("Open [the report]({0}) with"));
    }

    [Fact]
    public void TextResources_PseudoLocale_IsAccentedEnglish()
    {
        var card = LanguageCard.Build(new LanguageCardModel(SupportedLanguages.English, null), CultureInfo.GetCultureInfo(SupportedLanguages.PseudoTag));

        var title = card.ToJson()["body"]![0]!["text"]!.GetValue<string>();

        Assert.StartsWith("⟦", title);
        Assert.DoesNotContain("Language", title, StringComparison.Ordinal);
        Assert.Empty(Untranslated.In(title));
        Assert.Equal("en", card.Lang);
    }

    [Theory]
    [InlineData("fr", "Langue")]
    [InlineData("ru", "Язык")]
    [InlineData("zh-Hans", "语言")]
    public void TextResources_ReadTheTranslation(string tag, string expectedTitle)
    {
        var card = LanguageCard.Build(new LanguageCardModel(SupportedLanguages.English, null), CultureInfo.GetCultureInfo(tag));

        Assert.Equal(expectedTitle, card.ToJson()["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(tag.Split('-')[0], card.ToJson()["lang"]!.GetValue<string>());
    }
}
