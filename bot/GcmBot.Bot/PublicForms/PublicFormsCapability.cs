using System.Globalization;
using System.Threading.RateLimiting;
using GcmBot.Bot.Languages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.PublicForms;

/// <summary>
/// Registration and written submissions on the web, for stakeholders without Teams: server-rendered pages that work
/// without script, with antiforgery tokens, a rate limit per address, a honeypot, size limits and a strict CSP.
/// </summary>
public static class PublicFormsCapability
{
    public const string RateLimitPolicy = "public-forms";
    public const string RegisterPath = "/register";
    public const string ManagePath = "/register/manage";
    public const string SubmitPath = "/submit";

    public static IServiceCollection AddPublicForms(this IServiceCollection services)
    {
        services.AddOptions<PublicFormsOptions>().BindConfiguration(PublicFormsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddAntiforgery(options =>
        {
            options.FormFieldName = "__form";
            options.Cookie.Name = "gcmbot.form";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimitPolicy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<PublicFormsOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SendsPerMinutePerAddress, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            options.OnRejected = (rejected, cancellationToken) =>
                new ValueTask(PublicPage.Message(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "TooMany.Title", "TooMany.Text").ExecuteAsync(rejected.HttpContext));
        });
        services.AddSingleton<ManageLinkStore>();
        services.AddScoped<Participants.IPersonalDataEraser>(sp => sp.GetRequiredService<ManageLinkStore>());
        services.AddSingleton<WebIdentity>();
        services.AddScoped<WebRegistration>();
        services.AddScoped<WebSubmission>();
        return services;
    }

    public static WebApplication MapPublicForms(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapGet(WebLayout.StylePath, (HttpResponse response) =>
        {
            response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(WebLayout.StyleSheet, "text/css; charset=utf-8");
        });

        // Browsers ask for an icon on every page; an empty answer spares them (and their consoles) a 404.
        app.MapGet("/favicon.ico", () => Results.NoContent());

        app.MapGet(RegisterPath, (HttpContext context, WebRegistration pages, CancellationToken ct) => pages.NewFormAsync(context, ct));
        app.MapPost(RegisterPath, (HttpContext context, WebRegistration pages, CancellationToken ct) => pages.SubmitAsync(context, ct))
            .RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();
        app.MapGet(ManagePath + "/{secret}", (HttpContext context, string secret, WebRegistration pages, CancellationToken ct) => pages.StatusAsync(context, secret, ct));
        app.MapGet(ManagePath + "/{secret}/edit", (HttpContext context, string secret, WebRegistration pages, CancellationToken ct) => pages.EditFormAsync(context, secret, ct));
        app.MapPost(ManagePath + "/{secret}/edit", (HttpContext context, string secret, WebRegistration pages, CancellationToken ct) => pages.ChangeAsync(context, secret, ct))
            .RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();
        app.MapPost(ManagePath + "/{secret}/cancel", (HttpContext context, string secret, WebRegistration pages, CancellationToken ct) => pages.CancelAsync(context, secret, ct))
            .RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();
        app.MapPost(ManagePath + "/{secret}/erase", (HttpContext context, string secret, WebRegistration pages, CancellationToken ct) => pages.EraseAsync(context, secret, ct))
            .RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();

        app.MapGet(SubmitPath, (HttpContext context, WebSubmission pages, CancellationToken ct) => pages.NewFormAsync(context, ct));
        app.MapPost(SubmitPath, (HttpContext context, WebSubmission pages, CancellationToken ct) => pages.SubmitAsync(context, ct))
            .RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();
        return app;
    }
}

/// <summary>What every public form page shares: its language, headers, the checks before a form is read, and messages.</summary>
public static class PublicPage
{
    /// <summary>Sets the page's language for the request and the headers every public page sends.</summary>
    public static CultureInfo Begin(HttpContext context, bool isPrivate)
    {
        var culture = RequestLanguage.Of(context.Request);
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = GcmBot.Cards.Words.SupportedLanguages.IsPseudo(culture) ? GcmBot.Cards.Words.SupportedLanguages.English : culture;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = WebLayout.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        if (isPrivate)
        {
            headers["X-Robots-Tag"] = "noindex";
        }

        return culture;
    }

    /// <summary>
    /// Reads a posted form after the checks every public form gets: size, antiforgery token, honeypot. Null with the
    /// answer to give when a check fails; nothing is changed then.
    /// </summary>
    public static async Task<(IFormCollection? Form, IResult? Refusal)> ReadFormAsync(HttpContext context, string backPath, CancellationToken cancellationToken)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<PublicFormsOptions>>().Value;
        if (context.Request.ContentLength > limits.MaxRequestBytes)
        {
            return (null, Message(context, StatusCodes.Status413PayloadTooLarge, "TooLarge.Title", "TooLarge.Text", backPath));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limits.MaxRequestBytes;
        }

        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        IFormCollection form;
        try
        {
            if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
            {
                return (null, Message(context, StatusCodes.Status400BadRequest, "Expired.Title", "Expired.Text", backPath));
            }

            form = await context.Request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Message(context, StatusCodes.Status413PayloadTooLarge, "TooLarge.Title", "TooLarge.Text", backPath));
        }
        catch (InvalidDataException)
        {
            // Too many fields or a field too long for the form reader's limits.
            return (null, Message(context, StatusCodes.Status413PayloadTooLarge, "TooLarge.Title", "TooLarge.Text", backPath));
        }

        if (!string.IsNullOrEmpty(form[RegistrationPages.TrapField].ToString()))
        {
            return (null, Message(context, StatusCodes.Status400BadRequest, "Refused.Title", "Refused.Text", backPath));
        }

        return (form, null);
    }

    /// <summary>A short page: a title, a sentence, and a way back.</summary>
    public static IResult Message(HttpContext context, int status, string titleKey, string textKey, string? backPath = null, params object[] arguments)
    {
        var culture = Begin(context, isPrivate: true);
        var texts = context.RequestServices.GetRequiredService<IStringLocalizer<PublicFormsTexts>>();
        var content = "<p>" + WebLayout.Html(texts[textKey, arguments]) + "</p>\n" + (backPath is null
            ? string.Empty
            : "<p><a href=\"" + WebLayout.Html(PublicCulture.Keep(backPath, culture)) + "\">" + WebLayout.Html(texts["Back"]) + "</a></p>\n");
        var html = WebLayout.Page(texts, culture, texts[titleKey], context.Request.Path, content);
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>A page of the layout with the given content.</summary>
    public static IResult Html(HttpContext context, CultureInfo culture, IStringLocalizer texts, string title, string content, int status = StatusCodes.Status200OK) =>
        Results.Content(WebLayout.Page(texts, culture, title, context.Request.Path, content), "text/html; charset=utf-8", statusCode: status);

    /// <summary>All values of a posted field, joined as Teams joins a multi-select's (comma-separated).</summary>
    public static string? Value(IFormCollection form, string field) =>
        form.TryGetValue(field, out var values) && values.Count > 0 ? string.Join(',', values.Where(v => !string.IsNullOrEmpty(v))) : null;
}
