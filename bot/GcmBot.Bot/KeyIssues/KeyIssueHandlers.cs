using System.Globalization;
using System.Text.RegularExpressions;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Registration;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.KeyIssues;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.KeyIssues;

public static class KeyIssuesCapability
{
    /// <summary>The rapporteur's record of key issues and recommendations (organisers only).</summary>
    public static IServiceCollection AddKeyIssues(this IServiceCollection services)
    {
        services.AddSingleton<KeyIssueStore>();
        services.AddSingleton<KeyIssueViews>();
        const string options = "[event:ID] [theme:a] [objectives:2,5] [question:ID] [intervention:ID]";
        services.AddBotCommand<RecordKeyIssueCommand>("key issue", "Command.KeyIssue", ConversationScopes.All,
            $"key issue {options} <text>", forOrganisers: true, texts: typeof(KeyIssuesTexts));
        services.AddBotCommand<RecordRecommendationCommand>("recommendation", "Command.Recommendation", ConversationScopes.All,
            $"recommendation {options} <text>", forOrganisers: true, texts: typeof(KeyIssuesTexts));
        services.AddBotCommand<KeyIssuesCommand>("key issues", "Command.KeyIssues", ConversationScopes.All,
            "key issues [event]", forOrganisers: true, texts: typeof(KeyIssuesTexts));

        services.AddCardAction<RecordKeyIssueAction>(KeyIssueVerbs.Record, forOrganisers: true);
        services.AddCardAction<KeyIssueFormAction>(KeyIssueVerbs.Form, forOrganisers: true);
        services.AddCardAction<DeleteKeyIssueAction>(KeyIssueVerbs.Delete, forOrganisers: true);
        services.AddCardAction<KeyIssueListAction>(KeyIssueVerbs.List, forOrganisers: true);
        return services;
    }
}

/// <summary>
/// The cards and sentences of the rapporteur's record, for a turn's conversation, in the turn's language. Consultations
/// are shown by their titles from the event catalogue, never by their ids.
/// </summary>
public sealed partial class KeyIssueViews(
    IStringLocalizer<KeyIssuesTexts> texts,
    IStringLocalizer<TagTexts> tagTexts,
    EventCatalogue catalogue)
{
    public const int PageSize = 10;

    private static readonly IReadOnlyDictionary<KeyIssueField, string> InputIds = new Dictionary<KeyIssueField, string>
    {
        [KeyIssueField.Kind] = KeyIssueFormCard.Kind,
        [KeyIssueField.Text] = KeyIssueFormCard.Text,
        [KeyIssueField.Themes] = KeyIssueFormCard.Themes,
        [KeyIssueField.Objectives] = KeyIssueFormCard.Objectives,
        [KeyIssueField.Event] = KeyIssueFormCard.Event,
        [KeyIssueField.Question] = KeyIssueFormCard.Question,
        [KeyIssueField.Intervention] = KeyIssueFormCard.Intervention,
    };

    public IStringLocalizer<KeyIssuesTexts> Texts => texts;

    /// <summary>A personal chat is nobody's consultation: there the record must name one.</summary>
    public static bool EventRequired(BotTurn turn) => turn.Scope == ConversationScopes.Personal;

    /// <summary>In a shared conversation the list shows what was recorded there; in a personal chat, everything.</summary>
    public static KeyIssueScope ScopeOf(BotTurn turn, string? eventId) =>
        new(eventId, EventRequired(turn) ? null : turn.ConversationId);

    /// <summary>
    /// Checks a key issue, and that the consultation it names is in the catalogue (the rules check only its form).
    /// </summary>
    public async Task<KeyIssueCheck> CheckAsync(BotTurn turn, KeyIssueInput input, CancellationToken cancellationToken)
    {
        var check = KeyIssueRules.Check(input, EventRequired(turn));
        if (check.Problems.GetValueOrDefault(KeyIssueField.Event) is { Kind: KeyIssueProblemKind.EventMissing } ||
            string.IsNullOrWhiteSpace(input.EventId) ||
            (!check.Problems.ContainsKey(KeyIssueField.Event) && await catalogue.FindAsync(input.EventId, cancellationToken) is not null))
        {
            return check;
        }

        var problems = new Dictionary<KeyIssueField, KeyIssueProblem>(check.Problems)
        {
            [KeyIssueField.Event] = new KeyIssueProblem(KeyIssueProblemKind.EventUnknown, Value: input.EventId.Trim()),
        };
        return new KeyIssueCheck(null, problems);
    }

    public async Task<AdaptiveCard> FormAsync(
        BotTurn turn, KeyIssueInput values, CancellationToken cancellationToken, IReadOnlyDictionary<KeyIssueField, KeyIssueProblem>? problems = null, string? recordKey = null)
    {
        var events = await catalogue.AllAsync(cancellationToken);
        var chosenEvent = events.FirstOrDefault(e => string.Equals(e.Id, values.EventId?.Trim(), StringComparison.OrdinalIgnoreCase))?.Id ?? values.EventId;
        return KeyIssueFormCard.Build(
            new KeyIssueFormModel(
                recordKey ?? Guid.NewGuid().ToString("N"),
                Context(turn),
                EventRequired(turn),
                new Dictionary<string, string?>
                {
                    [KeyIssueFormCard.Kind] = values.Kind,
                    [KeyIssueFormCard.Text] = values.Text,
                    [KeyIssueFormCard.Themes] = values.Themes,
                    [KeyIssueFormCard.Objectives] = values.Objectives,
                    [KeyIssueFormCard.Event] = chosenEvent,
                    [KeyIssueFormCard.Question] = values.QuestionRef,
                    [KeyIssueFormCard.Intervention] = values.InterventionRef,
                },
                (problems ?? new Dictionary<KeyIssueField, KeyIssueProblem>()).ToDictionary(p => InputIds[p.Key], p => Describe(p.Value)),
                [
                    new Choice(texts["Kind.KeyIssue"], KeyIssueRules.CodeOf(KeyIssueKind.KeyIssue)),
                    new Choice(texts["Kind.Recommendation"], KeyIssueRules.CodeOf(KeyIssueKind.Recommendation)),
                ],
                GcmChoices.Themes(),
                GcmChoices.Objectives(GcmChoices.ChosenThemes(values.Themes)),
                events.Select(e => new Choice(e.Title, e.Id)).ToList(),
                KeyIssueRules.MaxTextLength,
                KeyIssueRules.MaxReferenceLength),
            turn.Culture);
    }

    public async Task<AdaptiveCard> ListAsync(BotTurn turn, KeyIssueScope scope, ListPage<KeyIssueRecord> page, string? banner, CancellationToken cancellationToken)
    {
        var titles = await TitlesAsync(cancellationToken);
        string where = scope.ConversationId is null ? texts["List.Everywhere"] : texts["List.Here"];
        var context = scope.EventId is null ? where : texts["List.ForEvent", where, TitleOf(scope.EventId, titles)].Value;
        return KeyIssueListCard.Build(
            new KeyIssueListModel(
                context,
                scope.EventId,
                page.Items.Select(r => new KeyIssueListEntry(r.Id, Label(r.Kind), r.Text, Details(r, turn.TimeZone, turn.Culture, titles))).ToList(),
                page.PageIndex,
                page.HasMore,
                page.TotalCount,
                banner),
            turn.Culture);
    }

    /// <summary>"Recorded key issue #4 (themes a; objectives 2, 5; consultation “…”)." as plain text.</summary>
    public async Task<string> ConfirmationAsync(KeyIssueRecord record, bool repeated, CancellationToken cancellationToken)
    {
        var tags = new List<string> { texts["Details.Themes", record.Tags.ThemesText] };
        if (record.Tags.Objectives.Count > 0)
        {
            tags.Add(texts["Details.Objectives", record.Tags.ObjectivesText]);
        }

        if (record.EventId is not null)
        {
            tags.Add(texts["Details.Event", TitleOf(record.EventId, await TitlesAsync(cancellationToken))]);
        }

        var key = (record.Kind, repeated) switch
        {
            (KeyIssueKind.KeyIssue, false) => "Recorded.KeyIssue",
            (KeyIssueKind.KeyIssue, true) => "Repeated.KeyIssue",
            (_, false) => "Recorded.Recommendation",
            _ => "Repeated.Recommendation",
        };
        return texts[key, record.Id, string.Join("; ", tags)];
    }

    public string Describe(KeyIssueProblem problem) => problem.Kind switch
    {
        KeyIssueProblemKind.Tags => TagWords.Describe(problem.Tags!, tagTexts),
        KeyIssueProblemKind.KindMissing => texts["Problem.KindMissing"],
        KeyIssueProblemKind.TextMissing => texts["Problem.TextMissing"],
        KeyIssueProblemKind.TextTooLong => texts["Problem.TextTooLong", problem.Limit, problem.Actual],
        KeyIssueProblemKind.EventMissing => texts["Problem.EventMissing"],
        KeyIssueProblemKind.EventUnknown => texts["Problem.EventUnknown", problem.Value ?? string.Empty],
        _ => texts["Problem.BadReference", problem.Limit],
    };

    public static KeyIssueInput ReadForm(CardActionInput input) => new(
        input.Text(KeyIssueFormCard.Kind),
        input.Text(KeyIssueFormCard.Text),
        input.Text(KeyIssueFormCard.Themes),
        input.Text(KeyIssueFormCard.Objectives),
        input.Text(KeyIssueFormCard.Event),
        input.Text(KeyIssueFormCard.Question),
        input.Text(KeyIssueFormCard.Intervention));

    /// <summary>The event a card's button carries; false when it is there but not a usable id (a tampered card).</summary>
    public static bool TryEventOf(CardActionInput input, out string? eventId)
    {
        var problems = new Dictionary<KeyIssueField, KeyIssueProblem>();
        eventId = KeyIssueRules.Reference(input.Text(KeyIssueVerbs.Event), KeyIssueRules.MaxEventIdLength, KeyIssueField.Event, problems);
        return problems.Count == 0;
    }

    [GeneratedRegex("^[A-Za-z0-9]{8,64}$")]
    public static partial Regex RecordKey();

    private string Label(KeyIssueKind kind) => kind == KeyIssueKind.KeyIssue ? texts["Kind.KeyIssue"] : texts["Kind.Recommendation"];

    private string Context(BotTurn turn) => turn.Scope switch
    {
        ConversationScopes.Personal => texts["Context.Personal"],
        ConversationScopes.GroupChat => texts["Context.GroupChat"],
        ConversationScopes.Channel => texts["Context.Channel"],
        _ => texts["Context.Meeting"],
    };

    private async Task<IReadOnlyDictionary<string, string>> TitlesAsync(CancellationToken cancellationToken) =>
        (await catalogue.AllAsync(cancellationToken)).ToDictionary(e => e.Id, e => e.Title, StringComparer.OrdinalIgnoreCase);

    // An event no longer in the catalogue is shown as it was recorded: there is no other name for it.
    private static string TitleOf(string eventId, IReadOnlyDictionary<string, string> titles) => titles.GetValueOrDefault(eventId, eventId);

    private string Details(KeyIssueRecord r, TimeZoneInfo? zone, System.Globalization.CultureInfo culture, IReadOnlyDictionary<string, string> titles)
    {
        var parts = new List<string> { texts["Details.Themes", r.Tags.ThemesText] };
        if (r.Tags.Objectives.Count > 0)
        {
            parts.Add(texts["Details.Objectives", r.Tags.ObjectivesText]);
        }

        if (r.EventId is not null)
        {
            parts.Add(texts["Details.Event", TitleOf(r.EventId, titles)]);
        }

        if (r.QuestionRef is not null)
        {
            parts.Add(texts["Details.Question", r.QuestionRef]);
        }

        if (r.InterventionRef is not null)
        {
            parts.Add(texts["Details.Intervention", r.InterventionRef]);
        }

        parts.Add(Submissions.LocalTimes.Format(r.RecordedAt, zone, culture));
        return string.Join(" · ", parts);
    }
}

/// <summary><c>key issue …</c> and <c>recommendation …</c>: records at once when all is given, else shows the form.</summary>
public abstract class RecordCommandBase(KeyIssueStore store, KeyIssueViews views, KeyIssueKind kind, ILogger logger) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var parsed = KeyIssueRules.ParseCommand(kind, input.Arguments);
        if (string.IsNullOrWhiteSpace(input.Arguments))
        {
            await turn.SendCardAsync(await views.FormAsync(turn, parsed, cancellationToken), cancellationToken);
            return;
        }

        // What is missing or wrong (often just the theme) is asked for on the form, with the rest already filled in.
        var check = await views.CheckAsync(turn, parsed, cancellationToken);
        if (!check.IsValid)
        {
            await turn.SendCardAsync(await views.FormAsync(turn, parsed, cancellationToken, check.Problems), cancellationToken);
            return;
        }

        var (record, repeated) = await store.RecordAsync(check.Content!, turn.ConversationId, null, cancellationToken);
        if (!repeated)
        {
            KeyIssueLog.Recorded(logger, record.Id, record.Kind);
        }

        await turn.SendTextAsync(
            MarkdownText.Escape(await views.ConfirmationAsync(record, repeated, cancellationToken)) + " " + views.Texts["SeeList"],
            cancellationToken);
    }
}

public sealed class RecordKeyIssueCommand(KeyIssueStore store, KeyIssueViews views, ILogger<RecordKeyIssueCommand> logger)
    : RecordCommandBase(store, views, KeyIssueKind.KeyIssue, logger);

public sealed class RecordRecommendationCommand(KeyIssueStore store, KeyIssueViews views, ILogger<RecordRecommendationCommand> logger)
    : RecordCommandBase(store, views, KeyIssueKind.Recommendation, logger);

/// <summary>What the rapporteur's record logs: ids and kinds, never the text (it may name people).</summary>
internal static partial class KeyIssueLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded {Kind} {KeyIssueId}")]
    public static partial void Recorded(ILogger logger, int keyIssueId, KeyIssueKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted key issue {KeyIssueId}")]
    public static partial void Deleted(ILogger logger, int keyIssueId);
}

/// <summary><c>key issues [event]</c>: what is recorded here (or for a consultation), with delete and record buttons.</summary>
public sealed class KeyIssuesCommand(KeyIssueStore store, KeyIssueViews views) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var eventId = KeyIssueRules.EventArgument(input.Arguments, out var problem);
        if (problem is not null)
        {
            // An unusable id is not a consultation either: say so in the words a consultation's title would get.
            await turn.SendTextAsync(views.Texts["Problem.EventUnknown", input.Arguments.Trim()] + " " + views.Texts["SeeEverything"], cancellationToken);
            return;
        }

        var scope = KeyIssueViews.ScopeOf(turn, eventId);
        var page = await store.ListAsync(scope, 0, KeyIssueViews.PageSize, cancellationToken);
        await turn.SendCardAsync(await views.ListAsync(turn, scope, page, null, cancellationToken), cancellationToken);
    }
}

/// <summary>The form's Record button.</summary>
public sealed class RecordKeyIssueAction(KeyIssueStore store, KeyIssueViews views, ILogger<RecordKeyIssueAction> logger) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var key = input.Text(KeyIssueVerbs.RecordKey);
        if (key is null || !KeyIssueViews.RecordKey().IsMatch(key))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var form = KeyIssueViews.ReadForm(input);
        var check = await views.CheckAsync(turn, form, cancellationToken);
        if (!check.IsValid)
        {
            return CardActionResult.ReplaceCard(await views.FormAsync(turn, form, cancellationToken, check.Problems, key));
        }

        var (record, repeated) = await store.RecordAsync(check.Content!, turn.ConversationId, key, cancellationToken);
        if (!repeated)
        {
            KeyIssueLog.Recorded(logger, record.Id, record.Kind);
        }

        var scope = KeyIssueViews.ScopeOf(turn, KeyIssueViews.EventRequired(turn) ? record.EventId : null);
        var page = await store.ListAsync(scope, int.MaxValue / KeyIssueViews.PageSize, KeyIssueViews.PageSize, cancellationToken);
        return CardActionResult.ReplaceCard(await views.ListAsync(turn, scope, page, await views.ConfirmationAsync(record, repeated, cancellationToken), cancellationToken));
    }
}

/// <summary>"Record another": the empty form, for the consultation the list was about.</summary>
public sealed class KeyIssueFormAction(KeyIssueViews views) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (!KeyIssueViews.TryEventOf(input, out var eventId))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var values = new KeyIssueInput(KeyIssueRules.CodeOf(KeyIssueKind.KeyIssue), null, null, null, eventId, null, null);
        return CardActionResult.ReplaceCard(await views.FormAsync(turn, values, cancellationToken));
    }
}

/// <summary>Delete (after the card's confirmation).</summary>
public sealed class DeleteKeyIssueAction(KeyIssueStore store, KeyIssueViews views, ILogger<DeleteKeyIssueAction> logger) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (!int.TryParse(input.Text(KeyIssueVerbs.Id), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ||
            !KeyIssueViews.TryEventOf(input, out var eventId))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var deleted = await store.DeleteAsync(id, cancellationToken);
        if (deleted)
        {
            KeyIssueLog.Deleted(logger, id);
        }

        var scope = KeyIssueViews.ScopeOf(turn, eventId);
        var page = await store.ListAsync(scope, 0, KeyIssueViews.PageSize, cancellationToken);
        string banner = deleted ? views.Texts["Deleted", id] : views.Texts["AlreadyDeleted", id];
        return CardActionResult.ReplaceCard(await views.ListAsync(turn, scope, page, banner, cancellationToken));
    }
}

/// <summary>Previous and Next on the list.</summary>
public sealed class KeyIssueListAction(KeyIssueStore store, KeyIssueViews views) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (!int.TryParse(input.Text(KeyIssueVerbs.Page), NumberStyles.None, CultureInfo.InvariantCulture, out var pageIndex) ||
            !KeyIssueViews.TryEventOf(input, out var eventId))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var scope = KeyIssueViews.ScopeOf(turn, eventId);
        var page = await store.ListAsync(scope, pageIndex, KeyIssueViews.PageSize, cancellationToken);
        return CardActionResult.ReplaceCard(await views.ListAsync(turn, scope, page, null, cancellationToken));
    }
}
