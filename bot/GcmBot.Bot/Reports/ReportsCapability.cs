using System.Globalization;
using System.Text;
using GcmBot.Bot.Exports;
using GcmBot.Bot.Registration;
using GcmBot.Bot.Scheduling;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Common;
using GcmBot.Cards.Reports;
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
        services.AddBotCommand<ReportCommand>("report", "Draft the informal summary report of a consultation (HTML and Markdown)", ConversationScopes.Personal,
            "report <event | theme a-d | consultation number>", forOrganisers: true, picks: GcmBot.Cards.Help.PickSubject.Event);
        services.AddBotCommand<RepresentationCommand>("report representation", "Who took part in each consultation, and who is under-represented",
            ConversationScopes.Personal, forOrganisers: true);
        return services;
    }
}

/// <summary>What an organiser's words name: an event of the catalogue, or why not (with the choices).</summary>
public sealed record Resolution(CatalogueEvent? Event, string? Explanation);

/// <summary>
/// Finds the consultation an organiser means, with the identifiers they see elsewhere: the event id of registration and
/// key issues (<c>consult-a</c>), a roundtable theme (<c>a</c>), or a scheduled consultation's number (<c>3</c>,
/// <c>consultation 3</c>, <c>#3</c>) as <c>consultations</c> lists them.
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
        var events = await catalogue.AllAsync(cancellationToken);
        if (words.Length == 0)
        {
            return new Resolution(null, "Which consultation? " + Choices(events));
        }

        if (words.Length > 100)
        {
            return new Resolution(null, "That is too long to be a consultation's name. " + Choices(events));
        }

        var safe = MarkdownText.Escape(words);
        if (await catalogue.FindAsync(words, cancellationToken) is { } found)
        {
            return new Resolution(found, null);
        }

        if (words.Length == 1 && char.ToLowerInvariant(words[0]) is >= 'a' and <= 'd' and var theme)
        {
            return ForTheme(events, theme, $"theme {theme}");
        }

        if (int.TryParse(words, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and < 1_000_000)
        {
            var scheduled = await consultations.FindAsync(number, cancellationToken);
            return scheduled is null
                ? new Resolution(null, $"There is no scheduled consultation number {number}. " + Choices(events))
                : ForTheme(events, scheduled.ThemeCode[0], $"consultation {number} (theme {scheduled.ThemeCode})");
        }

        return new Resolution(null, $"I know no consultation **{safe}**. " + Choices(events));
    }

    private static Resolution ForTheme(IReadOnlyList<CatalogueEvent> events, char theme, string what)
    {
        var matches = events.Where(e => e.Kind == EventKind.ThematicConsultation && e.Themes.Contains(theme, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => new Resolution(matches[0], null),
            0 => new Resolution(null, $"No thematic consultation of the event catalogue covers {what}. " + Choices(events)),
            _ => new Resolution(null, $"Several consultations cover {what}: type **report <event>** with one of: {string.Join(", ", matches.Select(e => e.Id))}."),
        };
    }

    private static string Choices(IReadOnlyList<CatalogueEvent> events) =>
        $"Type **report <event>** with one of: {string.Join(", ", events.Select(e => e.Id).Order(StringComparer.Ordinal))}. " +
        "A roundtable theme (a–d) or a scheduled consultation's number (see **consultations**) works too.";
}

/// <summary>A report's two files behind expiring links.</summary>
public sealed record PublishedReport(Uri Html, Uri Markdown, string HtmlFileName, int HtmlSize, string Expires)
{
    public const string FileNote = "Below, I also offer the HTML file to save in your OneDrive.";
}

/// <summary>Publishes a report's files behind expiring links, and offers the HTML as a file in the personal chat.</summary>
public sealed class ReportPublisher(ExportStore exports, IOptions<PublicHostOptions> host, IOptions<ReportsOptions> options, TimeProvider time)
{
    public bool OffersFiles => options.Value.OfferFiles;

    public async Task<PublishedReport> PublishAsync(string baseName, string html, string markdown, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var zone = TimeText.ReferenceZone;
        var stamp = TimeZoneInfo.ConvertTime(now, zone).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        var htmlBytes = Encoding.UTF8.GetBytes(html);
        var htmlName = $"{baseName}-{stamp}.html";
        var htmlLink = await exports.PublishAsync(htmlName, "text/html; charset=utf-8", htmlBytes, cancellationToken);
        var mdLink = await exports.PublishAsync($"{baseName}-{stamp}.md", "text/markdown; charset=utf-8", Encoding.UTF8.GetBytes(markdown), cancellationToken);
        var expires = TimeZoneInfo.ConvertTime(now.AddMinutes(host.Value.ExportLinkMinutes), zone);
        return new PublishedReport(htmlLink, mdLink, htmlName, htmlBytes.Length, string.Create(CultureInfo.InvariantCulture, $"{expires:HH:mm} ({TimeText.OffsetLabel(expires.Offset)})"));
    }

    /// <summary>The Teams file consent card for the HTML file, when configured (the commands run in personal chats only).</summary>
    public Task OfferFileAsync(BotTurn turn, PublishedReport files, string description, CancellationToken cancellationToken) =>
        OffersFiles ? ReportFileOffer.OfferAsync(turn, files.Html, files.HtmlFileName, files.HtmlSize, description, cancellationToken) : Task.CompletedTask;
}

/// <summary><c>report &lt;consultation&gt;</c>: the draft informal summary report, as a card of key figures and two files.</summary>
public sealed partial class ReportCommand(ConsultationResolver resolver, ReportSource source, ReportPublisher publisher, ILogger<ReportCommand> logger) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var resolution = await resolver.ResolveAsync(input.Arguments, cancellationToken);
        if (resolution.Event is not { } e)
        {
            await turn.SendTextAsync(resolution.Explanation!, cancellationToken);
            return;
        }

        var report = await source.BuildAsync(e, cancellationToken);
        var files = await publisher.PublishAsync($"summary-report-{e.Id}", ReportHtml.Summary(report), ReportMarkdown.Summary(report), cancellationToken);
        LogBuilt(logger, report.Participation.Registered, report.Questions.Raised, report.Interventions.Count);
        await turn.SendCardAsync(ReportCards.Summary(ReportViews.Card(report, files, publisher.OffersFiles)), cancellationToken);
        await publisher.OfferFileAsync(turn, files, "Draft informal summary report (HTML, opens in any browser)", cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Built a summary report: {Registered} registered, {Questions} questions, {Interventions} interventions")]
    private static partial void LogBuilt(ILogger logger, int registered, int questions, int interventions);
}

/// <summary><c>report representation</c>: participation in every consultation and the under-representation flags.</summary>
public sealed class RepresentationCommand(EventCatalogue catalogue, ReportSource source, ReportPublisher publisher) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var report = await source.RepresentationAsync(await catalogue.AllAsync(cancellationToken), cancellationToken);
        var files = await publisher.PublishAsync("representation", ReportHtml.Representation(report), ReportMarkdown.Representation(report), cancellationToken);
        await turn.SendCardAsync(ReportCards.Representation(ReportViews.Card(report, files, publisher.OffersFiles)), cancellationToken);
        await publisher.OfferFileAsync(turn, files, "Representation across the consultations (HTML, opens in any browser)", cancellationToken);
    }
}

/// <summary>Card models from reports.</summary>
public static class ReportViews
{
    public static ReportCardModel Card(SummaryReport report, PublishedReport files, bool fileOffered)
    {
        var p = report.Participation;
        var q = report.Questions;
        var i = report.Interventions;
        return new ReportCardModel(
            report.EventId,
            report.Title,
            ReportText.When(report.Start, report.End),
            Invariant($"{p.Registered} confirmed") + (p.Waitlisted > 0 ? Invariant($", {p.Waitlisted} waitlisted") : string.Empty),
            p.Attended is { } a ? Invariant($"{a} active in the meeting chat") : "not recorded",
            Invariant($"{q.Raised} raised, {q.Answered} answered"),
            Invariant($"{i.Count}, {SpeakerQueue.InterventionReport.FormatDuration(i.SpeakingTime)} of speaking time"),
            Invariant($"{report.Submissions.Received} received, {report.Submissions.Published.Count} published"),
            report.KeyIssues.Count,
            report.Recommendations.Count,
            Flags(p),
            files.Html.ToString(),
            files.Markdown.ToString(),
            files.Expires,
            fileOffered ? PublishedReport.FileNote : null);
    }

    public static RepresentationCardModel Card(RepresentationReport report, PublishedReport files, bool fileOffered) => new(
        report.Consultations.Select(c => new RepresentationLine(
            c.EventId,
            c.Title,
            Invariant($"{c.Participation.Registered} registered · ") + (c.Participation.Attended is { } a ? Invariant($"{a} attended") : "attendance not recorded"),
            Flags(c.Participation))).ToList(),
        fileOffered ? $"{ReportText.RuleText} {PublishedReport.FileNote}" : ReportText.RuleText,
        files.Html.ToString(),
        files.Markdown.ToString(),
        files.Expires);

    private static List<string> Flags(Participation p) =>
        p.Flags.Select(f => $"{f.Row.Label} ({ReportText.DimensionName(f.Dimension)}): {ReportText.FlagDetail(f.Row)}").ToList();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
