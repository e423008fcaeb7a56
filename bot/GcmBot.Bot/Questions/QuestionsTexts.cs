using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.Questions;

/// <summary>Names the resource files of this folder (<c>QuestionsTexts.resx</c> and its translations).</summary>
public sealed class QuestionsTexts;

/// <summary>
/// Puts the Q&amp;A's outcomes and refusals into words, in the language of the code that runs (the turn's person, or
/// the recipient of a proactive message).
/// </summary>
public sealed class QnaWords(IStringLocalizer<QuestionsTexts> texts)
{
    public string this[string key] => texts[key];

    public string this[string key, params object[] arguments] => texts[key, arguments];

    /// <summary>What a change did, or why it did nothing.</summary>
    public string Say(QnaOutcome outcome) =>
        texts[
            $"Outcome.{outcome.Notice}",
            outcome.Number,
            outcome.Other,
            outcome.State is { } state ? StateOf(state) : string.Empty,
            outcome.Title ?? string.Empty,
            outcome.Count];

    /// <summary>Why typed text was refused.</summary>
    public string Say(TextCheck check) => texts[$"Problem.{check.Problem}", check.Length, check.Limit];

    /// <summary>Where a question is, as a phrase that fits "Question #3 is …".</summary>
    public string StateOf(QuestionStatus state) => texts[$"State.{state}"];
}
