using GcmBot.Cards.AdaptiveCards;

namespace GcmBot.Cards.Scheduling;

public enum ConsultationNoticeKind { Invited, Moved, Cancelled }

/// <summary>What a registrant is told about a consultation; <see cref="When"/> is in their own zone (and GMT+7).</summary>
public sealed record ConsultationNoticeModel(
    ConsultationNoticeKind Kind,
    string Title,
    string ThemeLabel,
    IReadOnlyList<string> Objectives,
    string When,
    string? JoinUrl,
    string? ConceptNoteUrl,
    bool EmailInvitationSent);

/// <summary>The proactive message to an invited registrant: invited, moved, or cancelled.</summary>
public static class ConsultationNoticeCard
{
    public static AdaptiveCard Build(ConsultationNoticeModel model)
    {
        var heading = model.Kind switch
        {
            ConsultationNoticeKind.Invited => "You are invited to a consultation",
            ConsultationNoticeKind.Moved => "A consultation you are invited to has a new time",
            _ => "A consultation you were invited to is cancelled",
        };
        var body = new List<CardElement>
        {
            new TextBlock(heading) { Weight = TextWeight.Bolder, Color = model.Kind == ConsultationNoticeKind.Cancelled ? TextColor.Attention : TextColor.Default },
            new TextBlock(model.Title) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new FactSet([new Fact(model.Kind == ConsultationNoticeKind.Moved ? "New time" : "When", model.When), new Fact("Theme", model.ThemeLabel)]),
        };
        if (model.Kind != ConsultationNoticeKind.Cancelled)
        {
            if (model.Objectives.Count > 0)
            {
                body.Add(new TextBlock("GCM objectives discussed") { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
                body.Add(new TextBlock(string.Join("\n", model.Objectives.Select(o => "- " + o))) { Size = TextSize.Small, Spacing = Spacing.None });
            }

            body.Add(new TextBlock(model.JoinUrl is not null
                ? model.EmailInvitationSent ? "A calendar invitation was also sent to your email address." : "Join with the button below at the time of the consultation."
                : "The organisers will send the joining details.")
            {
                IsSubtle = true,
                Size = TextSize.Small,
                Separator = true,
            });
        }

        var actions = new List<CardAction>();
        if (model.JoinUrl is not null && model.Kind != ConsultationNoticeKind.Cancelled)
        {
            actions.Add(new OpenUrlAction(model.JoinUrl) { Title = "Join in Teams" });
        }

        if (model.ConceptNoteUrl is not null && model.Kind != ConsultationNoticeKind.Cancelled)
        {
            actions.Add(new OpenUrlAction(model.ConceptNoteUrl) { Title = "Concept note" });
        }

        return new AdaptiveCard(body) { Actions = actions, FallbackText = $"{heading}: {model.Title}, {model.When}." };
    }
}
