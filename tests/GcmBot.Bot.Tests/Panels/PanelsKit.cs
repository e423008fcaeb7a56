using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Panels;
using GcmBot.Bot.Participants;
using GcmBot.Cards.Panels;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Panels;

/// <summary>
/// Registered stakeholders as Registration answers for them, for tests only: people are "registered" by
/// <see cref="Register"/> with the group, country and gender the balance reads.
/// </summary>
public sealed class PanelTestDirectory : IParticipantDirectory, IRegisteredStakeholders
{
    private readonly ConcurrentDictionary<string, (ParticipantProfile Profile, string Email)> _people = new();

    public void Register(TestUser user, string group = "civil-society", string country = "PH", string? gender = "woman", string? email = null) =>
        _people[user.AadObjectId] = (
            new ParticipantProfile(user.AadObjectId, user.Name, "Migrant Forum in Asia", group, country, StakeholderReference.Country(country)?.SubregionCode, gender),
            email ?? $"{user.Id[3..]}@example.org");

    public Task<ParticipantProfile?> FindAsync(string userStableId, CancellationToken cancellationToken) =>
        Task.FromResult(_people.TryGetValue(userStableId, out var p) ? p.Profile : null);

    public Task<IReadOnlyDictionary<string, ParticipantProfile>> FindManyAsync(IReadOnlyCollection<string> userStableIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, ParticipantProfile>>(
            userStableIds.Where(_people.ContainsKey).Distinct().ToDictionary(id => id, id => _people[id].Profile));

    public Task<IReadOnlyList<RegisteredStakeholder>> AllStakeholdersAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RegisteredStakeholder>>(_people.Values.Select(Stakeholder).ToList());

    public Task<RegisteredStakeholder?> FindStakeholderAsync(string userStableId, CancellationToken cancellationToken) =>
        Task.FromResult(_people.TryGetValue(userStableId, out var p) ? Stakeholder(p) : null);

    private static RegisteredStakeholder Stakeholder((ParticipantProfile Profile, string Email) p) =>
        new(p.Profile.UserStableId, p.Profile.DisplayName, p.Email, p.Profile.Organisation, p.Profile.StakeholderGroup!, p.Profile.CountryCode!, "b");
}

/// <summary>A started bot with a test directory, and the steps the panel tests share.</summary>
public sealed class PanelsKit : IAsyncDisposable
{
    private PanelsKit(BotApp bot, PanelTestDirectory directory)
    {
        Bot = bot;
        Directory = directory;
    }

    public BotApp Bot { get; }

    public PanelTestDirectory Directory { get; }

    public PanelStore Store => Bot.Services.GetRequiredService<PanelStore>();

    public TeamsConversation Organiser => Bot.PersonalChat(TestUsers.Organiser);

    public static async Task<PanelsKit> StartAsync(Action<BotAppOptions>? configure = null)
    {
        var directory = new PanelTestDirectory();
        var bot = await BotApp.StartAsync(options =>
        {
            options.FakeTimeStart = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
            options.Services.Add(services =>
            {
                services.AddSingleton<IParticipantDirectory>(directory);
                services.AddSingleton<IRegisteredStakeholders>(directory);
            });
            configure?.Invoke(options);
        });
        return new PanelsKit(bot, directory);
    }

    /// <summary>A complete, valid form; tests override what they are about.</summary>
    public static Dictionary<string, string> Form(params (string Key, string Value)[] overrides)
    {
        var form = new Dictionary<string, string>
        {
            [PanelFormCard.Panel] = "b",
            [PanelFormCard.Name] = "Maria Santos",
            [PanelFormCard.Organisation] = "Lawyers Beyond Borders",
            [PanelFormCard.Group] = "civil-society",
            [PanelFormCard.Country] = "PH",
            [PanelFormCard.Expertise] = "Twenty years defending migrants at borders.",
            [PanelFormCard.Languages] = "English, Tagalog",
            [PanelFormCard.Position] = "Alternatives to detention for every child.",
            [PanelFormCard.Email] = string.Empty,
            [PanelFormCard.Consent] = PanelFormCard.ConsentYes,
        };
        foreach (var (key, value) in overrides)
        {
            form[key] = value;
        }

        return form;
    }

    /// <summary>Types <c>propose panellist</c> and sends the form it shows; returns the turn of the Send press.</summary>
    public async Task<Turn> ProposeAsync(TestUser user, IReadOnlyDictionary<string, string>? form = null, string? locale = null)
    {
        var chat = Bot.PersonalChat(user).InLocale(locale);
        var shown = await chat.SayAsync("propose panellist");
        return await chat.PressAsync(shown.Reply.Card, PanelVerbs.Save, form ?? Form());
    }

    /// <summary>Registers the person, proposes with the given answers and returns the new proposal's id.</summary>
    public async Task<int> ProposedAsync(TestUser user, params (string Key, string Value)[] overrides)
    {
        if (await Directory.FindAsync(user.AadObjectId, CancellationToken.None) is null)
        {
            Directory.Register(user);
        }

        var form = Form(overrides);
        await ProposeAsync(user, form);
        var mine = await Store.MineAsync(user.AadObjectId, CancellationToken.None);
        return mine.First(s => s.Proposal.NomineeName == form[PanelFormCard.Name]).Proposal.Id;
    }

    /// <summary>A person presses Endorse on a proposal (as the panel card offers it).</summary>
    public Task<Turn> EndorseAsync(TestUser user, int id) =>
        Bot.PersonalChat(user).SubmitAsync(new JsonObject { ["verb"] = PanelVerbs.Endorse, [PanelVerbs.Id] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, user);

    /// <summary>The organiser's review card of a panel.</summary>
    public async Task<JsonObject> ReviewCardAsync(char panel) => (await Organiser.SayAsync($"panel review {panel}")).Reply.Card;

    /// <summary>Presses the organiser's decision button on a proposal of the review card.</summary>
    public async Task<Turn> DecideAsync(char panel, int id, string decision) =>
        await Organiser.SubmitAsync(DecisionData(await ReviewCardAsync(panel), id, decision));

    /// <summary>
    /// The organiser presses Select on each of the proposals of one review card at the same moment, as two organisers
    /// (or one quick one) would; returns the bot's answers (<see cref="Turn.AnswersOf"/>).
    /// </summary>
    public async Task<IReadOnlyList<string>> SelectAllAtOnceAsync(char panel, IReadOnlyList<int> ids)
    {
        var card = await ReviewCardAsync(panel);
        var presses = ids.Select(id => DecisionData(card, id, PanelVerbs.Select)).ToList();
        return Turn.AnswersOf(await Task.WhenAll(presses.Select(data => Organiser.SubmitAsync(data))));
    }

    /// <summary>A person opens the proposal form several times, then sends every copy at the same moment.</summary>
    public Task<IReadOnlyList<string>> ProposeAllAtOnceAsync(TestUser user, int copies) =>
        Bot.PersonalChat(user).SendFormsAtOnceAsync("propose panellist", PanelVerbs.Save, copies, i => Form((PanelFormCard.Name, $"Nominee {i}")));

    private static JsonObject DecisionData(JsonObject reviewCard, int id, string decision) =>
        CardText.Actions(reviewCard).First(a =>
            (a["data"] as JsonObject)?[PanelVerbs.Decision]?.GetValue<string>() == decision &&
            (a["data"] as JsonObject)?[PanelVerbs.Id]?.GetValue<string>() == id.ToString(System.Globalization.CultureInfo.InvariantCulture))["data"]!.DeepClone().AsObject();

    /// <summary>Waits until a proactive message containing a text reached a person's chat.</summary>
    public async Task<ReceivedActivity> NoticeAsync(TestUser user, string containing)
    {
        var id = Bot.PersonalChat(user).Id;
        var calls = await Bot.Connector.WaitForAsync(calls => calls.Any(c => c.IsSend && c.ConversationId == id && c.Activity.AllText.Contains(containing, StringComparison.Ordinal)));
        return calls.Last(c => c.IsSend && c.ConversationId == id && c.Activity.AllText.Contains(containing, StringComparison.Ordinal)).Activity;
    }

    public async Task<string> PublicPageAsync(string query = "")
    {
        using var response = await Bot.Http.GetAsync(PanelEndpoints.PagePath + query);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public ValueTask DisposeAsync() => Bot.DisposeAsync();
}
