using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using static GcmBot.Bot.Tests.Reports.ReportsKit;

namespace GcmBot.Bot.Tests.Reports;

/// <summary>The report offered as a Teams file (file consent card, upload to the URL Teams gives, file card).</summary>
public sealed class ReportFileTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    // Files are offered by default; only the upload host is the test's own.
    public async Task InitializeAsync() => _bot = await StartAsync(o => o.Settings["Reports:UploadHostSuffix"] = "127.0.0.1");

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Report_InThePersonalChat_OffersTheHtmlFileWithItsSize()
    {
        var (consent, html) = await OfferAsync();

        Assert.Equal("application/vnd.microsoft.teams.card.file.consent", consent["contentType"]!.GetValue<string>());
        Assert.Matches(@"^summary-report-stakeholder-consultation-on-theme-a-[a-z-]*\d{8}-\d{4}-en\.html$", consent["name"]!.GetValue<string>());
        Assert.Equal(Encoding.UTF8.GetByteCount(html), consent["content"]!["sizeInBytes"]!.GetValue<long>());
        Assert.Equal("report-file", consent["content"]!["acceptContext"]!["purpose"]!.GetValue<string>());
    }

    [Fact]
    public async Task FileConsent_Accepted_PutsTheBytesAtTheUploadUrlAndSendsAFileCard()
    {
        var (consent, html) = await OfferAsync();
        using var upload = new UploadTarget();

        var turn = await AnswerAsync(consent, "accept", upload.Url);

        Assert.Equal(HttpStatusCode.OK, turn.Status);
        var put = await upload.Received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("PUT", put.Method);
        Assert.Equal(html, put.Body);
        Assert.Equal($"bytes 0-{Encoding.UTF8.GetByteCount(html) - 1}/{Encoding.UTF8.GetByteCount(html)}", put.ContentRange);
        var file = Assert.Single(turn.Replies).Json["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.teams.card.file.info", file["contentType"]!.GetValue<string>());
        Assert.Equal("https://contoso-my.sharepoint.com/report.html", file["contentUrl"]!.GetValue<string>());
        Assert.Equal("item-1", file["content"]!["uniqueId"]!.GetValue<string>());
    }

    [Fact]
    public async Task FileConsent_Declined_SaysSoAndUploadsNothing()
    {
        var (consent, _) = await OfferAsync();
        using var upload = new UploadTarget();

        var turn = await AnswerAsync(consent, "decline", upload.Url);

        Assert.Contains("I have not put the file in your OneDrive", turn.Reply.Text);
        Assert.False(upload.Received.Task.IsCompleted);
    }

    [Fact]
    public async Task FileConsent_WithAnUploadUrlElsewhere_IsRefused()
    {
        var (consent, _) = await OfferAsync();

        var turn = await AnswerAsync(consent, "accept", "https://attacker.example.com/collect");

        Assert.Contains("did not give me a place I can upload the file to", turn.Reply.Text);
    }

    [Fact]
    public async Task FileConsent_FromANonOrganiser_IsRefused()
    {
        var (consent, _) = await OfferAsync();
        using var upload = new UploadTarget();

        var turn = await AnswerAsync(consent, "accept", upload.Url, TestUsers.Alice);

        Assert.Contains("report files are for the organisers", turn.Reply.Text);
        Assert.False(upload.Received.Task.IsCompleted);
    }

    [Fact]
    public async Task FileConsent_WithAnUnknownToken_SaysTheFileExpired()
    {
        var (consent, _) = await OfferAsync();
        consent["content"]!["acceptContext"]!["token"] = "no-such-token";
        using var upload = new UploadTarget();

        var turn = await AnswerAsync(consent, "accept", upload.Url);

        Assert.Contains("That report file has expired", turn.Reply.Text);
    }

    private async Task<(JsonObject Consent, string Html)> OfferAsync()
    {
        await RegisterAsync(_bot, TestUsers.Alice, "civil-society", "NP", "woman");
        var turn = await _bot.PersonalChat(TestUsers.Organiser).SayAsync("report consult-a");
        var link = OpenLink(turn.Replies[0].Card);
        var html = await _bot.Http.GetStringAsync(new Uri(link).PathAndQuery);
        return (turn.Replies[1].Json["attachments"]![0]!.AsObject(), html);
    }

    private Task<Turn> AnswerAsync(JsonObject consent, string action, string uploadUrl, TestUser? from = null)
    {
        var chat = _bot.PersonalChat(from ?? TestUsers.Organiser);
        var activity = chat.NewActivity("invoke-adaptive-card-action", from ?? TestUsers.Organiser);
        activity["name"] = "fileConsent/invoke";
        activity["value"] = new JsonObject
        {
            ["type"] = "fileUpload",
            ["action"] = action,
            ["context"] = consent["content"]![action == "accept" ? "acceptContext" : "declineContext"]!.DeepClone(),
            ["uploadInfo"] = action == "accept"
                ? new JsonObject
                {
                    ["name"] = "report.html",
                    ["uploadUrl"] = uploadUrl,
                    ["contentUrl"] = "https://contoso-my.sharepoint.com/report.html",
                    ["uniqueId"] = "item-1",
                    ["fileType"] = "html",
                }
                : null,
        };
        return chat.SendAsync(activity);
    }

    /// <summary>A loopback HTTP endpoint standing for the OneDrive upload URL Teams gives.</summary>
    private sealed class UploadTarget : IDisposable
    {
        private readonly HttpListener _listener = new();

        public UploadTarget()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = $"http://127.0.0.1:{port}/upload/session-1";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _ = ServeAsync();
        }

        public string Url { get; }

        public TaskCompletionSource<(string Method, string Body, string? ContentRange)> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            try
            {
                var context = await _listener.GetContextAsync();
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                Received.TrySetResult((context.Request.HttpMethod, body, context.Request.Headers["Content-Range"]));
                context.Response.StatusCode = 201;
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                // Closed before any request: the test expected none.
            }
        }
    }
}
