using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Words;

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
    bool EmailInvitationSent,
    int? ConsultationId = null);

/// <summary>The proactive message to an invited registrant: invited, moved, or cancelled.</summary>
public static class ConsultationNoticeCard
{
    /// <summary>The card in the recipient's language (<paramref name="culture"/>).</summary>
    public static AdaptiveCard Build(ConsultationNoticeModel model, CultureInfo culture)
    {
        var t = TextResources.For<SchedulingCardTexts>(culture);
        var heading = t[$"Notice.{model.Kind}"];
        var body = new List<CardElement>
        {
            new TextBlock(heading) { Weight = TextWeight.Bolder, Color = model.Kind == ConsultationNoticeKind.Cancelled ? TextColor.Attention : TextColor.Default },
            new TextBlock(model.Title) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new FactSet([new Fact(model.Kind == ConsultationNoticeKind.Moved ? t["Notice.NewTime"] : t["Notice.When"], model.When), new Fact(t["Notice.Theme"], model.ThemeLabel)]),
        };
        if (model.Kind != ConsultationNoticeKind.Cancelled)
        {
            if (model.Objectives.Count > 0)
            {
                body.Add(new TextBlock(t["Notice.Objectives"]) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
                body.Add(new TextBlock(string.Join("\n", model.Objectives.Select(o => "- " + o))) { Size = TextSize.Small, Spacing = Spacing.None });
            }

            body.Add(new TextBlock(model.JoinUrl is not null
                ? model.EmailInvitationSent ? t["Notice.EmailSent"] : t["Notice.JoinBelow"]
                : t["Notice.DetailsLater"])
            {
                IsSubtle = true,
                Size = TextSize.Small,
                Separator = true,
            });
        }

        var actions = new List<CardAction>();
        if (model.JoinUrl is not null && model.Kind != ConsultationNoticeKind.Cancelled)
        {
            actions.Add(new OpenUrlAction(model.JoinUrl) { Title = t["Button.Join"] });
        }

        if (model.ConsultationId is { } id && model.Kind != ConsultationNoticeKind.Cancelled)
        {
            // The concept note built from the template (the organisers' own document is among its resources), in the
            // reader's language, as a card in this chat.
            actions.Add(new SubmitAction(CardActionData.For(ConceptNotes.ConceptNoteVerbs.Show, (ConceptNotes.ConceptNoteVerbs.Consultation, id.ToString(CultureInfo.InvariantCulture))))
            {
                Title = t["Button.ConceptNote"],
                SendInputs = false,
            });
        }
        else if (model.ConceptNoteUrl is not null && model.Kind != ConsultationNoticeKind.Cancelled)
        {
            actions.Add(new OpenUrlAction(model.ConceptNoteUrl) { Title = t["Button.ConceptNote"] });
        }

        return new AdaptiveCard(body) { Actions = actions, FallbackText = t["Notice.Fallback", heading, model.Title, model.When], Lang = SupportedLanguages.TagOf(culture) };
    }
}
