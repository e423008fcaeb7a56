using System.Globalization;
using GcmBot.Cards.Words;

namespace GcmBot.Bot.Teams.Routing;

/// <summary>Names the resource files of this folder (<c>RoutingTexts.resx</c> and its translations).</summary>
public sealed class RoutingTexts
{
    /// <summary>The routing texts in the language of the current turn (or of the proactive message being built).</summary>
    internal static TextResources Current => TextResources.For<RoutingTexts>(CultureInfo.CurrentUICulture);
}
