using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Help;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Registration;

/// <summary>How confirming a candidate would change one category's share of the confirmed list.</summary>
/// <param name="UnderRepresented">The category is below half an equal share now: confirming favours it.</param>
public sealed record ShiftLine(string Label, int Before, int After, double ShareBefore, double ShareAfter, bool UnderRepresented);

/// <summary>A pending or waitlisted registration, with who the person is and what confirming them would change.</summary>
/// <param name="ShownStatus">The status code the card was built with; a decision applies only if it still holds.</param>
/// <param name="Name">As the person typed it (escaped by the card).</param>
/// <param name="Details">Organisation, group, country (subregion), gender (escaped by the card).</param>
/// <param name="Flags">Migrant voice, wish to speak, panellist, themes (plain text).</param>
public sealed record CandidateItem(
    long RegistrationId,
    string StatusLabel,
    string ShownStatus,
    string Name,
    string Details,
    string? Flags,
    IReadOnlyList<ShiftLine> Shifts);

/// <summary>One page of the candidates of an event.</summary>
/// <param name="Notice">What the last decision did, e.g. "Confirmed. The person has been told."</param>
public sealed record ApprovalsCardModel(
    string EventId,
    string Title,
    string Places,
    bool IsFull,
    string? Notice,
    IReadOnlyList<CandidateItem> Candidates,
    int Page,
    int PageSize,
    int Total);

/// <summary>
/// <c>approvals &lt;event&gt;</c>: pending registrations and the waitlist, each with how confirming that person would
/// change the balance, so that organisers can favour under-represented voices deliberately.
/// </summary>
public static class ApprovalsCard
{
    public const int PageSize = 5;

    public static AdaptiveCard Build(ApprovalsCardModel model, CultureInfo culture)
    {
        var t = TextResources.For<RegistrationCardTexts>(culture);
        var body = new List<CardElement>
        {
            new TextBlock(t["Approvals.Title", model.Title]) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(model.Places) { IsSubtle = true, Spacing = Spacing.None },
        };
        if (model.Notice is not null)
        {
            body.Add(new TextBlock(MarkdownText.Escape(model.Notice)) { Color = TextColor.Good, Weight = TextWeight.Bolder });
        }

        if (model.IsFull && model.Candidates.Count > 0)
        {
            body.Add(new TextBlock(t["Approvals.Full"]) { Color = TextColor.Warning });
        }

        if (model.Total == 0)
        {
            body.Add(new TextBlock(t["Approvals.Nobody"]));
        }
        else
        {
            var first = (model.Page - 1) * model.PageSize + 1;
            body.Add(new TextBlock(t["Approvals.Showing", first, first + model.Candidates.Count - 1, model.Total])
            {
                IsSubtle = true,
                Size = TextSize.Small,
            });
        }

        foreach (var candidate in model.Candidates)
        {
            var items = new List<CardElement>
            {
                new TextBlock($"{MarkdownText.Escape(candidate.Name)} · {candidate.StatusLabel}") { Weight = TextWeight.Bolder },
                new TextBlock(MarkdownText.Escape(candidate.Details)) { Spacing = Spacing.None },
            };
            if (candidate.Flags is not null)
            {
                items.Add(new TextBlock(candidate.Flags) { IsSubtle = true, Spacing = Spacing.None, Size = TextSize.Small });
            }

            var favoured = candidate.Shifts.Where(s => s.UnderRepresented).Select(s => s.Label).ToList();
            if (favoured.Count > 0)
            {
                items.Add(new TextBlock(t["Approvals.Favours", string.Join(", ", favoured)]) { Color = TextColor.Good, Size = TextSize.Small });
            }

            if (candidate.Shifts.Count > 0)
            {
                items.Add(new FactSet(candidate.Shifts.Select(s => new Fact(s.UnderRepresented ? t["Approvals.UnderLabel", s.Label] : s.Label, ShiftText(s, t))).ToList())
                {
                    Spacing = Spacing.Small,
                });
            }

            items.Add(new ActionSet(
            [
                Decision(model, candidate, RegistrationVerbs.Approve, t["Approvals.Confirm"], ActionStyle.Positive),
                Decision(model, candidate, RegistrationVerbs.Decline, t["Approvals.Decline"], ActionStyle.Default),
            ]));
            body.Add(new Container(items) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium });
        }

        var actions = new List<CardAction>();
        if (model.Page > 1)
        {
            actions.Add(HelpCard.RunCommandButton($"approvals {model.EventId} {model.Page - 1}", t["Approvals.Previous"]));
        }

        if (model.Page * model.PageSize < model.Total)
        {
            actions.Add(HelpCard.RunCommandButton($"approvals {model.EventId} {model.Page + 1}", t["Approvals.Next"]));
        }

        actions.Add(HelpCard.RunCommandButton($"registrations {model.EventId}", t["Approvals.Balance"]));
        return new AdaptiveCard(body) { Actions = actions, FallbackText = t["Approvals.Title", model.Title], Lang = SupportedLanguages.TagOf(culture) };
    }

    // "3 → 4 (25% → 31%)"; the words say it for screen readers: "from 3 of 12 (25%) to 4 of 13 (31%)".
    private static string ShiftText(ShiftLine s, TextResources t) =>
        t["Approvals.Shift", s.Before, s.After, Percent(s.ShareBefore), Percent(s.ShareAfter)];

    private static int Percent(double share) => (int)Math.Round(100 * share, MidpointRounding.AwayFromZero);

    private static SubmitAction Decision(ApprovalsCardModel model, CandidateItem candidate, string decision, string title, ActionStyle style) =>
        new(CardActionData.For(
            RegistrationVerbs.Decide,
            (RegistrationVerbs.RegistrationKey, candidate.RegistrationId.ToString(CultureInfo.InvariantCulture)),
            (RegistrationVerbs.DecisionKey, decision),
            (RegistrationVerbs.ShownStatusKey, candidate.ShownStatus),
            (RegistrationVerbs.EventKey, model.EventId),
            (RegistrationVerbs.PageKey, model.Page.ToString(CultureInfo.InvariantCulture))))
        {
            Title = title,
            Style = style,
            SendInputs = false,
        };
}
