using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Help;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Registration;

/// <summary>One category of a balance section: how many confirmed and waitlisted people fall in it.</summary>
/// <param name="UnderRepresented">Below half an equal share of the confirmed list among the dimension's categories.</param>
public sealed record BalanceLine(string Label, int Confirmed, int Waitlisted, bool UnderRepresented = false);

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
/// <c>registrations &lt;event&gt;</c>: counts by status, then for each dimension the categories that have someone, in words
/// a screen reader reads well ("3 of 12, 25%"), and in one sentence those under-represented against the goal (an equal
/// share) that have nobody yet. The empty categories that are not flagged are one press away ("Show all categories").
/// </summary>
public static class BalanceCard
{
    public const string AllCategoriesPrefix = "allCategories";

    public static AdaptiveCard Build(BalanceCardModel model, CultureInfo culture)
    {
        var t = TextResources.For<RegistrationCardTexts>(culture);
        var body = new List<CardElement>
        {
            new TextBlock(t["Balance.Title", model.Title]) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock($"{model.When} · {model.Places}") { IsSubtle = true, Spacing = Spacing.None },
            new FactSet(model.Statuses.Select(s => new Fact(s.Label, s.Count.ToString("N0", culture))).ToList()) { Spacing = Spacing.Medium },
            new TextBlock(t["Balance.Explain"]) { IsSubtle = true, Size = TextSize.Small },
        };

        var hidden = new List<string>();
        for (var i = 0; i < model.Sections.Count; i++)
        {
            var section = model.Sections[i];
            body.Add(new TextBlock(section.Title) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium });
            var shown = section.Lines.Where(l => l.Confirmed + l.Waitlisted > 0).ToList();
            // Flagged categories with nobody in them read as one sentence, not a row of zeros each.
            var missing = section.Lines.Where(l => l.Confirmed + l.Waitlisted == 0 && l.UnderRepresented).ToList();
            var rest = section.Lines.Except(shown).Except(missing).ToList();
            if (shown.Count == 0 && missing.Count == 0)
            {
                body.Add(new TextBlock(t["Balance.NobodyYet"]) { IsSubtle = true, Spacing = Spacing.Small });
            }

            if (shown.Count > 0)
            {
                body.Add(new FactSet(shown.Select(line => new Fact(line.Label, LineText(line, model.Confirmed, t))).ToList()) { Spacing = Spacing.Small });
            }

            if (missing.Count > 0)
            {
                body.Add(new TextBlock(t["Balance.Missing", string.Join(t["Balance.ListSeparator"], missing.Select(l => l.Label))])
                {
                    Spacing = Spacing.Small,
                    Color = TextColor.Attention,
                });
            }

            if (rest.Count > 0)
            {
                var id = $"{AllCategoriesPrefix}{i}";
                hidden.Add(id);
                body.Add(new FactSet(rest.Select(line => new Fact(line.Label, LineText(line, model.Confirmed, t))).ToList())
                {
                    Id = id,
                    IsVisible = false,
                    Spacing = Spacing.None,
                });
            }
        }

        var actions = new List<CardAction>();
        if (model.HasCandidates)
        {
            actions.Add(HelpCard.RunCommandButton($"approvals {model.EventId}", t["Balance.Review"]));
        }

        if (hidden.Count > 0)
        {
            actions.Add(new ToggleVisibilityAction(hidden) { Title = t["Balance.ShowAll"] });
        }

        actions.Add(HelpCard.RunCommandButton($"export registrations {model.EventId}", t["Balance.Export"]));
        actions.Add(HelpCard.RunCommandButton($"event edit {model.EventId}", t["Balance.Edit"]));
        return new AdaptiveCard(body) { Actions = actions, FallbackText = t["Balance.Title", model.Title], Lang = SupportedLanguages.TagOf(culture) };
    }

    /// <summary>"3 of 12, 25% · 2 waitlisted · under-represented": words and numbers, no bars.</summary>
    public static string LineText(BalanceLine line, int confirmedTotal, TextResources t)
    {
        var percent = confirmedTotal <= 0 ? 0 : (int)Math.Round(100.0 * line.Confirmed / confirmedTotal, MidpointRounding.AwayFromZero);
        var parts = new List<string> { t["Balance.Line", line.Confirmed, confirmedTotal, percent] };
        if (line.Waitlisted > 0)
        {
            parts.Add(t["Balance.Waitlisted", line.Waitlisted]);
        }

        if (line.UnderRepresented)
        {
            parts.Add(t["Balance.Under"]);
        }

        return string.Join(" · ", parts);
    }
}
