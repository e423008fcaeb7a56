namespace GcmBot.Cards.Submissions;

/// <summary>Names the resource files of this folder (<c>SubmissionsCardTexts.resx</c> and its translations).</summary>
public sealed class SubmissionsCardTexts;
