using System.Net;
using GcmBot.Bot.Tests.Registration;
using GcmBot.Cards.Registration;

namespace GcmBot.Bot.Tests.Reliability;

/// <summary>
/// A turn's own replies ride out Teams' throttling and short outages (retried within the turn's budget, else queued
/// and delivered later), arrive exactly once, and the apology after a failed turn tells the truth about what was stored.
/// </summary>
public sealed class ReplyDeliveryTests
{
    private const string Confirmation = "You're registered";
    private const string ApologyNothingChanged = "Sorry, something went wrong on my side and I could not finish that. Nothing was changed; please try again in a moment.";
    private const string ApologyAfterChange = "Sorry, something went wrong on my side before I could finish that. Part of it may already be saved, so please check before you try again.";

    public static TheoryData<string> Faults => new() { "429 then 200", "502 twice", "down for 6 s" };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Confirmation_ThroughAConnectorFault_ArrivesExactlyOnce_WithinTheTurn(string fault)
    {
        await using var bot = await BotApp.StartAsync();

        var (chat, turn) = await SubmitRegistrationThroughAsync(bot, fault);

        Assert.Equal(HttpStatusCode.OK, turn.Status);
        Assert.Contains(Confirmation, Assert.Single(turn.Replies).AllText);
        AssertExactlyOneConfirmation(bot, chat);
        Assert.NotEmpty(bot.Connector.Rejected);
        Assert.Single(await RegistrationDriver.RegistrationsAsync(bot));
    }

    [Fact]
    public async Task Confirmation_WhenTheConnectorStaysDownPastTheTurnsBudget_IsQueuedAndArrivesLaterExactlyOnce()
    {
        // The outbound queue's own retries (1 s, 2 s, 4 s…) outlast the 6 s outage that the turn's budget did not.
        await using var bot = await BotApp.StartAsync(o =>
        {
            o.Settings["Replies:BudgetMilliseconds"] = "1000";
            o.Settings["Outbound:BaseRetryDelayMilliseconds"] = "1000";
        });

        var (chat, turn) = await SubmitRegistrationThroughAsync(bot, "down for 6 s");

        Assert.Equal(HttpStatusCode.OK, turn.Status);
        Assert.Empty(turn.Replies);
        await bot.Connector.WaitForAsync(calls => calls.Any(c => c.ConversationId == chat.Id && c.IsSend && c.Activity.AllText.Contains(Confirmation)), TimeSpan.FromSeconds(30));
        // Let the sender run on a little: a second copy would show up now.
        await Task.Delay(TimeSpan.FromSeconds(1));
        AssertExactlyOneConfirmation(bot, chat);
        Assert.DoesNotContain(bot.Connector.CallsTo(chat.Id), c => c.IsSend && c.Activity.AllText.Contains("went wrong"));
    }

    [Fact]
    public async Task FailedTurn_AfterTheRegistrationWasStored_DoesNotSayNothingWasChanged()
    {
        await using var bot = await BotApp.StartAsync();
        var chat = bot.PersonalChat(TestUsers.Alice);
        var form = await chat.SayAsync("register");
        // A refusal no retry can help (413): the turn fails after the registration was committed.
        bot.Connector.Faults.Next(c => c.IsSend && c.ConversationId == chat.Id, new ConnectorAnswer(413));

        var turn = await chat.PressAsync(form.Reply.Card, RegistrationVerbs.Submit, RegistrationDriver.ValidAnswers());

        var apology = Assert.Single(turn.Replies).Text;
        Assert.Equal(ApologyAfterChange, apology);
        Assert.DoesNotContain("Nothing was changed", apology);
        Assert.Single(await RegistrationDriver.RegistrationsAsync(bot));
    }

    [Fact]
    public async Task FailedTurn_ThatStoredNothing_SaysNothingWasChanged()
    {
        await using var bot = await BotApp.StartAsync();
        var chat = bot.PersonalChat(TestUsers.Alice);
        bot.Connector.Faults.Next(c => c.IsSend && c.ConversationId == chat.Id, new ConnectorAnswer(413));

        var turn = await chat.SayAsync("help");

        Assert.Equal(ApologyNothingChanged, Assert.Single(turn.Replies).Text);
    }

    [Theory]
    [InlineData("fr-FR", "Rien n’a été modifié")]
    [InlineData("qps-ploc", null)]
    public async Task FailedTurn_ApologisesInThePersonsLanguage(string locale, string? expected)
    {
        await using var bot = await BotApp.StartAsync();
        var chat = bot.PersonalChat(TestUsers.Alice).InLocale(locale);
        bot.Connector.Faults.Next(c => c.IsSend && c.ConversationId == chat.Id, new ConnectorAnswer(413));

        var apology = Assert.Single((await chat.SayAsync("help")).Replies).Text!;

        if (expected is null)
        {
            Assert.Empty(Untranslated.In(apology));
        }
        else
        {
            Assert.Contains(expected, apology);
        }
    }

    [Fact]
    public async Task CardUpdate_ThrottledOnce_IsRetriedInTheTurn()
    {
        await using var bot = await BotApp.StartAsync();
        var chat = bot.PersonalChat(TestUsers.Alice);
        var form = await chat.SayAsync("register");
        bot.Connector.Faults.Next(c => c.IsUpdate, ConnectorAnswer.Throttled(0.2));

        // Pressed on the card with its message id: the summary replaces the form in place.
        var turn = await chat.PressAsync(form.Reply.Card, RegistrationVerbs.Submit, RegistrationDriver.ValidAnswers(), cardActivityId: "activity-form");

        Assert.Equal(HttpStatusCode.OK, turn.Status);
        Assert.Contains(Confirmation, Assert.Single(turn.Updates).AllText);
        Assert.Single(bot.Connector.Rejected, c => c.IsUpdate);
    }

    /// <summary>Opens the form, arms the fault, submits; returns the turn of the submission.</summary>
    private static async Task<(TeamsConversation Chat, Turn Turn)> SubmitRegistrationThroughAsync(BotApp bot, string fault)
    {
        var chat = bot.PersonalChat(TestUsers.Alice);
        var form = await chat.SayAsync("register");
        bool InChat(ConnectorCall c) => c.IsSend && c.ConversationId == chat.Id;
        switch (fault)
        {
            case "429 then 200":
                bot.Connector.Faults.Next(InChat, ConnectorAnswer.Throttled(0.3));
                break;
            case "502 twice":
                bot.Connector.Faults.Next(InChat, new ConnectorAnswer(502), new ConnectorAnswer(502));
                break;
            case "down for 6 s":
                bot.Connector.Faults.DownFor(TimeSpan.FromSeconds(6), InChat);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, null);
        }

        var turn = await chat.PressAsync(form.Reply.Card, RegistrationVerbs.Submit, RegistrationDriver.ValidAnswers());
        return (chat, turn);
    }

    private static void AssertExactlyOneConfirmation(BotApp bot, TeamsConversation chat)
    {
        var sends = bot.Connector.CallsTo(chat.Id).Where(c => c.IsSend).ToList();
        Assert.Single(sends, c => c.Activity.AllText.Contains(Confirmation));
        Assert.DoesNotContain(sends, c => c.Activity.AllText.Contains("Nothing was changed"));
    }
}
