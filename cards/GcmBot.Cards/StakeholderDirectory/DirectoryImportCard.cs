using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;

namespace GcmBot.Cards.StakeholderDirectory;

/// <summary>A row the dry run refused: its line in the file and why (plain text).</summary>
public sealed record ImportRejection(int Line, string Reasons);

/// <summary>Where the import stands, which decides the card's buttons and heading.</summary>
public enum ImportCardState
{
    /// <summary>The dry run, waiting for "Apply import" or "Discard".</summary>
    DryRun,
    Applied,
    Discarded,

    /// <summary>Applied earlier, or expired: nothing to do any more.</summary>
    Closed,
}

/// <summary>The report of an import's dry run (or of its outcome).</summary>
/// <param name="ImportId">The staged import the buttons apply or discard.</param>
/// <param name="Merges">"Line 3 → Migrant Forum Asia (same e-mail)", the first few (plain text).</param>
/// <param name="Banner">The outcome of the last action (plain text).</param>
public sealed record DirectoryImportModel(
    string ImportId,
    string FileName,
    ImportCardState State,
    int Accepted,
    int Merged,
    int Rejected,
    IReadOnlyList<string> Merges,
    IReadOnlyList<ImportRejection> Rejections,
    IReadOnlyList<string> IgnoredColumns,
    string? Banner);

/// <summary>
/// The dry-run report of a CSV import: how many rows would be added, merged into existing entries, or rejected and
/// why; with "Apply import", which applies exactly this dry run, once.
/// </summary>
public static class DirectoryImportCard
{
    /// <summary>Rows listed on the card; the counts cover them all.</summary>
    public const int MaxListed = 15;

    public static AdaptiveCard Build(DirectoryImportModel model)
    {
        var heading = model.State switch
        {
            ImportCardState.DryRun => "Directory import: dry run",
            ImportCardState.Applied => "Directory import: applied",
            ImportCardState.Discarded => "Directory import: discarded",
            _ => "Directory import",
        };
        var body = new List<CardElement>
        {
            new TextBlock(heading) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(MarkdownText.Escape(model.FileName)) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
        };
        if (model.Banner is not null)
        {
            body.Add(new TextBlock(MarkdownText.Escape(model.Banner))
            {
                Color = model.State == ImportCardState.Applied ? TextColor.Good : TextColor.Warning,
                Weight = TextWeight.Bolder,
            });
        }

        if (model.State == ImportCardState.DryRun)
        {
            body.Add(new TextBlock("Nothing has changed yet. Check the counts, then apply the import or discard it.") { Wrap = true });
        }

        body.Add(new FactSet(
        [
            new Fact("New entries", N(model.Accepted)),
            new Fact("Merged into existing", N(model.Merged)),
            new Fact("Rejected", N(model.Rejected)),
        ]));

        if (model.IgnoredColumns.Count > 0)
        {
            body.Add(new TextBlock("Columns I do not use (ignored): " + MarkdownText.Escape(string.Join(", ", model.IgnoredColumns)))
            {
                IsSubtle = true,
                Size = TextSize.Small,
            });
        }

        if (model.Merges.Count > 0)
        {
            body.Add(new TextBlock("Merged (duplicates of existing entries)") { Weight = TextWeight.Bolder, Separator = true });
            body.AddRange(model.Merges.Take(MaxListed).Select(m => new TextBlock("• " + MarkdownText.Escape(m)) { Size = TextSize.Small, Spacing = Spacing.None }));
            More(body, model.Merged, Math.Min(model.Merges.Count, MaxListed));
        }

        if (model.Rejections.Count > 0)
        {
            body.Add(new TextBlock("Rejected rows") { Weight = TextWeight.Bolder, Separator = true, Color = TextColor.Attention });
            body.AddRange(model.Rejections.Take(MaxListed).Select(r =>
                new TextBlock($"Line {N(r.Line)}: {MarkdownText.Escape(r.Reasons)}") { Size = TextSize.Small, Spacing = Spacing.None }));
            More(body, model.Rejected, Math.Min(model.Rejections.Count, MaxListed));
        }

        var actions = new List<CardAction>();
        if (model.State == ImportCardState.DryRun)
        {
            if (model.Accepted + model.Merged > 0)
            {
                actions.Add(new ExecuteAction(CardActionData.For(DirectoryVerbs.ApplyImport, (DirectoryVerbs.Import, model.ImportId)))
                {
                    Title = "Apply import",
                    Style = ActionStyle.Positive,
                    SendInputs = false,
                });
            }

            actions.Add(new ExecuteAction(CardActionData.For(DirectoryVerbs.DiscardImport, (DirectoryVerbs.Import, model.ImportId)))
            {
                Title = "Discard",
                SendInputs = false,
            });
        }

        return new AdaptiveCard(body) { Actions = actions, FallbackText = heading };
    }

    private static void More(List<CardElement> body, int total, int listed)
    {
        if (total > listed)
        {
            body.Add(new TextBlock($"… and {N(total - listed)} more.") { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
        }
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
