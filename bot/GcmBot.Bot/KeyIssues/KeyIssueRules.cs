using System.Text.RegularExpressions;
using GcmBot.Bot.Engagement;

namespace GcmBot.Bot.KeyIssues;

/// <summary>What the rapporteur records: a key issue raised, or a recommendation made.</summary>
public enum KeyIssueKind
{
    KeyIssue,
    Recommendation,
}

/// <summary>The fields of a key issue, for attaching problems to the right one.</summary>
public enum KeyIssueField
{
    Kind,
    Text,
    Themes,
    Objectives,
    Event,
    Question,
    Intervention,
}

/// <summary>A key issue as typed or sent from the card: every value untrusted and possibly missing.</summary>
public sealed record KeyIssueInput(
    string? Kind,
    string? Text,
    string? Themes,
    string? Objectives,
    string? EventId,
    string? QuestionRef,
    string? InterventionRef);

/// <summary>A checked key issue, ready to store.</summary>
public sealed record KeyIssueContent(
    KeyIssueKind Kind,
    string Text,
    GcmTags Tags,
    string? EventId,
    string? QuestionRef,
    string? InterventionRef);

/// <summary>What is wrong with a field of a key issue.</summary>
public enum KeyIssueProblemKind
{
    KindMissing,
    TextMissing,

    /// <summary>Longer than <see cref="KeyIssueProblem.Limit"/>; it has <see cref="KeyIssueProblem.Actual"/>.</summary>
    TextTooLong,

    /// <summary>Themes or objectives: see <see cref="KeyIssueProblem.Tags"/>.</summary>
    Tags,

    /// <summary>No consultation named where one is needed (in a personal chat).</summary>
    EventMissing,

    /// <summary>A consultation the catalogue does not know (<see cref="KeyIssueProblem.Value"/>).</summary>
    EventUnknown,

    /// <summary>An unusable reference (odd characters or longer than <see cref="KeyIssueProblem.Limit"/>).</summary>
    BadReference,
}

/// <summary>A problem with a field as a typed outcome; the Teams face words it in the person's language.</summary>
public sealed record KeyIssueProblem(KeyIssueProblemKind Kind, int Limit = 0, int Actual = 0, TagProblem? Tags = null, string? Value = null);

public sealed record KeyIssueCheck(KeyIssueContent? Content, IReadOnlyDictionary<KeyIssueField, KeyIssueProblem> Problems)
{
    public bool IsValid => Content is not null;
}

/// <summary>
/// The rules of the rapporteur's record, free of Teams and storage. A command reads
/// <c>key issue [event:ID] [theme:a,b] [objectives:2,5] [question:ID] [intervention:ID] text</c>: options first, in any
/// order, then the text.
/// </summary>
public static partial class KeyIssueRules
{
    public const int MinTextLength = 3;
    public const int MaxTextLength = 2000;
    public const int MaxEventIdLength = 100;
    public const int MaxReferenceLength = 64;

    public static IReadOnlyDictionary<string, KeyIssueKind> KindCodes { get; } = new Dictionary<string, KeyIssueKind>
    {
        ["issue"] = KeyIssueKind.KeyIssue,
        ["recommendation"] = KeyIssueKind.Recommendation,
    };

    private static readonly IReadOnlyDictionary<string, KeyIssueField> Options = new Dictionary<string, KeyIssueField>(StringComparer.OrdinalIgnoreCase)
    {
        ["event"] = KeyIssueField.Event,
        ["consultation"] = KeyIssueField.Event,
        ["theme"] = KeyIssueField.Themes,
        ["themes"] = KeyIssueField.Themes,
        ["objective"] = KeyIssueField.Objectives,
        ["objectives"] = KeyIssueField.Objectives,
        ["question"] = KeyIssueField.Question,
        ["intervention"] = KeyIssueField.Intervention,
    };

    public static string CodeOf(KeyIssueKind kind) => KindCodes.First(k => k.Value == kind).Key;

    /// <summary>Splits a command's arguments into its options and its text; unknown "name:" words are part of the text.</summary>
    public static KeyIssueInput ParseCommand(KeyIssueKind kind, string arguments)
    {
        var values = new Dictionary<KeyIssueField, string>();
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var taken = 0;
        foreach (var word in words)
        {
            // "theme:a" is an option; "Event:" alone, or any other word, starts the text.
            var colon = word.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == word.Length - 1 || !Options.TryGetValue(word[..colon], out var field))
            {
                break;
            }

            values[field] = values.TryGetValue(field, out var earlier) ? $"{earlier},{word[(colon + 1)..]}" : word[(colon + 1)..];
            taken++;
        }

        return new KeyIssueInput(
            CodeOf(kind),
            string.Join(' ', words.Skip(taken)),
            values.GetValueOrDefault(KeyIssueField.Themes),
            values.GetValueOrDefault(KeyIssueField.Objectives),
            values.GetValueOrDefault(KeyIssueField.Event),
            values.GetValueOrDefault(KeyIssueField.Question),
            values.GetValueOrDefault(KeyIssueField.Intervention));
    }

    /// <summary>
    /// Checks every field. The event is required where the conversation cannot stand for the consultation (a personal
    /// chat); in a meeting or group chat the conversation itself ties the record to its consultation.
    /// </summary>
    public static KeyIssueCheck Check(KeyIssueInput input, bool eventRequired)
    {
        var problems = new Dictionary<KeyIssueField, KeyIssueProblem>();
        KeyIssueKind? kind = input.Kind is { } code && KindCodes.TryGetValue(code.Trim(), out var known) ? known : null;
        if (kind is null)
        {
            problems[KeyIssueField.Kind] = new KeyIssueProblem(KeyIssueProblemKind.KindMissing);
        }

        var text = TypedText.MultiLine(input.Text);
        if (text.Length < MinTextLength)
        {
            problems[KeyIssueField.Text] = new KeyIssueProblem(KeyIssueProblemKind.TextMissing);
        }
        else if (text.Length > MaxTextLength)
        {
            problems[KeyIssueField.Text] = new KeyIssueProblem(KeyIssueProblemKind.TextTooLong, MaxTextLength, text.Length);
        }

        var tags = GcmTagRules.Check(input.Themes, input.Objectives);
        if (tags.ThemesProblem is { } themesProblem)
        {
            problems[KeyIssueField.Themes] = new KeyIssueProblem(KeyIssueProblemKind.Tags, Tags: themesProblem);
        }

        if (tags.ObjectivesProblem is { } objectivesProblem)
        {
            problems[KeyIssueField.Objectives] = new KeyIssueProblem(KeyIssueProblemKind.Tags, Tags: objectivesProblem);
        }

        var eventId = Reference(input.EventId, MaxEventIdLength, KeyIssueField.Event, problems);
        if (eventId is null && eventRequired && !problems.ContainsKey(KeyIssueField.Event))
        {
            problems[KeyIssueField.Event] = new KeyIssueProblem(KeyIssueProblemKind.EventMissing);
        }

        var question = Reference(input.QuestionRef, MaxReferenceLength, KeyIssueField.Question, problems);
        var intervention = Reference(input.InterventionRef, MaxReferenceLength, KeyIssueField.Intervention, problems);

        if (problems.Count > 0)
        {
            return new KeyIssueCheck(null, problems);
        }

        return new KeyIssueCheck(
            new KeyIssueContent(kind!.Value, text, tags.Tags!, eventId, question, intervention),
            problems);
    }

    /// <summary>An id of another record (an event, a question, an intervention): short, plain characters, or null.</summary>
    public static string? Reference(string? raw, int maxLength, KeyIssueField field, IDictionary<KeyIssueField, KeyIssueProblem> problems)
    {
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length > maxLength || !ReferencePattern().IsMatch(value))
        {
            problems[field] = new KeyIssueProblem(KeyIssueProblemKind.BadReference, maxLength);
            return null;
        }

        return value;
    }

    /// <summary>An id typed as a command's argument (e.g. <c>key issues consult-a</c>); null when absent or unusable.</summary>
    public static string? EventArgument(string arguments, out KeyIssueProblem? problem)
    {
        var problems = new Dictionary<KeyIssueField, KeyIssueProblem>();
        var value = arguments.Trim();
        if (value.StartsWith("event:", StringComparison.OrdinalIgnoreCase))
        {
            value = value["event:".Length..];
        }

        var id = Reference(value, MaxEventIdLength, KeyIssueField.Event, problems);
        problem = problems.GetValueOrDefault(KeyIssueField.Event);
        return id;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:#-]*$")]
    private static partial Regex ReferencePattern();
}
