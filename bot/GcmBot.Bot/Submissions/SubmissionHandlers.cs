using System.Globalization;
using System.Text.RegularExpressions;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Participants;
using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Submissions;

namespace GcmBot.Bot.Submissions;

/// <summary>What stakeholders are told when something cannot be done; shared by the handlers.</summary>
internal static partial class SubmissionTexts
{
    public const string RegisterFirst =
        "Written submissions are for registered stakeholders. Please register first: type **register**. " +
        "Then type **submit** to send your submission.";

    public const string NotFound =
        "I can't find that submission among yours. Type **my submissions** to see the ones you sent.";

    public static string TooMany =>
        $"You have {SubmissionRules.MaxOpenPerPerson} submissions open already, the most one person can have. " +
        "Withdraw one you no longer need (type **my submissions**) or add to an existing one.";

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
public sealed class SubmitCommand(IParticipantDirectory participants) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var profile = await participants.FindAsync(turn.User.StableId, cancellationToken);
        if (profile is null)
        {
            await turn.SendTextAsync(SubmissionTexts.RegisterFirst, cancellationToken);
            return;
        }

        // "submit b" starts the form on theme b; anything else after "submit" is not worth refusing the form over.
        var themes = GcmTagRules.ParseThemes(input.Arguments, required: false);
        var values = new Dictionary<string, string?>
        {
            [SubmissionFormCard.Organisation] = profile.Organisation,
            [SubmissionFormCard.Themes] = themes.IsValid ? string.Join(',', themes.Value) : null,
        };
        var notice = themes.IsValid ? null : themes.Problem + " Choose the themes on the form.";
        await turn.SendCardAsync(SubmissionViews.Form(Guid.NewGuid().ToString("N"), null, values, notice: notice), cancellationToken);
    }
}

/// <summary><c>my submissions</c>: the person's own submissions.</summary>
public sealed class MySubmissionsCommand(SubmissionStore store, SubmissionViews views) : ICommandHandler
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken)
    {
        var page = await store.MineAsync(turn.User.StableId, 0, SubmissionViews.MinePageSize, cancellationToken);
        await turn.SendCardAsync(views.Mine(page, null, turn.TimeZone), cancellationToken);
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
        var form = SubmissionTexts.ReadForm(input);
        if (input.Text(SubmissionVerbs.Id) is { } idText)
        {
            return SubmissionTexts.TryNumber(idText, out var id) && SubmissionTexts.TryNumber(input.Text(SubmissionVerbs.Version), out var version)
                ? await EditAsync(turn, id, version, form, cancellationToken)
                : CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var key = input.Text(SubmissionVerbs.SubmitKey);
        if (key is null || !SubmissionTexts.SubmitKey().IsMatch(key))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        // Checked again here, not only when the form was shown: a form can outlive a registration.
        var profile = await participants.FindAsync(turn.User.StableId, cancellationToken);
        if (profile is null)
        {
            return CardActionResult.Message(SubmissionTexts.RegisterFirst);
        }

        var check = SubmissionRules.Check(form);
        if (!check.IsValid)
        {
            return CardActionResult.ReplaceCard(SubmissionViews.Form(key, null, SubmissionViews.ValuesOf(form), check.Problems));
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
                $"Thank you: submission #{result.Submission!.Id} received",
                "The organisers will review it, and I will tell you here what they decide. Until then you can edit or withdraw it.",
                result.Submission,
                turn.TimeZone)),
            SubmissionOutcome.TooMany => CardActionResult.Message(SubmissionTexts.TooMany),
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
            return CardActionResult.ReplaceCard(SubmissionViews.Form(string.Empty, (id, version), SubmissionViews.ValuesOf(form), check.Problems));
        }

        var result = await store.EditAsync(id, turn.User.StableId, version, check.Content!, cancellationToken);
        var current = result.Submission;
        return result.Outcome switch
        {
            SubmissionOutcome.Done or SubmissionOutcome.Repeated => CardActionResult.ReplaceCard(views.Notice(
                $"Saved: submission #{id}",
                "The organisers will review this version, and I will tell you here what they decide.",
                current!,
                turn.TimeZone)),
            SubmissionOutcome.Stale => CardActionResult.ReplaceCard(SubmissionViews.Form(
                string.Empty,
                (id, current!.Version),
                SubmissionViews.ValuesOf(form),
                notice: "This submission changed after you opened this form (in another window, perhaps). Your answers here are kept: send them again to replace that version.")),
            SubmissionOutcome.NotAllowed => CardActionResult.ReplaceCard(views.Notice(
                $"Submission #{id} can no longer be edited",
                "The organisers have reviewed it (or it was withdrawn), so it stays as it is. You can send a new submission instead.",
                current!,
                turn.TimeZone)),
            _ => CardActionResult.Message(SubmissionTexts.NotFound),
        };
    }
}

/// <summary>Edit on one's own submission: the form with its current answers.</summary>
public sealed class EditSubmissionAction(SubmissionStore store, SubmissionViews views) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (!SubmissionTexts.TryNumber(input.Text(SubmissionVerbs.Id), out var id))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var submission = await store.FindAsync(id, cancellationToken);
        if (submission is null || submission.AuthorId != turn.User.StableId)
        {
            return CardActionResult.Message(SubmissionTexts.NotFound);
        }

        if (!SubmissionRules.CanEdit(submission.Status))
        {
            return CardActionResult.ReplaceCard(views.Notice(
                $"Submission #{id} can no longer be edited",
                "The organisers have reviewed it (or it was withdrawn), so it stays as it is.",
                submission,
                turn.TimeZone));
        }

        var notice = submission.Status == SubmissionStatus.Returned && submission.ReviewComment is not null
            ? "The organisers returned it with this comment: " + submission.ReviewComment
            : null;
        return CardActionResult.ReplaceCard(SubmissionViews.Form(
            string.Empty, (submission.Id, submission.Version), SubmissionViews.ValuesOf(submission), notice: notice));
    }
}

/// <summary>Withdraw (after the card's confirmation): off the public page for good.</summary>
public sealed class WithdrawSubmissionAction(SubmissionStore store, SubmissionViews views) : ICardActionHandler
{
    public async Task<CardActionResult> HandleAsync(BotTurn turn, CardActionInput input, CancellationToken cancellationToken)
    {
        if (!SubmissionTexts.TryNumber(input.Text(SubmissionVerbs.Id), out var id))
        {
            return CardActionResult.Message(CardActionDispatcher.OutdatedCardText);
        }

        var result = await store.WithdrawAsync(id, turn.User.StableId, cancellationToken);
        if (result.Outcome == SubmissionOutcome.NotFound)
        {
            return CardActionResult.Message(SubmissionTexts.NotFound);
        }

        var banner = result.Outcome == SubmissionOutcome.Done
            ? $"Submission #{id} is withdrawn. It is no longer shown anywhere."
            : $"Submission #{id} was already withdrawn.";
        var page = await store.MineAsync(turn.User.StableId, 0, SubmissionViews.MinePageSize, cancellationToken);
        return CardActionResult.ReplaceCard(views.Mine(page, banner, turn.TimeZone));
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
        return CardActionResult.ReplaceCard(views.Mine(page, null, turn.TimeZone));
    }
}
