using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GcmBot.Bot.Languages;

/// <summary>Whose language a <see cref="LanguageChoice"/> records.</summary>
public enum LanguageSubject
{
    /// <summary>A person, by stable id: what they chose, or else the language their Teams client last reported.</summary>
    Person = 1,

    /// <summary>A shared chat (meeting, group chat, channel), by conversation id: set by a moderator.</summary>
    Chat = 2,
}

/// <summary>A language a person chose or their client reported, or the language of a shared chat.</summary>
public sealed class LanguageChoice
{
    public required LanguageSubject Subject { get; set; }

    /// <summary>The person's stable id or the conversation id.</summary>
    public required string SubjectId { get; set; }

    /// <summary>A tag of <see cref="GcmBot.Cards.Words.SupportedLanguages.Tags"/>.</summary>
    public required string Tag { get; set; }

    /// <summary>True when the person chose it; false when it is only what their Teams client reported last.</summary>
    public bool Chosen { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class LanguageChoiceConfiguration : IEntityTypeConfiguration<LanguageChoice>
{
    public void Configure(EntityTypeBuilder<LanguageChoice> builder)
    {
        builder.ToTable("LanguageChoices");
        builder.HasKey(c => new { c.Subject, c.SubjectId });
        builder.Property(c => c.SubjectId).HasMaxLength(256);
        builder.Property(c => c.Tag).HasMaxLength(16);
    }
}
