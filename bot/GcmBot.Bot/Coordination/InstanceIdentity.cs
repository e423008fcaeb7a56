namespace GcmBot.Bot.Coordination;

/// <summary>
/// Who this running instance is, for leases and telemetry: the machine (container) name and a random suffix, new at
/// every start, so that a restarted instance never mistakes the leases of its previous life for its own.
/// </summary>
public sealed class InstanceIdentity
{
    private const int MaxLength = 100;

    public string Id { get; } = Shorten($"{Environment.MachineName}-{Guid.NewGuid().ToString("N")[..12]}");

    private static string Shorten(string id) => id.Length <= MaxLength ? id : id[^MaxLength..];
}
