using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Help;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Registration;

/// <summary>Where one registration stands, as the person reads it.</summary>
public enum RegistrationState { Confirmed, Waitlisted, Pending, Declined, Cancelled }

/// <summary>One event a person registered for.</summary>
/// <param name="When">The event's time in the person's zone and GMT+7, or "Date to be confirmed".</param>
/// <param name="WaitlistPosition">Their place in the waitlist (1 = next).</param>
public sealed record RegistrationLine(string EventId, string Title, string When, string Venue, RegistrationState State, int? WaitlistPosition);

/// <summary>The confirmation after registering, and the answer to <c>my registrations</c>.</summary>
/// <param name="Heading">"You're registered", "Your registrations", …</param>
/// <param name="Notice">What just happened, e.g. "Cancelled your registration for …".</param>
/// <param name="Person">The person's name, group and country (already plain text).</param>
public sealed record RegistrationSummaryModel(string Heading, string? Notice, string? Person, string TimeZoneNote, IReadOnlyList<RegistrationLine> Lines);

/// <summary>What a person is registered for, each event's time and status, with buttons to change or cancel.</summary>
public static class RegistrationSummaryCard
{
    public static AdaptiveCard Build(RegistrationSummaryModel model, CultureInfo culture)
    {
        var t = TextResources.For<RegistrationCardTexts>(culture);
        var body = new List<CardElement>
        {
            new TextBlock(model.Heading) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
        };
        if (model.Person is not null)
        {
            body.Add(new TextBlock(MarkdownText.Escape(model.Person)) { IsSubtle = true, Spacing = Spacing.None });
        }

        if (model.Notice is not null)
        {
            body.Add(new TextBlock(model.Notice) { Color = TextColor.Good, Weight = TextWeight.Bolder });
        }

        if (model.Lines.Count == 0)
        {
            body.Add(new TextBlock(t["Summary.None"]));
        }

        foreach (var line in model.Lines)
        {
            var items = new List<CardElement>
            {
                new TextBlock(MarkdownText.Escape(line.Title)) { Weight = TextWeight.Bolder },
                new TextBlock(StateText(line, t)) { Color = StateColor(line.State), Weight = TextWeight.Bolder, Spacing = Spacing.Small },
                new FactSet([new Fact(t["When"], line.When), new Fact(t["Where"], line.Venue)]) { Spacing = Spacing.Small },
            };
            if (line.State is RegistrationState.Confirmed or RegistrationState.Waitlisted or RegistrationState.Pending)
            {
                items.Add(new ActionSet([HelpCard.RunCommandButton($"cancel registration {line.EventId}", t["Summary.CancelThis"])]));
            }

            body.Add(new Container(items) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium });
        }

        body.Add(new TextBlock(model.TimeZoneNote) { IsSubtle = true, Size = TextSize.Small });
        body.Add(new TextBlock(t["Summary.Footer"])
        {
            IsSubtle = true,
            Size = TextSize.Small,
            Spacing = Spacing.None,
        });

        var actions = new List<CardAction> { HelpCard.RunCommandButton("register", model.Lines.Count == 0 ? t["Summary.Register"] : t["Summary.Change"]) };
        if (model.Lines.Count(l => l.State is RegistrationState.Confirmed or RegistrationState.Waitlisted or RegistrationState.Pending) > 1)
        {
            actions.Add(HelpCard.RunCommandButton($"cancel registration {RegistrationVerbs.AllEvents}", t["Summary.CancelAll"]));
        }

        return new AdaptiveCard(body) { Actions = actions, FallbackText = model.Heading, Lang = SupportedLanguages.TagOf(culture) };
    }

    public static string StateText(RegistrationLine line, TextResources t) => line.State switch
    {
        RegistrationState.Waitlisted when line.WaitlistPosition is { } position => t["State.WaitlistedAt", position],
        _ => t[$"State.{line.State}"],
    };

    private static TextColor StateColor(RegistrationState state) => state switch
    {
        RegistrationState.Confirmed => TextColor.Good,
        RegistrationState.Waitlisted or RegistrationState.Pending => TextColor.Warning,
        RegistrationState.Declined => TextColor.Attention,
        _ => TextColor.Default,
    };
}
