using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Help;

/// <summary>One event at a glance: when, how many registered, how many places are left (null: no limit).</summary>
public sealed record HomeEvent(string EventId, string Title, string When, int Registered, int? PlacesLeft, int WaitingForDecision);

/// <summary>The tasks of one part of the work, each a command the button runs.</summary>
public sealed record HomeTaskGroup(HomeGroup Group, IReadOnlyList<string> Commands);

/// <summary>The parts of the work the home card groups its buttons by.</summary>
public enum HomeGroup { Participation, Events, Consultations, Submissions, Panels, SideEvents, Directory, Settings }

/// <summary>What waits for the organisers: registrations to decide, submissions to review, consultations not in Teams.</summary>
/// <param name="ApprovalsCommand">The command that opens the approvals (of the one event concerned, or the choice).</param>
public sealed record HomeWaiting(int Approvals, string ApprovalsCommand, int SubmissionsToReview, int ConsultationsNotInTeams);

/// <summary>
/// The home card: what <c>help</c> or a greeting shows in a personal chat. Organisers see the engagement at a glance
/// (each event, what waits for them) and a button for every task; participants see their few tasks. Every command,
/// with its syntax, is one press away ("All commands").
/// </summary>
/// <param name="Greeting">A line answering what the person said ("Hello!", "You're welcome."), or null.</param>
/// <param name="Events">Organisers only: the events of the catalogue.</param>
/// <param name="Waiting">Organisers only.</param>
/// <param name="LastTask">A task kept apart, at the end (participants' "Forget me").</param>
public sealed record HomeCardModel(
    bool ForOrganiser,
    string? Greeting,
    IReadOnlyList<HomeEvent> Events,
    HomeWaiting? Waiting,
    IReadOnlyList<HomeTaskGroup> Tasks,
    string? LastTask,
    HelpCardModel AllCommands);

public static class HomeCard
{
    private const int MaxActionsPerSet = 5;

    public const string AllCommandsId = "allCommands";

    /// <summary>Events shown at a glance; the rest are one press away (<c>events</c>).</summary>
    public const int MaxEvents = 6;

    public static AdaptiveCard Build(HomeCardModel model, CultureInfo culture)
    {
        var t = TextResources.For<HelpCardTexts>(culture);
        var body = new List<CardElement>();
        if (model.Greeting is not null)
        {
            body.Add(new TextBlock(model.Greeting) { Weight = TextWeight.Bolder });
        }

        body.Add(new TextBlock(model.ForOrganiser ? t["Home.OrganiserTitle"] : t["Home.ParticipantTitle"])
        {
            Size = TextSize.Medium,
            Weight = TextWeight.Bolder,
            Spacing = model.Greeting is null ? null : Spacing.Small,
        });
        body.Add(new TextBlock(model.ForOrganiser ? t["Home.OrganiserIntro"] : t["Home.ParticipantIntro"]) { IsSubtle = true, Spacing = Spacing.None });

        if (model.ForOrganiser)
        {
            AddWaiting(body, model.Waiting, t);
            AddEvents(body, model.Events, t);
        }

        foreach (var group in model.Tasks.Where(g => g.Commands.Count > 0))
        {
            body.Add(new TextBlock(t[$"Group.{group.Group}"]) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium });
            // Adaptive Cards allow at most five actions in a set (Teams and the official renderer alike): a row of five each.
            foreach (var row in group.Commands.Chunk(MaxActionsPerSet))
            {
                body.Add(new ActionSet(row.Select(c => (CardAction)HelpCard.TaskButton(c, t)).ToList()) { Spacing = Spacing.Small });
            }
        }

        // Every command with its syntax, for those who like to type; hidden until asked for.
        body.Add(new Container([.. HelpCard.CommandList(model.AllCommands, t)]) { Id = AllCommandsId, IsVisible = false, Separator = true });

        var actions = new List<CardAction> { new ToggleVisibilityAction([AllCommandsId]) { Title = t["Home.AllCommands"] } };
        if (model.LastTask is not null)
        {
            actions.Add(HelpCard.TaskButton(model.LastTask, t));
        }

        return new AdaptiveCard(body) { Actions = actions, FallbackText = t["Fallback"], Lang = SupportedLanguages.TagOf(culture) };
    }

    private static void AddWaiting(List<CardElement> body, HomeWaiting? waiting, TextResources t)
    {
        if (waiting is null)
        {
            return;
        }

        body.Add(new TextBlock(t["Home.Waiting"]) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium });
        var buttons = new List<CardAction>();
        if (waiting.Approvals > 0)
        {
            buttons.Add(HelpCard.RunCommandButton(waiting.ApprovalsCommand, t["Home.Approvals", waiting.Approvals]));
        }

        if (waiting.SubmissionsToReview > 0)
        {
            buttons.Add(HelpCard.RunCommandButton("review submissions", t["Home.Submissions", waiting.SubmissionsToReview]));
        }

        if (waiting.ConsultationsNotInTeams > 0)
        {
            buttons.Add(HelpCard.RunCommandButton("consultations", t["Home.NotInTeams", waiting.ConsultationsNotInTeams]));
        }

        if (buttons.Count == 0)
        {
            body.Add(new TextBlock(t["Home.NothingWaits"]) { Spacing = Spacing.Small });
        }
        else
        {
            foreach (var row in buttons.Chunk(MaxActionsPerSet))
            {
                body.Add(new ActionSet(row) { Spacing = Spacing.Small });
            }
        }
    }

    private static void AddEvents(List<CardElement> body, IReadOnlyList<HomeEvent> events, TextResources t)
    {
        body.Add(new TextBlock(t["Home.Events"]) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium });
        if (events.Count == 0)
        {
            body.Add(new TextBlock(t["Home.NoEvents"]) { Spacing = Spacing.Small });
            return;
        }

        foreach (var e in events.Take(MaxEvents))
        {
            var figures = new List<string> { t["Home.Registered", e.Registered] };
            figures.Add(e.PlacesLeft is { } left ? t["Home.PlacesLeft", left] : t["Home.NoLimit"]);
            if (e.WaitingForDecision > 0)
            {
                figures.Add(t["Home.EventWaiting", e.WaitingForDecision]);
            }

            body.Add(new Container(
            [
                new TextBlock(MarkdownText.Escape(e.Title)) { Weight = TextWeight.Bolder },
                new TextBlock(e.When) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
                new TextBlock(string.Join(" · ", figures)) { Spacing = Spacing.None },
            ])
            {
                Spacing = Spacing.Small,
                SelectAction = HelpCard.RunCommandButton($"registrations {e.EventId}", t["Home.OpenEvent", e.Title]),
            });
        }

        if (events.Count > MaxEvents)
        {
            body.Add(new TextBlock(t["Home.MoreEvents", events.Count - MaxEvents]) { IsSubtle = true, Size = TextSize.Small });
        }
    }
}
