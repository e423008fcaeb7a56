using GcmBot.Cards.Common;
using GcmBot.Cards.Registration;

namespace GcmBot.Cards.Tests;

public sealed class RegistrationCardTests
{
    [Theory]
    [InlineData(0, 10, "░░░░░░░░░░")]
    [InlineData(5, 10, "█████░░░░░")]
    [InlineData(10, 10, "██████████")]
    [InlineData(1, 300, "█░░░░░░░░░")]
    [InlineData(0, 0, "░░░░░░░░░░")]
    public void TextBar_DrawsTheShare_AndNeverHidesASingleVoice(int count, int total, string expected) =>
        Assert.Equal(expected, TextBar.Of(count, total));

    [Fact]
    public void MarkdownText_Escape_DisarmsLinksAndEmphasis() =>
        Assert.Equal(@"\[click\](http://x) \*bold\* a\_b", MarkdownText.Escape("[click](http://x) *bold* a_b"));

    [Fact]
    public void SummaryCard_EscapesThePersonsOwnText()
    {
        var card = RegistrationSummaryCard.Build(new RegistrationSummaryModel("Your registrations", null, "[x](http://evil)", "note", []));

        Assert.Equal(@"\[x\](http://evil)", card.ToJson()["body"]![1]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void FormCard_ShowsAServerErrorRightUnderItsInput()
    {
        var model = new RegistrationFormModel(false, new Dictionary<string, string?>(), new Dictionary<string, string> { [RegistrationFormCard.Email] = "Bad address" },
            [], [], [], [], [], 100, 254, 150, 500);

        var body = RegistrationFormCard.Build(model).ToJson()["body"]!.AsArray();
        var index = body.ToList().FindIndex(e => e?["id"]?.GetValue<string>() == RegistrationFormCard.Email);

        Assert.Equal("⚠ Bad address", body[index + 1]!["text"]!.GetValue<string>());
    }
}
