using System.Net;
using System.Text.Json.Nodes;
using GcmBot.Bot.Tests.Registration;
using GcmBot.Cards.Registration;
using Microsoft.Data.Sqlite;

namespace GcmBot.Bot.Tests.Reliability;

/// <summary>
/// The bot process is killed (SIGKILL) in the middle of a burst of registrations: some turns have stored the
/// registration and are sending the confirmation, others are earlier. Teams re-delivers every activity that got no
/// HTTP answer; each must be processed again and answered, without doubling the registration.
/// </summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private const int People = 24;
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "gcmbot-tests", Guid.NewGuid().ToString("N"));
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned by the OS.
        }
    }

    [Fact]
    public async Task KilledMidBurst_RedeliveredActivities_EveryoneHasExactlyOneRegistrationAndOneConfirmation()
    {
        var people = Enumerable.Range(1, People).Select(TestUser.Numbered).ToList();
        var first = await BotProcess.StartAsync(_dataFolder);
        var submissions = new List<(TestUser Person, string ChatId, int FormSequence, JsonObject Submit)>();
        foreach (var person in people)
        {
            submissions.Add(await OpenFormAsync(first, person));
        }

        // Every confirmation is held at the connector: a turn that stored the registration is stuck sending it.
        var chats = submissions.Select(s => s.ChatId).ToHashSet();
        var held = _connector.Faults.HoldAll(c => c.IsSend && chats.Contains(c.ConversationId!));
        var posts = submissions.Select(s => AnsweredAsync(first.PostActivityAsync(s.Submit))).ToList();
        await held.WaitForHeldAsync(People / 2);
        first.Kill();
        // The confirmations in flight never reached Teams.
        held.Release(ConnectorAnswer.Abort);
        var answered = await Task.WhenAll(posts);
        _connector.Faults.Clear();
        await first.DisposeAsync();

        var unanswered = submissions.Where((_, i) => !answered[i]).ToList();
        Assert.NotEmpty(unanswered);
        await using var second = await BotProcess.StartAsync(_dataFolder);
        var redelivered = await Task.WhenAll(unanswered.Select(async s =>
        {
            using var response = await second.PostActivityAsync(s.Submit);
            return response.StatusCode;
        }));

        Assert.All(redelivered, status => Assert.Equal(HttpStatusCode.OK, status));
        var registrations = await RegistrationsPerPersonAsync();
        foreach (var (person, chatId, formSequence, _) in submissions)
        {
            Assert.Equal(1, registrations.GetValueOrDefault(person.AadObjectId));
            var after = _connector.CallsTo(chatId).Where(c => c.IsSend && c.Sequence > formSequence).ToList();
            var confirmation = Assert.Single(after);
            // A turn that had stored the registration before the crash finds it on its second run ("updated").
            Assert.Matches("You're registered|Your registration is updated", confirmation.Activity.AllText);
            Assert.Contains("theme a", confirmation.Activity.AllText);
        }

        // A true duplicate is still dropped after all that.
        using var duplicate = await second.PostActivityAsync(submissions[0].Submit);
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Single(_connector.CallsTo(submissions[0].ChatId), c => c.IsSend && c.Sequence > submissions[0].FormSequence);
    }

    /// <summary>The person types register; returns the form's submission, ready to POST (not yet sent).</summary>
    private async Task<(TestUser Person, string ChatId, int FormSequence, JsonObject Submit)> OpenFormAsync(BotProcess bot, TestUser person)
    {
        var suffix = person.Id.Replace(':', '-');
        JsonObject NewActivity(string fixture) => ActivityFixtures.Build(fixture, "personal", suffix, person, _connector.ServiceUrl);
        var register = NewActivity("message");
        register["text"] = "register";
        var chatId = register["conversation"]!["id"]!.GetValue<string>();
        using (var response = await bot.PostActivityAsync(register))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var form = _connector.CallsTo(chatId).Last(c => c.IsSend);
        var answers = RegistrationDriver.ValidAnswers("consult-a");
        answers[RegistrationFormCard.Email] = $"person{person.Id.GetHashCode():x}@example.org";
        var submit = TeamsConversation.PressActivity(NewActivity, form.Activity.Card, RegistrationVerbs.Submit, answers);
        return (person, chatId, form.Sequence, submit);
    }

    /// <summary>Whether the POST got an HTTP answer (a killed process gives none).</summary>
    private static async Task<bool> AnsweredAsync(Task<HttpResponseMessage> post)
    {
        try
        {
            using var response = await post;
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private async Task<Dictionary<string, int>> RegistrationsPerPersonAsync()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataFolder, "gcmbot.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"UserStableId\", COUNT(*) FROM \"EventRegistrations\" GROUP BY \"UserStableId\"";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }
}
