using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace GcmBot.Bot.Tests.Reliability;

/// <summary>
/// A stand-in for the Bot Framework's token service as the bot sees it: an OpenID metadata document and a JWKS (keys
/// with their channel endorsements) served over https by an in-process handler, and tokens signed with those keys, so
/// that authentication can be tested end to end without the internet. <see cref="Configure"/> points the SDK at it.
/// </summary>
public sealed class FakeBotFrameworkIdentity
{
    public const string Issuer = "https://api.botframework.test";
    public const string AppId = "0b07a11d-5e5e-4c4c-9d9d-000000000b07";
    public const string TrustedKeyId = "trusted";
    public const string WebChatKeyId = "webchat-only";

    private readonly RSA _trusted = RSA.Create(2048);
    private readonly RSA _webChatOnly = RSA.Create(2048);

    /// <summary>A host of its own per instance: the SDK caches metadata per URL for the whole process.</summary>
    public string Host { get; } = $"login-{Guid.NewGuid():N}.botframework.test";

    public string MetadataUrl => $"https://{Host}/v1/.well-known/openidconfiguration";

    /// <summary>A key nobody published, for forged tokens.</summary>
    public RSA Stranger { get; } = RSA.Create(2048);

    public RSA Trusted => _trusted;

    public RSA WebChatOnly => _webChatOnly;

    /// <summary>The trusted key's public part as its PEM bytes (what a key-confusion attack signs HS256 with).</summary>
    public byte[] TrustedPublicKeyBytes => Encoding.ASCII.GetBytes(_trusted.ExportSubjectPublicKeyInfoPem());

    /// <summary>Settings that make the SDK validate against this identity (single-tenant app <see cref="AppId"/>).</summary>
    public void Configure(BotAppOptions options)
    {
        options.Settings["MicrosoftAppType"] = "SingleTenant";
        options.Settings["MicrosoftAppId"] = AppId;
        options.Settings["MicrosoftAppPassword"] = "not-a-real-secret";
        options.Settings["MicrosoftAppTenantId"] = BotApp.TenantId;
        options.Settings["Bot:AllowUnauthenticatedRequests"] = "false";
        options.Settings["ToBotFromChannelOpenIdMetadataUrl"] = MetadataUrl;
        options.Settings["ToBotFromChannelTokenIssuer"] = Issuer;
        options.Settings["ToBotFromEmulatorOpenIdMetadataUrl"] = $"https://{Host}/emulator/.well-known/openidconfiguration";
        options.Settings["OAuthUrl"] = $"https://token-{Host}";
        options.Settings["ToChannelFromBotLoginUrl"] = $"https://{Host}/{BotApp.TenantId}";
        options.Settings["ToChannelFromBotOAuthScope"] = "https://api.botframework.com";
        options.Settings["ValidateAuthority"] = "true";
        Publish(MetadataUrl);
        Publish($"https://{Host}/emulator/.well-known/openidconfiguration");
    }

    /// <summary>
    /// Makes the SDK fetch this metadata URL's documents through the in-process handler. Bot Framework 4.23.1 (its
    /// final release) fetches metadata and keys with a static HttpClient of its own that nothing can replace, but it
    /// keeps one configuration manager per metadata URL in a process-wide cache; an entry placed there first is used
    /// as is, so everything else, https required and every validation step, runs as in production. Fails loudly if a
    /// later SDK renamed the caches.
    /// </summary>
    private void Publish(string metadataUrl)
    {
        var client = new HttpClient(new Endpoints(this) { InnerHandler = new SocketsHttpHandler() });
        var openId = Cache<ConfigurationManager<OpenIdConnectConfiguration>>("_openIdMetadataCache");
        openId[metadataUrl] = new ConfigurationManager<OpenIdConnectConfiguration>(
            metadataUrl, new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever(client) { RequireHttps = true });
        var endorsements = Cache<ConfigurationManager<IDictionary<string, HashSet<string>>>>("_endorsementsCache");
        var retriever = new EndorsementsRetriever(client);
        endorsements[metadataUrl] = new ConfigurationManager<IDictionary<string, HashSet<string>>>(metadataUrl, retriever, retriever);
    }

    private static ConcurrentDictionary<string, T> Cache<T>(string field) =>
        typeof(JwtTokenExtractor).GetField(field, BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null) as ConcurrentDictionary<string, T>
        ?? throw new InvalidOperationException($"JwtTokenExtractor.{field} is not there any more: the SDK changed; update this test seam.");

    /// <summary>The claims of a valid channel token for an activity sent to <paramref name="serviceUrl"/>.</summary>
    public static JsonObject ChannelClaims(string serviceUrl, DateTimeOffset? now = null)
    {
        var at = now ?? DateTimeOffset.UtcNow;
        return new JsonObject
        {
            ["iss"] = Issuer,
            ["aud"] = AppId,
            ["serviceurl"] = serviceUrl,
            ["nbf"] = at.AddMinutes(-1).ToUnixTimeSeconds(),
            ["iat"] = at.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = at.AddMinutes(30).ToUnixTimeSeconds(),
        };
    }

    /// <summary>An RS256 token signed by <paramref name="key"/> under the key id <paramref name="keyId"/>.</summary>
    public static string Sign(JsonObject claims, RSA key, string keyId)
    {
        var unsigned = $"{Encode(new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = keyId })}.{Encode(claims)}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(unsigned), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{unsigned}.{Base64Url(signature)}";
    }

    /// <summary>A token with a header of the caller's choosing and an HMAC-SHA256 signature (or none when no secret).</summary>
    public static string SignWith(JsonObject header, JsonObject claims, byte[]? hmacSecret)
    {
        var unsigned = $"{Encode(header)}.{Encode(claims)}";
        var signature = hmacSecret is null ? string.Empty : Base64Url(HMACSHA256.HashData(hmacSecret, Encoding.ASCII.GetBytes(unsigned)));
        return $"{unsigned}.{signature}";
    }

    public static string Encode(JsonObject json) => Base64Url(Encoding.UTF8.GetBytes(json.ToJsonString()));

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private JsonObject Metadata(string path) => new()
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = $"https://{Host}/{path}/authorize",
        ["jwks_uri"] = $"https://{Host}/{path}/keys",
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    };

    private JsonObject Keys() => new()
    {
        ["keys"] = new JsonArray(Jwk(_trusted, TrustedKeyId, "msteams", "webchat"), Jwk(_webChatOnly, WebChatKeyId, "webchat")),
    };

    private static JsonObject Jwk(RSA key, string keyId, params string[] endorsements)
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = keyId,
            ["n"] = Base64Url(parameters.Modulus!),
            ["e"] = Base64Url(parameters.Exponent!),
            ["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)e).ToArray()),
        };
    }

    /// <summary>Answers the identity host's URLs; everything else goes to the network as usual.</summary>
    private sealed class Endpoints(FakeBotFrameworkIdentity identity) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri?.Host != identity.Host)
            {
                return base.SendAsync(request, cancellationToken);
            }

            var path = request.RequestUri.AbsolutePath;
            JsonObject? body = path switch
            {
                "/v1/.well-known/openidconfiguration" => identity.Metadata("v1"),
                "/emulator/.well-known/openidconfiguration" => identity.Metadata("emulator"),
                "/v1/keys" or "/emulator/keys" => identity.Keys(),
                _ => null,
            };
            var response = body is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
            return Task.FromResult(response);
        }
    }
}
