using GcmBot.Cards.AdaptiveCards;

namespace GcmBot.Cards.Registration;

/// <summary>Form inputs with the server's verdict on each shown right under it (Adaptive Cards show errorMessage only for client-side checks).</summary>
internal static class FormFields
{
    public static void Add(List<CardElement> body, IReadOnlyDictionary<string, string> errors, CardInput input)
    {
        body.Add(input);
        if (input.Id is not null && errors.TryGetValue(input.Id, out var error))
        {
            body.Add(new TextBlock("⚠ " + error) { Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.None });
        }
    }
}
