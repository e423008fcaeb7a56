using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.SpeakerQueue;

/// <summary>The person who has the floor, as the card shows them.</summary>
/// <param name="RequestId">Sent back by the chair's "next" so that a stale card cannot advance the list twice.</param>
/// <param name="Timing">"Since 11:02 · until 11:05 (GMT+7)".</param>
/// <param name="TimeIsUp">The speaking-time limit has passed.</param>
public sealed record CurrentSpeakerLine(string RequestId, string Name, string? Organisation, string Kind, string? Topic, string Timing, bool TimeIsUp);

/// <summary>A waiting person at their place, with the reason they are there.</summary>
/// <param name="InRoom">In the room of a hybrid consultation (added by the chair), not online.</param>
public sealed record WaitingLine(string RequestId, int Position, string Name, string Kind, string? Topic, string Why, bool InRoom = false);

/// <summary>
/// The stakeholder groups, subregions and genders to choose from (codes and labels in the card's language), for a
/// participant who did not register and for the chair adding a person in the room.
/// </summary>
public sealed record CategoryChoices(IReadOnlyList<Choice> Groups, IReadOnlyList<Choice> Subregions, IReadOnlyList<Choice> Genders);

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

    /// <summary>
    /// The choices offered (optionally) in the request form to someone who did not register, and to the chair for a
    /// person in the room; none: the form does not ask.
    /// </summary>
    public CategoryChoices? Categories { get; init; }
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
    public const string AddInRoomVerb = "speakerQueue.addInRoom";

    public const string KindKey = "kind";
    public const string TopicKey = "topic";
    public const string RequestKey = "request";
    public const string CurrentKey = "current";
    public const string PolicyKey = "policy";
    public const string LimitKey = "limit";
    public const string GroupKey = "group";
    public const string SubregionKey = "subregion";
    public const string GenderKey = "gender";
    public const string NameKey = "name";
    public const string OrganisationKey = "organisation";

    /// <summary>The value of <see cref="CurrentKey"/> when nobody has the floor.</summary>
    public const string Nobody = "none";

    public const int MaxTopicLength = 200;
    public const int MaxNameLength = 120;

    /// <summary>The codes of the kinds of intervention a person can ask for.</summary>
    public static IReadOnlyList<string> KindCodes { get; } = ["statement", "question", "reply", "point-of-order"];

    /// <summary>The kinds of intervention a person can ask for, in the card's language.</summary>
    public static IReadOnlyList<Choice> KindChoices(CultureInfo culture)
    {
        var t = TextResources.For<SpeakerQueueCardTexts>(culture);
        return KindCodes.Select(code => new Choice(t[$"KindChoice.{code}"], code)).ToList();
    }

    public static AdaptiveCard Build(SpeakerQueueCardModel model, CultureInfo culture)
    {
        var t = TextResources.For<SpeakerQueueCardTexts>(culture);
        var body = new List<CardElement>
        {
            new TextBlock(t["Title"]) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
        };
        if (!string.IsNullOrWhiteSpace(model.MeetingTitle))
        {
            body.Add(new TextBlock(MarkdownText.Escape(model.MeetingTitle)) { Spacing = Spacing.None, IsSubtle = true });
        }

        body.Add(new TextBlock($"{(model.IsOpen ? t["Open"] : t["Closed"])} · {model.PolicyLabel} · {model.LimitLabel}")
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

        body.Add(CurrentBlock(model.Current, t));
        body.AddRange(WaitingBlocks(model, t));
        var lang = SupportedLanguages.TagOf(culture);

        if (model.Chair is { } chair)
        {
            body.AddRange(ChairBlocks(model, chair, t));
            return new AdaptiveCard(body)
            {
                Actions =
                [
                    Execute(ExportVerb, t["Button.Export"]),
                    Execute(ParticipantViewVerb, t["Button.ParticipantView"]),
                ],
                FallbackText = FallbackText(model, t),
                Refresh = RefreshFor(model, t),
                Lang = lang,
            };
        }

        var actions = new List<CardAction>();
        if (model.IsOpen)
        {
            actions.Add(new ShowCardAction(RequestForm(model.Categories, culture, t)) { Title = t["Button.Request"] });
        }

        actions.Add(Execute(WithdrawVerb, t["Button.Withdraw"]));
        actions.Add(Execute(MyPlaceVerb, t["Button.MyPlace"]));
        actions.Add(Execute(ChairVerb, t["Button.Chair"]));
        return new AdaptiveCard(body) { Actions = actions, FallbackText = FallbackText(model, t), Refresh = RefreshFor(model, t), Lang = lang };
    }

    /// <summary>Replaces an older copy of the list when the card is posted again, so that only one copy is live.</summary>
    public static AdaptiveCard BuildMoved(CultureInfo culture)
    {
        var t = TextResources.For<SpeakerQueueCardTexts>(culture);
        return new AdaptiveCard(
        [
            new TextBlock(t["Title"]) { Weight = TextWeight.Bolder },
            new TextBlock(t["Moved"]) { IsSubtle = true, Spacing = Spacing.None },
        ])
        {
            FallbackText = t["Moved.Fallback"],
            Lang = SupportedLanguages.TagOf(culture),
        };
    }

    private static AdaptiveCard RequestForm(CategoryChoices? categories, CultureInfo culture, TextResources t)
    {
        var body = new List<CardElement>
        {
            new ChoiceSetInput(KindChoices(culture)) { Id = KindKey, Label = t["Form.Kind"], Value = "statement", IsRequired = true, ErrorMessage = t["Form.KindRequired"] },
            new TextInput
            {
                Id = TopicKey,
                Label = t["Form.Topic"],
                Placeholder = t["Form.TopicExample"],
                MaxLength = MaxTopicLength,
            },
        };
        if (categories is not null)
        {
            // Only used for someone the bot knows nothing of (not registered, or anonymous in the meeting).
            body.Add(new TextBlock(t["Form.AboutYou"]) { Wrap = true, Size = TextSize.Small, IsSubtle = true, Spacing = Spacing.Medium });
            body.AddRange(CategoryInputs(categories, t));
        }

        return new AdaptiveCard(body)
        {
            Actions = [new ExecuteAction(CardActionData.For(RequestVerb)) { Title = t["Form.Send"], Style = ActionStyle.Positive }],
        };
    }

    private static IEnumerable<CardElement> CategoryInputs(CategoryChoices categories, TextResources t)
    {
        yield return new ChoiceSetInput(categories.Groups) { Id = GroupKey, Label = t["Form.Group"], Placeholder = t["Form.NotGiven"] };
        yield return new ChoiceSetInput(categories.Subregions) { Id = SubregionKey, Label = t["Form.Subregion"], Placeholder = t["Form.NotGiven"] };
        yield return new ChoiceSetInput(categories.Genders) { Id = GenderKey, Label = t["Form.Gender"], Placeholder = t["Form.NotGiven"] };
    }

    private static Container CurrentBlock(CurrentSpeakerLine? current, TextResources t)
    {
        var items = new List<CardElement>
        {
            new TextBlock(t["NowSpeaking"]) { Size = TextSize.Small, Weight = TextWeight.Bolder, IsSubtle = true },
        };
        if (current is null)
        {
            items.Add(new TextBlock(t["NobodySpeaking"]) { Spacing = Spacing.Small });
        }
        else
        {
            var name = MarkdownText.Escape(current.Name);
            var who = current.Organisation is null ? $"**{name}**" : $"**{name}** ({MarkdownText.Escape(current.Organisation)})";
            items.Add(new TextBlock($"{who} — {Describe(current.Kind, current.Topic)}") { Spacing = Spacing.Small });
            items.Add(new TextBlock(current.Timing) { Size = TextSize.Small, IsSubtle = true, Spacing = Spacing.None });
            if (current.TimeIsUp)
            {
                items.Add(new TextBlock(t["TimeIsUp"]) { Color = TextColor.Attention, Weight = TextWeight.Bolder, Spacing = Spacing.Small });
            }
        }

        return new Container(items) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium };
    }

    private static IEnumerable<CardElement> WaitingBlocks(SpeakerQueueCardModel model, TextResources t)
    {
        yield return new TextBlock(t["Waiting", model.WaitingCount]) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium };
        if (model.WaitingCount == 0)
        {
            yield return new TextBlock(model.IsOpen ? t["NobodyWaiting.Open"] : t["NobodyWaiting"])
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
                    new TextBlock($"{MarkdownText.Escape(line.Name)}{(line.InRoom ? " " + t["InRoom"] : string.Empty)} — {Describe(line.Kind, line.Topic)}") { MaxLines = 2 },
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
            yield return new TextBlock(t["MoreWaiting", hidden]) { IsSubtle = true, Spacing = Spacing.Small };
        }
    }

    private static IEnumerable<CardElement> ChairBlocks(SpeakerQueueCardModel model, ChairPanel chair, TextResources t)
    {
        var current = model.Current?.RequestId ?? Nobody;
        yield return new TextBlock(t["Button.Chair"]) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Large };
        var main = new List<CardAction>
        {
            new ExecuteAction(CardActionData.For(NextVerb, (CurrentKey, current)))
            {
                Title = t["Chair.Next"],
                Style = ActionStyle.Positive,
                SendInputs = false,
            },
        };
        if (model.Current is not null)
        {
            main.Add(new ExecuteAction(CardActionData.For(EndTurnVerb, (CurrentKey, current))) { Title = t["Chair.EndTurn"], SendInputs = false });
        }

        main.Add(model.IsOpen
            ? Execute(CloseVerb, t["Chair.Close"])
            : Execute(OpenVerb, t["Chair.Open"]));
        if (model.WaitingCount > 0)
        {
            main.Add(new ShowCardAction(new AdaptiveCard(
            [
                new TextBlock(t["Chair.ClearQuestion", model.WaitingCount]),
            ])
            {
                Actions = [new ExecuteAction(CardActionData.For(ClearVerb)) { Title = t["Chair.ClearYes"], Style = ActionStyle.Destructive, SendInputs = false }],
            })
            {
                Title = t["Chair.Clear"],
            });
        }

        yield return new ActionSet(main);

        if (chair.WaitingPicker.Count > 0)
        {
            yield return new ChoiceSetInput(chair.WaitingPicker)
            {
                Id = RequestKey,
                Label = t["Chair.WaitingPerson"],
                Value = chair.WaitingPicker[0].Value,
                IsRequired = true,
                ErrorMessage = t["Chair.ChoosePerson"],
                Spacing = Spacing.Medium,
            };
            yield return new ActionSet(
            [
                Execute(MoveUpVerb, t["Chair.MoveUp"]),
                Execute(MoveDownVerb, t["Chair.MoveDown"]),
                Execute(SkipVerb, t["Chair.Skip"]),
                new ExecuteAction(CardActionData.For(RemoveVerb)) { Title = t["Chair.Remove"], Style = ActionStyle.Destructive },
            ]);
        }

        yield return new ActionSet(
        [
            new ShowCardAction(new AdaptiveCard(
            [
                new ChoiceSetInput(chair.PolicyChoices)
                {
                    Id = PolicyKey, Label = t["Chair.Policy"], Value = chair.PolicyCode, IsRequired = true, ErrorMessage = t["Chair.PolicyRequired"],
                },
                new ChoiceSetInput(chair.LimitChoices)
                {
                    Id = LimitKey, Label = t["Chair.Limit"], Value = chair.LimitCode, IsRequired = true, ErrorMessage = t["Chair.LimitRequired"],
                },
            ])
            {
                Actions = [new ExecuteAction(CardActionData.For(SettingsVerb)) { Title = t["Chair.SaveSettings"], Style = ActionStyle.Positive }],
            })
            {
                Title = t["Chair.Settings"],
            },
            InRoomForm(model, t),
        ])
        {
            Spacing = Spacing.Medium,
        };
    }

    /// <summary>The chair adds a person in the room of a hybrid consultation, with what they say of themselves.</summary>
    private static ShowCardAction InRoomForm(SpeakerQueueCardModel model, TextResources t)
    {
        var body = new List<CardElement>
        {
            new TextBlock(t["InRoom.Explain"]) { Wrap = true, Size = TextSize.Small, IsSubtle = true },
            new TextInput { Id = NameKey, Label = t["InRoom.Name"], IsRequired = true, ErrorMessage = t["InRoom.NameRequired"], MaxLength = MaxNameLength },
            new TextInput { Id = OrganisationKey, Label = t["InRoom.Organisation"], MaxLength = 200 },
            new ChoiceSetInput(KindChoices(t.Culture)) { Id = KindKey, Label = t["Form.Kind"], Value = "statement", IsRequired = true, ErrorMessage = t["Form.KindRequired"] },
            new TextInput { Id = TopicKey, Label = t["Form.Topic"], MaxLength = MaxTopicLength },
        };
        if (model.Categories is { } categories)
        {
            body.AddRange(CategoryInputs(categories, t));
        }

        return new ShowCardAction(new AdaptiveCard(body)
        {
            Actions = [new ExecuteAction(CardActionData.For(AddInRoomVerb)) { Title = t["InRoom.Add"], Style = ActionStyle.Positive }],
        })
        {
            Title = t["InRoom.Button"],
        };
    }

    private static ExecuteAction Execute(string verb, string title) => new(CardActionData.For(verb)) { Title = title };

    private static CardRefresh? RefreshFor(SpeakerQueueCardModel model, TextResources t) => model.RefreshUserIds.Count == 0
        ? null
        : new CardRefresh(new ExecuteAction(CardActionData.For(RefreshVerb)) { Title = t["Refresh"] }, model.RefreshUserIds);

    private static string Describe(string kind, string? topic) => string.IsNullOrEmpty(topic) ? kind : $"{kind}: {MarkdownText.Escape(topic)}";

    private static string FallbackText(SpeakerQueueCardModel model, TextResources t) => model.Current is null
        ? t["Fallback", model.WaitingCount]
        : t["Fallback.Speaking", model.Current.Name, model.WaitingCount];
}

/// <summary>Names the resource files of this folder (<c>SpeakerQueueCardTexts.resx</c> and its translations).</summary>
public sealed class SpeakerQueueCardTexts;
