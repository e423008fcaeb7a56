using System.Text;
using System.Text.Json.Nodes;
using GcmBot.Bot.StakeholderDirectory;
using GcmBot.Bot.Storage;
using GcmBot.Cards.StakeholderDirectory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.StakeholderDirectory;

/// <summary>A started bot (attachments downloadable from the fake connector) and the steps the directory tests share.</summary>
public sealed class DirectoryKit : IAsyncDisposable
{
    public const string Header = "organisation,stakeholder_group,country,contact_name,email,themes,consent_to_contact,consent_to_list";

    private DirectoryKit(BotApp bot)
    {
        Bot = bot;
        Organiser = bot.PersonalChat(TestUsers.Organiser);
    }

    public BotApp Bot { get; }

    /// <summary>The organiser's personal chat with the bot.</summary>
    public TeamsConversation Organiser { get; }

    public static async Task<DirectoryKit> StartAsync(Action<BotAppOptions>? configure = null)
    {
        var bot = await BotApp.StartAsync(options =>
        {
            options.FakeTimeStart = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
            options.Settings["Directory:AllowLoopbackDownloads"] = "true";
            configure?.Invoke(options);
        });
        return new DirectoryKit(bot);
    }

    /// <summary>Types <c>directory import</c> with the CSV pasted below it.</summary>
    public Task<Turn> PasteAsync(params string[] lines) =>
        Organiser.SayAsync("directory import\n" + string.Join("\n", lines));

    /// <summary>Sends <c>directory import</c> with a file attached, as Teams delivers it (a download link).</summary>
    public Task<Turn> AttachAsync(string fileName, byte[] content, TestUser? from = null, string? downloadUrl = null)
    {
        var chat = from is null ? Organiser : Bot.PersonalChat(from);
        var activity = chat.NewActivity("message", from ?? TestUsers.Organiser);
        activity["text"] = "directory import";
        activity["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = ImportFileReader.FileDownloadInfo,
            ["name"] = fileName,
            ["content"] = new JsonObject
            {
                ["downloadUrl"] = downloadUrl ?? Bot.Connector.ServeFile(content).ToString(),
                ["uniqueId"] = Guid.NewGuid().ToString(),
                ["fileType"] = Path.GetExtension(fileName).TrimStart('.'),
            },
        });
        return chat.SendAsync(activity);
    }

    public static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines));

    /// <summary>Pastes a CSV and presses "Apply import" on its dry run.</summary>
    public async Task<Turn> ImportAsync(params string[] lines)
    {
        var dryRun = await PasteAsync([Header, .. lines]);
        return await Organiser.PressAsync(dryRun.Reply.Card, DirectoryVerbs.ApplyImport);
    }

    /// <summary>The dry-run card's counts: new, merged, rejected.</summary>
    public static (int Accepted, int Merged, int Rejected) Counts(JsonObject card)
    {
        var facts = card["body"]!.AsArray().First(e => e!["type"]!.GetValue<string>() == "FactSet")!["facts"]!.AsArray();
        int Value(string title) => int.Parse(facts.First(f => f!["title"]!.GetValue<string>() == title)!["value"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        return (Value("New entries"), Value("Merged into existing"), Value("Rejected"));
    }

    public async Task<List<DirectoryEntry>> EntriesAsync()
    {
        await using var db = await Bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        return await db.Set<DirectoryEntry>().AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    public async Task<List<DirectoryImport>> ImportsAsync()
    {
        await using var db = await Bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        return await db.Set<DirectoryImport>().AsNoTracking().ToListAsync();
    }

    /// <summary>Presses Search on a directory card with these filters (others as the card shows them).</summary>
    public Task<Turn> SearchAsync(JsonObject card, params (string Key, string Value)[] filters) =>
        Organiser.PressAsync(card, DirectoryVerbs.Search, filters.ToDictionary(f => f.Key, f => f.Value));

    /// <summary>The titles of the entries a search card lists.</summary>
    public static List<string> Titles(JsonObject card) =>
        card["body"]!.AsArray()
            .Where(e => e!["type"]!.GetValue<string>() == "Container")
            .Select(e => e!["items"]!.AsArray()[0]!["text"]!.GetValue<string>())
            .ToList();

    public ValueTask DisposeAsync() => Bot.DisposeAsync();
}
