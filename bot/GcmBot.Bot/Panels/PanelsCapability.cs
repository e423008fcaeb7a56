using GcmBot.Bot.Participants;
using GcmBot.Bot.PublicForms;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Panels;
using GcmBot.Cards.Words;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.Panels;

public static class PanelsCapability
{
    /// <summary>Expert panellists: proposals and endorsements for stakeholders, review and publication for organisers.</summary>
    public static IServiceCollection AddPanels(this IServiceCollection services)
    {
        services.AddOptions<PanelOptions>().BindConfiguration(PanelOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PanelStore>();
        services.AddSingleton<PanelViews>();
        services.AddScoped<PanelPages>();
        services.AddScoped<PanelNotifier>();
        services.AddScoped<IPersonalDataEraser, PanelsEraser>();

        var texts = typeof(PanelsTexts);
        services.AddBotCommand<ProposePanellistCommand>("propose panellist", "Command.Propose", ConversationScopes.Personal, "propose panellist [a-d]", texts: texts);
        services.AddBotCommand<PanelsCommand>("panels", "Command.Panels", ConversationScopes.Personal, "panels [a-d]", texts: texts);
        services.AddBotCommand<MyPanelProposalsCommand>("my panel proposals", "Command.Mine", ConversationScopes.Personal, texts: texts);
        services.AddBotCommand<PanelReviewCommand>("panel review", "Command.Review", ConversationScopes.Personal, "panel review [a-d]", forOrganisers: true, texts: texts);

        services.AddCardAction<SaveProposalAction>(PanelVerbs.Save);
        services.AddCardAction<BrowsePanelAction>(PanelVerbs.Browse);
        services.AddCardAction<EndorseAction>(PanelVerbs.Endorse);
        services.AddCardAction<UnendorseAction>(PanelVerbs.Unendorse);
        services.AddCardAction<WithdrawProposalAction>(PanelVerbs.Withdraw);
        services.AddCardAction<ReviewPanelAction>(PanelVerbs.Review, forOrganisers: true);
        services.AddCardAction<DecideProposalAction>(PanelVerbs.Decide, forOrganisers: true);
        services.AddCardAction<PublishPanelAction>(PanelVerbs.Publish, forOrganisers: true);
        return services;
    }
}

/// <summary>The public page of the published panellists.</summary>
public static class PanelEndpoints
{
    public const string PagePath = "/panels";

    public static IEndpointRouteBuilder MapPanels(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(PagePath, async (
            PanelStore store,
            IStringLocalizer<PanelsTexts> texts,
            IStringLocalizer<PublicFormsTexts> layout,
            HttpRequest request,
            HttpResponse response,
            CancellationToken cancellationToken) =>
        {
            var published = await store.PublishedAsync(cancellationToken);
            var language = Languages.RequestLanguage.Of(request);

            // Public and the same for everyone: caches may keep it briefly, one copy per Accept-Language.
            response.Headers.CacheControl = "public, max-age=60";
            response.Headers.ContentSecurityPolicy = WebLayout.ContentSecurityPolicy;
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers["Referrer-Policy"] = "no-referrer";
            response.Headers.Vary = "Accept-Language";
            response.Headers.ContentLanguage = SupportedLanguages.TagOf(language);
            return Results.Content(PublicPanelsPage.Html(published, language, texts, layout), "text/html; charset=utf-8");
        });
        return endpoints;
    }
}
