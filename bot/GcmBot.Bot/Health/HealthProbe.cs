namespace GcmBot.Bot.Health;

/// <summary>
/// <c>GcmBot.Bot --probe URL</c>: asks a running instance's health endpoint and exits 0 when it answers 2xx, 1
/// otherwise. The container's HEALTHCHECK uses it, since the chiselled runtime image has no curl or shell.
/// </summary>
public static class HealthProbe
{
    public static async Task<int> RunAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(new Uri(url));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            return 1;
        }
    }
}
