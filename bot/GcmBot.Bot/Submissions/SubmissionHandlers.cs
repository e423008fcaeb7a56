using System.Globalization;
using System.Text.RegularExpressions;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Participants;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Submissions;

namespace GcmBot.Bot.Submissions;

/// <summary>Reading the submission forms' data; shared by the handlers.</summary>
internal static partial class SubmissionInputs
{
    /// <summary>Ids the forms put in their data: short, so nothing oversized or odd reaches the database.</summary>
    [GeneratedRegex("^[A-Za-z0-9-]{8,64}$")]
    public static partial Regex SubmitKey();

    public static bool TryNumber(string? text, out int number) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;

    public static SubmissionInput ReadForm(CardActionInput input) => new(
        input.Text(SubmissionFormCard.Title),
        input.Text(SubmissionFormCard.Themes),
        input.Text(SubmissionFormCard.Objectives),
        input.Text(SubmissionFormCard.Text),
        input.Text(SubmissionFormCard.Link),
        input.Text(SubmissionFormCard.Organisation),
        input.Text(SubmissionFormCard.Consent));
}

/// <summary><c>submit [themes]</c>: the form, for registered stakeholders.</summary>
public sealed class SubmitCommand(IParticipantDirectory participants, SubmissionViews views) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var profile = await participants.FindAsync(turn.User.StableId, cancellationToken);
        if (profile is null)
        {
            await turn.SendTextAsync(views.Texts["RegisterFirst"], cancellationToken);
            return;
        }

        // "submit b" starts the form on theme b; anything else after "submit" is not worth refusing the form over.
        var themes = GcmTagRules.ParseThemes(input.Arguments, required: false);
        var values = new Dictionary<string, string?>
        {
            [SubmissionFormCard.Organisation] = profile.Organisation,
            [SubmissionFormCard.Themes] = themes.IsValid ? string.Join(',', themes.Value) : null,
        };
        var notice = themes.IsValid ? null : views.Describe(themes.Problem!) + " " + views.Texts["ChooseThemesOnForm"];
        await turn.SendCardAsync(views.Form(turn.Culture, Guid.NewGuid().ToString("N"), null, values, notice: notice), cancellationToken);
    }
}

/// <summary><c>my submissions</c>: the person's own submissions.</summary>
public sealed class MySubmissionsCommand(SubmissionStore store, SubmissionViews views) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var page = await store.MineAsync(turn.User.StableId, 0, SubmissionViews.MinePageSize, cancellationToken);
        await turn.SendCardAsync(views.Mine(turn.Culture, page, null, turn.TimeZone), cancellationToken);
    }
}

/// <summary>The form's Send: a new submission or a new version of one.</summary>
public sealed partial class SaveSubmissionAction(
    SubmissionStore store,
    SubmissionViews views,
    IParticipantDirectory participants,
    ILogger<SaveSubmissionAction> logger) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        var form = SubmissionInputs.ReadForm(input);
        if (input.Text(SubmissionVerbs.Id) is { } idText)
        {
            return SubmissionInputs.TryNumber(idText, out var id) && SubmissionInputs.TryNumber(input.Text(SubmissionVerbs.Version), out var version)
                ? await EditAsync(turn, id, version, form, cancellationToken)
                : CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var key = input.Text(SubmissionVerbs.SubmitKey);
        if (key is null || !SubmissionInputs.SubmitKey().IsMatch(key))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        // Checked again here, not only when the form was shown: a form can outlive a registration.
        var profile = await participants.FindAsync(turn.User.StableId, cancellationToken);
        if (profile is null)
        {
            return CardActionResult.Message(views.Texts["RegisterFirst"]);
        }

        var check = SubmissionRules.Check(form);
        if (!check.IsValid)
        {
            return CardActionResult.ReplaceCard(views.Form(turn.Culture, key, null, SubmissionViews.ValuesOf(form), check.Problems));
        }

        // The name as registered, for publication with the author's name; bounded like every stored value.
        var name = TypedText.SingleLine(profile.DisplayName);
        var author = new SubmissionAuthor(turn.User.StableId, name.Length <= SubmissionRules.MaxAuthorNameLength ? name : name[..SubmissionRules.MaxAuthorNameLength]);
        var result = await store.CreateAsync(key, author, check.Content!, cancellationToken);
        if (result.Outcome == SubmissionOutcome.Done)
        {
            LogReceived(logger, result.Submission!.Id);
        }

        return result.Outcome switch
        {
            SubmissionOutcome.Done or SubmissionOutcome.Repeated => CardActionResult.ReplaceCard(views.Notice(
                turn.Culture,
                views.Texts["Received.Heading", result.Submission!.Id],
                views.Texts["Received.Message"],
                result.Submission,
                turn.TimeZone)),
            SubmissionOutcome.TooMany => CardActionResult.Message(views.Texts["TooMany", SubmissionRules.MaxOpenPerPerson]),
            _ => CardActionResult.Message(CardActionDispatcher.OutdatedCardText),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Written submission {SubmissionId} received")]
    private static partial void LogReceived(ILogger logger, int submissionId);

    private async Task<CardActionResult> EditAsync(BotTurn turn, int id, int version, SubmissionInput form, CancellationToken cancellationToken)
    {
        var check = SubmissionRules.Check(form);
        if (!check.IsValid)
        {
            return CardActionResult.ReplaceCard(views.Form(turn.Culture, string.Empty, (id, version), SubmissionViews.ValuesOf(form), check.Problems));
        }

        var result = await store.EditAsync(id, turn.User.StableId, version, check.Content!, cancellationToken);
        var current = result.Submission;
        return result.Outcome switch
        {
            SubmissionOutcome.Done or SubmissionOutcome.Repeated => CardActionResult.ReplaceCard(views.Notice(
                turn.Culture,
                views.Texts["Saved.Heading", id],
                views.Texts["Saved.Message"],
                current!,
                turn.TimeZone)),
            SubmissionOutcome.Stale => CardActionResult.ReplaceCard(views.Form(
                turn.Culture,
                string.Empty,
                (id, current!.Version),
                SubmissionViews.ValuesOf(form),
                notice: views.Texts["Stale.Notice"])),
            SubmissionOutcome.NotAllowed => CardActionResult.ReplaceCard(views.Notice(
                turn.Culture,
                views.Texts["NotEditable.Heading", id],
                views.Texts["NotEditable.Message"] + " " + views.Texts["NotEditable.SendNew"],
                current!,
                turn.TimeZone)),
            _ => CardActionResult.Message(views.Texts["NotFound"]),
        };
    }
}

/// <summary>Edit on one's own submission: the form with its current answers.</summary>
public sealed class EditSubmissionAction(SubmissionStore store, SubmissionViews views) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (!SubmissionInputs.TryNumber(input.Text(SubmissionVerbs.Id), out var id))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var submission = await store.FindAsync(id, cancellationToken);
        if (submission is null || submission.AuthorId != turn.User.StableId)
        {
            return CardActionResult.Message(views.Texts["NotFound"]);
        }

        if (!SubmissionRules.CanEdit(submission.Status))
        {
            return CardActionResult.ReplaceCard(views.Notice(
                turn.Culture,
                views.Texts["NotEditable.Heading", id],
                views.Texts["NotEditable.Message"],
                submission,
                turn.TimeZone));
        }

        var notice = submission.Status == SubmissionStatus.Returned && submission.ReviewComment is not null
            ? views.Texts["ReturnedWithComment", submission.ReviewComment].Value
            : null;
        return CardActionResult.ReplaceCard(views.Form(
            turn.Culture,
            string.Empty, (submission.Id, submission.Version), SubmissionViews.ValuesOf(submission), notice: notice));
    }
}

/// <summary>Withdraw (after the card's confirmation): off the public page for good.</summary>
public sealed class WithdrawSubmissionAction(SubmissionStore store, SubmissionViews views) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (!SubmissionInputs.TryNumber(input.Text(SubmissionVerbs.Id), out var id))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var result = await store.WithdrawAsync(id, turn.User.StableId, cancellationToken);
        if (result.Outcome == SubmissionOutcome.NotFound)
        {
            return CardActionResult.Message(views.Texts["NotFound"]);
        }

        var banner = result.Outcome == SubmissionOutcome.Done
            ? views.Texts["Withdrawn", id]
            : views.Texts["AlreadyWithdrawn", id];
        var page = await store.MineAsync(turn.User.StableId, 0, SubmissionViews.MinePageSize, cancellationToken);
        return CardActionResult.ReplaceCard(views.Mine(turn.Culture, page, banner, turn.TimeZone));
    }
}

/// <summary>Newer or older own submissions.</summary>
public sealed class MySubmissionsPageAction(SubmissionStore store, SubmissionViews views) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (!int.TryParse(input.Text(SubmissionVerbs.Page), NumberStyles.None, CultureInfo.InvariantCulture, out var pageIndex))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var page = await store.MineAsync(turn.User.StableId, pageIndex, SubmissionViews.MinePageSize, cancellationToken);
        return CardActionResult.ReplaceCard(views.Mine(turn.Culture, page, null, turn.TimeZone));
    }
}
