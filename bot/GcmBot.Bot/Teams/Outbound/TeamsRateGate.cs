using GcmBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.Teams.Outbound;

/// <summary>A send slot: when to send, measured from the moment it was granted.</summary>
public readonly record struct SendSlot(TimeSpan Delay);

/// <summary>
/// Teams' limits for the app as a whole, shared by every instance through the database (<see cref="SendRate"/> rows):
/// about 50 sends a second per app and 7 per conversation. Each send takes the next slot of the app's schedule and of
/// its conversation's in one statement; a 429 pushes the app's schedule past Retry-After and widens its interval
/// (multiplicative), which each later slot narrows again a little (additive) back to the configured rate. Replies sent
/// inside turns are counted too: they take slots of the app's schedule after the fact, so proactive sends leave room
/// for them. On PostgreSQL the database's clock times every slot, so instances on machines whose clocks differ agree.
/// </summary>
public sealed class TeamsRateGate(
    IDbContextFactory<GcmDbContext> databases,
    IOptions<OutboundOptions> options)
{
    public const string AppKey = "app";

    /// <summary>The largest interval a run of 429s can widen the app's schedule to (4 sends a second).</summary>
    private const long MaxIntervalMicros = 250_000;

    // Pacing follows Teams' real clock, never the app's domain clock (which tests may stop): only PostgreSQL's clock
    // or, on SQLite (one instance), this machine's.
    private static readonly TimeProvider RealTime = TimeProvider.System;

    private int _replies;

    private long AppIntervalMicros => 1_000_000L / options.Value.MaxPerSecond;

    private long ConversationIntervalMicros => 1_000_000L / options.Value.MaxPerSecondPerConversation;

    /// <summary>A reply went out inside a turn: the next proactive slot leaves room for it.</summary>
    public void CountReply() => Interlocked.Increment(ref _replies);

    /// <summary>Takes the next slot of the app's schedule and of the conversation's, and says when to send.</summary>
    public async Task<SendSlot> ReserveAsync(string conversationId, CancellationToken cancellationToken)
    {
        var replies = Interlocked.Exchange(ref _replies, 0);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var postgres = db.Database.IsNpgsql();
        var now = postgres ? PostgresNow : "{4}";
        var greatest = postgres ? "GREATEST" : "MAX";
        // Both rows in one statement, always the app's first (the same lock order for every instance). The slot is
        // the last of those taken: the replies' slots come before it.
        var sql = $$"""
            INSERT INTO "SendRates" ("Key", "NextFreeMicros", "IntervalMicros")
            VALUES ({0}, {{now}} + {2} * (1 + {5}), {2}), ({1}, {{now}} + {3}, {3})
            ON CONFLICT ("Key") DO UPDATE SET
                "IntervalMicros" = {{greatest}}(excluded."IntervalMicros", "SendRates"."IntervalMicros" - excluded."IntervalMicros" / 50),
                "NextFreeMicros" = {{greatest}}("SendRates"."NextFreeMicros", {{now}})
                    + (CASE WHEN excluded."Key" = {0} THEN 1 + {5} ELSE 1 END)
                    * {{greatest}}(excluded."IntervalMicros", "SendRates"."IntervalMicros" - excluded."IntervalMicros" / 50)
            RETURNING "Key", "NextFreeMicros", "IntervalMicros", {{now}} AS "NowMicros"
            """;
        var rows = await db.Database.SqlQueryRaw<SlotRow>(
            sql, AppKey, ConversationKey(conversationId), AppIntervalMicros, ConversationIntervalMicros, Micros(RealTime.GetUtcNow()), replies)
            .ToListAsync(cancellationToken);
        var start = rows.Max(r => r.NextFreeMicros - r.IntervalMicros);
        var delay = TimeSpan.FromMicroseconds(Math.Max(0, start - rows[0].NowMicros));
        return new SendSlot(delay);
    }

    /// <summary>Teams answered 429: every instance waits as long as it asked, then sends a little slower.</summary>
    public async Task ThrottledAsync(TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var postgres = db.Database.IsNpgsql();
        var now = postgres ? PostgresNow : "{3}";
        var greatest = postgres ? "GREATEST" : "MAX";
        var least = postgres ? "LEAST" : "MIN";
        // Only the provider's function names are put into the text; every value is a parameter.
        var sql = $$"""
            UPDATE "SendRates" SET
                "NextFreeMicros" = {{greatest}}("NextFreeMicros", {{now}} + {1}),
                "IntervalMicros" = {{least}}({2}, "IntervalMicros" * 5 / 4)
            WHERE "Key" = {0}
            """;
        await db.Database.ExecuteSqlRawAsync(
            sql,
            [AppKey, (long)retryAfter.TotalMicroseconds, MaxIntervalMicros, Micros(RealTime.GetUtcNow())],
            cancellationToken);
    }

    /// <summary>Forgets conversations' schedules that are long past (one row per conversation ever sent to).</summary>
    public async Task ForgetIdleAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var cutoff = Micros(RealTime.GetUtcNow() - TimeSpan.FromMinutes(5));
        await db.Database.ExecuteSqlRawAsync(
            """DELETE FROM "SendRates" WHERE "Key" <> {0} AND "NextFreeMicros" < {1}""", [AppKey, cutoff], cancellationToken);
    }

    internal static string ConversationKey(string conversationId) => "conversation:" + conversationId;

    private const string PostgresNow = "(extract(epoch from clock_timestamp()) * 1000000)::bigint";

    private static long Micros(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    /// <summary>One row of the reservation's answer.</summary>
    internal sealed class SlotRow
    {
        public string Key { get; set; } = string.Empty;
        public long NextFreeMicros { get; set; }
        public long IntervalMicros { get; set; }
        public long NowMicros { get; set; }
    }
}
