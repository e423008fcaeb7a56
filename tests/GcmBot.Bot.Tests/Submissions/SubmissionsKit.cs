using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using GcmBot.Bot.Participants;
using GcmBot.Cards.Submissions;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Bot.Tests.Submissions;

/// <summary>
/// The participant port as Registration will answer it, for tests only: registration itself is another capability.
/// People are "registered" by <see cref="Register"/>.
/// </summary>
public sealed class TestParticipantDirectory : IParticipantDirectory
{
    private readonly ConcurrentDictionary<string, ParticipantProfile> _profiles = new();

    public void Register(TestUser user, string? organisation = "Migrant Forum in Asia", string? name = null) =>
        _profiles[user.AadObjectId] = new ParticipantProfile(user.AadObjectId, name ?? user.Name, organisation, "civil-society", "PH", "sea", "woman");

    public Task<ParticipantProfile?> FindAsync(string userStableId, CancellationToken cancellationToken) =>
        Task.FromResult(_profiles.GetValueOrDefault(userStableId));

    public Task<IReadOnlyDictionary<string, ParticipantProfile>> FindManyAsync(IReadOnlyCollection<string> userStableIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, ParticipantProfile>>(
            userStableIds.Where(_profiles.ContainsKey).Distinct().ToDictionary(id => id, id => _profiles[id]));
}

/// <summary>A started bot with a participant directory, and the steps the submission tests share.</summary>
public sealed class SubmissionsKit : IAsyncDisposable
{
    private SubmissionsKit(BotApp bot, TestParticipantDirectory directory)
    {
        Bot = bot;
        Directory = directory;
    }

    public BotApp Bot { get; }

    public TestParticipantDirectory Directory { get; }

    public static async Task<SubmissionsKit> StartAsync(Action<BotAppOptions>? configure = null)
    {
        var directory = new TestParticipantDirectory();
        var bot = await BotApp.StartAsync(options =>
        {
            options.FakeTimeStart = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
            options.Services.Add(services => services.AddSingleton<IParticipantDirectory>(directory));
            configure?.Invoke(options);
        });
        return new SubmissionsKit(bot, directory);
    }

    /// <summary>A complete, valid form; tests override what they are about.</summary>
    public static Dictionary<string, string> Form(params (string Key, string Value)[] overrides)
    {
        var form = new Dictionary<string, string>
        {
            [SubmissionFormCard.Title] = "Decent work for migrant domestic workers",
            [SubmissionFormCard.Themes] = "a",
            [SubmissionFormCard.Objectives] = "6",
            [SubmissionFormCard.Text] = "Domestic workers need labour law coverage.\n\nRecruitment fees must be banned.",
            [SubmissionFormCard.Link] = string.Empty,
            [SubmissionFormCard.Organisation] = "Migrant Forum in Asia",
            [SubmissionFormCard.Consent] = "name",
        };
        foreach (var (key, value) in overrides)
        {
            form[key] = value;
        }

        return form;
    }

    /// <summary>Types <c>submit</c> and sends the form it shows; returns the turn of the Send press.</summary>
    public async Task<Turn> SubmitAsync(TestUser user, IReadOnlyDictionary<string, string>? form = null)
    {
        var chat = Bot.PersonalChat(user);
        var shown = await chat.SayAsync("submit");
        return await chat.PressAsync(shown.Reply.Card, SubmissionVerbs.Save, form ?? Form());
    }

    /// <summary>Registers, submits a valid form and returns the new submission's id.</summary>
    public async Task<int> SubmittedAsync(TestUser user, params (string Key, string Value)[] overrides)
    {
        Directory.Register(user);
        var turn = await SubmitAsync(user, Form(overrides));
        var text = turn.Reply.AllText;
        var marker = "submission #";
        var start = text.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end > start ? int.Parse(text[start..end], System.Globalization.CultureInfo.InvariantCulture) : throw new InvalidOperationException($"Not submitted: {text}");
    }

    /// <summary>The organiser opens a submission for review (from the review list).</summary>
    public async Task<JsonObject> OpenForReviewAsync(int id)
    {
        var chat = Bot.PersonalChat(TestUsers.Organiser);
        var list = await chat.SayAsync("review submissions");
        var opened = await chat.SubmitAsync(new JsonObject { ["verb"] = SubmissionVerbs.ReviewOpen, [SubmissionVerbs.Id] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains($"#{id}", list.Reply.AllText);
        return opened.Reply.Card;
    }

    /// <summary>The organiser decides on a submission from its review card.</summary>
    public async Task<Turn> DecideAsync(int id, string decision, string? comment = null, TestUser? organiser = null)
    {
        var card = await OpenForReviewAsync(id);
        var inputs = new Dictionary<string, string>();
        if (comment is not null)
        {
            inputs[decision == SubmissionVerbs.Return ? SubmissionVerbs.ReturnComment : SubmissionVerbs.RejectComment] = comment;
        }

        var action = CardText.Actions(card).First(a => (a["data"] as JsonObject)?[SubmissionVerbs.Decision]?.GetValue<string>() == decision);
        var data = action["data"]!.DeepClone().AsObject();
        foreach (var (key, value) in inputs)
        {
            data[key] = value;
        }

        return await Bot.PersonalChat(organiser ?? TestUsers.Organiser).SubmitAsync(data, organiser ?? TestUsers.Organiser);
    }

    /// <summary>Waits until a proactive message containing a text reached a person's chat (it is sent after the turn).</summary>
    public async Task<ReceivedActivity> NoticeAsync(TestUser user, string containing)
    {
        var id = Bot.PersonalChat(user).Id;
        var calls = await Bot.Connector.WaitForAsync(calls => calls.Any(c => c.IsSend && c.ConversationId == id && c.Activity.AllText.Contains(containing, StringComparison.Ordinal)));
        return calls.Last(c => c.IsSend && c.ConversationId == id && c.Activity.AllText.Contains(containing, StringComparison.Ordinal)).Activity;
    }

    /// <summary>An organiser's decision, after which the author has been told (so that later turns see only their own replies).</summary>
    public async Task DecidedAsync(int id, string decision, TestUser author, string? comment = null)
    {
        await DecideAsync(id, decision, comment);
        await NoticeAsync(author, $"Your submission #{id}");
    }

    public async Task<string> PublicPageAsync()
    {
        using var response = await Bot.Http.GetAsync("/submissions");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<JsonObject> PublicJsonAsync()
    {
        using var response = await Bot.Http.GetAsync("/submissions.json");
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>Proactive messages the connector received in a person's personal chat.</summary>
    public IReadOnlyList<ReceivedActivity> SentTo(TestUser user)
    {
        var id = Bot.PersonalChat(user).Id;
        return Bot.Connector.CallsTo(id).Where(c => c.IsSend).Select(c => c.Activity).ToList();
    }

    public ValueTask DisposeAsync() => Bot.DisposeAsync();
}
