using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.Tests.Reliability;

/// <summary>Without an app id the bot accepts anyone: it starts so only in Development or when told so explicitly.</summary>
public sealed class AuthenticationStartupTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task NoAppId_OutsideDevelopment_RefusesToStart(string environment)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => BotApp.StartAsync(o =>
        {
            o.Environment = environment;
            o.Settings["Bot:AllowUnauthenticatedRequests"] = "false";
        }));

        var refusal = failure as OptionsValidationException ?? failure.InnerException as OptionsValidationException;
        Assert.NotNull(refusal);
        Assert.Contains("Bot:AllowUnauthenticatedRequests=true", refusal.Message);
    }

    [Theory]
    [InlineData("Development", "false")]
    [InlineData("Production", "true")]
    public async Task NoAppId_InDevelopmentOrAllowedExplicitly_StartsAndWarnsThatAuthenticationIsOff(string environment, string allowed)
    {
        var sink = new LogSink();
        await using var bot = await BotApp.StartAsync(o =>
        {
            o.Environment = environment;
            o.Settings["Bot:AllowUnauthenticatedRequests"] = allowed;
            o.Services.Add(s => s.AddSingleton<ILoggerProvider>(sink));
        });

        var turn = await bot.PersonalChat(TestUsers.Alice).SayAsync("help");

        Assert.Contains("What I can do here", turn.Reply.AllText);
        Assert.Contains(sink.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Authentication is OFF"));
    }

    [Fact]
    public async Task AppIdSet_InProduction_StartsWithoutTheWarning()
    {
        var sink = new LogSink();
        await using var bot = await BotApp.StartAsync(o =>
        {
            o.Environment = "Production";
            new FakeBotFrameworkIdentity().Configure(o);
            o.Services.Add(s => s.AddSingleton<ILoggerProvider>(sink));
        });

        Assert.DoesNotContain(sink.Entries, e => e.Message.Contains("Authentication is OFF"));
    }
}
