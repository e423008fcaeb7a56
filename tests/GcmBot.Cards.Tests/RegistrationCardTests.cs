using GcmBot.Cards.Common;
using GcmBot.Cards.Registration;

namespace GcmBot.Cards.Tests;

public sealed class RegistrationCardTests
{
    [Theory]
    [InlineData("en", 3, 12, 0, false, "3 of 12, 25%")]
    [InlineData("en", 0, 12, 2, true, "0 of 12, 0% · 2 waitlisted · under-represented")]
    [InlineData("fr", 3, 12, 1, false, "3 sur 12, 25 % · 1 en liste d'attente")]
    [InlineData("zh-Hans", 1, 3, 0, false, "3 人中 1 人，33%")]
    [InlineData("en", 0, 0, 4, false, "0 of 0, 0% · 4 waitlisted")]
    public void BalanceLine_SaysTheNumbersInWords_NoBars(string language, int confirmed, int total, int waitlisted, bool under, string expected) =>
        Assert.Equal(expected, BalanceCard.LineText(
            new BalanceLine("x", confirmed, waitlisted, under), total, GcmBot.Cards.Words.TextResources.For<RegistrationCardTexts>(System.Globalization.CultureInfo.GetCultureInfo(language))));

    [Fact]
    public void BalanceCard_ShowsCategoriesPresentAndFlagged_HidesTheRestBehindShowAll()
    {
        var card = BalanceCard.Build(new BalanceCardModel(
            "consult-a", "Consultation a", "Date to be confirmed", "2 of 40 places confirmed", [("Confirmed", 2)], 2,
            [new BalanceSection("Gender", [new("Woman", 2, 0), new("Man", 0, 0, true), new("Not said", 0, 0)])], false),
            System.Globalization.CultureInfo.GetCultureInfo("en")).ToJson().ToJsonString(
                new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.DoesNotContain("█", card, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"2 of 2, 100%\"", card, StringComparison.Ordinal);
        Assert.Contains("Under-represented, nobody yet: Man.", card, StringComparison.Ordinal);
        Assert.DoesNotContain("0 of 2, 0% · under-represented", card, StringComparison.Ordinal);
        Assert.Contains("\"isVisible\":false", card, StringComparison.Ordinal);
        Assert.Contains("Show all categories", card, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownText_Escape_DisarmsLinksAndEmphasis() =>
        Assert.Equal(@"\[click\](http://x) \*bold\* a\_b", MarkdownText.Escape("[click](http://x) *bold* a_b"));

    [Fact]
    public void SummaryCard_EscapesThePersonsOwnText()
    {
        var card = RegistrationSummaryCard.Build(new RegistrationSummaryModel("Your registrations", null, "[x](http://evil)", "note", []), System.Globalization.CultureInfo.GetCultureInfo("en"));

        Assert.Equal(@"\[x\](http://evil)", card.ToJson()["body"]![1]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void FormCard_ShowsAServerErrorRightUnderItsInput()
    {
        var model = new RegistrationFormModel(false, new Dictionary<string, string?>(), new Dictionary<string, string> { [RegistrationFormCard.Email] = "Bad address" },
            [], [], [], [], [], 100, 254, 150, 500);

        var body = RegistrationFormCard.Build(model, System.Globalization.CultureInfo.GetCultureInfo("en")).ToJson()["body"]!.AsArray();
        var index = body.ToList().FindIndex(e => e?["id"]?.GetValue<string>() == RegistrationFormCard.Email);

        Assert.Equal("⚠ Bad address", body[index + 1]!["text"]!.GetValue<string>());
    }
}
