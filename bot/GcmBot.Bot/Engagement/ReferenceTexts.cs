using System.Globalization;
using GcmBot.Cards.Words;

namespace GcmBot.Bot.Engagement;

/// <summary>
/// The reference data's titles in every language (<c>ReferenceTexts.resx</c> and its translations): the GCM objectives
/// and roundtable themes in the wording of the UN texts (A/RES/73/195, A/RES/73/326), stakeholder groups, ESCAP
/// subregions, genders and the ESCAP members' names as the UN writes them.
/// </summary>
public sealed class ReferenceTexts
{
    /// <summary>The text of a key in a language (the current UI language when none is given); null when the key is missing.</summary>
    internal static string? Find(string key, CultureInfo? culture)
    {
        var texts = TextResources.For<ReferenceTexts>(culture ?? CultureInfo.CurrentUICulture);
        return texts.Find(key) is null ? null : texts[key];
    }
}
