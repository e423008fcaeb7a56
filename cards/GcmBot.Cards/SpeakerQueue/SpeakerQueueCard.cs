using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;

namespace GcmBot.Cards.SpeakerQueue;

/// <summary>The person who has the floor, as the card shows them.</summary>
/// <param name="RequestId">Sent back by the chair's "next" so that a stale card cannot advance the list twice.</param>
/// <param name="Timing">"Since 11:02 · until 11:05 (GMT+7)".</param>
/// <param name="TimeIsUp">The speaking-time limit has passed.</param>
public sealed record CurrentSpeakerLine(string RequestId, string Name, string? Organisation, string Kind, string? Topic, string Timing, bool TimeIsUp);

/// <summary>A waiting person at their place, with the reason they are there.</summary>
public sealed record WaitingLine(string RequestId, int Position, string Name, string Kind, string? Topic, string Why);

public enum NoteTone { Info, Good, Warning }

/// <summary>A line for the person who clicked only (the card an Action.Execute answers with).</summary>
public sealed record PersonalNote(string Text, NoteTone Tone = NoteTone.Info);

/// <summary>What only the chair sees: the people to pick for moves, and the settings with their current values.</summary>
public sealed record ChairPanel(
    IReadOnlyList<Choice> WaitingPicker,
    string PolicyCode,
    IReadOnlyList<Choice> PolicyChoices,
    string LimitCode,
    IReadOnlyList<Choice> LimitChoices);

/// <summary>Everything the speakers' list card shows, already in words.</summary>
public sealed record SpeakerQueueCardModel(
    string? MeetingTitle,
    bool IsOpen,
    string PolicyLabel,
    string LimitLabel,
    CurrentSpeakerLine? Current,
    IReadOnlyList<WaitingLine> Waiting,
    int WaitingCount)
{
    public PersonalNote? Note { get; init; }

    /// <summary>Set for the chair's view; null for the shared card everyone sees.</summary>
    public ChairPanel? Chair { get; init; }

    /// <summary>Teams user ids (chairs) for whom Teams refreshes the card into their own view (at most 60).</summary>
    public IReadOnlyList<string> RefreshUserIds { get; init; } = [];
}

/// <summary>
/// The speakers' list of a consultation: one shared card per chat, updated in place. Everyone sees the same card
/// (user-specific views work for at most 60 people in Teams); the chair's controls come as the answer to the
/// "Chair controls" button, shown to the person who pressed it only, and Teams keeps them for recent chairs through
/// the card's refresh.
/// </summary>
public static class SpeakerQueueCard
{
    public const string RequestVerb = "speakerQueue.request";
    public const string WithdrawVerb = "speakerQueue.withdraw";
    public const string MyPlaceVerb = "speakerQueue.mine";
    public const string ChairVerb = "speakerQueue.chair";
    public const string RefreshVerb = "speakerQueue.refresh";
    public const string ParticipantViewVerb = "speakerQueue.view";
    public const string NextVerb = "speakerQueue.next";
    public const string EndTurnVerb = "speakerQueue.endTurn";
    public const string OpenVerb = "speakerQueue.open";
    public const string CloseVerb = "speakerQueue.close";
    public const string ClearVerb = "speakerQueue.clear";
    public const string MoveUpVerb = "speakerQueue.moveUp";
    public const string MoveDownVerb = "speakerQueue.moveDown";
    public const string SkipVerb = "speakerQueue.skip";
    public const string RemoveVerb = "speakerQueue.remove";
    public const string SettingsVerb = "speakerQueue.settings";
    public const string ExportVerb = "speakerQueue.export";

    public const string KindKey = "kind";
    public const string TopicKey = "topic";
    public const string RequestKey = "request";
    public const string CurrentKey = "current";
    public const string PolicyKey = "policy";
    public const string LimitKey = "limit";

    /// <summary>The value of <see cref="CurrentKey"/> when nobody has the floor.</summary>
    public const string Nobody = "none";

    public const int MaxTopicLength = 200;

    /// <summary>The kinds of intervention a person can ask for, by code.</summary>
    public static IReadOnlyList<Choice> KindChoices { get; } =
    [
        new("Statement", "statement"),
        new("Question", "question"),
        new("Reply", "reply"),
        new("Point of order (goes to the top)", "point-of-order"),
    ];

    public static AdaptiveCard Build(SpeakerQueueCardModel model)
    {
        var body = new List<CardElement>
        {
            new TextBlock("Speakers' list") { Size = TextSize.Medium, Weight = TextWeight.Bolder },
        };
        if (!string.IsNullOrWhiteSpace(model.MeetingTitle))
        {
            body.Add(new TextBlock(MarkdownText.Escape(model.MeetingTitle)) { Spacing = Spacing.None, IsSubtle = true });
        }

        body.Add(new TextBlock($"{(model.IsOpen ? "Open for requests" : "Closed to new requests")} · {model.PolicyLabel} · {model.LimitLabel}")
        {
            Size = TextSize.Small,
            Color = model.IsOpen ? TextColor.Good : TextColor.Warning,
            Spacing = Spacing.Small,
        });

        if (model.Note is { } note)
        {
            body.Add(new Container([new TextBlock(MarkdownText.Escape(note.Text))])
            {
                Style = note.Tone switch { NoteTone.Good => ContainerStyle.Good, NoteTone.Warning => ContainerStyle.Warning, _ => ContainerStyle.Accent },
                Spacing = Spacing.Medium,
            });
        }

        body.Add(CurrentBlock(model.Current));
        body.AddRange(WaitingBlocks(model));

        if (model.Chair is { } chair)
        {
            body.AddRange(ChairBlocks(model, chair));
            return new AdaptiveCard(body)
            {
                Actions =
                [
                    Execute(ExportVerb, "Export interventions"),
                    Execute(ParticipantViewVerb, "Participant view"),
                ],
                FallbackText = FallbackText(model),
                Refresh = RefreshFor(model),
            };
        }

        var actions = new List<CardAction>();
        if (model.IsOpen)
        {
            actions.Add(new ShowCardAction(RequestForm()) { Title = "Request the floor" });
        }

        actions.Add(Execute(WithdrawVerb, "Withdraw my request"));
        actions.Add(Execute(MyPlaceVerb, "My place"));
        actions.Add(Execute(ChairVerb, "Chair controls"));
        return new AdaptiveCard(body) { Actions = actions, FallbackText = FallbackText(model), Refresh = RefreshFor(model) };
    }

    /// <summary>Replaces an older copy of the list when the card is posted again, so that only one copy is live.</summary>
    public static AdaptiveCard BuildMoved() => new(
    [
        new TextBlock("Speakers' list") { Weight = TextWeight.Bolder },
        new TextBlock("This list has moved to a newer message below.") { IsSubtle = true, Spacing = Spacing.None },
    ])
    {
        FallbackText = "The speakers' list has moved to a newer message.",
    };

    private static AdaptiveCard RequestForm() => new(
    [
        new ChoiceSetInput(KindChoices) { Id = KindKey, Label = "Kind of intervention", Value = "statement", IsRequired = true, ErrorMessage = "Choose a kind." },
        new TextInput
        {
            Id = TopicKey,
            Label = "Topic (optional)",
            Placeholder = "e.g. GCM objective 6: fair recruitment",
            MaxLength = MaxTopicLength,
        },
    ])
    {
        Actions = [new ExecuteAction(CardActionData.For(RequestVerb)) { Title = "Send request", Style = ActionStyle.Positive }],
    };

    private static Container CurrentBlock(CurrentSpeakerLine? current)
    {
        var items = new List<CardElement>
        {
            new TextBlock("Now speaking") { Size = TextSize.Small, Weight = TextWeight.Bolder, IsSubtle = true },
        };
        if (current is null)
        {
            items.Add(new TextBlock("Nobody has the floor.") { Spacing = Spacing.Small });
        }
        else
        {
            var name = MarkdownText.Escape(current.Name);
            var who = current.Organisation is null ? $"**{name}**" : $"**{name}** ({MarkdownText.Escape(current.Organisation)})";
            items.Add(new TextBlock($"{who} — {Describe(current.Kind, current.Topic)}") { Spacing = Spacing.Small });
            items.Add(new TextBlock(current.Timing) { Size = TextSize.Small, IsSubtle = true, Spacing = Spacing.None });
            if (current.TimeIsUp)
            {
                items.Add(new TextBlock("Time is up.") { Color = TextColor.Attention, Weight = TextWeight.Bolder, Spacing = Spacing.Small });
            }
        }

        return new Container(items) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium };
    }

    private static IEnumerable<CardElement> WaitingBlocks(SpeakerQueueCardModel model)
    {
        yield return new TextBlock($"Waiting ({model.WaitingCount})") { Weight = TextWeight.Bolder, Spacing = Spacing.Medium };
        if (model.WaitingCount == 0)
        {
            yield return new TextBlock(model.IsOpen ? "Nobody is waiting. Request the floor to be first." : "Nobody is waiting.")
            {
                IsSubtle = true,
                Spacing = Spacing.None,
            };
            yield break;
        }

        foreach (var line in model.Waiting)
        {
            yield return new ColumnSet(
            [
                new Column([new TextBlock($"{line.Position}.") { Weight = TextWeight.Bolder }]) { Width = ColumnWidth.Auto },
                new Column(
                [
                    new TextBlock($"{MarkdownText.Escape(line.Name)} — {Describe(line.Kind, line.Topic)}") { MaxLines = 2 },
                    new TextBlock(line.Why) { Size = TextSize.Small, IsSubtle = true, Spacing = Spacing.None },
                ]),
            ])
            {
                Spacing = Spacing.Small,
            };
        }

        var hidden = model.WaitingCount - model.Waiting.Count;
        if (hidden > 0)
        {
            yield return new TextBlock($"…and {hidden} more waiting. Press **My place** to see yours.") { IsSubtle = true, Spacing = Spacing.Small };
        }
    }

    private static IEnumerable<CardElement> ChairBlocks(SpeakerQueueCardModel model, ChairPanel chair)
    {
        var current = model.Current?.RequestId ?? Nobody;
        yield return new TextBlock("Chair controls") { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Large };
        var main = new List<CardAction>
        {
            new ExecuteAction(CardActionData.For(NextVerb, (CurrentKey, current)))
            {
                Title = "Next speaker",
                Style = ActionStyle.Positive,
                SendInputs = false,
            },
        };
        if (model.Current is not null)
        {
            main.Add(new ExecuteAction(CardActionData.For(EndTurnVerb, (CurrentKey, current))) { Title = "End turn", SendInputs = false });
        }

        main.Add(model.IsOpen
            ? Execute(CloseVerb, "Close the list")
            : Execute(OpenVerb, "Open the list"));
        if (model.WaitingCount > 0)
        {
            main.Add(new ShowCardAction(new AdaptiveCard(
            [
                new TextBlock($"Take all {model.WaitingCount} waiting request{(model.WaitingCount == 1 ? string.Empty : "s")} off the list?"),
            ])
            {
                Actions = [new ExecuteAction(CardActionData.For(ClearVerb)) { Title = "Yes, clear the list", Style = ActionStyle.Destructive, SendInputs = false }],
            })
            {
                Title = "Clear…",
            });
        }

        yield return new ActionSet(main);

        if (chair.WaitingPicker.Count > 0)
        {
            yield return new ChoiceSetInput(chair.WaitingPicker)
            {
                Id = RequestKey,
                Label = "Waiting person",
                Value = chair.WaitingPicker[0].Value,
                IsRequired = true,
                ErrorMessage = "Choose a person.",
                Spacing = Spacing.Medium,
            };
            yield return new ActionSet(
            [
                Execute(MoveUpVerb, "Move up"),
                Execute(MoveDownVerb, "Move down"),
                Execute(SkipVerb, "Skip (not here)"),
                new ExecuteAction(CardActionData.For(RemoveVerb)) { Title = "Remove", Style = ActionStyle.Destructive },
            ]);
        }

        yield return new ActionSet(
        [
            new ShowCardAction(new AdaptiveCard(
            [
                new ChoiceSetInput(chair.PolicyChoices)
                {
                    Id = PolicyKey, Label = "Who speaks next", Value = chair.PolicyCode, IsRequired = true, ErrorMessage = "Choose how the next speaker is chosen.",
                },
                new ChoiceSetInput(chair.LimitChoices)
                {
                    Id = LimitKey, Label = "Speaking-time limit", Value = chair.LimitCode, IsRequired = true, ErrorMessage = "Choose a limit.",
                },
            ])
            {
                Actions = [new ExecuteAction(CardActionData.For(SettingsVerb)) { Title = "Save settings", Style = ActionStyle.Positive }],
            })
            {
                Title = "Settings",
            },
        ])
        {
            Spacing = Spacing.Medium,
        };
    }

    private static ExecuteAction Execute(string verb, string title) => new(CardActionData.For(verb)) { Title = title };

    private static CardRefresh? RefreshFor(SpeakerQueueCardModel model) => model.RefreshUserIds.Count == 0
        ? null
        : new CardRefresh(new ExecuteAction(CardActionData.For(RefreshVerb)) { Title = "Refresh" }, model.RefreshUserIds);

    private static string Describe(string kind, string? topic) => string.IsNullOrEmpty(topic) ? kind : $"{kind}: {MarkdownText.Escape(topic)}";

    private static string FallbackText(SpeakerQueueCardModel model) => model.Current is null
        ? $"Speakers' list: {model.WaitingCount} waiting."
        : $"Speakers' list: {model.Current.Name} has the floor; {model.WaitingCount} waiting.";
}
