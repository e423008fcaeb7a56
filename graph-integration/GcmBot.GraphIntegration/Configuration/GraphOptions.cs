using System.ComponentModel.DataAnnotations;

namespace GcmBot.GraphIntegration.Configuration;

/// <summary>How GcmBot signs in to Microsoft Entra ID to call Microsoft Graph.</summary>
public enum GraphCredentialKind
{
    /// <summary>An app registration's client secret (Graph:ClientSecret, from an environment variable or secret store).</summary>
    ClientSecret,

    /// <summary>An app registration's certificate (Graph:CertificatePath, optionally Graph:CertificatePassword).</summary>
    Certificate,

    /// <summary>The Azure managed identity of the host; Graph:ClientId selects a user-assigned one.</summary>
    ManagedIdentity,
}

/// <summary>
/// Microsoft Graph settings (section <c>Graph</c>). Without an organiser mailbox Graph is off: GcmBot records
/// consultations and offers .ics files instead of creating Teams meetings (the embedded default).
/// </summary>
public sealed class GraphOptions
{
    public const string SectionName = "Graph";

    /// <summary>The Entra tenant (GUID or verified domain) of the organiser mailbox.</summary>
    public string? TenantId { get; set; }

    /// <summary>The app registration's client id (for managed identity: a user-assigned identity's client id, or empty).</summary>
    public string? ClientId { get; set; }

    public GraphCredentialKind Credential { get; set; } = GraphCredentialKind.ClientSecret;

    /// <summary>Never in appsettings.json: an environment variable (Graph__ClientSecret) or a secret store.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>A PFX or PEM file holding the certificate and its private key.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>The mailbox (UPN or Entra object id) whose calendar holds the consultations; it organises the meetings.</summary>
    public string? OrganiserMailbox { get; set; }

    /// <summary>Graph's address; other clouds (US Gov, China) have their own.</summary>
    [Required]
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Outlook allows 4 concurrent requests per app and mailbox.</summary>
    [Range(1, 4)]
    public int MaxConcurrentRequests { get; set; } = 4;

    /// <summary>The whole of one call, Graph's own retries (Retry-After) included.</summary>
    [Range(5, 900)]
    public int TimeoutSeconds { get; set; } = 300;

    /// <summary>Graph is used only when an organiser mailbox is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(OrganiserMailbox);

    /// <summary>The settings that turn Graph on, for administrators (logs, docs); organisers are told in plain words.</summary>
    public const string RequiredSettingsText =
        "Graph:OrganiserMailbox, Graph:TenantId, Graph:ClientId and a credential (Graph:ClientSecret, Graph:CertificatePath, or Graph:Credential=ManagedIdentity)";
}
