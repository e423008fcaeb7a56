using System.Globalization;
using GcmBot.Bot.Exports;
using GcmBot.Bot.PublicForms;
using GcmBot.Bot.Scheduling;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Organisers;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.ConceptNotes;
using GcmBot.Cards.Words;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.ConceptNotes;

/// <summary>Names the resource files of this folder (<c>ConceptNotesTexts.resx</c> and its translations).</summary>
public sealed class ConceptNotesTexts;

public static class ConceptNotesCapability
{
    /// <summary>The concept note's public page: <c>/consultations/{id}/concept-note</c>.</summary>
    public static string PagePath(int consultationId) => $"/consultations/{consultationId.ToString(CultureInfo.InvariantCulture)}/concept-note";

    /// <summary>Each consultation's concept note (the one template) and the resource list the organisers keep.</summary>
    public static IServiceCollection AddConceptNotes(this IServiceCollection services)
    {
        services.TryAddSingleton<ConceptNoteStore>();
        services.TryAddSingleton<ConceptNoteViews>();
        var texts = typeof(ConceptNotesTexts);
        services.AddBotCommand<ConceptNoteCommand>("concept note", "Command.ConceptNote", ConversationScopes.All, "concept note <number>",
            forOrganisers: true, texts: texts, picks: GcmBot.Cards.Help.PickSubject.Consultation);
        services.AddBotCommand<ResourcesCommand>("resources", "Command.Resources", ConversationScopes.All, "resources <number>",
            forOrganisers: true, texts: texts, picks: GcmBot.Cards.Help.PickSubject.Consultation);
        services.AddCardAction<ShowConceptNoteAction>(ConceptNoteVerbs.Show);
        services.AddCardAction<ResourceActions>(ConceptNoteVerbs.Resources, forOrganisers: true);
        services.AddCardAction<ResourceActions>(ConceptNoteVerbs.Add, forOrganisers: true);
        services.AddCardAction<ResourceActions>(ConceptNoteVerbs.Remove, forOrganisers: true);
        return services;
    }

    /// <summary>The public page of each scheduled consultation's concept note, in the reader's language.</summary>
    public static IEndpointRouteBuilder MapConceptNotes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/consultations/{id:int}/concept-note", async (
            HttpContext context, int id, ConsultationStore consultations, ConceptNoteViews views, IStringLocalizer<PublicFormsTexts> site, CancellationToken cancellationToken) =>
        {
            var culture = PublicPage.Begin(context, isPrivate: false);
            context.Response.Headers.Vary = "Accept-Language";
            var consultation = id > 0 ? await consultations.FindAsync(id, cancellationToken) : null;
            if (consultation is not { IsActive: true })
            {
                var t = TextResources.For<ConceptNotesTexts>(culture);
                return Results.Content(
                    WebLayout.Page(site, culture, t["Page.NotFoundTitle"], PagePath(id), "<p>" + WebLayout.Html(t["Page.NotFound"]) + "</p>\n"),
                    "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            }

            var agenda = await views.AgendaAsync(consultation, withPageLink: false, cancellationToken);
            var title = TextResources.For<ConceptNoteCardTexts>(culture)["Fallback", consultation.Title];
            return Results.Content(WebLayout.Page(site, culture, title, PagePath(id), AgendaTemplate.Html(agenda, culture) + "\n"), "text/html; charset=utf-8");
        });
        return endpoints;
    }
}

/// <summary>The concept note of a consultation, from the one template (<see cref="AgendaTemplate"/>), as card, page and meeting body.</summary>
public sealed class ConceptNoteViews(ConceptNoteStore store, PublicAddress host)
{
    public string PageUrl(int consultationId) => host.Link(ConceptNotesCapability.PagePath(consultationId)).ToString();

    /// <summary>The template's model with the organisers' resources and (for the meeting body and .ics) the page's link.</summary>
    public async Task<AgendaModel> AgendaAsync(Consultation consultation, bool withPageLink, CancellationToken cancellationToken)
    {
        var resources = await store.ResourcesAsync(consultation.Id, cancellationToken);
        return new AgendaModel(
            ConsultationViews.ThemeOf(consultation),
            consultation.Title,
            consultation.Start,
            consultation.End,
            consultation.ConceptNoteUrl,
            resources.Select(r => (r.Title, r.Url)).ToList(),
            withPageLink ? PageUrl(consultation.Id) : null);
    }

    public async Task<AdaptiveCard> CardAsync(Consultation consultation, TimeZoneInfo? zone, CultureInfo culture, bool forOrganiser, CancellationToken cancellationToken)
    {
        var agenda = await AgendaAsync(consultation, withPageLink: false, cancellationToken);
        return ConceptNoteCards.ConceptNote(new ConceptNoteCardModel(
            consultation.Id,
            consultation.Title,
            ConsultationViews.When(consultation, zone, culture),
            agenda.Theme.LabelIn(culture),
            AgendaTemplate.Objectives(agenda.Theme, culture).ToList(),
            AgendaTemplate.Programme(culture),
            AgendaTemplate.Resources(agenda, culture).Select(r => new ResourceLink(r.Title, r.Url)).ToList(),
            PageUrl(consultation.Id),
            !consultation.IsActive,
            forOrganiser), culture);
    }

    /// <summary>The consultation a command names by its number; null after telling the organiser why there is none.</summary>
    public static async Task<Consultation?> NamedAsync(
        BotTurn turn, CommandInput input, ConsultationStore consultations, IStringLocalizer<ConceptNotesTexts> texts, string usage, CancellationToken cancellationToken)
    {
        var number = ConsultationRules.ParseNumber(input.Arguments);
        var consultation = number.Ok ? await consultations.FindAsync(number.Value, cancellationToken) : null;
        if (consultation is null)
        {
            await turn.SendTextAsync(number.Ok ? texts["NotFound", number.Value] : usage, cancellationToken);
        }

        return consultation;
    }

    public async Task<AdaptiveCard> ResourcesCardAsync(
        Consultation consultation, CultureInfo culture, string? banner, string? error, string? titleValue, string? urlValue, CancellationToken cancellationToken)
    {
        var resources = await store.ResourcesAsync(consultation.Id, cancellationToken);
        return ConceptNoteCards.Resources(new ResourcesCardModel(
            consultation.Id,
            consultation.Title,
            resources.Select(r => new ResourceEntry(r.Id, r.Title, r.Url)).ToList(),
            ConceptNoteRules.MaxResources,
            ConceptNoteRules.MaxTitleLength,
            ConsultationRules.MaxUrlLength,
            banner,
            error,
            titleValue,
            urlValue), culture);
    }
}

/// <summary><c>concept note &lt;number&gt;</c>: the consultation's concept note, with the organisers' button to its resources.</summary>
public sealed class ConceptNoteCommand(ConsultationStore consultations, ConceptNoteViews views, IStringLocalizer<ConceptNotesTexts> texts) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        if (await ConceptNoteViews.NamedAsync(turn, input, consultations, texts, texts["Usage.ConceptNote"], cancellationToken) is { } consultation)
        {
            await turn.SendCardAsync(await views.CardAsync(consultation, turn.TimeZone, turn.Culture, forOrganiser: true, cancellationToken), cancellationToken);
        }
    }
}

/// <summary><c>resources &lt;number&gt;</c>: the consultation's resource list, to add and remove links.</summary>
public sealed class ResourcesCommand(ConsultationStore consultations, ConceptNoteViews views, IStringLocalizer<ConceptNotesTexts> texts) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        if (await ConceptNoteViews.NamedAsync(turn, input, consultations, texts, texts["Usage.Resources"], cancellationToken) is { } consultation)
        {
            await turn.SendCardAsync(await views.ResourcesCardAsync(consultation, turn.Culture, null, null, null, null, cancellationToken), cancellationToken);
        }
    }
}

/// <summary>
/// "Concept note" on a registrant's consultation notice (or an organiser's card): the concept note in the reader's
/// language and time zone. Anyone may see it: it is public.
/// </summary>
public sealed class ShowConceptNoteAction(ConsultationStore consultations, ConceptNoteViews views, IOrganiserPolicy organisers) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var number = ConsultationRules.ParseNumber(input.Text(ConceptNoteVerbs.Consultation));
        var consultation = number.Ok ? await consultations.FindAsync(number.Value, cancellationToken) : null;
        if (consultation is null)
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var card = await views.CardAsync(consultation, turn.TimeZone, turn.Culture, await organisers.IsOrganiserAsync(turn, cancellationToken), cancellationToken);
        if (input.IsUniversalAction)
        {
            return CardActionResult.ReplaceCard(card);
        }

        // From the notice (Action.Submit): the notice stays, the concept note comes as a message of its own.
        await turn.SendCardAsync(card, cancellationToken);
        return CardActionResult.Done;
    }
}

/// <summary>The resource list's buttons: open it, add a link (title and https address, checked here), remove one.</summary>
public sealed class ResourceActions(ConsultationStore consultations, ConceptNoteStore store, ConceptNoteViews views, IStringLocalizer<ConceptNotesTexts> texts) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var number = ConsultationRules.ParseNumber(input.Text(ConceptNoteVerbs.Consultation));
        var consultation = number.Ok ? await consultations.FindAsync(number.Value, cancellationToken) : null;
        if (consultation is null)
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        switch (input.Verb)
        {
            case ConceptNoteVerbs.Add:
                var typedTitle = Clip(input.Text(ConceptNoteVerbs.TitleKey), ConceptNoteRules.MaxTitleLength + 50);
                var typedUrl = Clip(input.Text(ConceptNoteVerbs.UrlKey), ConsultationRules.MaxUrlLength + 50);
                var (title, titleProblem) = ConceptNoteRules.ParseTitle(typedTitle);
                var (url, urlProblem) = ConceptNoteRules.ParseUrl(typedUrl);
                var problem = titleProblem ?? urlProblem ?? await store.AddAsync(consultation.Id, title!, url!, cancellationToken);
                return problem is { } p
                    ? CardActionResult.ReplaceCard(await views.ResourcesCardAsync(consultation, turn.Culture, null, Say(p), typedTitle, typedUrl, cancellationToken))
                    : CardActionResult.ReplaceCard(await views.ResourcesCardAsync(consultation, turn.Culture, texts["Added", title!], null, null, null, cancellationToken));
            case ConceptNoteVerbs.Remove:
                var id = ConsultationRules.ParseNumber(input.Text(ConceptNoteVerbs.Resource));
                var removed = id.Ok && await store.RemoveAsync(consultation.Id, id.Value, cancellationToken);
                return CardActionResult.ReplaceCard(await views.ResourcesCardAsync(consultation, turn.Culture, removed ? texts["Removed"] : texts["AlreadyGone"], null, null, null, cancellationToken));
            default:
                return CardActionResult.ReplaceCard(await views.ResourcesCardAsync(consultation, turn.Culture, null, null, null, null, cancellationToken));
        }
    }

    private string Say(ResourceProblem problem) => problem switch
    {
        ResourceProblem.TitleMissing => texts["Problem.TitleMissing"],
        ResourceProblem.TitleTooLong => texts["Problem.TitleTooLong", ConceptNoteRules.MaxTitleLength],
        ResourceProblem.Link => texts["Problem.Link", ConsultationRules.MaxUrlLength],
        ResourceProblem.Full => texts["Problem.Full", ConceptNoteRules.MaxResources],
        ResourceProblem.Duplicate => texts["Problem.Duplicate"],
        _ => CardActionDispatcher.OutdatedCardText,
    };

    private static string? Clip(string? value, int max) => value is null ? null : value.Length <= max ? value : value[..max];
}
