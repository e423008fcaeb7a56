using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using GcmBot.Testing;

namespace GcmBot.Cards.Tests;

public sealed class CardValidationTests
{
    [SkippableTheory]
    [MemberData(nameof(AllCardSamples.Names), MemberType = typeof(AllCardSamples))]
    public async Task Card_AsSent_ValidatesAgainstAdaptiveCard15Schema(string name)
    {
        Skip.IfNot(CardSchema.IsAvailable, SharedFolder.MissingReason);
        var sample = AllCardSamples.Named(name);

        var sent = JsonNode.Parse(sample.Card.ToJsonString())!.AsObject();

        Assert.Empty(await CardSchema.ValidateAsync(sent));
    }

    [SkippableFact]
    public async Task SchemaCheck_InvalidCard_ReportsProblems()
    {
        Skip.IfNot(CardSchema.IsAvailable, SharedFolder.MissingReason);
        var invalid = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["size"] = "enormous" }),
        };

        Assert.NotEmpty(await CardSchema.ValidateAsync(invalid));
    }

    [SkippableFact]
    public async Task AllCards_RenderWithTheOfficialJavaScriptRenderer_WithoutValidationFailures()
    {
        var checker = CardRenderChecker.Locate();
        Skip.If(checker is null, CardRenderChecker.MissingReason);
        var folder = Directory.CreateTempSubdirectory("gcmbot-cards-").FullName;
        try
        {
            foreach (var sample in AllCardSamples.Load())
            {
                await File.WriteAllTextAsync(Path.Combine(folder, sample.Name + ".json"), sample.Card.ToJsonString());
            }

            var results = await checker.RunAsync(folder);

            Assert.Equal(AllCardSamples.Load().Count, results.Count);
            var failures = results.Where(r => !r.Ok).Select(r => $"{r.File}: {string.Join("; ", r.Problems)}").ToList();
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>Runs tests/card-render/render-check.mjs (the official `adaptivecards` renderer in jsdom) over a folder.</summary>
public sealed class CardRenderChecker(string scriptFolder)
{
    public const string MissingReason =
        "The card renderer check needs Node.js and `npm ci --prefix tests/card-render` (.ci/run installs both).";

    public sealed record Result(string File, bool Ok, string[] Problems);

    public static CardRenderChecker? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "tests", "card-render");
            if (File.Exists(Path.Combine(folder, "render-check.mjs")))
            {
                return Directory.Exists(Path.Combine(folder, "node_modules", "adaptivecards")) ? new CardRenderChecker(folder) : null;
            }
        }

        return null;
    }

    public async Task<IReadOnlyList<Result>> RunAsync(string cardsFolder)
    {
        var start = new ProcessStartInfo("node", ["render-check.mjs", cardsFolder])
        {
            WorkingDirectory = scriptFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var results = output.Split('\n')
            .Where(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            .Select(l => JsonSerializer.Deserialize<Result>(l["RESULT ".Length..], new JsonSerializerOptions(JsonSerializerDefaults.Web))!)
            .ToList();
        if (results.Count == 0)
        {
            throw new InvalidOperationException($"render-check.mjs reported nothing (exit {process.ExitCode}): {errors}");
        }

        return results;
    }
}
