using GcmBot.Bot.Engagement;
using GcmBot.Cards.KeyIssues;

namespace GcmBot.Cards.Tests;

public sealed class KeyIssuesCardSamples : ICardSamples
{
    public IEnumerable<CardSample> Samples() => SampleLanguages.All.SelectMany(InLanguage);

    private static IEnumerable<CardSample> InLanguage(System.Globalization.CultureInfo culture)
    {
        yield return new CardSample(SampleLanguages.Name("keyissue-form-meeting", culture), BuildForm(culture, Form("In this meeting's chat", false, new Dictionary<string, string?> { [KeyIssueFormCard.Kind] = "issue" }, new Dictionary<string, string>())));
        yield return new CardSample(SampleLanguages.Name("keyissue-form-personal-errors", culture), BuildForm(culture, Form(
            "In our personal chat: choose the consultation",
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
                [KeyIssueFormCard.Event] = "Please choose the consultation this is from.",
                [KeyIssueFormCard.Question] = "I cannot use that number: use letters, digits and . _ : # - only, up to 64 characters.",
            })));

        yield return new CardSample(SampleLanguages.Name("keyissue-list-empty", culture), BuildList(culture, new KeyIssueListModel("Recorded in this conversation", null, [], 0, false, 0, null)));
        if (GcmBot.Cards.Words.SupportedLanguages.IsPseudo(culture))
        {
            // The crowded list is at the size limit in real languages; the pseudo-locale's longer texts are not a language.
            yield break;
        }

        yield return new CardSample(SampleLanguages.Name("keyissue-list-full", culture), BuildList(culture, new KeyIssueListModel(
            "Recorded in every conversation, for the consultation “Thematic consultation on theme a: voluntary, orderly and regular migration”",
            "consult-a",
            Enumerable.Range(1, 10).Select(i => new KeyIssueListEntry(
                i,
                i % 2 == 0 ? "Recommendation" : "Key issue",
                i == 3 ? SubmissionsCardSamples.Hostile : new string('k', 2000),
                "themes a · objectives 2, 5 · consultation “Thematic consultation on theme a: voluntary, orderly and regular migration” · question 12 · intervention 7 · Tue 1 Dec 2026, 10:00 (GMT+7)")).ToList(),
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
        Enumerable.Range(0, 12).Select(i => new AdaptiveCards.Choice($"Thematic consultation {i}: " + new string('c', 120), $"consult-{i}")).ToList(),
        2000,
        64);

    private static AdaptiveCards.AdaptiveCard BuildForm(System.Globalization.CultureInfo culture, KeyIssueFormModel model) => KeyIssueFormCard.Build(model, culture);

    private static AdaptiveCards.AdaptiveCard BuildList(System.Globalization.CultureInfo culture, KeyIssueListModel model) => KeyIssueListCard.Build(model, culture);
}
