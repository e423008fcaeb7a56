using GcmBot.Bot.Participants;
using GcmBot.Bot.PublicForms;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.SideEvents;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.SideEvents;

public static class SideEventsCapability
{
    /// <summary>Side events: proposals and one's own list for stakeholders, the review for organisers, the public page.</summary>
    public static IServiceCollection AddSideEvents(this IServiceCollection services)
    {
        services.AddSingleton<SideEventStore>();
        services.AddSingleton<SideEventViews>();
        services.AddScoped<IPersonalDataEraser, SideEventsEraser>();

        services.AddBotCommand<ProposeSideEventCommand>("propose side event", "Command.Propose", ConversationScopes.Personal, texts: typeof(SideEventsTexts));
        services.AddBotCommand<MySideEventsCommand>("my side events", "Command.Mine", ConversationScopes.Personal, texts: typeof(SideEventsTexts));
        services.AddBotCommand<ReviewSideEventsCommand>(
            "review side events", "Command.Review", ConversationScopes.Personal, forOrganisers: true, texts: typeof(SideEventsTexts));

        services.AddCardAction<SaveSideEventAction>(SideEventVerbs.Save);
        services.AddCardAction<ReviseSideEventAction>(SideEventVerbs.Revise);
        services.AddCardAction<WithdrawSideEventAction>(SideEventVerbs.Withdraw);
        services.AddCardAction<MySideEventsPageAction>(SideEventVerbs.Mine);
        services.AddCardAction<SideEventReviewListAction>(SideEventVerbs.ReviewList, forOrganisers: true);
        services.AddCardAction<SideEventReviewOpenAction>(SideEventVerbs.ReviewOpen, forOrganisers: true);
        services.AddCardAction<SideEventDecideAction>(SideEventVerbs.ReviewDecide, forOrganisers: true);
        return services;
    }
}

/// <summary>The public page of accepted side events.</summary>
public static class SideEventEndpoints
{
    public const string PagePath = "/side-events";

    public static IEndpointRouteBuilder MapSideEvents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(PagePath, async (
            HttpContext context,
            SideEventStore store,
            SideEventViews views,
            IStringLocalizer<PublicFormsTexts> layout,
            IStringLocalizer<SideEventsTexts> texts,
            CancellationToken cancellationToken) =>
        {
            var culture = PublicPage.Begin(context, isPrivate: false);

            // Public and the same for everyone in a language: caches may keep it briefly, one copy per language.
            context.Response.Headers.CacheControl = "public, max-age=60";
            context.Response.Headers.Vary = "Accept-Language";
            context.Response.Headers.ContentLanguage = GcmBot.Cards.Words.SupportedLanguages.TagOf(culture);
            var events = await store.AcceptedAsync(cancellationToken);
            return Results.Content(PublicSideEventsPage.Html(events, culture, views, layout, texts, PagePath), "text/html; charset=utf-8");
        });
        return endpoints;
    }
}
