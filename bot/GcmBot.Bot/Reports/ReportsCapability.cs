using System.Globalization;
using System.Text;
using GcmBot.Bot.Exports;
using GcmBot.Bot.Registration;
using GcmBot.Bot.Scheduling;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Common;
using GcmBot.Cards.Reports;
using GcmBot.Cards.Words;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.Reports;

public static class ReportsCapability
{
    /// <summary>The informal summary report of each consultation, and the representation view across them (organisers).</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportsOptions>().BindConfiguration(ReportsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // Scoped: it reads through the speaker queue's exporter, which is scoped.
        services.AddScoped<ReportSource>();
        services.AddScoped<IFileConsentHandler, ReportFileOffer>();
        services.AddScoped<ConsultationResolver>();
        services.AddScoped<ReportPublisher>();
        services.AddBotCommand<ReportCommand>("report", "Command.Report", ConversationScopes.Personal,
            "report <consultation> [en|fr|ru|zh-Hans]", forOrganisers: true, texts: typeof(ReportsTexts));
        services.AddBotCommand<RepresentationCommand>("report representation", "Command.Representation",
            ConversationScopes.Personal, "report representation [en|fr|ru|zh-Hans]", forOrganisers: true, texts: typeof(ReportsTexts));
        return services;
    }
}

/// <summary>Why an organiser's words named no single consultation.</summary>
public enum ResolutionProblem
{
    /// <summary>They named none: offer the choice.</summary>
    NoneNamed,
    TooLong,
    UnknownNumber,
    Unknown,
    NoConsultationOnTheme,
    SeveralOnTheme,
}

/// <summary>
/// What an organiser's words name: an event of the catalogue, or why not (<see cref="Problem"/>, with what they typed or
/// the theme) and the consultations to choose from instead.
/// </summary>
public sealed record Resolution(CatalogueEvent? Event, ResolutionProblem? Problem, string? Detail, IReadOnlyList<CatalogueEvent> Choices);

/// <summary>
/// Finds the consultation an organiser means, with the identifiers they see elsewhere: the event id of registration and
/// key issues (<c>consult-a</c>), a roundtable theme (<c>a</c>), or a scheduled consultation's number (<c>3</c>,
/// <c>consultation 3</c>, <c>#3</c>) as <c>consultations</c> lists them. Buttons on the choice card name events by id.
/// </summary>
public sealed class ConsultationResolver(EventCatalogue catalogue, ConsultationStore consultations)
{
    public async Task<Resolution> ResolveAsync(string arguments, CancellationToken cancellationToken)
    {
        var words = arguments.Trim();
        if (words.StartsWith("consultation ", StringComparison.OrdinalIgnoreCase))
        {
            words = words["consultation ".Length..].Trim();
        }

        words = words.TrimStart('#');
        var events = (await catalogue.AllAsync(cancellationToken))
            .OrderBy(e => e.StartsAt ?? DateTimeOffset.MaxValue).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        if (words.Length == 0)
        {
            return new Resolution(null, ResolutionProblem.NoneNamed, null, events);
        }

        if (words.Length > 100)
        {
            return new Resolution(null, ResolutionProblem.TooLong, null, events);
        }

        if (await catalogue.FindAsync(words, cancellationToken) is { } found)
        {
            return new Resolution(found, null, null, events);
        }

        if (words.Length == 1 && char.ToLowerInvariant(words[0]) is >= 'a' and <= 'd' and var theme)
        {
            return ForTheme(events, theme);
        }

        if (int.TryParse(words, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and < 1_000_000)
        {
            var scheduled = await consultations.FindAsync(number, cancellationToken);
            return scheduled is null
                ? new Resolution(null, ResolutionProblem.UnknownNumber, number.ToString(CultureInfo.InvariantCulture), events)
                : ForTheme(events, scheduled.ThemeCode[0]);
        }

        return new Resolution(null, ResolutionProblem.Unknown, words, events);
    }

    private static Resolution ForTheme(IReadOnlyList<CatalogueEvent> events, char theme)
    {
        var matches = events.Where(e => e.Kind == EventKind.ThematicConsultation && e.Themes.Contains(theme, StringComparison.Ordinal)).ToList();
        var code = theme.ToString();
        return matches.Count switch
        {
            1 => new Resolution(matches[0], null, null, events),
            0 => new Resolution(null, ResolutionProblem.NoConsultationOnTheme, code, events),
            _ => new Resolution(null, ResolutionProblem.SeveralOnTheme, code, matches),
        };
    }
}

/// <summary>
/// The language a report is asked for: <c>report consult-b fr</c> ends with a language tag. Without one, the
/// organiser's own language.
/// </summary>
public static class ReportLanguage
{
    public static (string Words, CultureInfo? Language) Split(string arguments)
    {
        var words = arguments.Trim();
        var space = words.LastIndexOf(' ');
        var last = space < 0 ? words : words[(space + 1)..];
        if (last.Length is 0 or > 7 || !Tags.Contains(last, StringComparer.OrdinalIgnoreCase) || SupportedLanguages.Match(last) is not { } language)
        {
            return (words, null);
        }

        return (space < 0 ? string.Empty : words[..space].TrimEnd(), language);
    }

    // The tags people type: the supported ones and the usual regional forms of Chinese.
    private static readonly string[] Tags = [.. SupportedLanguages.Tags, "zh", "zh-CN", "zh-SG", "qps-ploc"];
}

/// <summary>A report's two files behind expiring links.</summary>
public sealed record PublishedReport(PublishedFile Html, PublishedFile Markdown, string HtmlFileName, int HtmlSize)
{
    /// <summary>The card's links; their expiry in the person's zone and GMT+7.</summary>
    public ReportLinks Links(TimeZoneInfo? personZone, CultureInfo culture, bool fileOffered) => new(
        Html.Link.ToString(),
        Html.DownloadLink.ToString(),
        Markdown.Link.ToString(),
        TimeText.InstantForPerson(Html.ExpiresAt, personZone, culture),
        fileOffered);
}

/// <summary>Publishes a report's files behind expiring links, and offers the HTML as a file in the personal chat.</summary>
public sealed class ReportPublisher(ExportStore exports, IOptions<ReportsOptions> options, TimeProvider time)
{
    public bool OffersFiles => options.Value.OfferFiles;

    public async Task<PublishedReport> PublishAsync(string baseName, CultureInfo language, string html, string markdown, CancellationToken cancellationToken)
    {
        var stamp = TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeText.ReferenceZone).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        var name = $"{baseName}-{stamp}-{SupportedLanguages.TagOf(language)}";
        var htmlBytes = Encoding.UTF8.GetBytes(html);
        var htmlName = name + ".html";
        var htmlFile = await exports.PublishFileAsync(htmlName, "text/html; charset=utf-8", htmlBytes, cancellationToken);
        var mdFile = await exports.PublishFileAsync(name + ".md", "text/markdown; charset=utf-8", Encoding.UTF8.GetBytes(markdown), cancellationToken);
        return new PublishedReport(htmlFile, mdFile, htmlName, htmlBytes.Length);
    }

    /// <summary>The Teams file consent card for the HTML file, when configured (the commands run in personal chats only).</summary>
    public Task OfferFileAsync(BotTurn turn, PublishedReport files, string description, CancellationToken cancellationToken) =>
        OffersFiles ? ReportFileOffer.OfferAsync(turn, files.Html.Link, files.HtmlFileName, files.HtmlSize, description, cancellationToken) : Task.CompletedTask;

    /// <summary>A file name from a title: ASCII letters and digits, at most 40; the fallback when none are left.</summary>
    public static string FileName(string title, string fallback)
    {
        var slug = new StringBuilder();
        foreach (var c in title.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }

            if (slug.Length >= 40)
            {
                break;
            }
        }

        var text = slug.ToString().Trim('-');
        return text.Length >= 3 ? text : fallback;
    }
}

/// <summary>
/// <c>report &lt;consultation&gt; [language]</c>: the draft informal summary report, as a card of key figures and two
/// files in the language asked for (else the organiser's). Without a consultation, or with one that is not known: a
/// choice of the consultations by title.
/// </summary>
public sealed partial class ReportCommand(
    ConsultationResolver resolver,
    ReportSource source,
    ReportPublisher publisher,
    IStringLocalizer<ReportsTexts> texts,
    ILogger<ReportCommand> logger) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var (words, asked) = ReportLanguage.Split(input.Arguments);
        var language = asked ?? turn.Culture;
        var resolution = await resolver.ResolveAsync(words, cancellationToken);
        if (resolution.Event is not { } e)
        {
            await turn.SendCardAsync(ChoiceCard(turn, resolution, asked), cancellationToken);
            return;
        }

        var report = await source.BuildAsync(e, cancellationToken);
        var files = await publisher.PublishAsync(
            "summary-report-" + ReportPublisher.FileName(e.Title, e.Id), language,
            ReportHtml.Summary(report, language), ReportMarkdown.Summary(report, language), cancellationToken);
        LogBuilt(logger, report.Participation.Registered, report.Questions.Raised, report.Interventions.Count);
        var card = ReportViews.Card(report, files.Links(turn.TimeZone, turn.Culture, publisher.OffersFiles), turn.TimeZone, turn.Culture,
            new ReportLanguageChoice("report " + e.Id, OtherLanguages(language)));
        await turn.SendCardAsync(ReportCards.Summary(card, turn.Culture), cancellationToken);
        await publisher.OfferFileAsync(turn, files, texts["File.Summary"], cancellationToken);
    }

    /// <summary>The languages a report can also be had in (the pseudo-locale aside).</summary>
    public static IReadOnlyList<CultureInfo> OtherLanguages(CultureInfo language) =>
        SupportedLanguages.All.Where(l => l.Name != language.Name).ToList();

    private Cards.AdaptiveCards.AdaptiveCard ChoiceCard(BotTurn turn, Resolution resolution, CultureInfo? asked)
    {
        string? problem = resolution.Problem switch
        {
            ResolutionProblem.TooLong => texts["Resolve.TooLong"].Value,
            ResolutionProblem.UnknownNumber => texts["Resolve.UnknownNumber", resolution.Detail!].Value,
            ResolutionProblem.Unknown => texts["Resolve.Unknown", MarkdownText.Escape(resolution.Detail)].Value,
            ResolutionProblem.NoConsultationOnTheme => texts["Resolve.NoTheme", resolution.Detail!].Value,
            ResolutionProblem.SeveralOnTheme => texts["Resolve.Several", resolution.Detail!].Value,
            _ => null,
        };
        var suffix = asked is null ? string.Empty : " " + asked.Name;
        var choices = resolution.Choices
            .Select(c => new ReportChoice(c.Title, c.StartsAt is { } at ? TimeText.InstantForPerson(at, turn.TimeZone, turn.Culture) : null, $"report {c.Id}{suffix}"))
            .ToList();
        return ReportCards.Choose(choices, problem, "report representation" + suffix, turn.Culture);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Built a summary report: {Registered} registered, {Questions} questions, {Interventions} interventions")]
    private static partial void LogBuilt(ILogger logger, int registered, int questions, int interventions);
}

/// <summary><c>report representation [language]</c>: participation in every consultation and the under-representation flags.</summary>
public sealed class RepresentationCommand(EventCatalogue catalogue, ReportSource source, ReportPublisher publisher, IStringLocalizer<ReportsTexts> texts) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var language = ReportLanguage.Split(input.Arguments).Language ?? turn.Culture;
        var report = await source.RepresentationAsync(await catalogue.AllAsync(cancellationToken), cancellationToken);
        var files = await publisher.PublishAsync("representation", language,
            ReportHtml.Representation(report, language), ReportMarkdown.Representation(report, language), cancellationToken);
        var card = ReportViews.Card(report, files.Links(turn.TimeZone, turn.Culture, publisher.OffersFiles), turn.Culture,
            new ReportLanguageChoice("report representation", ReportCommand.OtherLanguages(language)));
        await turn.SendCardAsync(ReportCards.Representation(card, turn.Culture), cancellationToken);
        await publisher.OfferFileAsync(turn, files, texts["File.Representation"], cancellationToken);
    }
}

/// <summary>Card models from reports.</summary>
public static class ReportViews
{
    public static ReportCardModel Card(SummaryReport report, ReportLinks links, TimeZoneInfo? personZone, CultureInfo culture, ReportLanguageChoice? languages)
    {
        var p = report.Participation;
        var words = new ReportWords(culture);
        return new ReportCardModel(
            report.Title,
            report.Start is { } s
                ? report.End is { } e ? TimeText.ForPerson(s, e, personZone, culture) : TimeText.InstantForPerson(s, personZone, culture)
                : words["When.Tbc"],
            p.Registered,
            p.Waitlisted,
            p.Attended,
            report.Questions.Raised,
            report.Questions.Answered,
            report.Interventions.Count,
            SpeakerQueue.InterventionReport.FormatDuration(report.Interventions.SpeakingTime),
            report.Submissions.Received,
            report.Submissions.Published.Count,
            report.KeyIssues.Count,
            report.Recommendations.Count,
            Flags(p, words),
            links,
            languages,
            p.Source == AttendanceSource.TeamsMeeting);
    }

    public static RepresentationCardModel Card(RepresentationReport report, ReportLinks links, CultureInfo culture, ReportLanguageChoice? languages)
    {
        var words = new ReportWords(culture);
        return new(
            report.Consultations.Select(c => new RepresentationLine(c.Title, c.Participation.Registered, c.Participation.Attended, Flags(c.Participation, words))).ToList(),
            words.Rule,
            links,
            languages);
    }

    private static List<ReportFlag> Flags(Participation p, ReportWords words) =>
        p.Flags.Select(f => new ReportFlag(words.Category(f.Dimension, f.Row), f.Dimension, f.Row.Registered.ForCard, f.Row.Attended.ForCard)).ToList();
}
