using GcmBot.Cards.AdaptiveCards;

namespace GcmBot.Cards.Scheduling;

/// <summary>One consultation in the organisers' list.</summary>
public sealed record ConsultationListItem(int Number, string Title, string ThemeCode, string When, string Status, bool NeedsAttention);

/// <summary>Current consultations (at most a page of them; <see cref="More"/> counts the rest).</summary>
public sealed record ConsultationListModel(IReadOnlyList<ConsultationListItem> Items, int More);

/// <summary>The answer to <c>consultations</c>: what is scheduled, and what still needs attention in Teams.</summary>
public static class ConsultationListCard
{
    public const int PageSize = 10;

    public static AdaptiveCard Build(ConsultationListModel model)
    {
        var body = new List<CardElement> { new TextBlock("Consultations") { Size = TextSize.Medium, Weight = TextWeight.Bolder } };
        if (model.Items.Count == 0)
        {
            body.Add(new TextBlock("None scheduled yet."));
        }

        foreach (var item in model.Items.Take(PageSize))
        {
            body.Add(new Container(
            [
                new TextBlock($"{item.Number}. {item.Title}") { Weight = TextWeight.Bolder },
                new TextBlock($"Theme {item.ThemeCode} · {item.When}") { Size = TextSize.Small, Spacing = Spacing.None },
                new TextBlock(item.Status) { Size = TextSize.Small, Spacing = Spacing.None, Color = item.NeedsAttention ? TextColor.Attention : TextColor.Default },
            ])
            {
                Separator = true,
                SelectAction = new ExecuteAction(ConsultationCard.ConsultationData(SchedulingVerbs.Show, item.Number)) { Title = "Open" },
            });
        }

        if (model.More > 0)
        {
            body.Add(new TextBlock($"… and {model.More} more.") { IsSubtle = true });
        }

        body.Add(new TextBlock("Select a consultation to reschedule, cancel or retry it.") { IsSubtle = true, Size = TextSize.Small, Separator = true });
        return new AdaptiveCard(body)
        {
            Actions = [new ExecuteAction(CardActionData.For(SchedulingVerbs.Form)) { Title = "Schedule a consultation" }],
            FallbackText = "Consultations: type consultations to see them.",
        };
    }
}
