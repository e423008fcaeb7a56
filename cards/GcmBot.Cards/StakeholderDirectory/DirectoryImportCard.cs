using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Words;

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

    public static AdaptiveCard Build(DirectoryImportModel model, CultureInfo culture)
    {
        var t = TextResources.For<DirectoryCardTexts>(culture);
        var heading = model.State switch
        {
            ImportCardState.DryRun => t["Import.Heading.DryRun"],
            ImportCardState.Applied => t["Import.Heading.Applied"],
            ImportCardState.Discarded => t["Import.Heading.Discarded"],
            _ => t["Import.Heading"],
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
            body.Add(new TextBlock(t["Import.NothingYet"]) { Wrap = true });
        }

        body.Add(new FactSet(
        [
            new Fact(t["Fact.New"], N(model.Accepted, culture)),
            new Fact(t["Fact.Merged"], N(model.Merged, culture)),
            new Fact(t["Fact.Rejected"], N(model.Rejected, culture)),
        ]));

        if (model.IgnoredColumns.Count > 0)
        {
            body.Add(new TextBlock(t["IgnoredColumns", MarkdownText.Escape(string.Join(", ", model.IgnoredColumns))])
            {
                IsSubtle = true,
                Size = TextSize.Small,
            });
        }

        if (model.Merges.Count > 0)
        {
            body.Add(new TextBlock(t["Merged.Heading"]) { Weight = TextWeight.Bolder, Separator = true });
            body.AddRange(model.Merges.Take(MaxListed).Select(m => new TextBlock("• " + MarkdownText.Escape(m)) { Size = TextSize.Small, Spacing = Spacing.None }));
            More(t, body, model.Merged, Math.Min(model.Merges.Count, MaxListed));
        }

        if (model.Rejections.Count > 0)
        {
            body.Add(new TextBlock(t["Rejected.Heading"]) { Weight = TextWeight.Bolder, Separator = true, Color = TextColor.Attention });
            body.AddRange(model.Rejections.Take(MaxListed).Select(r =>
                new TextBlock(t["Rejected.Line", N(r.Line, culture), MarkdownText.Escape(r.Reasons)]) { Size = TextSize.Small, Spacing = Spacing.None }));
            More(t, body, model.Rejected, Math.Min(model.Rejections.Count, MaxListed));
        }

        var actions = new List<CardAction>();
        if (model.State == ImportCardState.DryRun)
        {
            if (model.Accepted + model.Merged > 0)
            {
                actions.Add(new ExecuteAction(CardActionData.For(DirectoryVerbs.ApplyImport, (DirectoryVerbs.Import, model.ImportId)))
                {
                    Title = t["Apply"],
                    Style = ActionStyle.Positive,
                    SendInputs = false,
                });
            }

            actions.Add(new ExecuteAction(CardActionData.For(DirectoryVerbs.DiscardImport, (DirectoryVerbs.Import, model.ImportId)))
            {
                Title = t["Discard"],
                SendInputs = false,
            });
        }

        return new AdaptiveCard(body) { Actions = actions, FallbackText = heading, Lang = SupportedLanguages.TagOf(culture) };
    }

    private static void More(TextResources t, List<CardElement> body, int total, int listed)
    {
        if (total > listed)
        {
            body.Add(new TextBlock(t["More", total - listed]) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None });
        }
    }

    private static string N(int n, CultureInfo culture) => n.ToString("N0", SupportedLanguages.IsPseudo(culture) ? SupportedLanguages.English : culture);
}
