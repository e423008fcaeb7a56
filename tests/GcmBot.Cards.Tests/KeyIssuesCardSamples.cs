using GcmBot.Bot.Engagement;
using GcmBot.Cards.KeyIssues;

namespace GcmBot.Cards.Tests;

public sealed class KeyIssuesCardSamples : ICardSamples
{
    public IEnumerable<CardSample> Samples()
    {
        yield return new CardSample("keyissue-form-meeting", KeyIssueFormCard.Build(Form("In this meeting's chat", false, new Dictionary<string, string?> { [KeyIssueFormCard.Kind] = "issue" }, new Dictionary<string, string>())));
        yield return new CardSample("keyissue-form-personal-errors", KeyIssueFormCard.Build(Form(
            "In our personal chat: name the consultation",
            true,
            new Dictionary<string, string?>
            {
                [KeyIssueFormCard.Kind] = "recommendation",
                [KeyIssueFormCard.Text] = SubmissionsCardSamples.Hostile,
                [KeyIssueFormCard.Themes] = "d",
                [KeyIssueFormCard.Objectives] = "23",
                [KeyIssueFormCard.Question] = "not an id!",
            },
            new Dictionary<string, string>
            {
                [KeyIssueFormCard.Event] = "Please say which consultation this is from (its event id, e.g. consult-a).",
                [KeyIssueFormCard.Question] = "That question id is not one I can use: letters, digits and . _ : # - only, up to 64 characters.",
            })));

        yield return new CardSample("keyissue-list-empty", KeyIssueListCard.Build(new KeyIssueListModel("Recorded in this conversation", null, [], 0, false, 0, null)));
        yield return new CardSample("keyissue-list-full", KeyIssueListCard.Build(new KeyIssueListModel(
            "Recorded in every conversation, for consultation consult-a",
            "consult-a",
            Enumerable.Range(1, 10).Select(i => new KeyIssueListEntry(
                i,
                i % 2 == 0 ? "Recommendation" : "Key issue",
                i == 3 ? SubmissionsCardSamples.Hostile : new string('k', 2000),
                "themes a · objectives 2, 5 · consultation consult-a · question 12 · intervention 7 · Tue 1 Dec 2026, 10:00 (GMT+7)")).ToList(),
            1,
            true,
            25,
            "Recorded key issue #25 (themes a; objectives 2, 5).")));
    }

    private static KeyIssueFormModel Form(string context, bool eventRequired, IReadOnlyDictionary<string, string?> values, IReadOnlyDictionary<string, string> errors) => new(
        "0123456789abcdef0123456789abcdef",
        context,
        eventRequired,
        values,
        errors,
        [new("Key issue", "issue"), new("Recommendation", "recommendation")],
        GcmChoices.Themes(),
        GcmChoices.Objectives(GcmChoices.ChosenThemes(values.GetValueOrDefault(KeyIssueFormCard.Themes))),
        2000,
        100,
        64);
}
