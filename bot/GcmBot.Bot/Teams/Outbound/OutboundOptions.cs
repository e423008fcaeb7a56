using System.ComponentModel.DataAnnotations;

namespace GcmBot.Bot.Teams.Outbound;

/// <summary>Limits of proactive sending; Teams' own limits are in docs/ and ../shared/docs/platform-facts.md.</summary>
public sealed class OutboundOptions
{
    public const string SectionName = "Outbound";

    /// <summary>
    /// Sends per second for the whole app, all instances together (Teams allows about 50 per app per tenant); replies
    /// inside turns count against it too. A 429 slows it down for a while.
    /// </summary>
    [Range(1, 1000)]
    public int MaxPerSecond { get; set; } = 47;

    /// <summary>Sends per second into one conversation (Teams allows 7 per second per thread).</summary>
    [Range(1, 7)]
    public int MaxPerSecondPerConversation { get; set; } = 5;

    /// <summary>Attempts before a message is marked failed.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First retry delay when the connector gives no Retry-After; doubles with jitter after that.</summary>
    [Range(10, 60_000)]
    public int BaseRetryDelayMilliseconds { get; set; } = 1000;

    /// <summary>How long an instance's claim on a batch of messages holds; a dead instance's claims expire after it.</summary>
    [Range(2, 600)]
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>How long one send may take before it is abandoned (and retried); less than the lease.</summary>
    [Range(1, 300)]
    public int SendTimeoutSeconds { get; set; } = 10;

    /// <summary>How many messages one instance sends at the same time.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 8;
}
