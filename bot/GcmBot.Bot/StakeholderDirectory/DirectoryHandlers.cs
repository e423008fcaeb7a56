using System.Globalization;
using System.Text;
using GcmBot.Bot.Exports;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Registration;
using GcmBot.Cards.StakeholderDirectory;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.StakeholderDirectory;

/// <summary><c>directory [text]</c> and <c>directory search &lt;text&gt;</c> (organisers): the search card.</summary>
public sealed class DirectorySearchCommand(DirectoryStore store, DirectoryViews views, IOptions<DirectoryOptions> options) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var text = Engagement.TypedText.SingleLine(input.Arguments);
        string? banner = null;
        if (text.Length > DirectoryLimits.SearchQueryLength)
        {
            banner = views.Texts["SearchTooLong", DirectoryLimits.SearchQueryLength];
            text = string.Empty;
        }

        await store.SyncRegistrationsAsync(cancellationToken);
        var filter = DirectoryViews.Filter(text);
        var page = await store.SearchAsync(filter, 0, options.Value.PageSize, cancellationToken);
        await turn.SendCardAsync(views.Search(turn.Culture, filter, text, page, banner, turn.TimeZone), cancellationToken);
    }
}

/// <summary>The search card's Search, Previous and Next buttons (filters from the inputs or the button's data).</summary>
public sealed class DirectorySearchAction(DirectoryStore store, DirectoryViews views, IOptions<DirectoryOptions> options) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var pageText = input.Text(DirectoryVerbs.Page);
        var pageIndex = 0;
        if (pageText is not null && !int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out pageIndex))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var (filter, problem) = views.ReadFilter(input);
        var shownText = filter.Text is null ? string.Empty : Engagement.TypedText.SingleLine(input.Text(DirectoryVerbs.Text));
        await store.SyncRegistrationsAsync(cancellationToken);
        var page = await store.SearchAsync(filter, pageIndex, options.Value.PageSize, cancellationToken);
        return CardActionResult.ReplaceCard(views.Search(turn.Culture, filter, shownText, page, problem, turn.TimeZone));
    }
}

/// <summary>The search card's Export CSV: what matches the filters the card shows, behind an expiring link.</summary>
public sealed partial class DirectoryExportAction(
    DirectoryStore store,
    DirectoryViews views,
    ExportStore exports,
    IOptions<PublicHostOptions> host,
    TimeProvider time,
    ILogger<DirectoryExportAction> logger) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var (filter, problem) = views.ReadFilter(input);
        if (problem is not null)
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        await store.SyncRegistrationsAsync(cancellationToken);
        var entries = await store.ExportAsync(filter, cancellationToken);
        var csv = new CsvWriter(views.ExportHeader());
        foreach (var entry in entries)
        {
            csv.Row(views.ExportCells(entry));
        }

        var fileName = string.Create(CultureInfo.InvariantCulture, $"directory-{time.GetUtcNow():yyyyMMdd-HHmm}.csv");
        var link = await exports.PublishAsync(fileName, "text/csv; charset=utf-8", csv.ToUtf8Bytes(), cancellationToken);
        LogExported(logger, entries.Count);
        await turn.SendCardAsync(ExportCard.Build(new ExportCardModel(
            views.Texts["Export.Title"],
            views.Texts[filter.IsEmpty ? "Export.Description" : "Export.DescriptionFiltered", entries.Count],
            link.ToString(),
            views.Texts["Export.Expires", host.Value.ExportLinkMinutes])), cancellationToken);
        return CardActionResult.Done;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stakeholder directory exported: {Count} entries")]
    private static partial void LogExported(ILogger logger, int count);
}

/// <summary>
/// <c>directory import</c> (organisers) with a CSV attached or pasted below: a dry run, stored, with a report card
/// whose "Apply import" applies it. Nothing in the directory changes here.
/// </summary>
public sealed partial class DirectoryImportCommand(
    DirectoryStore store,
    DirectoryViews views,
    ImportFileReader reader,
    IOptions<DirectoryOptions> options,
    ILogger<DirectoryImportCommand> logger) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var file = await reader.ReadAsync(turn.Context.Activity.AsMessageActivity(), cancellationToken);
        if (file is null)
        {
            await turn.SendTextAsync(views.Texts["Import.Help", ImportRules.ExampleHeader], cancellationToken);
            return;
        }

        if (file.Problem is not null)
        {
            await turn.SendTextAsync(views.Texts["NothingImported", views.Describe(file.Problem)], cancellationToken);
            return;
        }

        if (Encoding.UTF8.GetByteCount(file.Text!) > options.Value.MaxImportBytes)
        {
            await turn.SendTextAsync(views.Texts["TooLarge", options.Value.MaxImportBytes / 1024], cancellationToken);
            return;
        }

        var table = CsvParser.Parse(file.Text!, options.Value.MaxImportRows);
        if (!table.IsValid)
        {
            await turn.SendTextAsync(views.Texts["CouldNotRead", views.Describe(table.Problem!)], cancellationToken);
            return;
        }

        var header = ImportRules.ReadHeader(table.Header);
        if (header.Problem is not null)
        {
            await turn.SendTextAsync(views.Texts["CouldNotRead", views.Describe(header.Problem)], cancellationToken);
            return;
        }

        if (table.Rows.Count == 0)
        {
            await turn.SendTextAsync(views.Texts["NoRows"], cancellationToken);
            return;
        }

        await store.SyncRegistrationsAsync(cancellationToken);
        var keys = await store.KeysAsync(cancellationToken);
        var plan = ImportRules.Plan(table, header, keys);
        var import = await store.StageAsync(plan, turn.User.StableId, file.Name, cancellationToken);
        var targets = await store.NamesAsync(plan.Merged.Select(m => m.MergeInto ?? 0).Take(DirectoryImportCard.MaxListed).ToList(), cancellationToken);
        LogStaged(logger, plan.Accepted.Count, plan.Merged.Count, plan.Rejected.Count);
        await turn.SendCardAsync(views.DryRun(turn.Culture, import, plan, targets), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory import staged: {Accepted} new, {Merged} merged, {Rejected} rejected")]
    private static partial void LogStaged(ILogger logger, int accepted, int merged, int rejected);
}

/// <summary>"Apply import": applies the stored dry run once; a second press or a stale card changes nothing.</summary>
public sealed partial class ApplyImportAction(DirectoryStore store, DirectoryViews views, ILogger<ApplyImportAction> logger) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (!ImportIds.TryRead(input, out var id))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        ApplyResult result;
        try
        {
            result = await store.ApplyAsync(id, cancellationToken);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException ex)
        {
            // The directory changed under the import (e.g. a registration took an address at that moment): nothing applied.
            LogApplyConflict(logger, ex);
            return CardActionResult.Message(views.Texts["Apply.Conflict"]);
        }

        if (result.Import is not { } import)
        {
            return CardActionResult.Message(views.Texts["Apply.Gone"]);
        }

        switch (result.Outcome)
        {
            case ApplyOutcome.Applied:
                LogApplied(logger, import.AcceptedCount, import.MergedCount);
                return CardActionResult.ReplaceCard(views.Outcome(turn.Culture, import, ImportCardState.Applied,
                    views.Texts["Applied", import.AcceptedCount, import.MergedCount]));
            case ApplyOutcome.AlreadyApplied:
                return CardActionResult.ReplaceCard(views.Outcome(turn.Culture, import, ImportCardState.Closed, views.Texts["Apply.Already"]));
            case ApplyOutcome.Discarded:
                return CardActionResult.ReplaceCard(views.Outcome(turn.Culture, import, ImportCardState.Discarded, views.Texts["Apply.Discarded"]));
            default:
                return CardActionResult.ReplaceCard(views.Outcome(turn.Culture, import, ImportCardState.Closed, views.Texts["Apply.Expired"]));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory import applied: {Accepted} new, {Merged} merged")]
    private static partial void LogApplied(ILogger logger, int accepted, int merged);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Directory import met a conflicting change and was rolled back")]
    private static partial void LogApplyConflict(ILogger logger, Exception exception);
}

/// <summary>"Discard": drops a staged import and its rows.</summary>
public sealed class DiscardImportAction(DirectoryStore store, DirectoryViews views) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (!ImportIds.TryRead(input, out var id))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var result = await store.DiscardAsync(id, cancellationToken);
        return result switch
        {
            { Import: null } => CardActionResult.Message(views.Texts["Discard.Gone"]),
            { Outcome: ApplyOutcome.AlreadyApplied } => CardActionResult.ReplaceCard(
                views.Outcome(turn.Culture, result.Import, ImportCardState.Closed, views.Texts["Discard.AlreadyApplied"])),
            _ => CardActionResult.ReplaceCard(views.Outcome(turn.Culture, result.Import, ImportCardState.Discarded, views.Texts["Discarded"])),
        };
    }
}

internal static class ImportIds
{
    /// <summary>An import id as the bot makes them (base64url, 24 characters); anything else is a forged or old card.</summary>
    public static bool TryRead(CardActionInput input, out string id)
    {
        id = input.Text(DirectoryVerbs.Import) ?? string.Empty;
        return id.Length == 24 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }
}
