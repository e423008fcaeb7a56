namespace GcmBot.Testing;

/// <summary>
/// The network link of one test instance of the bot: marks each outgoing request with the instance's name and, once
/// <see cref="Cut"/>, lets no request leave any more: they wait for ever, as they would in a process that died. A
/// request already on its way is answered as usual.
/// </summary>
public sealed class InstanceLink(string name)
{
    public const string HeaderName = "X-GcmBot-Test-Instance";

    /// <summary>When the request left the instance (Stopwatch ticks of this test process).</summary>
    public const string SentAtHeaderName = "X-GcmBot-Test-Sent-At";

    private readonly TaskCompletionSource _never = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;
    private int _heldSends;
    private int _sent;
    private volatile bool _cut;

    public string Name { get; } = name;

    /// <summary>Requests that reached the network before the cut.</summary>
    public int Sent => Volatile.Read(ref _sent);

    /// <summary>Requests stopped by the cut.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>New messages (POST …/activities) among the held requests.</summary>
    public int HeldSends => Volatile.Read(ref _heldSends);

    public void Cut() => _cut = true;

    /// <summary>The handler to put in every HttpClient of the instance.</summary>
    public DelegatingHandler CreateHandler() => new Handler(this);

    private sealed class Handler(InstanceLink link) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (link._cut)
            {
                Interlocked.Increment(ref link._held);
                if (request.Method == HttpMethod.Post && request.RequestUri?.AbsolutePath.EndsWith("/activities", StringComparison.Ordinal) == true)
                {
                    Interlocked.Increment(ref link._heldSends);
                }

                await link._never.Task;
            }

            request.Headers.TryAddWithoutValidation(HeaderName, link.Name);
            request.Headers.TryAddWithoutValidation(SentAtHeaderName, System.Diagnostics.Stopwatch.GetTimestamp().ToString(System.Globalization.CultureInfo.InvariantCulture));
            Interlocked.Increment(ref link._sent);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
