using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.ConceptNotes;

/// <summary>Names the resource files of this folder (<c>ConceptNoteCardTexts.resx</c> and its translations).</summary>
public sealed class ConceptNoteCardTexts;

/// <summary>The verbs of the concept note's cards and the keys of their data; the bot checks every value again.</summary>
public static class ConceptNoteVerbs
{
    /// <summary>Shows a consultation's concept note (for everyone).</summary>
    public const string Show = "conceptnote.show";

    /// <summary>The organisers' resource list of a consultation.</summary>
    public const string Resources = "conceptnote.resources";

    public const string Add = "conceptnote.add";
    public const string Remove = "conceptnote.remove";

    public const string Consultation = "consultation";
    public const string Resource = "resource";
    public const string TitleKey = "resourceTitle";
    public const string UrlKey = "resourceUrl";
}

/// <summary>A link of the resource list (background documentation).</summary>
public sealed record ResourceLink(string Title, string Url);

/// <summary>
/// A consultation's concept note, built from the one template: the theme, its GCM objectives (official titles in the
/// reader's language), the programme and the resource list, with a link to its public page.
/// </summary>
public sealed record ConceptNoteCardModel(
    int ConsultationId,
    string Title,
    string When,
    string Theme,
    IReadOnlyList<string> Objectives,
    IReadOnlyList<string> Programme,
    IReadOnlyList<ResourceLink> Resources,
    string PageUrl,
    bool Cancelled,
    bool ForOrganiser);

/// <summary>One resource an organiser added.</summary>
public sealed record ResourceEntry(int Id, string Title, string Url);

/// <summary>The organisers' resource list of one consultation, with the add form (values and error kept on a refusal).</summary>
public sealed record ResourcesCardModel(
    int ConsultationId,
    string ConsultationTitle,
    IReadOnlyList<ResourceEntry> Resources,
    int MaxResources,
    int MaxTitleLength,
    int MaxUrlLength,
    string? Banner,
    string? Error,
    string? TitleValue,
    string? UrlValue);

public static class ConceptNoteCards
{
    public static AdaptiveCard ConceptNote(ConceptNoteCardModel model, CultureInfo culture)
    {
        var t = TextResources.For<ConceptNoteCardTexts>(culture);
        var body = new List<CardElement>
        {
            new TextBlock(t["Heading"]) { Weight = TextWeight.Bolder, IsSubtle = true, Size = TextSize.Small },
            new TextBlock(MarkdownText.Escape(model.Title)) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Spacing = Spacing.None },
        };
        if (model.Cancelled)
        {
            body.Add(new TextBlock(t["Cancelled"]) { Color = TextColor.Attention, Weight = TextWeight.Bolder });
        }

        body.Add(new FactSet([new Fact(t["When"], model.When), new Fact(t["Theme"], model.Theme)]));
        body.Add(new TextBlock(t["Objectives"]) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
        body.Add(new TextBlock(string.Join("\n", model.Objectives.Select(o => "- " + MarkdownText.Escape(o)))) { Size = TextSize.Small, Spacing = Spacing.None });
        body.Add(new TextBlock(t["Programme"]) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
        body.Add(new TextBlock(string.Join("\n", model.Programme.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. ") + MarkdownText.Escape(p)))) { Size = TextSize.Small, Spacing = Spacing.None });
        body.Add(new TextBlock(t["Resources"]) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
        body.Add(new TextBlock(string.Join("\n", model.Resources.Select(r => $"- [{MarkdownText.Escape(r.Title)}]({LinkTarget(r.Url)})"))) { Size = TextSize.Small, Spacing = Spacing.None });

        var actions = new List<CardAction> { new OpenUrlAction(model.PageUrl) { Title = t["Button.Page"] } };
        if (model.ForOrganiser)
        {
            actions.Add(new ExecuteAction(CardActionData.For(ConceptNoteVerbs.Resources, (ConceptNoteVerbs.Consultation, Id(model.ConsultationId)))) { Title = t["Button.Manage"], SendInputs = false });
        }

        return new AdaptiveCard(body) { Actions = actions, FallbackText = t["Fallback", model.Title], Lang = SupportedLanguages.TagOf(culture) };
    }

    public static AdaptiveCard Resources(ResourcesCardModel model, CultureInfo culture)
    {
        var t = TextResources.For<ConceptNoteCardTexts>(culture);
        var consultation = Id(model.ConsultationId);
        var body = new List<CardElement>
        {
            new TextBlock(t["Resources.Heading"]) { Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock(MarkdownText.Escape(model.ConsultationTitle)) { IsSubtle = true, Spacing = Spacing.None },
        };
        if (model.Banner is not null)
        {
            body.Add(new TextBlock(MarkdownText.Escape(model.Banner)) { Color = TextColor.Good, Weight = TextWeight.Bolder });
        }

        if (model.Resources.Count == 0)
        {
            body.Add(new TextBlock(t["Resources.None"]));
        }

        foreach (var r in model.Resources)
        {
            body.Add(new ColumnSet(
            [
                new Column(
                [
                    new TextBlock($"[{MarkdownText.Escape(r.Title)}]({LinkTarget(r.Url)})"),
                    new TextBlock(MarkdownText.Escape(r.Url)) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
                ]) { Width = ColumnWidth.Stretch },
                new Column(
                [
                    new ActionSet([new ExecuteAction(CardActionData.For(ConceptNoteVerbs.Remove, (ConceptNoteVerbs.Consultation, consultation), (ConceptNoteVerbs.Resource, Id(r.Id))))
                    {
                        Title = t["Button.Remove"],
                        SendInputs = false,
                    }]),
                ]) { Width = ColumnWidth.Auto },
            ]) { Separator = true });
        }

        if (model.Error is not null)
        {
            body.Add(new TextBlock(MarkdownText.Escape(model.Error)) { Color = TextColor.Attention, Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
        }

        var actions = new List<CardAction>();
        if (model.Resources.Count < model.MaxResources)
        {
            body.Add(new TextBlock(t["Add.Heading"]) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
            body.Add(new TextInput { Id = ConceptNoteVerbs.TitleKey, Label = t["Add.Title"], Value = model.TitleValue, MaxLength = model.MaxTitleLength, IsRequired = true, ErrorMessage = t["Add.TitleRequired"] });
            body.Add(new TextInput { Id = ConceptNoteVerbs.UrlKey, Label = t["Add.Url"], Value = model.UrlValue, MaxLength = model.MaxUrlLength, Style = "Url", Placeholder = "https://", IsRequired = true, ErrorMessage = t["Add.UrlRequired"] });
            actions.Add(new ExecuteAction(CardActionData.For(ConceptNoteVerbs.Add, (ConceptNoteVerbs.Consultation, consultation))) { Title = t["Button.Add"] });
        }
        else
        {
            body.Add(new TextBlock(t["Resources.Full", model.MaxResources]) { IsSubtle = true });
        }

        actions.Add(new ExecuteAction(CardActionData.For(ConceptNoteVerbs.Show, (ConceptNoteVerbs.Consultation, consultation))) { Title = t["Button.ShowNote"], SendInputs = false });
        return new AdaptiveCard(body) { Actions = actions, FallbackText = t["Resources.Heading"], Lang = SupportedLanguages.TagOf(culture) };
    }

    // A markdown link's target ends at the first ")": encode the parentheses, which an https address may hold.
    private static string LinkTarget(string url) => url.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
