using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Identity;
using GcmBot.GraphIntegration.Configuration;
using GcmBot.GraphIntegration.Meetings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GcmBot.GraphIntegration.Tests;

public sealed class GraphOptionsTests
{
    private static GraphOptions Configured() => new()
    {
        OrganiserMailbox = "consultations@rnm-ap.example.org",
        TenantId = "72f988bf-0000-0000-0000-000000000001",
        ClientId = "11111111-2222-3333-4444-555555555555",
        ClientSecret = "secret",
    };

    [Fact]
    public void Validate_NothingConfigured_IsOfflineAndValid()
    {
        var result = new GraphOptionsValidator().Validate(null, new GraphOptions());

        Assert.True(result.Succeeded);
        Assert.False(new GraphOptions().IsConfigured);
    }

    [Fact]
    public void Validate_CredentialsWithoutMailbox_FailsNamingTheMailboxSetting()
    {
        var result = new GraphOptionsValidator().Validate(null, Configured());
        var halfDone = Configured();
        halfDone.OrganiserMailbox = null;

        var failed = new GraphOptionsValidator().Validate(null, halfDone);

        Assert.True(result.Succeeded);
        Assert.True(failed.Failed);
        Assert.Contains("Graph:OrganiserMailbox", failed.FailureMessage);
    }

    [Fact]
    public void Validate_ClientSecretCredentialWithoutSecret_Fails()
    {
        var options = Configured();
        options.ClientSecret = null;

        var result = new GraphOptionsValidator().Validate(null, options);

        Assert.Contains("Graph:ClientSecret", result.FailureMessage);
    }

    [Theory]
    [InlineData("not a mailbox", "Graph:OrganiserMailbox")]
    [InlineData("consultations@rnm-ap.example.org", null)]
    [InlineData("0f0f0f0f-0000-0000-0000-00000000000a", null)]
    public void Validate_OrganiserMailbox_MustBeUpnOrObjectId(string mailbox, string? complaint)
    {
        var options = Configured();
        options.OrganiserMailbox = mailbox;

        var result = new GraphOptionsValidator().Validate(null, options);

        Assert.Equal(complaint is null, result.Succeeded);
        if (complaint is not null)
        {
            Assert.Contains(complaint, result.FailureMessage);
        }
    }

    [Theory]
    [InlineData("http://graph.example.org/v1.0", false)]
    [InlineData("https://graph.microsoft.us/v1.0", true)]
    [InlineData("http://127.0.0.1:5000/v1.0", true)]
    public void Validate_BaseUrl_MustBeHttpsOrLoopback(string baseUrl, bool valid)
    {
        var options = Configured();
        options.BaseUrl = baseUrl;

        Assert.Equal(valid, new GraphOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_ManagedIdentity_NeedsNoSecret()
    {
        var options = Configured();
        options.Credential = GraphCredentialKind.ManagedIdentity;
        options.ClientSecret = null;
        options.ClientId = null;

        Assert.True(new GraphOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Create_EachCredentialKind_GivesItsAzureIdentityCredential()
    {
        var certificatePath = Path.Combine(Path.GetTempPath(), $"gcmbot-graph-{Guid.NewGuid():N}.pfx");
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=GcmBot test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.Now.AddDays(-1), DateTimeOffset.Now.AddDays(1));
            File.WriteAllBytes(certificatePath, certificate.Export(X509ContentType.Pfx, "pw"));
        }

        try
        {
            var withCertificate = Configured();
            withCertificate.Credential = GraphCredentialKind.Certificate;
            withCertificate.CertificatePath = certificatePath;
            withCertificate.CertificatePassword = "pw";
            var managed = Configured();
            managed.Credential = GraphCredentialKind.ManagedIdentity;

            Assert.IsType<ClientSecretCredential>(GraphCredentials.Create(Configured()));
            Assert.IsType<ClientCertificateCredential>(GraphCredentials.Create(withCertificate));
            Assert.IsType<ManagedIdentityCredential>(GraphCredentials.Create(managed));
        }
        finally
        {
            File.Delete(certificatePath);
        }
    }

    [Fact]
    public async Task AddGraphIntegration_WithoutSettings_RegistersTheOfflineScheduler()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddGraphIntegration();
        await using var provider = services.BuildServiceProvider();

        var scheduler = provider.GetRequiredService<IMeetingScheduler>();
        var failure = await Assert.ThrowsAsync<MeetingSchedulingException>(() =>
            scheduler.CreateAsync(GraphTestHost.Details(), CancellationToken.None));

        Assert.False(scheduler.IsConfigured);
        Assert.Equal(MeetingFailure.NotConfigured, failure.Failure);
        Assert.Contains("Graph:OrganiserMailbox", failure.Message);
    }

    [Fact]
    public async Task AddGraphIntegration_HalfConfigured_FailsValidationAtStart()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Graph:TenantId"] = "72f988bf-0000-0000-0000-000000000001" })
            .Build());
        services.AddLogging();
        services.AddGraphIntegration();
        await using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GraphOptions>>().Value);

        Assert.Contains("Graph:OrganiserMailbox", failure.Message);
    }
}
