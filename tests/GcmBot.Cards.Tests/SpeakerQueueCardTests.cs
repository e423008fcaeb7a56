using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using GcmBot.Cards.Common;
using GcmBot.Cards.SpeakerQueue;
using GcmBot.Testing;

namespace GcmBot.Cards.Tests;

public sealed class SpeakerQueueCardTests
{
    private static readonly SpeakerQueueCardModel Model = new(
        "Roundtable",
        true,
        "First come, first served",
        "3 min per speaker",
        new CurrentSpeakerLine("7", "Alice", null, "Statement", null, "Since 11:00", false),
        [new WaitingLine("8", 1, "Bob", "Question", null, "First come, first served")],
        1);

    private static JsonObject Json(SpeakerQueueCardModel model, string culture = "en") =>
        JsonNode.Parse(SpeakerQueueCard.Build(model, CultureInfo.GetCultureInfo(culture)).ToJsonString())!.AsObject();

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("ru")]
    [InlineData("zh-Hans")]
    public void CrowdedChairCard_StaysWellUnderTeamsSizeLimit(string culture)
    {
        var size = Encoding.UTF8.GetByteCount(SpeakerQueueCardSamples.CrowdedChairCard(CultureInfo.GetCultureInfo(culture)).ToJsonString());

        Assert.True(size < 28 * 1024, $"{culture}: {size} bytes");
    }

    [Fact]
    public void Card_InFrench_SaysItsLanguageAndWordsInFrench()
    {
        var card = Json(Model, "fr");

        Assert.Equal("fr", card["lang"]!.GetValue<string>());
        Assert.Equal("Demander la parole", ShowCardTitle(card));
        Assert.Contains("Liste des orateurs", CardText.Of(card));
    }

    [Fact]
    public void RequestForm_WithCategories_OffersThemOptionally()
    {
        var card = Json(Model with { Categories = SpeakerQueueCardSamples.Categories });

        var inputs = CardText.Inputs(card);
        Assert.False(inputs[SpeakerQueueCard.GroupKey]["isRequired"]?.GetValue<bool>() ?? false);
        Assert.Null(inputs[SpeakerQueueCard.SubregionKey]["value"]);
        Assert.Equal(4, inputs[SpeakerQueueCard.GenderKey]["choices"]!.AsArray().Count);
    }

    [Fact]
    public void MentionCard_MentionsThePersonByTeamsId()
    {
        var card = JsonNode.Parse(SpeakerMentionCard.Build(
            new SpeakerMentionModel($"{SpeakerMentionCard.MentionText("Guest 1")}, you have the floor now.", "29:anon", "Guest 1"), CultureInfo.GetCultureInfo("en")).ToJsonString())!.AsObject();

        var mention = card["msteams"]!["entities"]![0]!;
        Assert.Equal("<at>Guest 1</at>", mention["text"]!.GetValue<string>());
        Assert.Equal("29:anon", mention["mentioned"]!["id"]!.GetValue<string>());
        Assert.Contains("<at>Guest 1</at>, you have the floor now.", CardText.Of(card));
        Assert.Equal("Guest 1, you have the floor now.", card["fallbackText"]!.GetValue<string>());
    }

    private static string? ShowCardTitle(JsonObject card) =>
        card["actions"]!.AsArray().OfType<JsonObject>().FirstOrDefault(a => a["type"]!.GetValue<string>() == "Action.ShowCard")?["title"]?.GetValue<string>();

    [Fact]
    public void SharedCard_HasParticipantButtons_AndNoChairControls()
    {
        var card = Json(Model);

        Assert.NotNull(CardText.ActionWithVerb(card, SpeakerQueueCard.RequestVerb));
        Assert.NotNull(CardText.ActionWithVerb(card, SpeakerQueueCard.ChairVerb));
        Assert.Null(CardText.ActionWithVerb(card, SpeakerQueueCard.NextVerb));
        Assert.Null(card["refresh"]);
    }

    [Fact]
    public void ClosedList_OffersNoRequestButton()
    {
        var card = Json(Model with { IsOpen = false });

        Assert.Null(CardText.ActionWithVerb(card, SpeakerQueueCard.RequestVerb));
        Assert.Contains("Closed to new requests", CardText.Of(card).First(t => t.StartsWith("Closed", StringComparison.Ordinal)));
    }

    [Fact]
    public void ChairCard_NextCarriesTheSpeakerShown()
    {
        var chair = new ChairPanel([new("1. Bob", "8")], "fifo", [new("FIFO", "fifo")], "180", [new("3 min", "180")]);

        var card = Json(Model with { Chair = chair });

        Assert.Equal("7", CardText.ActionWithVerb(card, SpeakerQueueCard.NextVerb)!["data"]![SpeakerQueueCard.CurrentKey]!.GetValue<string>());
        Assert.Equal("8", CardText.Inputs(card)[SpeakerQueueCard.RequestKey]["value"]!.GetValue<string>());
    }

    [Fact]
    public void Card_WithChairs_AsksTeamsToRefreshItForThem()
    {
        var card = Json(Model with { RefreshUserIds = ["29:chair"] });

        Assert.Equal(SpeakerQueueCard.RefreshVerb, card["refresh"]!["action"]!["verb"]!.GetValue<string>());
        Assert.Equal("29:chair", card["refresh"]!["userIds"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Card_ShowsWhatPeopleTypedAsText()
    {
        var card = Json(Model with { Waiting = [new WaitingLine("8", 1, "**Bob**", "Question", "[x](https://e.example)", "why")] });

        Assert.Contains(@"\*\*Bob\*\* — Question: \[x\](https://e.example)", CardText.Of(card));
    }

    [Theory]
    [InlineData("plain name", "plain name")]
    [InlineData("Anne-Marie O'Neil (Org.)", "Anne-Marie O'Neil (Org.)")]
    [InlineData("**b** _i_ `c` ~s~", @"\*\*b\*\* \_i\_ \`c\` \~s\~")]
    [InlineData("[a](b) <x> | y", @"\[a\](b) \<x\> \| y")]
    [InlineData("- item", @"\- item")]
    [InlineData("1. first", @"1\. first")]
    [InlineData("two\nlines", "two lines")]
    public void MarkdownText_EscapesOnlyWhatChangesRendering(string text, string expected)
    {
        Assert.Equal(expected, MarkdownText.Escape(text));
    }
}
