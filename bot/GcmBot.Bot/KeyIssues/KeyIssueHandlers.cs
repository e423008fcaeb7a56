using System.Globalization;
using System.Text.RegularExpressions;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Storage;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.KeyIssues;

namespace GcmBot.Bot.KeyIssues;

public static class KeyIssuesCapability
{
    /// <summary>The rapporteur's record of key issues and recommendations (organisers only).</summary>
    public static IServiceCollection AddKeyIssues(this IServiceCollection services)
    {
        services.AddSingleton<KeyIssueStore>();
        const string options = "[event:ID] [theme:a] [objectives:2,5] [question:ID] [intervention:ID]";
        services.AddBotCommand<RecordKeyIssueCommand>("key issue", "Record a key issue raised in a consultation", ConversationScopes.All,
            $"key issue {options} <text>", forOrganisers: true);
        services.AddBotCommand<RecordRecommendationCommand>("recommendation", "Record a recommendation made in a consultation", ConversationScopes.All,
            $"recommendation {options} <text>", forOrganisers: true);
        services.AddBotCommand<KeyIssuesCommand>("key issues", "List, record and delete key issues and recommendations", ConversationScopes.All,
            "key issues [event]", forOrganisers: true);

        services.AddCardAction<RecordKeyIssueAction>(KeyIssueVerbs.Record, forOrganisers: true);
        services.AddCardAction<KeyIssueFormAction>(KeyIssueVerbs.Form, forOrganisers: true);
        services.AddCardAction<DeleteKeyIssueAction>(KeyIssueVerbs.Delete, forOrganisers: true);
        services.AddCardAction<KeyIssueListAction>(KeyIssueVerbs.List, forOrganisers: true);
        return services;
    }
}

/// <summary>The cards of the rapporteur's record, for a turn's conversation.</summary>
internal static partial class KeyIssueViews
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

    /// <summary>A personal chat is nobody's consultation: there the record must name one.</summary>
    public static bool EventRequired(BotTurn turn) => turn.Scope == ConversationScopes.Personal;

    /// <summary>In a shared conversation the list shows what was recorded there; in a personal chat, everything.</summary>
    public static KeyIssueScope ScopeOf(BotTurn turn, string? eventId) =>
        new(eventId, EventRequired(turn) ? null : turn.ConversationId);

    public static AdaptiveCard Form(BotTurn turn, KeyIssueInput values, IReadOnlyDictionary<KeyIssueField, string>? problems = null, string? recordKey = null) =>
        KeyIssueFormCard.Build(new KeyIssueFormModel(
            recordKey ?? Guid.NewGuid().ToString("N"),
            EventRequired(turn) ? "In our personal chat: name the consultation" : turn.Scope.Describe().Replace(" (mention me)", string.Empty, StringComparison.Ordinal),
            EventRequired(turn),
            new Dictionary<string, string?>
            {
                [KeyIssueFormCard.Kind] = values.Kind,
                [KeyIssueFormCard.Text] = values.Text,
                [KeyIssueFormCard.Themes] = values.Themes,
                [KeyIssueFormCard.Objectives] = values.Objectives,
                [KeyIssueFormCard.Event] = values.EventId,
                [KeyIssueFormCard.Question] = values.QuestionRef,
                [KeyIssueFormCard.Intervention] = values.InterventionRef,
            },
            (problems ?? new Dictionary<KeyIssueField, string>()).ToDictionary(p => InputIds[p.Key], p => p.Value),
            [new Choice("Key issue", KeyIssueRules.CodeOf(KeyIssueKind.KeyIssue)), new Choice("Recommendation", KeyIssueRules.CodeOf(KeyIssueKind.Recommendation))],
            GcmChoices.Themes(),
            GcmChoices.Objectives(GcmChoices.ChosenThemes(values.Themes)),
            KeyIssueRules.MaxTextLength,
            KeyIssueRules.MaxEventIdLength,
            KeyIssueRules.MaxReferenceLength));

    public static AdaptiveCard List(BotTurn turn, KeyIssueScope scope, ListPage<KeyIssueRecord> page, string? banner)
    {
        var where = scope.ConversationId is null ? "Recorded in every conversation" : "Recorded in this conversation";
        var context = scope.EventId is null ? where : $"{where}, for consultation {scope.EventId}";
        return KeyIssueListCard.Build(new KeyIssueListModel(
            context,
            scope.EventId,
            page.Items.Select(r => new KeyIssueListEntry(r.Id, KeyIssueRules.Label(r.Kind), r.Text, Details(r, turn.TimeZone))).ToList(),
            page.PageIndex,
            page.HasMore,
            page.TotalCount,
            banner));
    }

    /// <summary>"Recorded key issue #4 (themes a; objectives 2, 5; consultation consult-a)." as plain text.</summary>
    public static string Confirmation(KeyIssueRecord record, bool repeated)
    {
        var what = KeyIssueRules.Label(record.Kind).ToLowerInvariant();
        var tags = new List<string> { $"themes {record.Tags.ThemesText}" };
        if (record.Tags.Objectives.Count > 0)
        {
            tags.Add($"objectives {record.Tags.ObjectivesText}");
        }

        if (record.EventId is not null)
        {
            tags.Add($"consultation {record.EventId}");
        }

        var id = record.Id.ToString(CultureInfo.InvariantCulture);
        return repeated
            ? $"That {what} was recorded already, as #{id} ({string.Join("; ", tags)})."
            : $"Recorded {what} #{id} ({string.Join("; ", tags)}).";
    }

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
        var problems = new Dictionary<KeyIssueField, string>();
        eventId = KeyIssueRules.Reference(input.Text(KeyIssueVerbs.Event), KeyIssueRules.MaxEventIdLength, KeyIssueField.Event, "consultation", problems);
        return problems.Count == 0;
    }

    [GeneratedRegex("^[A-Za-z0-9]{8,64}$")]
    public static partial Regex RecordKey();

    private static string Details(KeyIssueRecord r, TimeZoneInfo? zone)
    {
        var parts = new List<string> { $"themes {r.Tags.ThemesText}" };
        if (r.Tags.Objectives.Count > 0)
        {
            parts.Add($"objectives {r.Tags.ObjectivesText}");
        }

        if (r.EventId is not null)
        {
            parts.Add($"consultation {r.EventId}");
        }

        if (r.QuestionRef is not null)
        {
            parts.Add($"question {r.QuestionRef}");
        }

        if (r.InterventionRef is not null)
        {
            parts.Add($"intervention {r.InterventionRef}");
        }

        parts.Add(TimeText.Format(r.RecordedAt, zone ?? TimeText.ReferenceZone));
        return string.Join(" · ", parts);
    }
}

/// <summary><c>key issue …</c> and <c>recommendation …</c>: records at once when all is given, else shows the form.</summary>
public abstract class RecordCommandBase(KeyIssueStore store, KeyIssueKind kind, ILogger logger) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var parsed = KeyIssueRules.ParseCommand(kind, input.Arguments);
        if (string.IsNullOrWhiteSpace(input.Arguments))
        {
            await turn.SendCardAsync(KeyIssueViews.Form(turn, parsed), cancellationToken);
            return;
        }

        // What is missing or wrong (often just the theme) is asked for on the form, with the rest already filled in.
        var check = KeyIssueRules.Check(parsed, KeyIssueViews.EventRequired(turn));
        if (!check.IsValid)
        {
            await turn.SendCardAsync(KeyIssueViews.Form(turn, parsed, check.Problems), cancellationToken);
            return;
        }

        var (record, repeated) = await store.RecordAsync(check.Content!, turn.ConversationId, null, cancellationToken);
        if (!repeated)
        {
            KeyIssueLog.Recorded(logger, record.Id, record.Kind);
        }

        await turn.SendTextAsync(
            MarkdownText.Escape(KeyIssueViews.Confirmation(record, repeated)) + " Type **key issues** to see or delete what is recorded.",
            cancellationToken);
    }
}

public sealed class RecordKeyIssueCommand(KeyIssueStore store, ILogger<RecordKeyIssueCommand> logger)
    : RecordCommandBase(store, KeyIssueKind.KeyIssue, logger);

public sealed class RecordRecommendationCommand(KeyIssueStore store, ILogger<RecordRecommendationCommand> logger)
    : RecordCommandBase(store, KeyIssueKind.Recommendation, logger);

/// <summary>What the rapporteur's record logs: ids and kinds, never the text (it may name people).</summary>
internal static partial class KeyIssueLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded {Kind} {KeyIssueId}")]
    public static partial void Recorded(ILogger logger, int keyIssueId, KeyIssueKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted key issue {KeyIssueId}")]
    public static partial void Deleted(ILogger logger, int keyIssueId);
}

/// <summary><c>key issues [event]</c>: what is recorded here (or for a consultation), with delete and record buttons.</summary>
public sealed class KeyIssuesCommand(KeyIssueStore store) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var eventId = KeyIssueRules.EventArgument(input.Arguments, out var problem);
        if (problem is not null)
        {
            await turn.SendTextAsync(problem + " Type **key issues** alone to see everything.", cancellationToken);
            return;
        }

        var scope = KeyIssueViews.ScopeOf(turn, eventId);
        var page = await store.ListAsync(scope, 0, KeyIssueViews.PageSize, cancellationToken);
        await turn.SendCardAsync(KeyIssueViews.List(turn, scope, page, null), cancellationToken);
    }
}

/// <summary>The form's Record button.</summary>
public sealed class RecordKeyIssueAction(KeyIssueStore store, ILogger<RecordKeyIssueAction> logger) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var key = input.Text(KeyIssueVerbs.RecordKey);
        if (key is null || !KeyIssueViews.RecordKey().IsMatch(key))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var form = KeyIssueViews.ReadForm(input);
        var check = KeyIssueRules.Check(form, KeyIssueViews.EventRequired(turn));
        if (!check.IsValid)
        {
            return CardActionResult.ReplaceCard(KeyIssueViews.Form(turn, form, check.Problems, key));
        }

        var (record, repeated) = await store.RecordAsync(check.Content!, turn.ConversationId, key, cancellationToken);
        if (!repeated)
        {
            KeyIssueLog.Recorded(logger, record.Id, record.Kind);
        }

        var scope = KeyIssueViews.ScopeOf(turn, KeyIssueViews.EventRequired(turn) ? record.EventId : null);
        var page = await store.ListAsync(scope, int.MaxValue / KeyIssueViews.PageSize, KeyIssueViews.PageSize, cancellationToken);
        return CardActionResult.ReplaceCard(KeyIssueViews.List(turn, scope, page, KeyIssueViews.Confirmation(record, repeated)));
    }
}

/// <summary>"Record another": the empty form, for the consultation the list was about.</summary>
public sealed class KeyIssueFormAction : ICardActionHandler
{
    public Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (!KeyIssueViews.TryEventOf(input, out var eventId))
        {
            return Task.FromResult(CardActionResult.Message(CardActionDispatcher.OutdatedCardText));
        }

        var values = new KeyIssueInput(KeyIssueRules.CodeOf(KeyIssueKind.KeyIssue), null, null, null, eventId, null, null);
        return Task.FromResult(CardActionResult.ReplaceCard(KeyIssueViews.Form(turn, values)));
    }
}

/// <summary>Delete (after the card's confirmation).</summary>
public sealed class DeleteKeyIssueAction(KeyIssueStore store, ILogger<DeleteKeyIssueAction> logger) : ICardActionHandler
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
        var banner = deleted ? $"Deleted #{id}." : $"#{id} was already deleted.";
        return CardActionResult.ReplaceCard(KeyIssueViews.List(turn, scope, page, banner));
    }
}

/// <summary>Previous and Next on the list.</summary>
public sealed class KeyIssueListAction(KeyIssueStore store) : ICardActionHandler
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
        return CardActionResult.ReplaceCard(KeyIssueViews.List(turn, scope, page, null));
    }
}
