using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.SpeakerQueue;

/// <summary>A short line in the meeting chat that @mentions one person.</summary>
/// <param name="Line">The sentence, with <see cref="SpeakerMentionCard.MentionText"/> where the name goes.</param>
/// <param name="UserId">The person's Teams id.</param>
public sealed record SpeakerMentionModel(string Line, string UserId, string Name);

/// <summary>
/// Tells one person in the meeting chat what concerns them ("you have the floor"), when the bot cannot write to them
/// alone: an anonymous meeting participant has no personal chat with the bot. The mention makes Teams notify them.
/// </summary>
public static class SpeakerMentionCard
{
    /// <summary>The text that stands for the mention of a person in a line.</summary>
    public static string MentionText(string name) => CardMention.Tag(name);

    public static AdaptiveCard Build(SpeakerMentionModel model, CultureInfo culture) => new([new TextBlock(model.Line)])
    {
        Mentions = [new CardMention(model.UserId, model.Name)],
        FallbackText = model.Line.Replace(MentionText(model.Name), model.Name, StringComparison.Ordinal),
        Lang = SupportedLanguages.TagOf(culture),
    };
}
