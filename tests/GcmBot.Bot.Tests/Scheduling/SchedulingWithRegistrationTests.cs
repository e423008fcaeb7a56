using GcmBot.Bot.Tests.Registration;
using GcmBot.Cards.Registration;

namespace GcmBot.Bot.Tests.Scheduling;

/// <summary>Scheduling reading the real registrations: what Registration stores is what the meeting invites.</summary>
public sealed class SchedulingWithRegistrationTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task RegisteringAfterScheduling_InvitesAtOnce_WithoutWaitingForThePeriodicSync()
    {
        var organiser = _bot.PersonalChat(TestUsers.Organiser);
        await organiser.SayAsync("schedule b 2026-12-12 14:00");
        Assert.Empty(await _bot.InviteesAsync(1));

        var bob = _bot.PersonalChat(TestUsers.Bob);
        var answers = RegistrationDriver.ValidAnswers("consult-b");
        answers[RegistrationFormCard.Email] = "bob@example.org";
        await RegistrationDriver.RegisterAsync(_bot, TestUsers.Bob, answers);

        // The periodic sync runs every 15 minutes; only Registration's change signal can invite Bob within the wait.
        await _bot.WaitForSendAsync(bob, "You are invited to a consultation");
        // The notice is queued just before the invitee rows are written (a crash in between re-queues the same key).
        var invitee = Assert.Single(await _bot.WaitForInviteesAsync(1, invitees => invitees.Count > 0));
        Assert.Equal(TestUsers.Bob.AadObjectId, invitee.UserStableId);
    }
}
