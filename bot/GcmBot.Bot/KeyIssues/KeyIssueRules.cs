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

public sealed record KeyIssueCheck(KeyIssueContent? Content, IReadOnlyDictionary<KeyIssueField, string> Problems)
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

    public static string Label(KeyIssueKind kind) => kind == KeyIssueKind.KeyIssue ? "Key issue" : "Recommendation";

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
        var problems = new Dictionary<KeyIssueField, string>();
        KeyIssueKind? kind = input.Kind is { } code && KindCodes.TryGetValue(code.Trim(), out var known) ? known : null;
        if (kind is null)
        {
            problems[KeyIssueField.Kind] = "Please choose: a key issue or a recommendation.";
        }

        var text = TypedText.MultiLine(input.Text);
        if (text.Length < MinTextLength)
        {
            problems[KeyIssueField.Text] = "Please write the key issue or recommendation.";
        }
        else if (text.Length > MaxTextLength)
        {
            problems[KeyIssueField.Text] = $"Please keep it under {MaxTextLength:N0} characters (it has {text.Length:N0}).";
        }

        var tags = GcmTagRules.Check(input.Themes, input.Objectives);
        if (tags.ThemesProblem is { } themesProblem)
        {
            problems[KeyIssueField.Themes] = themesProblem;
        }

        if (tags.ObjectivesProblem is { } objectivesProblem)
        {
            problems[KeyIssueField.Objectives] = objectivesProblem;
        }

        var eventId = Reference(input.EventId, MaxEventIdLength, KeyIssueField.Event, "consultation", problems);
        if (eventId is null && eventRequired && !problems.ContainsKey(KeyIssueField.Event))
        {
            problems[KeyIssueField.Event] = "Please say which consultation this is from (its event id, e.g. consult-a).";
        }

        var question = Reference(input.QuestionRef, MaxReferenceLength, KeyIssueField.Question, "question", problems);
        var intervention = Reference(input.InterventionRef, MaxReferenceLength, KeyIssueField.Intervention, "intervention", problems);

        if (problems.Count > 0)
        {
            return new KeyIssueCheck(null, problems);
        }

        return new KeyIssueCheck(
            new KeyIssueContent(kind!.Value, text, tags.Tags!, eventId, question, intervention),
            problems);
    }

    /// <summary>An id of another record (an event, a question, an intervention): short, plain characters, or null.</summary>
    public static string? Reference(string? raw, int maxLength, KeyIssueField field, string what, IDictionary<KeyIssueField, string> problems)
    {
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length > maxLength || !ReferencePattern().IsMatch(value))
        {
            problems[field] = $"That {what} id is not one I can use: letters, digits and . _ : # - only, up to {maxLength} characters.";
            return null;
        }

        return value;
    }

    /// <summary>An id typed as a command's argument (e.g. <c>key issues consult-a</c>); null when absent or unusable.</summary>
    public static string? EventArgument(string arguments, out string? problem)
    {
        var problems = new Dictionary<KeyIssueField, string>();
        var value = arguments.Trim();
        if (value.StartsWith("event:", StringComparison.OrdinalIgnoreCase))
        {
            value = value["event:".Length..];
        }

        var id = Reference(value, MaxEventIdLength, KeyIssueField.Event, "consultation", problems);
        problem = problems.GetValueOrDefault(KeyIssueField.Event);
        return id;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:#-]*$")]
    private static partial Regex ReferencePattern();
}
