using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace GcmBot.Bot.Teams;

/// <summary>
/// The SDK's authentication with the clients of a turn reused across turns. <c>CloudAdapter</c> builds a new
/// <see cref="ConnectorClient"/> and a new user token client for every activity it receives, each constructor parsing
/// regular expressions to clean its user agent: measured, about a third of everything a bare turn allocated
/// (docs/performance.md). Here both are built once per bot identity, service URL and audience, with the SDK's own
/// factories and credentials (which renew their tokens themselves), and rebuilt after <see cref="Lifetime"/> so that a
/// changed address of the Bot Connector is eventually seen. The turn gets a wrapper whose Dispose leaves the shared
/// client alone (the turn context disposes what it holds).
/// </summary>
public sealed class ReusingBotFrameworkAuthentication(BotFrameworkAuthentication inner, TimeProvider time) : BotFrameworkAuthentication
{
    /// <summary>How long a built client is reused.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Reused<IConnectorClient>> _connectors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Reused<UserTokenClient>> _tokenClients = new(StringComparer.Ordinal);

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
        Reuse(await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken));

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        Reuse(await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken));

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new ReusingConnectorFactory(this, inner.CreateConnectorFactory(claimsIdentity), AppIdOf(claimsIdentity));

    public override async Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken)
    {
        var client = await GetAsync(_tokenClients, AppIdOf(claimsIdentity), () => inner.CreateUserTokenClientAsync(claimsIdentity, CancellationToken.None), cancellationToken);
        return new SharedUserTokenClient(client);
    }

    public override Microsoft.Bot.Builder.Skills.BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private AuthenticateRequestResult Reuse(AuthenticateRequestResult result)
    {
        if (result.ConnectorFactory is { } factory and not ReusingConnectorFactory)
        {
            result.ConnectorFactory = new ReusingConnectorFactory(this, factory, AppIdOf(result.ClaimsIdentity));
        }

        return result;
    }

    /// <summary>Who the clients act for: the caller's app id (token v1 or v2) and the audience the token was for.</summary>
    private static string AppIdOf(ClaimsIdentity? identity) => identity is null
        ? string.Empty
        : string.Join('\n', identity.Claims
            .Where(c => c.Type is AuthenticationConstants.AppIdClaim or AuthenticationConstants.AuthorizedParty or AuthenticationConstants.AudienceClaim)
            .Select(c => $"{c.Type}={c.Value}")
            .Order(StringComparer.Ordinal));

    private async Task<T> GetAsync<T>(ConcurrentDictionary<string, Reused<T>> cache, string key, Func<Task<T>> create, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var entry = cache.GetOrAdd(key, _ => new Reused<T>(create, now));
        if (entry.Built.IsFaulted || entry.Built.IsCanceled || now - entry.BuiltAt > Lifetime)
        {
            // Failed to build (no token yet, say) or old: the next turn builds a new one. The old client is left to the
            // collector, not disposed: a turn may still be using it.
            cache.TryUpdate(key, new Reused<T>(create, now), entry);
            entry = cache[key];
        }

        return await entry.Built.WaitAsync(cancellationToken);
    }

    private sealed class Reused<T>(Func<Task<T>> create, DateTimeOffset builtAt)
    {
        private readonly Lazy<Task<T>> _built = new(create);

        public Task<T> Built => _built.Value;

        public DateTimeOffset BuiltAt => builtAt;
    }

    private sealed class ReusingConnectorFactory(ReusingBotFrameworkAuthentication owner, ConnectorFactory inner, string appId) : ConnectorFactory
    {
        public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
        {
            var key = $"{appId}\n{serviceUrl}\n{audience}";
            var client = await owner.GetAsync(owner._connectors, key, () => inner.CreateAsync(serviceUrl, audience, CancellationToken.None), cancellationToken);
            return new SharedConnectorClient(client);
        }
    }

    /// <summary>A shared connector client as one turn holds it: disposing it does nothing.</summary>
    private sealed class SharedConnectorClient(IConnectorClient shared) : IConnectorClient
    {
        public Uri BaseUri { get => shared.BaseUri; set => shared.BaseUri = value; }

        public JsonSerializerSettings SerializationSettings => shared.SerializationSettings;

        public JsonSerializerSettings DeserializationSettings => shared.DeserializationSettings;

        public ServiceClientCredentials Credentials => shared.Credentials;

        public IAttachments Attachments => shared.Attachments;

        public IConversations Conversations => shared.Conversations;

        public void Dispose()
        {
        }
    }

    /// <summary>A shared user token client as one turn holds it: disposing it does nothing.</summary>
    private sealed class SharedUserTokenClient(UserTokenClient shared) : UserTokenClient
    {
        public override Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
            shared.GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken);

        public override Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
            shared.GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken);

        public override Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
            shared.SignOutUserAsync(userId, connectionName, channelId, cancellationToken);

        public override Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
            shared.GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken);

        public override Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
            shared.GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken);

        public override Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
            shared.ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken);

        protected override void Dispose(bool disposing)
        {
        }
    }
}
