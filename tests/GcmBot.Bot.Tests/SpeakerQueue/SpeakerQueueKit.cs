using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using GcmBot.Bot.Languages;
using GcmBot.Bot.Participants;
using GcmBot.Bot.SpeakerQueue;
using GcmBot.Bot.Storage;
using GcmBot.Cards.SpeakerQueue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.Tests.SpeakerQueue;

/// <summary>Registration's profiles as the tests want them (the real directory is Registration's).</summary>
public sealed class InMemoryParticipantDirectory : IParticipantDirectory
{
    private readonly ConcurrentDictionary<string, ParticipantProfile> _profiles = new();

    public void Add(TestUser user, string? organisation, string? group, string? subregion, string? gender) =>
        _profiles[user.AadObjectId] = new ParticipantProfile(user.AadObjectId, user.Name, organisation, group, null, subregion, gender);

    public Task<ParticipantProfile?> FindAsync(string userStableId, CancellationToken cancellationToken) =>
        Task.FromResult(_profiles.GetValueOrDefault(userStableId));

    public Task<IReadOnlyDictionary<string, ParticipantProfile>> FindManyAsync(IReadOnlyCollection<string> userStableIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, ParticipantProfile>>(
            userStableIds.Where(_profiles.ContainsKey).Distinct().ToDictionary(id => id, id => _profiles[id]));
}

/// <summary>Steps of a speakers' list conversation, as people would click them.</summary>
public static class SpeakerQueueKit
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);

    /// <summary>The speakers' list's texts as the host reads them (in the current UI culture: English unless set).</summary>
    public static IStringLocalizer Texts { get; } = new FormattingStringLocalizerFactory(
            new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance))
        .Create(typeof(SpeakerQueueTexts));

    public static Task<BotApp> StartAsync(InMemoryParticipantDirectory? directory = null, bool fakeTime = false) =>
        BotApp.StartAsync(o =>
        {
            if (directory is not null)
            {
                o.Services.Add(s => s.AddSingleton<IParticipantDirectory>(directory));
            }

            if (fakeTime)
            {
                o.FakeTimeStart = Start;
            }
        });

    /// <summary>A fresh meeting chat whose list the organiser has shown and opened; returns the list's card.</summary>
    public static async Task<(TeamsConversation Chat, JsonObject Card)> OpenListAsync(BotApp bot)
    {
        var chat = bot.MeetingChat("c" + Guid.NewGuid().ToString("N")[..12]);
        var shown = await chat.SayAsync("speakers", from: TestUsers.Organiser);
        var opened = await ChairAsync(chat, shown.Reply.Card, SpeakerQueueCard.OpenVerb);
        Assert.Contains("The list is open", opened.AllText);
        var shared = await chat.PressAsync(opened.InvokeCard!, SpeakerQueueCard.ParticipantViewVerb, from: TestUsers.Organiser);
        return (chat, shared.InvokeCard!);
    }

    /// <summary>
    /// A fresh list where Chen has spoken, then Alice asked before Bob, and the chair set the ordering policy. With Chen
    /// and Alice sharing their categories, balanced and first-come order give different answers.
    /// </summary>
    public static async Task<(TeamsConversation Chat, JsonObject Card)> ListAfterChenSpokeAsync(BotApp bot, string policy)
    {
        var (chat, card) = await OpenListAsync(bot);
        await RequestAsync(chat, card, TestUsers.Chen);
        var chen = await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);
        await chat.PressAsync(chen.InvokeCard!, SpeakerQueueCard.EndTurnVerb, from: TestUsers.Organiser);
        await RequestAsync(chat, card, TestUsers.Alice);
        await RequestAsync(chat, card, TestUsers.Bob);
        await ChairAsync(chat, card, SpeakerQueueCard.SettingsVerb, new Dictionary<string, string> { ["policy"] = policy, ["limit"] = "180" });
        return (chat, card);
    }

    public static Task<Turn> RequestAsync(TeamsConversation chat, JsonObject card, TestUser who, string kind = "statement", string topic = "") =>
        chat.PressAsync(card, SpeakerQueueCard.RequestVerb, new Dictionary<string, string> { ["kind"] = kind, ["topic"] = topic }, from: who);

    /// <summary>Presses a button as a person whose Teams client speaks <paramref name="locale"/>; others keep theirs.</summary>
    public static async Task<Turn> PressInLocaleAsync(
        TeamsConversation chat, JsonObject card, string verb, IReadOnlyDictionary<string, string>? inputs, TestUser who, string locale)
    {
        var before = chat.Locale;
        chat.Locale = locale;
        try
        {
            return await chat.PressAsync(card, verb, inputs, from: who);
        }
        finally
        {
            chat.Locale = before;
        }
    }

    /// <summary>
    /// Presses a button as an anonymous meeting participant: Teams sends their id and the name they typed to join,
    /// and no Entra object id.
    /// </summary>
    public static Task<Turn> PressAnonymouslyAsync(
        TeamsConversation chat, JsonObject card, string verb, IReadOnlyDictionary<string, string>? inputs, TestUser who)
    {
        var action = CardText.ActionWithVerb(card, verb) ?? throw new InvalidOperationException($"No button with verb {verb}.");
        var data = (action["data"] as JsonObject)?.DeepClone().AsObject() ?? [];
        foreach (var (id, input) in CardText.Inputs(card))
        {
            if (input["value"]?.ToString() is { } shown)
            {
                data[id] = shown;
            }
        }

        foreach (var (id, value) in inputs ?? new Dictionary<string, string>())
        {
            data[id] = value;
        }

        var activity = chat.NewActivity("invoke-adaptive-card-action", who);
        activity["from"]!.AsObject().Remove("aadObjectId");
        activity["value"]!["action"]!["verb"] = verb;
        activity["value"]!["action"]!["data"] = data;
        return chat.SendAsync(activity);
    }

    /// <summary>The people a message @mentions (their Teams ids), in its text entities or its card's.</summary>
    public static IReadOnlyList<string> Mentioned(ConnectorCall call) =>
        (call.Activity.Cards.Select(c => c["msteams"]?["entities"]).OfType<JsonArray>().SelectMany(a => a)
            .Concat(call.Activity.Json["entities"]?.AsArray() ?? []))
        .Where(e => e?["type"]?.GetValue<string>() == "mention")
        .Select(e => e!["mentioned"]!["id"]!.GetValue<string>())
        .ToList();

    /// <summary>Opens the chair's controls from the shared card and presses one of them.</summary>
    public static async Task<Turn> ChairAsync(
        TeamsConversation chat, JsonObject card, string verb, IReadOnlyDictionary<string, string>? inputs = null, TestUser? chair = null)
    {
        var controls = await chat.PressAsync(card, SpeakerQueueCard.ChairVerb, from: chair ?? TestUsers.Organiser);
        Assert.NotNull(controls.InvokeCard);
        return await chat.PressAsync(controls.InvokeCard!, verb, inputs, from: chair ?? TestUsers.Organiser);
    }

    /// <summary>The chair's controls with a waiting person picked by name.</summary>
    public static async Task<Turn> ChairOnPersonAsync(TeamsConversation chat, JsonObject card, string verb, TestUser person)
    {
        var controls = await chat.PressAsync(card, SpeakerQueueCard.ChairVerb, from: TestUsers.Organiser);
        var picker = CardText.Inputs(controls.InvokeCard)[SpeakerQueueCard.RequestKey];
        var choice = picker["choices"]!.AsArray().OfType<JsonObject>().First(c => c["title"]!.GetValue<string>().EndsWith(person.Name, StringComparison.Ordinal));
        return await chat.PressAsync(controls.InvokeCard!, verb, new Dictionary<string, string> { [SpeakerQueueCard.RequestKey] = choice["value"]!.GetValue<string>() }, from: TestUsers.Organiser);
    }

    /// <summary>
    /// Moves the fake clock a second at a time until the connector has seen what the test waits for: the card updater
    /// lets a second pass between two updates of a chat, so a change right after an update shows a second later.
    /// </summary>
    public static async Task AdvanceUntilAsync(BotApp bot, Func<IReadOnlyList<ConnectorCall>, bool> condition, int maxSeconds = 30)
    {
        for (var second = 0; second < maxSeconds; second++)
        {
            try
            {
                await bot.Connector.WaitForAsync(condition, TimeSpan.FromMilliseconds(500));
                return;
            }
            catch (TimeoutException)
            {
                bot.Time!.Advance(TimeSpan.FromSeconds(1));
            }
        }

        await bot.Connector.WaitForAsync(condition);
    }

    /// <summary>The names on the shared card's waiting list, in order.</summary>
    public static IReadOnlyList<string> WaitingNames(JsonObject card, params TestUser[] people) =>
        CardText.Of(card)
            .Select(t => people.FirstOrDefault(p => t.StartsWith(p.Name + " —", StringComparison.Ordinal))?.Name)
            .OfType<string>()
            .ToList();

    /// <summary>The speakers' lists forget a person, as "forget me" does.</summary>
    public static async Task ForgetAsync(BotApp bot, TestUser person)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        var eraser = scope.ServiceProvider.GetServices<IPersonalDataEraser>().OfType<SpeakerQueueEraser>().Single();
        await eraser.EraseAsync(person.AadObjectId, CancellationToken.None);
    }

    public static async Task<List<SpeakerRequest>> RequestsAsync(BotApp bot, string conversationId)
    {
        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        var queue = await db.Set<SpeakerQueueRecord>().AsNoTracking().SingleAsync(q => q.ConversationId == conversationId);
        return await db.Set<SpeakerRequest>().AsNoTracking().Where(r => r.QueueId == queue.Id).OrderBy(r => r.Id).ToListAsync();
    }

    public static async Task<SpeakerQueueRecord> QueueAsync(BotApp bot, string conversationId)
    {
        await using var db = await bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        return await db.Set<SpeakerQueueRecord>().AsNoTracking().SingleAsync(q => q.ConversationId == conversationId);
    }

    /// <summary>The request the chair's card shows speaking ("none" when nobody).</summary>
    public static string Speaking(JsonObject chairCard) =>
        CardText.ActionWithVerb(chairCard, SpeakerQueueCard.NextVerb)!["data"]![SpeakerQueueCard.CurrentKey]!.GetValue<string>();
}
