using GcmBot.Cards.AdaptiveCards;

namespace GcmBot.Cards.Common;

/// <summary>A form input followed by the server's verdict on it (Adaptive Cards show errorMessage only for client-side checks).</summary>
internal static class FormField
{
    public static void Add(List<CardElement> body, IReadOnlyDictionary<string, string> errors, CardInput input)
    {
        body.Add(input);
        if (input.Id is not null && errors.TryGetValue(input.Id, out var error))
        {
            body.Add(new TextBlock("⚠ " + MarkdownText.Escape(error)) { Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.None });
        }
    }
}
