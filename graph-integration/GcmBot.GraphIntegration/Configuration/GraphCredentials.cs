using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;

namespace GcmBot.GraphIntegration.Configuration;

/// <summary>The Azure.Identity credential the configuration asks for.</summary>
public static class GraphCredentials
{
    public static TokenCredential Create(GraphOptions options) => options.Credential switch
    {
        GraphCredentialKind.ClientSecret => new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret),
        GraphCredentialKind.Certificate when !string.IsNullOrEmpty(options.CertificatePassword) =>
            new ClientCertificateCredential(options.TenantId, options.ClientId, X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath!, options.CertificatePassword)),
        // Without a password the file may be PFX or PEM; Azure.Identity reads both.
        GraphCredentialKind.Certificate => new ClientCertificateCredential(options.TenantId, options.ClientId, options.CertificatePath),
        GraphCredentialKind.ManagedIdentity => new ManagedIdentityCredential(string.IsNullOrWhiteSpace(options.ClientId)
            ? ManagedIdentityId.SystemAssigned
            : ManagedIdentityId.FromUserAssignedClientId(options.ClientId)),
        _ => throw new InvalidOperationException("Unknown Graph credential kind."),
    };
}
