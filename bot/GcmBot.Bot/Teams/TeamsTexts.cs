namespace GcmBot.Bot.Teams;

/// <summary>Names the resource files of the Teams face (<c>TeamsTexts.resx</c> and its translations).</summary>
public sealed class TeamsTexts;
