namespace GcmBot.Bot.Submissions;

/// <summary>Names the resource files of this folder (<c>SubmissionsTexts.resx</c> and its translations).</summary>
public sealed class SubmissionsTexts;
