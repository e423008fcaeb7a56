namespace GcmBot.Bot.Teams.Routing;

/// <summary>A command found at the start of a message, with the text that followed it.</summary>
public sealed record CommandMatch(CommandRoute Route, string Arguments);

/// <summary>
/// Every command and card verb the bot answers, built once at start-up from what the capabilities registered.
/// Two capabilities claiming the same command or verb is a programming error, refused at start-up.
/// </summary>
public sealed class RouteTable
{
    private readonly Dictionary<string, CardActionRoute> _actions;

    public RouteTable(IEnumerable<CommandRoute> commands, IEnumerable<CardActionRoute> actions)
    {
        Commands = commands.ToList();
        var duplicateCommand = Commands
            .GroupBy(c => string.Join(' ', c.WordList).ToLowerInvariant())
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicateCommand is not null)
        {
            throw new InvalidOperationException($"The command '{duplicateCommand.Key}' is registered more than once.");
        }

        _actions = new Dictionary<string, CardActionRoute>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            if (!_actions.TryAdd(action.Verb, action))
            {
                throw new InvalidOperationException($"The card verb '{action.Verb}' is registered more than once.");
            }
        }
    }

    public IReadOnlyList<CommandRoute> Commands { get; }

    public IReadOnlyCollection<CardActionRoute> CardActions => _actions.Values;

    /// <summary>The command whose words start the text (longest first), or null.</summary>
    public CommandMatch? MatchCommand(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        CommandMatch? best = null;
        foreach (var route in Commands)
        {
            if (route.WordList.Length > words.Length || (best is not null && route.WordList.Length <= best.Route.WordList.Length))
            {
                continue;
            }

            var matches = route.WordList.Select((w, i) => string.Equals(w, words[i], StringComparison.OrdinalIgnoreCase)).All(m => m);
            if (matches)
            {
                best = new CommandMatch(route, string.Join(' ', words.Skip(route.WordList.Length)));
            }
        }

        return best;
    }

    public CardActionRoute? FindCardAction(string verb) => _actions.GetValueOrDefault(verb);

    /// <summary>The command a mistyped text most likely meant, when one is close enough to suggest.</summary>
    public CommandRoute? Closest(string text, ConversationScopes scope)
    {
        var words = text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }

        return Commands
            .Where(c => (c.Scopes & scope) != 0)
            .Select(c => (Route: c, Distance: EditDistance(string.Join(' ', words.Take(c.WordList.Length)), c.Words.ToLowerInvariant())))
            .Where(x => x.Distance <= Math.Max(1, x.Route.Words.Length / 4))
            .OrderBy(x => x.Distance)
            .Select(x => x.Route)
            .FirstOrDefault();
    }

    private static int EditDistance(string a, string b)
    {
        // Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var beforePrevious = previous;
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    // Swapped neighbours ("hlep") count as one typo.
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
            }

            beforePrevious = previous;
            previous = current;
        }

        return previous[b.Length];
    }
}
