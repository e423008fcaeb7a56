using GcmBot.Cards.AdaptiveCards;

namespace GcmBot.Cards.Help;

/// <summary>
/// One line of the help card: how to type a command and what it does. Moderators' commands (meeting organisers and
/// presenters) are listed to everyone, apart, because the role depends on the meeting, but never get a button.
/// </summary>
public sealed record HelpEntry(string Command, string Usage, string Summary, bool ForOrganisers, bool ForModerators = false);

/// <summary>What the help card lists for one conversation scope.</summary>
public sealed record HelpCardModel(string ScopeTitle, IReadOnlyList<HelpEntry> Entries, bool ShowsOrganiserCommands);

/// <summary>The card that answers <c>help</c>: the commands that work where the person asked.</summary>
public static class HelpCard
{
    public const string RunCommandVerb = "command.run";
    public const string CommandKey = "command";

    /// <summary>How many commands get a button as well as a line (Teams shows at most a handful of buttons well).</summary>
    private const int MaxButtons = 4;

    public static AdaptiveCard Build(HelpCardModel model)
    {
        var body = new List<CardElement>
        {
            new TextBlock("What I can do here") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(model.ScopeTitle) { IsSubtle = true, Spacing = Spacing.None },
        };

        body.AddRange(EntryBlocks("For everyone", model.Entries.Where(IsForEveryone).ToList()));
        body.AddRange(EntryBlocks("For the meeting's organisers and presenters", model.Entries.Where(e => e.ForModerators && !e.ForOrganisers).ToList()));
        if (model.ShowsOrganiserCommands)
        {
            body.AddRange(EntryBlocks("For organisers", model.Entries.Where(e => e.ForOrganisers).ToList()));
        }

        body.Add(new TextBlock("Type a command, or press a button. Your data is used only for this engagement process.")
        {
            IsSubtle = true,
            Size = TextSize.Small,
            Separator = true,
        });

        var buttons = model.Entries
            .Where(e => IsForEveryone(e) && e.Command != "help" && e.Usage == e.Command)
            .Take(MaxButtons)
            .Select(e => (CardAction)RunCommandButton(e.Command))
            .ToList();

        return new AdaptiveCard(body) { Actions = buttons, FallbackText = "Type help to see what GcmBot can do." };
    }

    /// <summary>A button that runs a text command as if the person had typed it.</summary>
    public static SubmitAction RunCommandButton(string command, string? title = null) =>
        new(CardActionData.For(RunCommandVerb, (CommandKey, command)))
        {
            Title = title ?? char.ToUpperInvariant(command[0]) + command[1..],
            SendInputs = false,
        };

    private static bool IsForEveryone(HelpEntry entry) => !entry.ForOrganisers && !entry.ForModerators;

    private static IEnumerable<CardElement> EntryBlocks(string heading, IReadOnlyList<HelpEntry> entries)
    {
        if (entries.Count == 0)
        {
            yield break;
        }

        yield return new TextBlock(heading) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium };
        yield return new FactSet(entries.Select(e => new Fact(e.Usage, e.Summary)).ToList());
    }
}
