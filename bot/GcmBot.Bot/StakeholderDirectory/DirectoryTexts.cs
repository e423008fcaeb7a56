namespace GcmBot.Bot.StakeholderDirectory;

/// <summary>Names the resource files of this folder (<c>DirectoryTexts.resx</c> and its translations).</summary>
public sealed class DirectoryTexts;
