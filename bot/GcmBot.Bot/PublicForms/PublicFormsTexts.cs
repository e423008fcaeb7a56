namespace GcmBot.Bot.PublicForms;

/// <summary>Names the resource files of this folder (<c>PublicFormsTexts.resx</c> and its translations).</summary>
public sealed class PublicFormsTexts;
