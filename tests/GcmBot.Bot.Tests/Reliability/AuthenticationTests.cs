using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Rest;

namespace GcmBot.Bot.Tests.Reliability;

/// <summary>
/// Authentication fails closed, tried as Teams and as an attacker would: the SDK validates against a local OpenID
/// metadata document and JWKS (<see cref="FakeBotFrameworkIdentity"/>); a valid channel token is served, every forged,
/// stale, misdirected or malformed one is answered 401 with nothing run and nothing leaked.
/// </summary>
public sealed class AuthenticationTests(AuthenticationTests.SignedBot fixture) : IClassFixture<AuthenticationTests.SignedBot>
{
    private readonly FakeBotFrameworkIdentity _identity = fixture.Identity;
    private readonly BotApp _bot = fixture.Bot;

    /// <summary>One host for the whole matrix (each case talks in a chat of its own), production environment.</summary>
    public sealed class SignedBot : IAsyncLifetime
    {
        public FakeBotFrameworkIdentity Identity { get; } = new();

        public BotApp Bot { get; private set; } = null!;

        public async Task InitializeAsync() => Bot = await BotApp.StartAsync(o =>
        {
            o.Environment = "Production";
            Identity.Configure(o);
            // Inbound validation as configured; only the bot's own outbound token (from Entra) is left out, so that a
            // reply can reach the fake connector without the internet.
            o.Services.Add(s => s.AddSingleton<ServiceClientCredentialsFactory>(sp =>
                new WithoutOutboundTokens(new ConfigurationServiceClientCredentialFactory(sp.GetRequiredService<IConfiguration>()))));
        });

        public async Task DisposeAsync() => await Bot.DisposeAsync();
    }

    /// <summary>Each case: a name, and the Authorization header it sends for an activity to the given serviceUrl.</summary>
    public static TheoryData<string> RefusedCases => new()
    {
        "no header",
        "Bearer abc",
        "Bearer (empty)",
        "Basic scheme",
        "not yet valid",
        "expired",
        "unknown key id",
        "alg none",
        "HS256 signed with the public key",
        "tampered payload",
        "tampered signature",
        "wrong audience",
        "wrong issuer",
        "no serviceurl claim",
        "serviceurl mismatch",
        "unendorsed channel",
        "skill-shaped token",
    };

    [Fact]
    public async Task ValidChannelToken_IsAccepted_AndTheTurnRuns()
    {
        var chat = NewChat();
        var activity = Help(chat);

        using var response = await _bot.PostActivityAsync(activity, Valid(activity));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_bot.Connector.CallsTo(chat.Id), c => c.IsSend);
        Assert.Contains("What I can do here", reply.Activity.AllText);
    }

    [Theory]
    [MemberData(nameof(RefusedCases))]
    public async Task InvalidToken_Is401_NothingRuns_NothingLeaks(string @case)
    {
        var chat = NewChat();
        var activity = Help(chat);
        var header = Header(@case, activity);

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", header);
        }

        using var response = await _bot.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain(" at ", body);
        Assert.Empty(_bot.Connector.CallsTo(chat.Id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("ftp://connector.example/")]
    [InlineData("/relative/path")]
    public async Task MissingOrInvalidServiceUrl_Is400(string? serviceUrl)
    {
        var chat = NewChat();
        var activity = Help(chat);
        var token = Valid(activity);
        if (serviceUrl is null)
        {
            activity.Remove("serviceUrl");
        }
        else
        {
            activity["serviceUrl"] = serviceUrl;
        }

        using var response = await _bot.PostActivityAsync(activity, token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A chat of its own for each case, so that what one case's turn sent cannot hide in another's.</summary>
    private TeamsConversation NewChat() => _bot.PersonalChat(TestUser.Numbered(Random.Shared.Next(1_000, 1_000_000)));

    private static JsonObject Help(TeamsConversation chat)
    {
        var activity = chat.NewActivity("message");
        activity["text"] = "help";
        return activity;
    }

    private static string ServiceUrl(JsonObject activity) => activity["serviceUrl"]!.GetValue<string>();

    private string Valid(JsonObject activity) =>
        FakeBotFrameworkIdentity.Sign(FakeBotFrameworkIdentity.ChannelClaims(ServiceUrl(activity)), _identity.Trusted, FakeBotFrameworkIdentity.TrustedKeyId);

    private string? Header(string @case, JsonObject activity)
    {
        var claims = FakeBotFrameworkIdentity.ChannelClaims(ServiceUrl(activity));
        string Signed(JsonObject c) => FakeBotFrameworkIdentity.Sign(c, _identity.Trusted, FakeBotFrameworkIdentity.TrustedKeyId);
        JsonObject With(string name, JsonNode? value)
        {
            var changed = claims.DeepClone().AsObject();
            if (value is null)
            {
                changed.Remove(name);
            }
            else
            {
                changed[name] = value;
            }

            return changed;
        }

        var now = DateTimeOffset.UtcNow;
        return @case switch
        {
            "no header" => null,
            "Bearer abc" => "Bearer abc",
            "Bearer (empty)" => "Bearer ",
            "Basic scheme" => "Basic " + Convert.ToBase64String("user:password"u8.ToArray()),
            "not yet valid" => "Bearer " + Signed(FakeBotFrameworkIdentity.ChannelClaims(ServiceUrl(activity), now.AddHours(2))),
            "expired" => "Bearer " + Signed(With("exp", now.AddHours(-1).ToUnixTimeSeconds())
                .Also(c => c["nbf"] = now.AddHours(-2).ToUnixTimeSeconds())
                .Also(c => c["iat"] = now.AddHours(-2).ToUnixTimeSeconds())),
            "unknown key id" => "Bearer " + FakeBotFrameworkIdentity.Sign(claims, _identity.Stranger, "stranger"),
            "alg none" => "Bearer " + FakeBotFrameworkIdentity.SignWith(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" }, claims, null),
            "HS256 signed with the public key" => "Bearer " + FakeBotFrameworkIdentity.SignWith(
                new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT", ["kid"] = FakeBotFrameworkIdentity.TrustedKeyId }, claims, _identity.TrustedPublicKeyBytes),
            "tampered payload" => "Bearer " + Tamper(Signed(claims), part: 1, With("aud", "someone-else")),
            "tampered signature" => "Bearer " + Tamper(Signed(claims), part: 2, null),
            "wrong audience" => "Bearer " + Signed(With("aud", "11111111-2222-3333-4444-555555555555")),
            "wrong issuer" => "Bearer " + Signed(With("iss", "https://attacker.example")),
            "no serviceurl claim" => "Bearer " + Signed(With("serviceurl", null)),
            "serviceurl mismatch" => "Bearer " + Signed(With("serviceurl", "https://smba.attacker.example/")),
            "unendorsed channel" => "Bearer " + FakeBotFrameworkIdentity.Sign(claims, _identity.WebChatOnly, FakeBotFrameworkIdentity.WebChatKeyId),
            // Another bot calling as a skill: a v1 Entra token for our app id from a different app, correctly signed.
            "skill-shaped token" => "Bearer " + Signed(new JsonObject
            {
                ["iss"] = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
                ["aud"] = FakeBotFrameworkIdentity.AppId,
                ["appid"] = "99999999-8888-7777-6666-555555555555",
                ["ver"] = "1.0",
                ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
                ["exp"] = now.AddMinutes(30).ToUnixTimeSeconds(),
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(@case), @case, null),
        };
    }

    /// <summary>Replaces one part of a signed token: the payload (keeping the signature) or the signature (one byte off).</summary>
    private static string Tamper(string token, int part, JsonObject? payload)
    {
        var parts = token.Split('.');
        if (part == 1)
        {
            parts[1] = FakeBotFrameworkIdentity.Encode(payload!);
        }
        else
        {
            var signature = Convert.FromBase64String(parts[2].Replace('-', '+').Replace('_', '/').PadRight((parts[2].Length + 3) / 4 * 4, '='));
            signature[10] ^= 0x01;
            parts[2] = FakeBotFrameworkIdentity.Base64Url(signature);
        }

        return string.Join('.', parts);
    }

    /// <summary>Validates inbound calls as configured; gives the bot's outgoing calls no token (no Entra in tests).</summary>
    private sealed class WithoutOutboundTokens(ServiceClientCredentialsFactory inner) : ServiceClientCredentialsFactory
    {
        public override Task<bool> IsValidAppIdAsync(string appId, CancellationToken cancellationToken) => inner.IsValidAppIdAsync(appId, cancellationToken);

        public override Task<bool> IsAuthenticationDisabledAsync(CancellationToken cancellationToken) => inner.IsAuthenticationDisabledAsync(cancellationToken);

        public override Task<ServiceClientCredentials> CreateCredentialsAsync(
            string appId, string audience, string loginEndpoint, bool validateAuthority, CancellationToken cancellationToken) =>
            Task.FromResult<ServiceClientCredentials>(MicrosoftAppCredentials.Empty);
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject json, Action<JsonObject> change)
    {
        change(json);
        return json;
    }
}
