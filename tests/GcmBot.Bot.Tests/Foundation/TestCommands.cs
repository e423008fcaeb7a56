using Microsoft.Extensions.DependencyInjection;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Routing;

namespace GcmBot.Bot.Tests.Foundation;

/// <summary>Commands that only tests register, to exercise the router's organiser check and error handling.</summary>
public sealed class SecretOrganiserCommand : ICommandHandler
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken) =>
        turn.SendTextAsync($"organiser work done: {input.Arguments}", cancellationToken);
}

/// <summary>Fails the first time it runs for a given argument, then succeeds: a crash followed by Teams' retry.</summary>
public sealed class FlakyCommand(FlakyCommand.Attempts attempts) : ICommandHandler
{
    public sealed class Attempts
    {
        public int Count;
    }

    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref attempts.Count) == 1)
        {
            throw new InvalidOperationException("secret internal detail");
        }

        return turn.SendTextAsync("flaky work done", cancellationToken);
    }
}

public static class TestCommandRegistration
{
    public static void AddTestCommands(this BotAppOptions options)
    {
        options.Services.Add(services =>
        {
            services.AddBotCommand<SecretOrganiserCommand>("secret", "Test-only organiser command", ConversationScopes.All, forOrganisers: true);
            services.AddSingleton<FlakyCommand.Attempts>();
            services.AddBotCommand<FlakyCommand>("flaky", "Test-only failing command", ConversationScopes.All);
        });
    }
}
