using System.Text;

namespace GcmBot.Cards.Words;

/// <summary>
/// The pseudo-locale <c>qps-ploc</c>: each English resource text with its letters accented and a tail that lengthens it
/// by about a third, inside ⟦ ⟧. A sentence that reaches a person unchanged in this locale did not come from the
/// resources. Placeholders (but not the texts of a plural choice), Markdown link targets and anything in backticks are left alone.
/// </summary>
public static class PseudoLocale
{
    private const string Plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Accented = "àƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";

    public static string Transform(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var output = new StringBuilder(text.Length * 2);
        output.Append('⟦');
        var depth = 0;
        var inLinkTarget = false;
        var inCode = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '{':
                    depth++;
                    break;
                case '}':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '`':
                    inCode = !inCode;
                    break;
                case '(' when i > 0 && text[i - 1] == ']':
                    inLinkTarget = true;
                    break;
                case ')' when inLinkTarget:
                    inLinkTarget = false;
                    break;
            }

            // Even depths are text (0: the sentence, 2: a plural choice); odd depths are placeholder heads.
            var index = depth % 2 == 0 && !inLinkTarget && !inCode ? Plain.IndexOf(c, StringComparison.Ordinal) : -1;
            output.Append(index >= 0 ? Accented[index] : c);
        }

        output.Append(' ', 1).Append('·', Math.Max(2, text.Length / 3)).Append('⟧');
        return output.ToString();
    }
}
