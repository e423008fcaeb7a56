using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Help;

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

/// <summary>A page of the catalogue; organisers also see each event's id and their buttons.</summary>
public sealed record EventListModel(IReadOnlyList<EventListItem> Events, bool ForOrganiser, int Page, bool HasMore, string TimeZoneNote);

/// <summary>The answer to <c>events</c>: what one can register for, and when.</summary>
public static class EventListCard
{
    public const int PageSize = 6;

    public static AdaptiveCard Build(EventListModel model)
    {
        var body = new List<CardElement>
        {
            new TextBlock("Events of the regional review engagement") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(model.TimeZoneNote) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
        };
        if (model.Events.Count == 0)
        {
            body.Add(new TextBlock("There are no events in the catalogue yet."));
        }

        foreach (var e in model.Events)
        {
            var facts = new List<Fact> { new("When", e.When), new("Where", e.Venue) };
            if (e.Themes is not null)
            {
                facts.Add(new Fact("Themes", e.Themes));
            }

            facts.Add(new Fact("Registration", e.Registration));
            facts.Add(new Fact("Places", e.Places));
            if (model.ForOrganiser)
            {
                facts.Add(new Fact("Id", e.Id));
            }

            var items = new List<CardElement>
            {
                new TextBlock(e.Title) { Weight = TextWeight.Bolder },
                new TextBlock(e.Kind) { IsSubtle = true, Spacing = Spacing.None },
                new FactSet(facts) { Spacing = Spacing.Small },
            };
            var buttons = new List<CardAction>();
            if (e.IsOpen)
            {
                buttons.Add(HelpCard.RunCommandButton($"register {e.Id}", "Register"));
            }

            if (model.ForOrganiser)
            {
                buttons.Add(HelpCard.RunCommandButton($"registrations {e.Id}", "Registrations"));
                buttons.Add(HelpCard.RunCommandButton($"event edit {e.Id}", "Edit"));
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
            actions.Add(HelpCard.RunCommandButton($"events {model.Page + 1}", "More events"));
        }

        if (model.ForOrganiser)
        {
            actions.Add(HelpCard.RunCommandButton("event add", "Add an event"));
        }

        return new AdaptiveCard(body) { Actions = actions, FallbackText = "The events of the regional review engagement." };
    }
}
