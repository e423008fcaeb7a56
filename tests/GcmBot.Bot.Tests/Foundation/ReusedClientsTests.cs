using System.Security.Claims;
using GcmBot.Bot.Teams;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Moq.Protected;

namespace GcmBot.Bot.Tests.Foundation;

/// <summary>The connector and user token clients of a turn are built once and shared by later turns, never disposed by one.</summary>
public sealed class ReusedClientsTests
{
    private static readonly ClaimsIdentity Bot = new([new Claim(AuthenticationConstants.AppIdClaim, "app-1"), new Claim(AuthenticationConstants.AudienceClaim, "app-1")]);

    [Fact]
    public async Task TwoTurns_ShareOneConnectorClient_PerServiceUrl_AndATurnsDisposeLeavesItAlone()
    {
        var (auth, factory, built) = Setup(new FakeTimeProvider());
        var first = await (await auth.AuthenticateRequestAsync(new Activity(), "token", default)).ConnectorFactory.CreateAsync("https://smba.example/one/", "aud", default);
        first.Dispose();
        var second = await (await auth.AuthenticateRequestAsync(new Activity(), "token", default)).ConnectorFactory.CreateAsync("https://smba.example/one/", "aud", default);
        var other = await (await auth.AuthenticateRequestAsync(new Activity(), "token", default)).ConnectorFactory.CreateAsync("https://smba.example/two/", "aud", default);

        factory.Verify(f => f.CreateAsync("https://smba.example/one/", "aud", It.IsAny<CancellationToken>()), Times.Once);
        factory.Verify(f => f.CreateAsync("https://smba.example/two/", "aud", It.IsAny<CancellationToken>()), Times.Once);
        Assert.Same(built["https://smba.example/one/"].Object.Conversations, second.Conversations);
        Assert.Same(built["https://smba.example/two/"].Object.Conversations, other.Conversations);
        built["https://smba.example/one/"].Verify(c => c.Dispose(), Times.Never);
    }

    [Fact]
    public async Task AfterItsLifetime_AClientIsBuiltAgain()
    {
        var time = new FakeTimeProvider();
        var (auth, factory, _) = Setup(time);
        await (await auth.AuthenticateRequestAsync(new Activity(), "token", default)).ConnectorFactory.CreateAsync("https://smba.example/one/", "aud", default);
        time.Advance(ReusingBotFrameworkAuthentication.Lifetime + TimeSpan.FromSeconds(1));
        await (await auth.AuthenticateRequestAsync(new Activity(), "token", default)).ConnectorFactory.CreateAsync("https://smba.example/one/", "aud", default);

        factory.Verify(f => f.CreateAsync("https://smba.example/one/", "aud", It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task UserTokenClient_IsBuiltOncePerBot_AndATurnsDisposeLeavesItAlone()
    {
        var inner = new Mock<BotFrameworkAuthentication>();
        var tokens = new Mock<UserTokenClient>();
        tokens.Setup(t => t.SignOutUserAsync("u", "c", "msteams", It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        inner.Setup(a => a.CreateUserTokenClientAsync(It.IsAny<ClaimsIdentity>(), It.IsAny<CancellationToken>())).ReturnsAsync(tokens.Object);
        var auth = new ReusingBotFrameworkAuthentication(inner.Object, new FakeTimeProvider());

        var first = await auth.CreateUserTokenClientAsync(Bot, default);
        first.Dispose();
        var second = await auth.CreateUserTokenClientAsync(Bot, default);
        await second.SignOutUserAsync("u", "c", "msteams", default);

        inner.Verify(a => a.CreateUserTokenClientAsync(It.IsAny<ClaimsIdentity>(), It.IsAny<CancellationToken>()), Times.Once);
        tokens.Verify(t => t.SignOutUserAsync("u", "c", "msteams", It.IsAny<CancellationToken>()), Times.Once);
        tokens.Protected().Verify("Dispose", Times.Never(), ItExpr.IsAny<bool>());
    }

    private static (ReusingBotFrameworkAuthentication Auth, Mock<ConnectorFactory> Factory, Dictionary<string, Mock<IConnectorClient>> Built) Setup(TimeProvider time)
    {
        var built = new Dictionary<string, Mock<IConnectorClient>>();
        var factory = new Mock<ConnectorFactory>();
        factory.Setup(f => f.CreateAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string url, string _, CancellationToken _) =>
            {
                var client = new Mock<IConnectorClient>();
                client.Setup(c => c.Conversations).Returns(Mock.Of<IConversations>());
                built[url] = client;
                return client.Object;
            });
        var inner = new Mock<BotFrameworkAuthentication>();
        inner.Setup(a => a.AuthenticateRequestAsync(It.IsAny<Activity>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new AuthenticateRequestResult { ClaimsIdentity = Bot, ConnectorFactory = factory.Object, Audience = "aud" });
        return (new ReusingBotFrameworkAuthentication(inner.Object, time), factory, built);
    }
}
