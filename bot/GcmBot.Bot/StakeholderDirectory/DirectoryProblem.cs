using GcmBot.Bot.Engagement;

namespace GcmBot.Bot.StakeholderDirectory;

/// <summary>What went wrong with an import file, its CSV, its header or one of its rows.</summary>
public enum DirectoryProblemKind
{
    // The file.
    OneFileAtATime,
    NotCsv,
    NoDownloadLink,
    DownloadFailed,
    NotUtf8,
    DownloadError,
    DownloadTooSlow,
    FileTooLarge,

    // The CSV.
    QuoteInField,
    TextAfterQuote,
    QuoteNeverClosed,
    Empty,
    TooManyRows,

    // The header.
    ColumnTwice,
    ColumnsMissing,

    // A row.
    Missing,
    TooLong,
    NoLettersOrDigits,
    UnknownGroup,
    UnknownCountry,
    EmailTooLong,
    EmailInvalid,
    Themes,
    ConsentInvalid,
    DuplicateEmail,
    DuplicateOrganisation,
}

/// <summary>
/// A problem of an import as a typed outcome, with what the organiser needs to fix it; the Teams face words it in the
/// organiser's language (<see cref="DirectoryViews"/>).
/// </summary>
/// <param name="Value">What the file had (a file name, a cell, a header), shortened.</param>
/// <param name="Number">A line number, a limit or a size.</param>
/// <param name="Column">The column a row's problem is in.</param>
/// <param name="Columns">The required columns the header lacks.</param>
/// <param name="Tags">The themes' problem.</param>
public sealed record DirectoryProblem(
    DirectoryProblemKind Kind,
    string? Value = null,
    int Number = 0,
    ImportColumn? Column = null,
    IReadOnlyList<ImportColumn>? Columns = null,
    TagProblem? Tags = null);
