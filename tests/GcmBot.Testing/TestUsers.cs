namespace GcmBot.Testing;

/// <summary>A Teams user as activities carry them.</summary>
public sealed record TestUser(string Id, string AadObjectId, string Name)
{
    public static TestUser Numbered(int n) =>
        new($"29:user-{n}", $"00000000-0000-0000-0000-{n:D12}", $"Participant {n}");
}

public static class TestUsers
{
    /// <summary>Configured as an organiser by <see cref="BotApp"/> unless a test says otherwise.</summary>
    public static readonly TestUser Organiser = new("29:organiser", "0f0f0f0f-0000-0000-0000-00000000000a", "Olga Organiser");

    public static readonly TestUser Alice = new("29:alice", "a11ce000-0000-0000-0000-000000000001", "Alice Ahmed");

    public static readonly TestUser Bob = new("29:bob", "b0b00000-0000-0000-0000-000000000002", "Bob Bautista");

    public static readonly TestUser Chen = new("29:chen", "c4e40000-0000-0000-0000-000000000003", "Chen Wei");
}
