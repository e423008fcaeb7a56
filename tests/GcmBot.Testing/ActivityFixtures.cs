using System.Text.Json.Nodes;

namespace GcmBot.Testing;

/// <summary>Teams-shaped activities built from the JSON fixtures in Fixtures/ (shapes as Teams sends them).</summary>
public static class ActivityFixtures
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>An activity of a fixture (Activities/{name}.json) placed in a conversation (Conversations/{kind}.json).</summary>
    public static JsonObject Build(string activityFixture, string conversationKind, string conversationSuffix, TestUser from, Uri serviceUrl)
    {
        var activity = Load(Path.Combine("Activities", activityFixture + ".json"), conversationSuffix);
        var conversation = Load(Path.Combine("Conversations", conversationKind + ".json"), conversationSuffix);
        activity["id"] = "f:" + Guid.NewGuid().ToString("N");
        activity["timestamp"] = DateTimeOffset.UtcNow.ToString("O");
        activity["channelId"] = "msteams";
        activity["serviceUrl"] = serviceUrl.ToString();
        activity["from"] = new JsonObject { ["id"] = from.Id, ["name"] = from.Name, ["aadObjectId"] = from.AadObjectId };
        activity["recipient"] = new JsonObject { ["id"] = BotApp.BotId, ["name"] = BotApp.BotName };
        activity["conversation"] = conversation["conversation"]!.DeepClone();
        activity["channelData"] = conversation["channelData"]!.DeepClone();
        return activity;
    }

    private static JsonObject Load(string relativePath, string conversationSuffix)
    {
        var text = File.ReadAllText(Path.Combine(Folder, relativePath))
            .Replace("{tenantId}", BotApp.TenantId, StringComparison.Ordinal)
            .Replace("{botId}", BotApp.BotId, StringComparison.Ordinal)
            .Replace("{conversationSuffix}", conversationSuffix, StringComparison.Ordinal);
        return JsonNode.Parse(text)!.AsObject();
    }
}
