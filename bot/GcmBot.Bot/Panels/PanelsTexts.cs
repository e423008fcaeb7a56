namespace GcmBot.Bot.Panels;

/// <summary>Names the resource files of this folder (<c>PanelsTexts.resx</c> and its translations).</summary>
public sealed class PanelsTexts;
