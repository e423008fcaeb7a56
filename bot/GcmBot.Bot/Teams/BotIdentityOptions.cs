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

/// <summary>The bot's own safety switches (section "Bot").</summary>
public sealed class BotSecurityOptions
{
    public const string SectionName = "Bot";

    public const string RefusalMessage =
        "MicrosoftAppId is empty, which turns authentication off: anyone could call /api/messages and pose as any user, "
        + "organisers included. Set MicrosoftAppId (and its credentials) to the Azure Bot's values, or, to run without "
        + "authentication on purpose outside Development, set Bot:AllowUnauthenticatedRequests=true.";

    /// <summary>
    /// Lets the bot start without authentication (empty MicrosoftAppId) outside the Development environment: for
    /// tests and closed local setups only. Development needs no such switch.
    /// </summary>
    public bool AllowUnauthenticatedRequests { get; set; }
}
