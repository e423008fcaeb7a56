namespace GcmBot.Bot.Teams;

/// <summary>
/// The Bot Framework keys, at the root of configuration as the SDK expects them. An empty
/// <see cref="MicrosoftAppId"/> turns authentication off: local development, tests and the Agents Playground only.
/// </summary>
public sealed class BotIdentityOptions
{
    /// <summary>MultiTenant, SingleTenant or UserAssignedMSI.</summary>
    public string? MicrosoftAppType { get; set; }

    public string? MicrosoftAppId { get; set; }

    /// <summary>Only from a secret store or environment variable, never appsettings.json.</summary>
    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    public bool AuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}
