using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Help;

namespace GcmBot.Cards.Registration;

/// <summary>One category of a balance section: how many confirmed and waitlisted people fall in it.</summary>
public sealed record BalanceLine(string Label, int Confirmed, int Waitlisted);

/// <summary>A way of looking at the balance (stakeholder group, subregion, gender, theme, voices).</summary>
public sealed record BalanceSection(string Title, IReadOnlyList<BalanceLine> Lines);

/// <summary>The organisers' view of one event's registrations.</summary>
/// <param name="Statuses">Counts by status, in order ("Confirmed", 38), ("Waitlisted", 5), …</param>
public sealed record BalanceCardModel(
    string EventId,
    string Title,
    string When,
    string Places,
    IReadOnlyList<(string Label, int Count)> Statuses,
    int Confirmed,
    IReadOnlyList<BalanceSection> Sections,
    bool HasCandidates);

/// <summary>
/// <c>registrations &lt;event&gt;</c>: counts by status and the representation balance of the confirmed list (bars)
/// with the waitlist beside it, so that gaps (no trade unions, few Pacific voices) stand out at a glance.
/// </summary>
public static class BalanceCard
{
    public static AdaptiveCard Build(BalanceCardModel model)
    {
        var body = new List<CardElement>
        {
            new TextBlock("Registrations: " + model.Title) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock($"{model.When} · {model.Places}") { IsSubtle = true, Spacing = Spacing.None },
            new ColumnSet(model.Statuses.Select(s => new Column(
            [
                new TextBlock(s.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)) { Size = TextSize.Large, Weight = TextWeight.Bolder },
                new TextBlock(s.Label) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
            ])).ToList())
            {
                Spacing = Spacing.Medium,
            },
            new TextBlock("Bars show each share of the confirmed list; \"+n waitlisted\" counts the waitlist beside it.")
            {
                IsSubtle = true,
                Size = TextSize.Small,
            },
        };

        foreach (var section in model.Sections)
        {
            body.Add(new TextBlock(section.Title) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium });
            body.Add(new FactSet(section.Lines.Select(line => new Fact(line.Label, LineText(line, model.Confirmed))).ToList()) { Spacing = Spacing.Small });
        }

        var actions = new List<CardAction>();
        if (model.HasCandidates)
        {
            actions.Add(HelpCard.RunCommandButton($"approvals {model.EventId}", "Review waitlist and pending"));
        }

        actions.Add(HelpCard.RunCommandButton($"export registrations {model.EventId}", "Export CSV"));
        actions.Add(HelpCard.RunCommandButton($"event edit {model.EventId}", "Edit event"));
        return new AdaptiveCard(body) { Actions = actions, FallbackText = "Registrations: " + model.Title };
    }

    private static string LineText(BalanceLine line, int confirmedTotal)
    {
        var text = $"{TextBar.Of(line.Confirmed, confirmedTotal)} {line.Confirmed} ({TextBar.Percent(line.Confirmed, confirmedTotal)})";
        return line.Waitlisted > 0 ? $"{text} · +{line.Waitlisted} waitlisted" : text;
    }
}
