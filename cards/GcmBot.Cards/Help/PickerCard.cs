using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Help;

/// <summary>What a command needs chosen when it is typed or pressed without it.</summary>
public enum PickSubject { Event, Consultation }

/// <summary>One thing to choose: the value the command gets, its title and a detail (a date).</summary>
public sealed record PickerItem(string Value, string Title, string? Detail);

/// <summary>A choice for a command: <paramref name="Command"/> runs with the value chosen.</summary>
/// <param name="Summary">What the command does, in the person's language (its help line).</param>
public sealed record PickerCardModel(string Command, string Summary, PickSubject Subject, IReadOnlyList<PickerItem> Items);

/// <summary>
/// "Choose an event" (or consultation) for a command that needs one: a button per choice when there are few, else a
/// list and a Continue button. Either way the command then runs as if the person had typed it with the id.
/// </summary>
public static class PickerCard
{
    /// <summary>The list's input id; <c>command.run</c> adds its value to the command.</summary>
    public const string PickKey = "pick";

    /// <summary>Up to this many choices are buttons; more become a list.</summary>
    public const int MaxButtons = 6;

    public static AdaptiveCard Build(PickerCardModel model, CultureInfo culture)
    {
        var t = TextResources.For<HelpCardTexts>(culture);
        var body = new List<CardElement>
        {
            new TextBlock(model.Summary) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
        };
        var actions = new List<CardAction>();
        if (model.Items.Count == 0)
        {
            body.Add(new TextBlock(t[$"Pick.None.{model.Subject}"]));
        }
        else if (model.Items.Count <= MaxButtons)
        {
            body.Add(new TextBlock(t[$"Pick.Prompt.{model.Subject}"]) { Spacing = Spacing.Small });
            foreach (var item in model.Items)
            {
                var items = new List<CardElement>
                {
                    new ActionSet([HelpCard.RunCommandButton($"{model.Command} {item.Value}", Shorten(item.Title))]),
                };
                if (item.Detail is not null)
                {
                    items.Add(new TextBlock(item.Detail) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
                }

                body.Add(new Container(items) { Spacing = Spacing.Small });
            }
        }
        else
        {
            body.Add(new ChoiceSetInput(model.Items.Select(i => new Choice(i.Detail is null ? i.Title : $"{i.Title} · {i.Detail}", i.Value)).ToList())
            {
                Id = PickKey,
                Label = t[$"Pick.Prompt.{model.Subject}"],
                IsRequired = true,
                ErrorMessage = t[$"Pick.Required.{model.Subject}"],
                Placeholder = t[$"Pick.Placeholder.{model.Subject}"],
            });
            actions.Add(new SubmitAction(CardActionData.For(HelpCard.RunCommandVerb, (HelpCard.CommandKey, model.Command))) { Title = t["Pick.Continue"], Style = ActionStyle.Positive });
        }

        return new AdaptiveCard(body) { Actions = actions, FallbackText = model.Summary, Lang = SupportedLanguages.TagOf(culture) };
    }

    // Button titles stay on one line in Teams; the full title is in the detail or the list.
    private static string Shorten(string title) => title.Length <= 60 ? title : title[..59] + "…";
}
