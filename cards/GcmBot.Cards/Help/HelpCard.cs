using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Help;

/// <summary>
/// One line of the help card: how to type a command and what it does. Moderators' commands (meeting organisers and
/// presenters) are listed to everyone, apart, because the role depends on the meeting, but never get a button.
/// </summary>
public sealed record HelpEntry(string Command, string Usage, string Summary, bool ForOrganisers, bool ForModerators = false);

/// <summary>What the help card lists for one conversation scope.</summary>
public sealed record HelpCardModel(string ScopeTitle, IReadOnlyList<HelpEntry> Entries, bool ShowsOrganiserCommands);

/// <summary>The card that answers <c>help</c> in a shared chat: the commands that work where the person asked.</summary>
public static class HelpCard
{
    public const string RunCommandVerb = "command.run";
    public const string CommandKey = "command";

    /// <summary>How many commands get a button as well as a line (Teams shows at most a handful of buttons well).</summary>
    private const int MaxButtons = 4;

    public static AdaptiveCard Build(HelpCardModel model, CultureInfo culture, string? greeting = null)
    {
        var t = TextResources.For<HelpCardTexts>(culture);
        var body = new List<CardElement>();
        if (greeting is not null)
        {
            body.Add(new TextBlock(greeting) { Weight = TextWeight.Bolder });
        }

        body.AddRange(CommandList(model, t));
        body.Add(new TextBlock(t["Footer"]) { IsSubtle = true, Size = TextSize.Small, Separator = true });

        var buttons = model.Entries
            .Where(e => IsForEveryone(e) && e.Command != "help" && e.Usage == e.Command)
            .Take(MaxButtons)
            .Select(e => (CardAction)TaskButton(e.Command, t))
            .ToList();

        return new AdaptiveCard(body) { Actions = buttons, FallbackText = t["Fallback"], Lang = SupportedLanguages.TagOf(culture) };
    }

    /// <summary>The heading, the scope and every command line, grouped by who may use them.</summary>
    internal static IEnumerable<CardElement> CommandList(HelpCardModel model, TextResources t)
    {
        yield return new TextBlock(t["Title"]) { Size = TextSize.Medium, Weight = TextWeight.Bolder };
        yield return new TextBlock(model.ScopeTitle) { IsSubtle = true, Spacing = Spacing.None };
        foreach (var block in EntryBlocks(t["ForEveryone"], model.Entries.Where(IsForEveryone).ToList()))
        {
            yield return block;
        }

        foreach (var block in EntryBlocks(t["ForModerators"], model.Entries.Where(e => e.ForModerators && !e.ForOrganisers).ToList()))
        {
            yield return block;
        }

        if (model.ShowsOrganiserCommands)
        {
            foreach (var block in EntryBlocks(t["ForOrganisers"], model.Entries.Where(e => e.ForOrganisers).ToList()))
            {
                yield return block;
            }
        }
    }

    /// <summary>A button that runs a text command as if the person had typed it.</summary>
    public static SubmitAction RunCommandButton(string command, string? title = null) =>
        new(CardActionData.For(RunCommandVerb, (CommandKey, command)))
        {
            Title = title ?? char.ToUpperInvariant(command[0]) + command[1..],
            SendInputs = false,
        };

    /// <summary>A button for a command, titled with the task's name in the person's language ("Register", "S'inscrire").</summary>
    internal static SubmitAction TaskButton(string command, TextResources t) =>
        RunCommandButton(command, TaskTitle(command, t));

    /// <summary>The name of the task a command does, in the card's language; the command itself when it has none.</summary>
    public static string TaskTitle(string command, TextResources t) =>
        t.Find($"Task.{command}") is not null ? t[$"Task.{command}"] : char.ToUpperInvariant(command[0]) + command[1..];

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

/// <summary>Names the resource files of this folder (<c>HelpCardTexts.resx</c> and its translations).</summary>
public sealed class HelpCardTexts;
