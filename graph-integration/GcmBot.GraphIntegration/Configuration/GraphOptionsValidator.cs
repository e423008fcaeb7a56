using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace GcmBot.GraphIntegration.Configuration;

/// <summary>
/// Checks the Graph settings at start-up, so that a half-finished configuration stops the app with a clear reason
/// instead of failing at the first consultation.
/// </summary>
public sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) ||
            !(baseUrl.Scheme == Uri.UriSchemeHttps || (baseUrl.Scheme == Uri.UriSchemeHttp && baseUrl.IsLoopback)))
        {
            failures.Add("Graph:BaseUrl must be an absolute https address (e.g. https://graph.microsoft.com/v1.0).");
        }

        if (!options.IsConfigured)
        {
            // Offline mode. Credentials without a mailbox are a half-done configuration: say so.
            if (!string.IsNullOrWhiteSpace(options.TenantId) || !string.IsNullOrWhiteSpace(options.ClientId) ||
                !string.IsNullOrWhiteSpace(options.ClientSecret) || !string.IsNullOrWhiteSpace(options.CertificatePath))
            {
                failures.Add("Graph:OrganiserMailbox is required when other Graph settings are given (leave all Graph settings empty to run without Graph).");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        if (!IsMailbox(options.OrganiserMailbox!))
        {
            failures.Add("Graph:OrganiserMailbox must be a user principal name (name@domain) or an Entra object id.");
        }

        if (string.IsNullOrWhiteSpace(options.TenantId) || !(Guid.TryParse(options.TenantId, out _) || IsDomain(options.TenantId)))
        {
            failures.Add("Graph:TenantId is required: the tenant's id (GUID) or a verified domain name.");
        }

        var hasClientId = Guid.TryParse(options.ClientId, out _);
        switch (options.Credential)
        {
            case GraphCredentialKind.ClientSecret:
                if (!hasClientId)
                {
                    failures.Add("Graph:ClientId (a GUID) is required for the ClientSecret credential.");
                }

                if (string.IsNullOrWhiteSpace(options.ClientSecret))
                {
                    failures.Add("Graph:ClientSecret is required for the ClientSecret credential (set it as the environment variable Graph__ClientSecret).");
                }

                break;
            case GraphCredentialKind.Certificate:
                if (!hasClientId)
                {
                    failures.Add("Graph:ClientId (a GUID) is required for the Certificate credential.");
                }

                if (string.IsNullOrWhiteSpace(options.CertificatePath) || !File.Exists(options.CertificatePath))
                {
                    failures.Add("Graph:CertificatePath must name an existing PFX or PEM file for the Certificate credential.");
                }

                break;
            case GraphCredentialKind.ManagedIdentity:
                if (!string.IsNullOrWhiteSpace(options.ClientId) && !hasClientId)
                {
                    failures.Add("Graph:ClientId, when given for a user-assigned managed identity, must be its client id (a GUID).");
                }

                break;
            default:
                failures.Add("Graph:Credential must be ClientSecret, Certificate or ManagedIdentity.");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsMailbox(string value) =>
        Guid.TryParse(value, out _) || (MailAddress.TryCreate(value, out var address) && address.Address == value.Trim());

    private static bool IsDomain(string value) =>
        value.Contains('.', StringComparison.Ordinal) && Uri.CheckHostName(value) == UriHostNameType.Dns;
}
