using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Help;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Registration;

/// <summary>One event of the catalogue as listed to people.</summary>
/// <param name="Registration">"Registration open", "Registration closed", …</param>
/// <param name="Places">"12 of 100 places left", "Full: new registrations join the waitlist", …</param>
public sealed record EventListItem(
    string Id,
    string Title,
    string Kind,
    string? Themes,
    string When,
    string Venue,
    string Registration,
    string Places,
    bool IsOpen);

/// <summary>A page of the catalogue; organisers also see their buttons.</summary>
public sealed record EventListModel(IReadOnlyList<EventListItem> Events, bool ForOrganiser, int Page, bool HasMore, string TimeZoneNote);

/// <summary>The answer to <c>events</c>: what one can register for, and when.</summary>
public static class EventListCard
{
    public const int PageSize = 6;

    public static AdaptiveCard Build(EventListModel model, CultureInfo culture)
    {
        var t = TextResources.For<RegistrationCardTexts>(culture);
        var body = new List<CardElement>
        {
            new TextBlock(t["Events.Title"]) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(model.TimeZoneNote) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
        };
        if (model.Events.Count == 0)
        {
            body.Add(new TextBlock(t["Events.None"]));
        }

        foreach (var e in model.Events)
        {
            var facts = new List<Fact> { new(t["When"], e.When), new(t["Where"], e.Venue) };
            if (e.Themes is not null)
            {
                facts.Add(new Fact(t["Events.Themes"], e.Themes));
            }

            facts.Add(new Fact(t["Events.Registration"], e.Registration));
            facts.Add(new Fact(t["Events.Places"], e.Places));

            var items = new List<CardElement>
            {
                new TextBlock(MarkdownText.Escape(e.Title)) { Weight = TextWeight.Bolder },
                new TextBlock(e.Kind) { IsSubtle = true, Spacing = Spacing.None },
                new FactSet(facts) { Spacing = Spacing.Small },
            };
            var buttons = new List<CardAction>();
            if (e.IsOpen)
            {
                buttons.Add(HelpCard.RunCommandButton($"register {e.Id}", t["Events.Register"]));
            }

            if (model.ForOrganiser)
            {
                buttons.Add(HelpCard.RunCommandButton($"registrations {e.Id}", t["Events.Registrations"]));
                buttons.Add(HelpCard.RunCommandButton($"event edit {e.Id}", t["Events.Edit"]));
            }

            if (buttons.Count > 0)
            {
                items.Add(new ActionSet(buttons));
            }

            body.Add(new Container(items) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium });
        }

        var actions = new List<CardAction>();
        if (model.HasMore)
        {
            actions.Add(HelpCard.RunCommandButton($"events {model.Page + 1}", t["Events.More"]));
        }

        if (model.ForOrganiser)
        {
            actions.Add(HelpCard.RunCommandButton("event add", t["Events.Add"]));
        }

        return new AdaptiveCard(body) { Actions = actions, FallbackText = t["Events.Title"], Lang = SupportedLanguages.TagOf(culture) };
    }
}
