namespace GcmBot.Testing;

/// <summary>Waiting on what a fake server records: woken by each new record, bounded by a time-out.</summary>
internal static class Recorded
{
    public static async Task<IReadOnlyList<T>> WaitForAsync<T>(
        Func<IReadOnlyList<T>> snapshot,
        Func<IReadOnlyList<T>, bool> condition,
        SemaphoreSlim changed,
        TimeSpan? timeout,
        Func<IReadOnlyList<T>, string> timeoutMessage)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var records = snapshot();
            if (condition(records))
            {
                return records;
            }

            try
            {
                await changed.WaitAsync(TimeSpan.FromMilliseconds(100), cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(timeoutMessage(records));
            }
        }
    }
}
