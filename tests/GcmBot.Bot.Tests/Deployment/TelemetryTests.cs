using System.Diagnostics;
using GcmBot.Bot.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace GcmBot.Bot.Tests.Deployment;

/// <summary>What OpenTelemetry sees of a turn, through an in-memory exporter: spans that say what, never who.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task OneTurn_IsTracedWithItsKind_AndNoAttributeCarriesANameOrAddress()
    {
        var exported = new List<Activity>();
        await using var bot = await BotApp.StartAsync(o => o.Services.Add(s =>
            s.AddOpenTelemetry().WithTracing(t => t.AddInMemoryExporter(exported))));
        var chat = bot.PersonalChat(TestUsers.Alice);

        var turn = await chat.SayAsync("help");

        Assert.Contains("What I can do here", turn.Reply.AllText);
        List<Activity> spans;
        lock (exported)
        {
            spans = [.. exported];
        }

        // ActivitySource listeners are process-wide: hosts of tests running in parallel add their turns to this list.
        // This host's turn is the one whose reply went to this test's connector, inside the turn's trace.
        var connectorPort = bot.Connector.ServiceUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var turnSpan = Assert.Single(spans, s => s.OperationName == GcmTelemetry.Turn && spans.Any(c =>
            c.Kind == ActivityKind.Client && c.TraceId == s.TraceId &&
            c.TagObjects.Any(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) is { } v
                && (v == connectorPort || v.Contains(":" + connectorPort, StringComparison.Ordinal)))));
        Assert.Equal("message", turnSpan.GetTagItem(GcmTelemetry.ActivityType));
        Assert.Equal("personal", turnSpan.GetTagItem(GcmTelemetry.ConversationType));
        spans = spans.Where(s => s.TraceId == turnSpan.TraceId).ToList();
        var forbidden = new[]
        {
            TestUsers.Alice.Name, "Alice", "Ahmed", TestUsers.Alice.AadObjectId, TestUsers.Alice.Id, "alice", chat.Id, "@",
        };
        foreach (var span in spans)
        {
            foreach (var (key, value) in span.TagObjects)
            {
                var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                Assert.All(forbidden, word => Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase));
                Assert.All(forbidden, word => Assert.DoesNotContain(word, key, StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    [Theory]
    [InlineData("/v3/conversations/a:1Xa-personal-chat/activities/1234", "/v3/conversations/{id}/activities/{id}")]
    [InlineData("/v1.0/users/organiser@example.org/events", "/v1.0/users/{id}/events")]
    [InlineData("/exports/4f9d2c0a7b", "/exports/{id}")]
    [InlineData("/api/messages", "/api/messages")]
    public void Paths_KeepTheirWords_AndLoseTheirIds(string path, string redacted) =>
        Assert.Equal(redacted, TelemetryExtensions.RedactPath(path));
}
