using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Submissions;

/// <summary>How a status line is coloured.</summary>
public enum SubmissionTone
{
    Neutral,
    Good,
    Warning,
    Attention,
}

/// <summary>
/// One submission as its author or an organiser sees it on a card. Every string is plain text as stored (people's
/// text included): the cards escape it, so nobody's title or organisation can turn into a link or formatting.
/// </summary>
/// <param name="Status">"Waiting for review", "Published on the review's web page", …</param>
/// <param name="Facts">Themes, objectives, organisation, publication choice, dates.</param>
/// <param name="Comment">The organisers' comment, when it matters to the reader.</param>
/// <param name="Text">The submission's text (cards show a preview or the whole, as they need).</param>
/// <param name="Link">An https link to a document (checked when it was stored).</param>
public sealed record SubmissionItem(
    int Id,
    int Version,
    string Title,
    string Status,
    SubmissionTone Tone,
    IReadOnlyList<Fact> Facts,
    string? Comment,
    string? Text,
    string? Link,
    bool CanEdit,
    bool CanWithdraw);

/// <summary>Card pieces shared by the submission cards.</summary>
internal static class SubmissionParts
{
    /// <summary>How much of the text a list shows; the whole is on the edit form and the organisers' review card.</summary>
    public const int PreviewLength = 280;

    /// <summary>Paragraph blocks on one card at most; the rest is joined into the last (keeps cards small and valid).</summary>
    private const int MaxParagraphs = 40;

    public static CardElement Heading(string text) => new TextBlock(text) { Size = TextSize.Medium, Weight = TextWeight.Bolder };

    public static Container Item(TextResources t, SubmissionItem item, bool fullText, IReadOnlyList<CardAction> actions)
    {
        var items = new List<CardElement>
        {
            new TextBlock($"#{item.Id.ToString(CultureInfo.InvariantCulture)} · {MarkdownText.Escape(item.Title)}") { Weight = TextWeight.Bolder },
            new TextBlock(MarkdownText.Escape(item.Status)) { Color = Colour(item.Tone), Spacing = Spacing.None, Size = TextSize.Small, Weight = TextWeight.Bolder },
            Facts(item.Facts),
        };

        if (item.Comment is not null)
        {
            items.Add(new TextBlock(t["Item.Comment", MarkdownText.Escape(item.Comment)]) { Color = TextColor.Warning });
        }

        if (item.Text is not null)
        {
            items.AddRange(fullText ? Paragraphs(item.Text) : [new TextBlock(MarkdownText.Escape(Preview(item.Text))) { IsSubtle = true, MaxLines = 4 }]);
        }

        if (actions.Count > 0)
        {
            items.Add(new ActionSet(actions));
        }

        return new Container(items) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium };
    }

    /// <summary>The author's buttons on one of their submissions: edit, withdraw (after a confirmation), open the document.</summary>
    public static IReadOnlyList<CardAction> AuthorActions(TextResources t, SubmissionItem item)
    {
        var actions = new List<CardAction>();
        var id = item.Id.ToString(CultureInfo.InvariantCulture);
        if (item.CanEdit)
        {
            actions.Add(new SubmitAction(CardActionData.For(SubmissionVerbs.Edit, (SubmissionVerbs.Id, id))) { Title = t["Edit"], SendInputs = false });
        }

        if (item.CanWithdraw)
        {
            var confirm = new AdaptiveCard([new TextBlock(t["Withdraw.Confirm"])])
            {
                Actions =
                [
                    new SubmitAction(CardActionData.For(SubmissionVerbs.Withdraw, (SubmissionVerbs.Id, id)))
                    {
                        Title = t["Withdraw.Yes"],
                        Style = ActionStyle.Destructive,
                        SendInputs = false,
                    },
                ],
            };
            actions.Add(new ShowCardAction(confirm) { Title = t["Withdraw"] });
        }

        if (item.Link is not null)
        {
            actions.Add(new OpenUrlAction(item.Link) { Title = t["OpenDocument"] });
        }

        return actions;
    }

    public static FactSet Facts(IReadOnlyList<Fact> facts) =>
        new(facts.Select(f => new Fact(f.Title, MarkdownText.Escape(f.Value))).ToList()) { Spacing = Spacing.Small };

    public static IEnumerable<CardElement> Paragraphs(string text)
    {
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (paragraphs.Count > MaxParagraphs)
        {
            paragraphs = [.. paragraphs.Take(MaxParagraphs - 1), string.Join(" ", paragraphs.Skip(MaxParagraphs - 1))];
        }

        return paragraphs.Select(p => new TextBlock(MarkdownText.Escape(p)));
    }

    public static string Preview(string text)
    {
        var flat = string.Join(' ', text.Split(['\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= PreviewLength ? flat : flat[..PreviewLength].TrimEnd() + "…";
    }

    /// <summary>The public page in the reader's language (<c>?lang=fr</c>); English is the page's default.</summary>
    public static string InLanguage(string pageUrl, CultureInfo culture) =>
        SupportedLanguages.IsPseudo(culture) || culture.TwoLetterISOLanguageName == "en"
            ? pageUrl
            : pageUrl + (pageUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + culture.Name;

    public static SubmitAction PageButton(string verb, string title, int page) =>
        new(CardActionData.For(verb, (SubmissionVerbs.Page, page.ToString(CultureInfo.InvariantCulture)))) { Title = title, SendInputs = false };

    private static TextColor Colour(SubmissionTone tone) => tone switch
    {
        SubmissionTone.Good => TextColor.Good,
        SubmissionTone.Warning => TextColor.Warning,
        SubmissionTone.Attention => TextColor.Attention,
        _ => TextColor.Accent,
    };
}
