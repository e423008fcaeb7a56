using System.Globalization;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Exports;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Help;
using GcmBot.Cards.Registration;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.Registration;

/// <summary>Finds the event an organiser named, or offers the choice of events (a typed name that matches none).</summary>
public sealed class EventArgument(EventCatalogue catalogue, IStringLocalizer<RegistrationTexts> texts)
{
    public async Task<CatalogueEvent?> FindOrExplainAsync(BotTurn turn, string arguments, string command, CancellationToken cancellationToken)
    {
        var id = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var e = await catalogue.FindAsync(id, cancellationToken);
        if (e is not null)
        {
            return e;
        }

        var choices = (await catalogue.AllAsync(cancellationToken))
            .OrderBy(x => x.StartsAt ?? DateTimeOffset.MaxValue)
            .Select(x => new PickerItem(x.Id, x.Title, RegistrationViews.When(x, turn.TimeZone, turn.Culture)))
            .ToList();
        if (id is not null)
        {
            await turn.SendTextAsync(texts["NoSuchEvent", RegisterCommand.MarkdownSafe(id)], cancellationToken);
        }

        await turn.SendCardAsync(PickerCard.Build(new PickerCardModel(command, texts["ChooseEvent"], PickSubject.Event, choices), turn.Culture), cancellationToken);
        return null;
    }
}

/// <summary><c>registrations &lt;event&gt;</c>: counts by status and the representation balance.</summary>
public sealed class RegistrationsCommand(EventArgument events, RegistrationStore store) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        if (await events.FindOrExplainAsync(turn, input.Arguments, "registrations", cancellationToken) is not { } e)
        {
            return;
        }

        var balance = await store.BalanceAsync(e.Id, cancellationToken);
        await turn.SendCardAsync(BalanceCard.Build(RegistrationViews.Balance(e, balance, turn.TimeZone, turn.Culture), turn.Culture), cancellationToken);
    }
}

/// <summary><c>approvals &lt;event&gt; [page]</c>: the candidates and how each would change the balance.</summary>
public sealed class ApprovalsCommand(EventArgument events, ApprovalsView view) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        if (await events.FindOrExplainAsync(turn, input.Arguments, "approvals", cancellationToken) is not { } e)
        {
            return;
        }

        var pageText = input.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).FirstOrDefault();
        var page = int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 10_000 ? p : 1;
        await turn.SendCardAsync(await view.BuildAsync(e, page, null, turn.Culture, cancellationToken), cancellationToken);
    }
}

/// <summary>Builds the approvals card (shared by the command and the decision buttons, which refresh it).</summary>
public sealed class ApprovalsView(RegistrationStore store)
{
    public async Task<AdaptiveCard> BuildAsync(CatalogueEvent e, int page, string? notice, CultureInfo culture, CancellationToken cancellationToken)
    {
        var balance = await store.BalanceAsync(e.Id, cancellationToken);
        var (candidates, total) = await store.CandidatesAsync(e.Id, (page - 1) * ApprovalsCard.PageSize, ApprovalsCard.PageSize, cancellationToken);
        if (candidates.Count == 0 && page > 1 && total > 0)
        {
            // The page emptied (decisions since): show the last page that has someone.
            page = (total + ApprovalsCard.PageSize - 1) / ApprovalsCard.PageSize;
            (candidates, total) = await store.CandidatesAsync(e.Id, (page - 1) * ApprovalsCard.PageSize, ApprovalsCard.PageSize, cancellationToken);
        }

        var confirmed = balance.Count(RegistrationStatus.Confirmed);
        return ApprovalsCard.Build(new ApprovalsCardModel(
            e.Id,
            e.Title,
            RegistrationViews.Places(e, confirmed, culture),
            e.Capacity is { } capacity && confirmed >= capacity,
            notice,
            candidates.Select(c => RegistrationViews.Candidate(c, balance, culture)).ToList(),
            page,
            ApprovalsCard.PageSize,
            total), culture);
    }
}

/// <summary>Confirm or decline a candidate; the person is told, and the card refreshes with the new balance.</summary>
public sealed partial class DecideRegistrationAction(
    RegistrationStore store,
    EventCatalogue catalogue,
    ApprovalsView view,
    RegistrationNotifier notifier,
    IStringLocalizer<RegistrationTexts> texts,
    ILogger<DecideRegistrationAction> logger) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var decision = input.Text(RegistrationVerbs.DecisionKey);
        if (!long.TryParse(input.Text(RegistrationVerbs.RegistrationKey), NumberStyles.None, CultureInfo.InvariantCulture, out var registrationId)
            || decision is not (RegistrationVerbs.Approve or RegistrationVerbs.Decline)
            || !Enum.TryParse<RegistrationStatus>(input.Text(RegistrationVerbs.ShownStatusKey), ignoreCase: false, out var shown)
            || !Enum.IsDefined(shown)
            || await catalogue.FindAsync(input.Text(RegistrationVerbs.EventKey), cancellationToken) is not { } e)
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var page = int.TryParse(input.Text(RegistrationVerbs.PageKey), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 10_000 ? p : 1;
        var result = await store.DecideAsync(registrationId, decision == RegistrationVerbs.Approve, shown, cancellationToken);
        string notice;
        switch (result.Outcome)
        {
            case DecisionOutcome.NotFound:
                return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
            case DecisionOutcome.Stale:
                notice = texts["Decide.Stale", RegistrationViews.StatusLabel(result.Status!.Value, turn.Culture)];
                break;
            default:
                var reach = await notifier.NotifyAsync(result.Changes, cancellationToken);
                LogDecided(logger, result.Status!.Value);
                notice = texts[
                    "Decide.Notice",
                    result.Status == RegistrationStatus.Confirmed ? texts["Decide.Confirmed"] : texts["Decide.Declined"],
                    texts[$"Decide.Reach.{(reach.Count > 0 ? reach[0] : NoticeReach.Nobody)}"]];
                break;
        }

        return CardActionResult.ReplaceCard(await view.BuildAsync(e, page, notice, turn.Culture, cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "An organiser decided a registration: {Status}")]
    private static partial void LogDecided(ILogger logger, RegistrationStatus status);
}

/// <summary><c>export registrations &lt;event&gt;</c>: a CSV behind an expiring link.</summary>
public sealed partial class ExportRegistrationsCommand(
    EventArgument events,
    RegistrationStore store,
    ExportStore exports,
    IOptions<PublicHostOptions> host,
    TimeProvider time,
    IStringLocalizer<RegistrationTexts> texts,
    ILogger<ExportRegistrationsCommand> logger) : ICommandHandler
{
    /// <summary>The columns, in the organiser's language (<c>Csv.*</c> texts).</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "Event", "Status", "QueuedAtUtc", "Name", "Email", "Organisation", "Group", "Country", "Subregion", "Gender", "Migrant",
        "SpeaksForVulnerable", "Themes", "OralIntervention", "Panellist", "Needs",
    ];

    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        if (await events.FindOrExplainAsync(turn, input.Arguments, "export registrations", cancellationToken) is not { } e)
        {
            return;
        }

        var rows = await store.ExportAsync(e.Id, cancellationToken);
        var csv = new CsvWriter(Columns.Select(c => texts[$"Csv.{c}"].Value).ToList());
        foreach (var row in rows)
        {
            csv.Row(Cells(e, row, turn.Culture));
        }

        var now = time.GetUtcNow();
        var fileName = string.Create(CultureInfo.InvariantCulture, $"registrations-{e.Id}-{now:yyyyMMdd-HHmm}.csv");
        var link = await exports.PublishAsync(fileName, "text/csv; charset=utf-8", csv.ToUtf8Bytes(), cancellationToken);
        LogExported(logger, rows.Count);
        var expires = now.AddMinutes(host.Value.ExportLinkMinutes);
        await turn.SendCardAsync(ExportCard.Build(new ExportCardModel(
            texts["Export.Title", e.Title],
            texts["Export.Description", rows.Count],
            link.ToString(),
            texts["Export.Expires", Cards.Common.TimeText.MomentForPerson(expires, turn.TimeZone, now, turn.Culture)]), turn.Culture), cancellationToken);
    }

    private IEnumerable<string?> Cells(CatalogueEvent e, Candidate row, CultureInfo culture)
    {
        var r = row.Registration;
        var p = row.Profile;
        var country = StakeholderReference.Country(p?.CountryCode);
        return
        [
            e.Title,
            RegistrationViews.StatusLabel(r.Status, culture),
            r.QueuedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            p?.Name,
            p?.Email,
            p?.Organisation,
            p is null ? null : StakeholderReference.LabelIn(StakeholderReference.Groups, p.StakeholderGroup, culture),
            country?.NameIn(culture),
            country is null ? null : StakeholderReference.LabelIn(StakeholderReference.Subregions, country.SubregionCode, culture),
            p?.Gender is null ? null : StakeholderReference.LabelIn(StakeholderReference.Genders, p.Gender, culture),
            YesNo(p?.IsMigrant),
            YesNo(p?.SpeaksForMigrantsInVulnerableSituations),
            p is null ? null : string.Join(" ", p.Themes.Select(c => c.ToString())),
            YesNo(p?.WishesToSpeak),
            YesNo(p?.OffersAsPanellist),
            p?.AccessibilityNeeds,
        ];
    }

    private string? YesNo(bool? value) => value switch { true => texts["Csv.Yes"].Value, false => texts["Csv.No"].Value, null => null };

    [LoggerMessage(Level = LogLevel.Information, Message = "Exported {Count} registration(s)")]
    private static partial void LogExported(ILogger logger, int count);
}

/// <summary><c>event add</c> and <c>event edit &lt;event&gt;</c>: the organisers' event form.</summary>
public sealed class EventFormCommand(EventArgument events, IStringLocalizer<RegistrationTexts> texts) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        if (input.Command.EndsWith("add", StringComparison.OrdinalIgnoreCase))
        {
            var blank = new EventAnswers(new Dictionary<EventField, string?>
            {
                [EventField.TimeZone] = Cards.Common.TimeText.ReferenceZoneId,
                [EventField.Kind] = EventForm.KindCode(EventKind.SideEvent),
                [EventField.Confirmation] = EventForm.ConfirmationCode(ConfirmationMode.Automatic),
                [EventField.Venue] = texts["OnlineVenue"],
            });
            await turn.SendCardAsync(EventFormCard.Build(RegistrationViews.EventForm(null, blank, new Dictionary<EventField, FormProblem>(), turn.Culture), turn.Culture), cancellationToken);
            return;
        }

        if (await events.FindOrExplainAsync(turn, input.Arguments, "event edit", cancellationToken) is not { } e)
        {
            return;
        }

        await turn.SendCardAsync(EventFormCard.Build(RegistrationViews.EventForm(e.Id, EventAnswers.From(e), new Dictionary<EventField, FormProblem>(), turn.Culture), turn.Culture), cancellationToken);
    }
}

/// <summary>Saves the event form after checking every field; raising an automatic event's places confirms the waitlist.</summary>
public sealed partial class SaveEventAction(
    EventCatalogue catalogue,
    RegistrationStore store,
    RegistrationNotifier notifier,
    IStringLocalizer<RegistrationTexts> texts,
    ILogger<SaveEventAction> logger) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var values = RegistrationViews.ReadForm(input.Data, RegistrationViews.EventFormIds);
        var fixedId = input.Text(RegistrationVerbs.EventKey);
        if (values is null || fixedId is null)
        {
            return CardActionResult.Message(texts["EventForm.Unreadable"]);
        }

        var isNew = fixedId.Length == 0;
        var existing = isNew ? null : await catalogue.FindAsync(fixedId, cancellationToken);
        if (!isNew && existing is null)
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var answers = new EventAnswers(values);
        var ids = (await catalogue.AllAsync(cancellationToken)).Select(e => e.Id).ToList();
        var check = EventForm.Validate(answers, isNew, existing?.Id, ids);
        if (check.Valid is not { } draft)
        {
            return CardActionResult.ReplaceCard(EventFormCard.Build(RegistrationViews.EventForm(existing?.Id, answers, check.Errors, turn.Culture), turn.Culture));
        }

        if (isNew)
        {
            if (!await catalogue.AddAsync(draft, cancellationToken))
            {
                var taken = new Dictionary<EventField, FormProblem> { [EventField.Id] = FormProblemKind.IdTaken };
                return CardActionResult.ReplaceCard(EventFormCard.Build(RegistrationViews.EventForm(null, answers, taken, turn.Culture), turn.Culture));
            }
        }
        else
        {
            await catalogue.UpdateAsync(draft.Id, draft, cancellationToken);
            // More places (or no limit, or automatic confirmation) may let the waitlist in.
            var changes = await store.FillPlacesAsync(draft.Id, cancellationToken);
            await notifier.NotifyAsync(changes, cancellationToken);
        }

        LogSaved(logger, isNew);
        return CardActionResult.ReplaceCard(RegistrationNoticeCard.Build(new RegistrationNoticeModel(
            isNew ? texts["EventForm.Added"] : texts["EventForm.Saved"],
            texts["EventForm.InCatalogue", draft.Title],
            [HelpCard.RunCommandButton("events", texts["EventForm.SeeEvents"]), HelpCard.RunCommandButton($"registrations {draft.Id}", texts["EventForm.Registrations"])]), turn.Culture));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "An organiser saved an event (new: {IsNew})")]
    private static partial void LogSaved(ILogger logger, bool isNew);
}

/// <summary>The events of the catalogue, for the commands that need one: soonest first, undated last.</summary>
public sealed class EventChoices(EventCatalogue catalogue) : IChoiceSource
{
    public Cards.Help.PickSubject Kind => Cards.Help.PickSubject.Event;

    public async Task<IReadOnlyList<PickChoice>> ChoicesAsync(BotTurn turn, CancellationToken cancellationToken) =>
        (await catalogue.AllAsync(cancellationToken))
            .OrderBy(e => e.StartsAt ?? DateTimeOffset.MaxValue)
            .Select(e => new PickChoice(e.Id, e.Title, RegistrationViews.When(e, turn.TimeZone)))
            .ToList();
}
