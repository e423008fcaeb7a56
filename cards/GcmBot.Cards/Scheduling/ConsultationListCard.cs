using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Scheduling;

/// <summary>Where a consultation stands, as the list says it.</summary>
public enum ConsultationListStatus
{
    /// <summary>Cancelled, but cancelling its Teams meeting failed.</summary>
    CancelledNotInTeams,
    Cancelled,

    /// <summary>Scheduled without a Teams meeting: Teams meetings are not set up.</summary>
    Offline,
    Pending,
    Failed,
    InTeams,
}

/// <summary>One consultation in the organisers' list.</summary>
public sealed record ConsultationListItem(int Number, string Title, string ThemeCode, string When, ConsultationListStatus Status)
{
    public bool NeedsAttention => Status is ConsultationListStatus.Failed or ConsultationListStatus.CancelledNotInTeams;
}

/// <summary>Current consultations (at most a page of them; <see cref="More"/> counts the rest).</summary>
public sealed record ConsultationListModel(IReadOnlyList<ConsultationListItem> Items, int More);

/// <summary>The answer to <c>consultations</c>: what is scheduled, and what still needs attention in Teams.</summary>
public static class ConsultationListCard
{
    public const int PageSize = 10;

    public static AdaptiveCard Build(ConsultationListModel model, CultureInfo culture)
    {
        var t = TextResources.For<SchedulingCardTexts>(culture);
        var body = new List<CardElement> { new TextBlock(t["List.Title"]) { Size = TextSize.Medium, Weight = TextWeight.Bolder } };
        if (model.Items.Count == 0)
        {
            body.Add(new TextBlock(t["List.None"]));
        }

        foreach (var item in model.Items.Take(PageSize))
        {
            body.Add(new Container(
            [
                new TextBlock($"{item.Number}. {item.Title}") { Weight = TextWeight.Bolder },
                new TextBlock(t["List.Theme", item.ThemeCode, item.When]) { Size = TextSize.Small, Spacing = Spacing.None },
                new TextBlock(t[$"Status.{item.Status}"]) { Size = TextSize.Small, Spacing = Spacing.None, Color = item.NeedsAttention ? TextColor.Attention : TextColor.Default },
                // A visible button: a clickable container shows nothing that says it can be pressed.
                new ActionSet([new ExecuteAction(ConsultationCard.ConsultationData(SchedulingVerbs.Show, item.Number)) { Title = t["List.Open", item.Number] }]),
            ])
            {
                Separator = true,
            });
        }

        if (model.More > 0)
        {
            body.Add(new TextBlock(t["List.More", model.More]) { IsSubtle = true });
        }

        body.Add(new TextBlock(t["List.Hint"]) { IsSubtle = true, Size = TextSize.Small, Separator = true });
        return new AdaptiveCard(body)
        {
            Actions = [new ExecuteAction(CardActionData.For(SchedulingVerbs.Form)) { Title = t["List.Schedule"] }],
            FallbackText = t["List.Fallback"],
            Lang = SupportedLanguages.TagOf(culture),
        };
    }
}
