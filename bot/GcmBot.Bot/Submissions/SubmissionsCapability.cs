using System.Text.Json;
using GcmBot.Bot.Participants;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Submissions;
using GcmBot.Cards.Words;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.Submissions;

public static class SubmissionsCapability
{
    /// <summary>Written submissions: the form and one's own list for stakeholders, the review for organisers.</summary>
    public static IServiceCollection AddSubmissions(this IServiceCollection services)
    {
        services.AddSingleton<SubmissionStore>();
        services.AddSingleton<SubmissionViews>();
        services.AddScoped<IPersonalDataEraser, SubmissionsEraser>();

        services.AddBotCommand<SubmitCommand>("submit", "Command.Submit", ConversationScopes.Personal, "submit [theme]", texts: typeof(SubmissionsTexts));
        services.AddBotCommand<MySubmissionsCommand>("my submissions", "Command.MySubmissions", ConversationScopes.Personal, texts: typeof(SubmissionsTexts));
        services.AddBotCommand<ReviewSubmissionsCommand>(
            "review submissions", "Command.ReviewSubmissions", ConversationScopes.Personal, forOrganisers: true, texts: typeof(SubmissionsTexts));

        services.AddCardAction<SaveSubmissionAction>(SubmissionVerbs.Save);
        services.AddCardAction<EditSubmissionAction>(SubmissionVerbs.Edit);
        services.AddCardAction<WithdrawSubmissionAction>(SubmissionVerbs.Withdraw);
        services.AddCardAction<MySubmissionsPageAction>(SubmissionVerbs.Mine);
        services.AddCardAction<ReviewListAction>(SubmissionVerbs.ReviewList, forOrganisers: true);
        services.AddCardAction<ReviewOpenAction>(SubmissionVerbs.ReviewOpen, forOrganisers: true);
        services.AddCardAction<ReviewDecideAction>(SubmissionVerbs.ReviewDecide, forOrganisers: true);
        return services;
    }
}

/// <summary>The public page of published submissions, as HTML and as JSON.</summary>
public static class SubmissionEndpoints
{
    public const string PagePath = "/submissions";
    public const string JsonPath = "/submissions.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IEndpointRouteBuilder MapSubmissions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(PagePath, async (
            SubmissionStore store,
            TimeProvider time,
            IStringLocalizer<SubmissionsTexts> texts,
            HttpRequest request,
            HttpResponse response,
            CancellationToken cancellationToken) =>
        {
            var published = await store.PublishedAsync(cancellationToken);
            var language = Languages.RequestLanguage.Of(request);
            Headers(response);

            // The same address answers in the browser's language: caches must keep one copy per Accept-Language.
            response.Headers.Vary = "Accept-Language";
            response.Headers.ContentLanguage = SupportedLanguages.TagOf(language);
            return Results.Content(PublicSubmissionsPage.Html(published, time.GetUtcNow(), language, texts), "text/html; charset=utf-8");
        });
        endpoints.MapGet(JsonPath, async (SubmissionStore store, TimeProvider time, HttpResponse response, CancellationToken cancellationToken) =>
        {
            var published = await store.PublishedAsync(cancellationToken);
            Headers(response);
            return Results.Json(PublicSubmissionsPage.Document(published, time.GetUtcNow()), JsonOptions);
        });
        return endpoints;
    }

    private static void Headers(HttpResponse response)
    {
        // Public and unchanged for everyone: caches may keep it briefly, so a withdrawal shows within a minute.
        response.Headers.CacheControl = "public, max-age=60";
        response.Headers.ContentSecurityPolicy = PublicSubmissionsPage.ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
