using System.ComponentModel.DataAnnotations;

namespace GcmBot.Bot.Teams.Replies;

/// <summary>How hard a turn tries to deliver its own replies before handing them to the outbound queue.</summary>
public sealed class ReplyOptions
{
    public const string SectionName = "Replies";

    /// <summary>
    /// Time a turn may spend retrying its replies, counted from the start of the turn. Teams gives up waiting for the
    /// HTTP answer after about 15 s and then re-delivers, so stay well below that.
    /// </summary>
    [Range(0, 14_000)]
    public int BudgetMilliseconds { get; set; } = 10_000;

    /// <summary>First retry delay when the connector gives no Retry-After; doubles (with jitter) after that.</summary>
    [Range(10, 10_000)]
    public int BaseDelayMilliseconds { get; set; } = 250;

    /// <summary>Longest single wait between two attempts when the connector gives no Retry-After.</summary>
    [Range(10, 14_000)]
    public int MaxDelayMilliseconds { get; set; } = 2_000;
}
