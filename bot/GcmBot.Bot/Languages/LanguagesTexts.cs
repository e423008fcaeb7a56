namespace GcmBot.Bot.Languages;

/// <summary>Names the resource files of this folder (<c>LanguagesTexts.resx</c> and its translations).</summary>
public sealed class LanguagesTexts;
