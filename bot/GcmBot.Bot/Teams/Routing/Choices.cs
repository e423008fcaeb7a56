using GcmBot.Cards.Help;

namespace GcmBot.Bot.Teams.Routing;

/// <summary>One thing a person can pick instead of typing its id: the value the command needs, and what people read.</summary>
public sealed record PickChoice(string Value, string Title, string? Detail = null);

/// <summary>
/// The things of one kind (events, consultations) that a command may need, offered as a choice when the command is
/// typed or pressed without them. The capability that owns the things implements it (read-only).
/// </summary>
public interface IChoiceSource
{
    PickSubject Kind { get; }

    Task<IReadOnlyList<PickChoice>> ChoicesAsync(BotTurn turn, CancellationToken cancellationToken);
}

/// <summary>
/// Answers a message that is no command (a greeting, "thanks"), before the dispatcher says it does not know it.
/// Returns false to let the next one (or the "unknown command" answer) have it.
/// </summary>
public interface IUnmatchedTextHandler
{
    Task<bool> TryAnswerAsync(BotTurn turn, string text, CancellationToken cancellationToken);
}

/// <summary>Shows the choice a command needs: "Registrations: choose an event", a button or a list entry per event.</summary>
public sealed class CommandPicker(IEnumerable<IChoiceSource> sources, Microsoft.Extensions.Localization.IStringLocalizerFactory localizers)
{
    /// <summary>Sends the picker; false when no source offers this kind (the command then runs without the argument).</summary>
    public async Task<bool> TryShowAsync(BotTurn turn, CommandRoute route, CancellationToken cancellationToken)
    {
        if (route.Picks is not { } kind || sources.FirstOrDefault(s => s.Kind == kind) is not { } source)
        {
            return false;
        }

        var choices = await source.ChoicesAsync(turn, cancellationToken);
        var model = new PickerCardModel(
            route.Words,
            route.LocalisedSummary(localizers),
            kind,
            choices.Select(c => new PickerItem(c.Value, c.Title, c.Detail)).ToList());
        await turn.SendCardAsync(PickerCard.Build(model, turn.Culture), cancellationToken);
        return true;
    }
}
