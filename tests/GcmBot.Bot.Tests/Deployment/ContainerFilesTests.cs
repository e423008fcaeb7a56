using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace GcmBot.Bot.Tests.Deployment;

/// <summary>
/// The container files, checked without a container daemon (CI has none): the Dockerfile's stages, user, health check
/// and the project files it copies; compose.yaml's services, as YAML.
/// </summary>
public sealed partial class ContainerFilesTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Dockerfile_IsMultiStage_NonRoot_OnAChiselledRuntime_WithAHealthCheck()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "Dockerfile")).Where(l => !l.TrimStart().StartsWith('#')).ToList();
        var froms = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        Assert.True(froms.Count >= 2);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0", froms[0]);
        Assert.Matches(@"^FROM mcr\.microsoft\.com/dotnet/aspnet:10\.0-[a-z]+-(chiseled|slim)", froms[^1]);
        var final = lines.SkipWhile(l => l != froms[^1]).ToList();
        Assert.Contains(final, l => Regex.IsMatch(l, @"^USER (app|\d{4,})$"));
        Assert.Contains(final, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
        Assert.Contains(final, l => l.Contains("--probe", StringComparison.Ordinal) && l.Contains("/alive", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_CopiesProjectsThatExist_AndStartsTheBotAssembly()
    {
        var text = File.ReadAllText(Path.Combine(Root, "Dockerfile"));

        foreach (Match copy in CopiedFile().Matches(text))
        {
            Assert.True(File.Exists(Path.Combine(Root, copy.Groups[1].Value)), copy.Groups[1].Value);
        }

        Assert.Contains("ENTRYPOINT [\"dotnet\", \"/app/GcmBot.Bot.dll\"]", text);
    }

    [Fact]
    public void Compose_RunsTwoBotsOnPostgres_AfterTheDatabaseIsHealthy()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Root, "compose.yaml")))
        {
            yaml.Load(reader);
        }

        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
        Assert.True(services.Children.ContainsKey("db"));
        var bots = services.Children.Where(s => ((YamlScalarNode)s.Key).Value!.StartsWith("bot", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, bots.Count);
        foreach (var (_, node) in bots)
        {
            // YamlDotNet's representation model resolves the "<<" merge of the second bot into its own keys only when
            // asked; the first bot carries the settings, and the second must merge them.
            var bot = (YamlMappingNode)node;
            if (bot.Children.ContainsKey("environment"))
            {
                var environment = (YamlMappingNode)bot["environment"];
                Assert.Equal("Postgres", ((YamlScalarNode)environment["Storage__Provider"]).Value);
                Assert.Contains("Host=db", ((YamlScalarNode)environment["Storage__ConnectionString"]).Value);
                // Both instances' pools within the server's connections (docs/deploy.md, "Connections").
                Assert.Contains("Maximum Pool Size=45", ((YamlScalarNode)environment["Storage__ConnectionString"]).Value);
                Assert.Equal("service_healthy", ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)bot["depends_on"])["db"])["condition"]).Value);
            }
            else
            {
                Assert.True(bot.Children.ContainsKey("<<"));
            }
        }
    }

    [GeneratedRegex(@"^COPY (\S+\.(?:csproj|json|props)) ", RegexOptions.Multiline)]
    private static partial Regex CopiedFile();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "GcmBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (GcmBot.sln) was not found.");
    }
}
