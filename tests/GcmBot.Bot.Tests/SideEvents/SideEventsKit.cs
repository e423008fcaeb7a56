using System.Globalization;
using System.Text.Json.Nodes;
using GcmBot.Bot.Registration;
using GcmBot.Bot.SideEvents;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Teams.Outbound;
using GcmBot.Bot.Tests.Registration;
using GcmBot.Cards.SideEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.SideEvents;

/// <summary>A started bot (registration as it really is) and the steps the side event tests share.</summary>
public sealed class SideEventsKit : IAsyncDisposable
{
    public static readonly TestUser SecondOrganiser = new("29:organiser-2", "0f0f0f0f-0000-0000-0000-00000000000b", "Omar Organiser");

    private SideEventsKit(BotApp bot) => Bot = bot;

    public BotApp Bot { get; }

    public TeamsConversation Organiser => Bot.PersonalChat(TestUsers.Organiser);

    public static async Task<SideEventsKit> StartAsync(Action<BotAppOptions>? configure = null)
    {
        var bot = await BotApp.StartAsync(options =>
        {
            options.FakeTimeStart = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
            options.Organisers.Add(SecondOrganiser.AadObjectId);
            configure?.Invoke(options);
        });
        return new SideEventsKit(bot);
    }

    /// <summary>A complete, valid form (Bangkok time, as the test activities say); tests override what they are about.</summary>
    public static Dictionary<string, string> Form(params (string Key, string Value)[] overrides)
    {
        var form = new Dictionary<string, string>
        {
            [SideEventFormCard.Title] = "Fair recruitment in South-East Asia",
            [SideEventFormCard.Organisers] = "Migrant Forum in Asia",
            [SideEventFormCard.CoOrganisers] = "Lawyers Beyond Borders",
            [SideEventFormCard.Partner] = "entity:ILO",
            [SideEventFormCard.Theme] = "a",
            [SideEventFormCard.Objectives] = "6,18",
            [SideEventFormCard.Format] = "hybrid",
            [SideEventFormCard.Venue] = "UNCC Bangkok, Meeting room 3",
            [SideEventFormCard.Date] = "2027-02-10",
            [SideEventFormCard.StartTime] = "11:30",
            [SideEventFormCard.EndTime] = "13:00",
            [SideEventFormCard.ExpectedSize] = "60",
            [SideEventFormCard.Accessibility] = "interpretation,captions",
            [SideEventFormCard.AccessibilityNote] = "English and Thai",
            [SideEventFormCard.Description] = "Workers and recruiters discuss zero-fee recruitment.",
            [SideEventFormCard.ContactEmail] = "alice@example.org",
            [SideEventFormCard.ContactConsent] = "public",
        };
        foreach (var (key, value) in overrides)
        {
            form[key] = value;
        }

        return form;
    }

    /// <summary>Registers a person through the real registration form (once per test per person).</summary>
    public Task RegisterAsync(TestUser user, string events = "consult-a") =>
        RegistrationDriver.RegisterAsync(Bot, user, RegistrationDriver.ValidAnswers(events));

    /// <summary>Types <c>propose side event</c> and sends the form it shows; returns the turn of the Send press.</summary>
    public async Task<Turn> ProposeAsync(TestUser user, IReadOnlyDictionary<string, string>? form = null, TeamsConversation? chat = null)
    {
        chat ??= Bot.PersonalChat(user);
        var shown = await chat.SayAsync("propose side event");
        return await chat.PressAsync(shown.Reply.Card, SideEventVerbs.Save, form ?? Form());
    }

    /// <summary>Registers, proposes a valid side event and returns the proposal's number.</summary>
    public async Task<int> ProposedAsync(TestUser user, params (string Key, string Value)[] overrides)
    {
        await RegisterAsync(user);
        var turn = await ProposeAsync(user, Form(overrides));
        return NumberAfter(turn.Reply.AllText, "proposal #");
    }

    public static int NumberAfter(string text, string marker)
    {
        var start = text.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"No '{marker}' in: {text}");
        }

        start += marker.Length;
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return int.Parse(text[start..end], CultureInfo.InvariantCulture);
    }

    /// <summary>The organiser opens a proposal from the review list (pressing its Review button).</summary>
    public async Task<JsonObject> OpenForReviewAsync(int id, TestUser? organiser = null)
    {
        var chat = Bot.PersonalChat(organiser ?? TestUsers.Organiser);
        var list = await chat.SayAsync("review side events", organiser);
        var button = CardText.Actions(list.Reply.Card)
            .First(a => (a["data"] as JsonObject)?["verb"]?.GetValue<string>() == SideEventVerbs.ReviewOpen
                        && a["data"]![SideEventVerbs.Id]?.GetValue<string>() == id.ToString(CultureInfo.InvariantCulture));
        var opened = await chat.SubmitAsync(button["data"]!.AsObject(), organiser);
        return opened.Reply.Card;
    }

    /// <summary>The organiser decides from the review card: the decision's button, with its message typed in.</summary>
    public async Task<Turn> DecideAsync(int id, string decision, string? message = null, TestUser? organiser = null)
    {
        var card = await OpenForReviewAsync(id, organiser);
        return await Bot.PersonalChat(organiser ?? TestUsers.Organiser).SubmitAsync(DecisionData(card, decision, message), organiser);
    }

    public static JsonObject DecisionData(JsonObject reviewCard, string decision, string? message = null)
    {
        var action = CardText.Actions(reviewCard).First(a => (a["data"] as JsonObject)?[SideEventVerbs.Decision]?.GetValue<string>() == decision);
        var data = action["data"]!.DeepClone().AsObject();
        if (message is not null)
        {
            data[decision == SideEventVerbs.RequestChanges ? SideEventVerbs.ChangesComment : SideEventVerbs.DeclineComment] = message;
        }

        return data;
    }

    /// <summary>Waits until a proactive message containing a text reached a person's chat.</summary>
    public async Task<ReceivedActivity> NoticeAsync(TestUser user, string containing)
    {
        var id = Bot.PersonalChat(user).Id;
        var calls = await Bot.Connector.WaitForAsync(calls => calls.Any(c => c.IsSend && c.ConversationId == id && c.Activity.AllText.Contains(containing, StringComparison.Ordinal)));
        return calls.Last(c => c.IsSend && c.ConversationId == id && c.Activity.AllText.Contains(containing, StringComparison.Ordinal)).Activity;
    }

    public async Task<(string Html, HttpResponseMessage Response)> PublicPageAsync(string query = "")
    {
        var response = await Bot.Http.GetAsync(SideEventEndpoints.PagePath + query);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsStringAsync(), response);
    }

    public async Task<SideEventProposal?> ProposalAsync(int id) => await Bot.Services.GetRequiredService<SideEventStore>().FindAsync(id, CancellationToken.None);

    public async Task<List<SideEventProposal>> ProposalsAsync()
    {
        await using var db = await Bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        return await db.Set<SideEventProposal>().AsNoTracking().OrderBy(p => p.Id).ToListAsync();
    }

    public async Task<List<CatalogueEvent>> SideEventsInCatalogueAsync()
    {
        await using var db = await Bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        return await db.Set<CatalogueEvent>().AsNoTracking().Where(e => e.Kind == EventKind.SideEvent).ToListAsync();
    }

    /// <summary>Notices queued for a proposal's decisions (the outbound queue's keys).</summary>
    public async Task<int> DecisionNoticesAsync(int id)
    {
        await using var db = await Bot.Services.GetRequiredService<IDbContextFactory<GcmDbContext>>().CreateDbContextAsync();
        var prefix = $"side-event-decision:{id.ToString(CultureInfo.InvariantCulture)}:";
        return await db.Set<OutboundMessage>().CountAsync(m => m.DeduplicationKey != null && m.DeduplicationKey.StartsWith(prefix));
    }

    public ValueTask DisposeAsync() => Bot.DisposeAsync();
}

/// <summary>Steps for a person who is registered already.</summary>
public static class SideEventsKitSteps
{
    /// <summary>Proposes a valid side event as an already registered person; the proposal's number.</summary>
    public static async Task<int> ProposeAndGetIdAsync(this SideEventsKit kit, TestUser user, params (string Key, string Value)[] overrides)
    {
        var turn = await kit.ProposeAsync(user, SideEventsKit.Form(overrides));
        return SideEventsKit.NumberAfter(turn.Reply.AllText, "proposal #");
    }
}
