using System.ComponentModel.DataAnnotations;

namespace GcmBot.Bot.PublicForms;

/// <summary>The public forms for people without Teams: how often one address may send, and how long private links live.</summary>
public sealed class PublicFormsOptions
{
    public const string SectionName = "PublicForms";

    /// <summary>Forms one network address may send a minute (registration, changes, submissions together).</summary>
    [Range(1, 10_000)]
    public int SendsPerMinutePerAddress { get; set; } = 10;

    /// <summary>A private link works until this many days after the last event of the engagement ends.</summary>
    [Range(1, 365)]
    public int LinkDaysAfterLastEvent { get; set; } = 30;

    /// <summary>Whatever a request body may hold; the longest form (a written submission) needs well under this.</summary>
    [Range(1024, 1_048_576)]
    public int MaxRequestBytes { get; set; } = 64 * 1024;
}
