namespace GcmBot.Cards.KeyIssues;

/// <summary>Names the resource files of this folder (<c>KeyIssuesCardTexts.resx</c> and its translations).</summary>
public sealed class KeyIssuesCardTexts;
