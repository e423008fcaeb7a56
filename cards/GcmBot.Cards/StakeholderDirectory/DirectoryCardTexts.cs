namespace GcmBot.Cards.StakeholderDirectory;

/// <summary>Names the resource files of this folder (<c>DirectoryCardTexts.resx</c> and its translations).</summary>
public sealed class DirectoryCardTexts;
