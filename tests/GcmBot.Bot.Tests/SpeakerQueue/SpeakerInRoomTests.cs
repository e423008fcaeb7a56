using System.Text;
using GcmBot.Bot.SpeakerQueue;
using GcmBot.Cards.SpeakerQueue;
using static GcmBot.Bot.Tests.SpeakerQueue.SpeakerQueueKit;

namespace GcmBot.Bot.Tests.SpeakerQueue;

/// <summary>
/// The hybrid consultation: the chair adds people in the room to the speakers' list, with what they say of themselves,
/// so that the list, the balance and the interventions log cover the room and the online participants alike.
/// </summary>
public sealed class SpeakerInRoomTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Sione = new()
    {
        ["name"] = "Sione Tupou",
        ["organisation"] = "Pacific Islands Migrant Network",
        ["kind"] = "statement",
        ["topic"] = "Climate mobility",
        ["group"] = "migrants",
        ["subregion"] = "pacific",
        ["gender"] = "man",
    };

    private readonly InMemoryParticipantDirectory _directory = new();
    private BotApp _bot = null!;

    public async Task InitializeAsync()
    {
        _directory.Add(TestUsers.Chen, "Asia Pacific Refugee Rights Network", "civil-society", "sea", "woman");
        _directory.Add(TestUsers.Alice, "Migrant Forum in Asia", "civil-society", "sea", "woman");
        _bot = await StartAsync(_directory, fakeTime: true);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Chair_AddsAPersonInTheRoom_WhoTakesTheirPlaceInTheBalancedOrder()
    {
        // Chen (civil society, South-East Asia, woman) has spoken; Alice, in the same categories, asked first.
        var (chat, card) = await ListAfterChenSpokeAsync(_bot, "balanced");

        var added = await ChairAsync(chat, card, SpeakerQueueCard.AddInRoomVerb, Sione);

        Assert.Contains("Added Sione Tupou (in the room) to the list (Statement).", added.AllText);
        Assert.Contains("Sione Tupou (in the room) — Statement: Climate mobility", added.AllText);
        // Bob, of whom nothing is known, and Sione, whose categories have not spoken yet, go before Alice.
        Assert.Equal(
            ["Bob Bautista", "Sione Tupou (in the room)", "Alice Ahmed"],
            WaitingNames(added.InvokeCard!, TestUsers.Alice, TestUsers.Bob, new TestUser("room", "room", "Sione Tupou (in the room)")));
        var request = (await RequestsAsync(_bot, chat.Id)).Single(r => r.DisplayName == "Sione Tupou");
        Assert.Equal(SpeakerOrigin.InRoom, request.Origin);
        Assert.StartsWith(SpeakerQueueService.InRoomPrefix, request.UserStableId);
        Assert.Equal(("migrants", "pacific", "man", "Pacific Islands Migrant Network"), (request.StakeholderGroup, request.Subregion, request.Gender, request.Organisation));
    }

    [Fact]
    public async Task PersonInTheRoom_IsGivenTheFloor_AndAppearsInTheInterventionsLog()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await ChairAsync(chat, card, SpeakerQueueCard.AddInRoomVerb, Sione);

        var given = await ChairAsync(chat, card, SpeakerQueueCard.NextVerb);
        _bot.Time!.Advance(TimeSpan.FromSeconds(75));
        await chat.PressAsync(given.InvokeCard!, SpeakerQueueCard.EndTurnVerb, from: TestUsers.Organiser);
        var export = await ChairAsync(chat, card, SpeakerQueueCard.ExportVerb);

        Assert.Contains("Sione Tupou has the floor.", given.AllText);
        var links = CardText.Actions(export.InvokeCard).Where(a => a["type"]!.GetValue<string>() == "Action.OpenUrl").Select(a => new Uri(a["url"]!.GetValue<string>())).ToList();
        var csv = Encoding.UTF8.GetString(await _bot.Http.GetByteArrayAsync(links[0].PathAndQuery));
        var totals = Encoding.UTF8.GetString(await _bot.Http.GetByteArrayAsync(links[1].PathAndQuery));
        Assert.Contains("1,Sione Tupou (in the room),Pacific Islands Migrant Network,Migrants and migrant organisations,Statement,Climate mobility,", csv);
        Assert.Contains("ESCAP subregion,Pacific,1,1:15,75\r\n", totals);
        Assert.Contains("Gender,Man,1,1:15,75\r\n", totals);
    }

    [Fact]
    public async Task SamePersonInTheRoom_AddedTwice_IsOnTheListOnce()
    {
        var (chat, card) = await OpenListAsync(_bot);
        await ChairAsync(chat, card, SpeakerQueueCard.AddInRoomVerb, Sione);

        var again = await ChairAsync(chat, card, SpeakerQueueCard.AddInRoomVerb, Sione);

        Assert.Contains("Sione Tupou (in the room) is already on the list.", again.AllText);
        Assert.Single(await RequestsAsync(_bot, chat.Id));
    }

    [Fact]
    public async Task AddInRoom_WithoutAName_ChangesNothing()
    {
        var (chat, card) = await OpenListAsync(_bot);

        var turn = await ChairAsync(chat, card, SpeakerQueueCard.AddInRoomVerb, new Dictionary<string, string> { ["name"] = "  ", ["kind"] = "statement" });

        Assert.Contains("Please type the person's name.", turn.AllText);
        Assert.Empty(await RequestsAsync(_bot, chat.Id));
    }

    [Fact]
    public async Task AddInRoom_ByAnAttendee_IsRefused()
    {
        var (chat, _) = await OpenListAsync(_bot);

        var turn = await chat.ExecuteAsync(SpeakerQueueCard.AddInRoomVerb, System.Text.Json.Nodes.JsonNode.Parse("""{"name":"Someone","kind":"statement"}""")!.AsObject(), TestUsers.Bob);

        Assert.Contains("only the chair can do that", turn.AllText);
        Assert.Empty(await RequestsAsync(_bot, chat.Id));
    }
}
