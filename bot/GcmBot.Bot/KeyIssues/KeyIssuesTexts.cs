namespace GcmBot.Bot.KeyIssues;

/// <summary>Names the resource files of this folder (<c>KeyIssuesTexts.resx</c> and its translations).</summary>
public sealed class KeyIssuesTexts;
