using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Common;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Submissions;

/// <summary>What the submission form shows.</summary>
/// <param name="SubmitKey">Identifies this form: sending it twice stores one submission.</param>
/// <param name="SubmissionId">Set when the form edits an existing submission.</param>
/// <param name="Version">The version of the submission being edited.</param>
/// <param name="Values">Answers by input id (the constants of <see cref="SubmissionFormCard"/>), as last given.</param>
/// <param name="Errors">A problem per input id, shown right under that input.</param>
/// <param name="Themes">The roundtable themes a–d.</param>
/// <param name="Objectives">The GCM objectives, grouped by theme (chosen themes first), titled with their theme.</param>
/// <param name="Consents">The publication choices.</param>
/// <param name="Notice">A line above the form, e.g. the organisers' comment on a returned submission (plain text).</param>
public sealed record SubmissionFormModel(
    string SubmitKey,
    int? SubmissionId,
    int? Version,
    IReadOnlyDictionary<string, string?> Values,
    IReadOnlyDictionary<string, string> Errors,
    IReadOnlyList<Choice> Themes,
    IReadOnlyList<Choice> Objectives,
    IReadOnlyList<Choice> Consents,
    string? Notice,
    int TitleLength,
    int TextLength,
    int LinkLength,
    int OrganisationLength);

/// <summary>The written-submission form, for a new submission or to edit one before it is reviewed.</summary>
public static class SubmissionFormCard
{
    public const string Title = "title";
    public const string Themes = TagInputs.Themes;
    public const string Objectives = TagInputs.Objectives;
    public const string Text = "text";
    public const string Link = "link";
    public const string Organisation = "organisation";
    public const string Consent = "consent";

    public static AdaptiveCard Build(SubmissionFormModel model, CultureInfo culture)
    {
        var t = TextResources.For<SubmissionsCardTexts>(culture);
        var editing = model.SubmissionId is not null;
        var body = new List<CardElement>
        {
            new TextBlock(editing ? t["Form.Heading.Edit", model.SubmissionId] : t["Form.Heading.New"])
            {
                Size = TextSize.Medium,
                Weight = TextWeight.Bolder,
            },
            new TextBlock(editing ? t["Form.Intro.Edit"] : t["Form.Intro.New"])
            {
                IsSubtle = true,
                Spacing = Spacing.None,
            },
        };

        if (model.Notice is not null)
        {
            body.Add(new TextBlock(MarkdownText.Escape(model.Notice)) { Color = TextColor.Warning });
        }

        if (model.Errors.Count > 0)
        {
            body.Add(new TextBlock(t["Form.Errors", model.Errors.Count])
            {
                Color = TextColor.Attention,
                Weight = TextWeight.Bolder,
            });
        }

        FormField.Add(body, model.Errors, new TextInput
        {
            Id = Title,
            Label = t["Form.Title"],
            IsRequired = true,
            ErrorMessage = t["Form.Title.Error"],
            MaxLength = model.TitleLength,
            Value = Value(model, Title),
        });
        TagInputs.Add(body, model.Errors, model.Themes, model.Objectives, model.Values, culture);
        FormField.Add(body, model.Errors, new TextInput
        {
            Id = Text,
            Label = t["Form.Text", model.TextLength],
            IsMultiline = true,
            MaxLength = model.TextLength,
            Placeholder = t["Form.Text.Placeholder"],
            Value = Value(model, Text),
        });
        FormField.Add(body, model.Errors, new TextInput
        {
            Id = Link,
            Label = t["Form.Link"],
            Style = "url",
            MaxLength = model.LinkLength,
            Placeholder = "https://example.org/our-submission.pdf",
            Value = Value(model, Link),
        });
        FormField.Add(body, model.Errors, new TextInput
        {
            Id = Organisation,
            Label = t["Form.Organisation"],
            MaxLength = model.OrganisationLength,
            Value = Value(model, Organisation),
        });
        FormField.Add(body, model.Errors, new ChoiceSetInput(model.Consents)
        {
            Id = Consent,
            Label = t["Form.Consent"],
            IsRequired = true,
            Expanded = true,
            ErrorMessage = t["Form.Consent.Error"],
            Value = Value(model, Consent),
        });

        var data = new Dictionary<string, string>();
        if (model.SubmissionId is { } id && model.Version is { } version)
        {
            data[SubmissionVerbs.Id] = id.ToString(CultureInfo.InvariantCulture);
            data[SubmissionVerbs.Version] = version.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            data[SubmissionVerbs.SubmitKey] = model.SubmitKey;
        }

        return new AdaptiveCard(body)
        {
            Actions = [new SubmitAction(new CardActionData(SubmissionVerbs.Save, data)) { Title = editing ? t["Form.Send.Edit"] : t["Form.Send"], Style = ActionStyle.Positive }],
            FallbackText = t["Form.Fallback"],
            Lang = SupportedLanguages.TagOf(culture),
        };
    }

    private static string? Value(SubmissionFormModel model, string id) => model.Values.GetValueOrDefault(id);
}
