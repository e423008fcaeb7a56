using System.Text.Json.Nodes;

namespace GcmBot.Cards.Tests;

public sealed class CardBuilderTests
{
    private static JsonObject Sent(AdaptiveCard card) => JsonNode.Parse(card.ToJsonString())!.AsObject();

    [Fact]
    public void Card_DeclaresVersion15AndSchema()
    {
        var json = Sent(new AdaptiveCard([new TextBlock("Hello")]));

        Assert.Equal("AdaptiveCard", json["type"]!.GetValue<string>());
        Assert.Equal("1.5", json["version"]!.GetValue<string>());
        Assert.Equal("Hello", json["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void SubmitAction_CarriesVerbInsideData()
    {
        var card = new AdaptiveCard([]) { Actions = [new SubmitAction(CardActionData.For("registration.submit", ("event", "b1"))) { Title = "Send" }] };

        var action = Sent(card)["actions"]![0]!;

        Assert.Equal("Action.Submit", action["type"]!.GetValue<string>());
        Assert.Equal("registration.submit", action["data"]!["verb"]!.GetValue<string>());
        Assert.Equal("b1", action["data"]!["event"]!.GetValue<string>());
    }

    [Fact]
    public void ExecuteAction_CarriesVerbBesideData()
    {
        var card = new AdaptiveCard([]) { Actions = [new ExecuteAction(CardActionData.For("qna.upvote", ("question", "7"))) { Title = "Upvote", SendInputs = false }] };

        var action = Sent(card)["actions"]![0]!;

        Assert.Equal("qna.upvote", action["verb"]!.GetValue<string>());
        Assert.Equal("7", action["data"]!["question"]!.GetValue<string>());
        Assert.Null(action["data"]!["verb"]);
        Assert.Equal("none", action["associatedInputs"]!.GetValue<string>());
    }

    [Fact]
    public void Text_WithQuotesAndMarkup_IsEscapedByTheSerializer()
    {
        var hostile = "\"}], \"type\": \"Action.OpenUrl\" <script>";

        var json = Sent(new AdaptiveCard([new TextBlock(hostile)]));

        Assert.Equal(hostile, json["body"]![0]!["text"]!.GetValue<string>());
        Assert.Single(json["body"]!.AsArray());
    }

    [Fact]
    public void ChoiceSet_Filtered_UsesTypeAheadStyle()
    {
        var input = new ChoiceSetInput([new Choice("Thailand", "TH")]) { Id = "country", Filtered = true, Label = "Country" };

        var json = input.ToJson();

        Assert.Equal("filtered", json["style"]!.GetValue<string>());
        Assert.Equal("TH", json["choices"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Refresh_KeepsAtMostSixtyUserIds()
    {
        var users = Enumerable.Range(0, 100).Select(i => $"u{i}").ToList();
        var card = new AdaptiveCard([]) { Refresh = new CardRefresh(new ExecuteAction(CardActionData.For("board.refresh")) { Title = "Refresh" }, users) };

        var refresh = Sent(card)["refresh"]!;

        Assert.Equal(CardRefresh.MaxUserIds, refresh["userIds"]!.AsArray().Count);
    }
}
