using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.Exports;

/// <summary>
/// The address people reach the host at, for links in messages and on pages: <c>PublicHost:BaseUrl</c> when set;
/// otherwise the address the host actually listens on, so a local run on another port still gives working links.
/// </summary>
public sealed class PublicAddress(IOptions<PublicHostOptions> options, IServer server, IConfiguration configuration)
{
    private const string LastResort = "http://localhost:5000";

    /// <summary>The base address, always ending with a slash.</summary>
    public Uri Base => new(WithSlash(Configured() ?? Listening() ?? FromUrlsSetting() ?? LastResort));

    /// <summary>A path on the host, e.g. <c>/submissions</c>.</summary>
    public Uri Link(string path) => new(Base, path.TrimStart('/'));

    private string? Configured() => string.IsNullOrWhiteSpace(options.Value.BaseUrl) ? null : options.Value.BaseUrl.Trim();

    // Known once the server has started; it resolves port 0 to the port taken.
    private string? Listening() => Pick(server.Features.Get<IServerAddressesFeature>()?.Addresses);

    private string? FromUrlsSetting() =>
        Pick(configuration[WebHostDefaults.ServerUrlsKey]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string? Pick(IEnumerable<string>? addresses)
    {
        var usable = addresses?.Select(Reachable).Where(a => a is not null).Cast<Uri>().ToList();
        if (usable is null || usable.Count == 0)
        {
            return null;
        }

        return (usable.FirstOrDefault(a => a.Scheme == Uri.UriSchemeHttps) ?? usable[0]).ToString();
    }

    /// <summary>A listening address as a browser can use it: wildcard hosts (<c>0.0.0.0</c>, <c>[::]</c>, <c>+</c>, <c>*</c>) become localhost.</summary>
    private static Uri? Reachable(string address)
    {
        var wildcard = address.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal);
        return Uri.TryCreate(wildcard, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;
    }

    private static string WithSlash(string address) => address.EndsWith('/') ? address : address + "/";
}
