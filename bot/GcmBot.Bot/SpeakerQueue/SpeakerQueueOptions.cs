using System.ComponentModel.DataAnnotations;

namespace GcmBot.Bot.SpeakerQueue;

/// <summary>Settings of the speakers' list (section "SpeakerQueue").</summary>
public sealed class SpeakerQueueOptions
{
    public const string SectionName = "SpeakerQueue";

    /// <summary>The speaking-time limit a new list starts with; the chair can change it per consultation.</summary>
    [Range(0, 1800)]
    public int DefaultSpeakingLimitSeconds { get; set; } = 180;

    /// <summary>The ordering policy a new list starts with: fifo, first-time or balanced.</summary>
    [RegularExpression("^(fifo|first-time|balanced)$")]
    public string DefaultPolicy { get; set; } = "fifo";

    /// <summary>
    /// The shortest time between two updates of a shared card. Teams allows 7 sends per second per chat for all of a
    /// bot's messages; one card update a second leaves room for everything else.
    /// </summary>
    [Range(250, 60_000)]
    public int CardUpdateIntervalMilliseconds { get; set; } = 1000;

    /// <summary>How many waiting people the shared card lists (the rest are counted): keeps the card small.</summary>
    [Range(3, 30)]
    public int WaitingShownOnCard { get; set; } = 10;

    /// <summary>How many waiting people the chair's picker offers (moves, skip, remove).</summary>
    [Range(5, 100)]
    public int WaitingInChairPicker { get; set; } = 40;

    /// <summary>How often the time watcher looks for speakers whose time is up.</summary>
    [Range(1, 60)]
    public int TimeCheckSeconds { get; set; } = 1;

    /// <summary>
    /// How long before the speaking-time limit the speaker is told their time is nearly up; 0: never. Not sent when the
    /// limit is shorter than twice this.
    /// </summary>
    [Range(0, 300)]
    public int NearlyUpSeconds { get; set; } = 30;

    /// <summary>Re-posting the card within this time just points to the card above (no spam of the chat).</summary>
    [Range(0, 3600)]
    public int RepostCooldownSeconds { get; set; } = 30;

    /// <summary>Speaking-time limits the chair can choose from, in seconds; 0 means no limit.</summary>
    public static IReadOnlyList<int> LimitChoices { get; } = [0, 60, 90, 120, 180, 240, 300, 420, 600];
}
