using GcmBot.Bot.Engagement;

namespace GcmBot.Bot.StakeholderDirectory;

/// <summary>Sizes the directory keeps to (stored columns, and what an import may bring).</summary>
public static class DirectoryLimits
{
    public const int UserIdLength = 128;
    public const int OrganisationLength = 200;
    public const int NameLength = 100;
    public const int EmailLength = 254;
    public const int SearchTextLength = 600;
    public const int SearchQueryLength = 100;
}

/// <summary>The columns an import file may have; the first three are required.</summary>
public enum ImportColumn
{
    Organisation,
    StakeholderGroup,
    Country,
    ContactName,
    Email,
    Themes,
    ConsentToContact,
    ConsentToList,
}

/// <summary>One import row, checked and tidied: what would be stored.</summary>
public sealed record ImportCandidate(
    int Line,
    string Organisation,
    string OrganisationKey,
    string StakeholderGroup,
    string CountryCode,
    string Themes,
    string? ContactName,
    string? Email,
    ConsentState ContactConsent,
    ConsentState ListingConsent)
{
    public string? EmailKey => Email is null ? null : DirectoryKeys.Email(Email);
}

/// <summary>A row the dry run accepted (new, <see cref="MergeInto"/> null) or merged into an existing entry.</summary>
public sealed record StagedRow(ImportCandidate Row, long? MergeInto, string? MergedBy);

/// <summary>A row the dry run refused, with the reasons.</summary>
public sealed record RejectedRow(int Line, IReadOnlyList<DirectoryProblem> Reasons);

/// <summary>What an import would do: rows to add, rows to merge into existing entries, rows refused.</summary>
public sealed record ImportPlan(IReadOnlyList<StagedRow> Accepted, IReadOnlyList<StagedRow> Merged, IReadOnlyList<RejectedRow> Rejected, IReadOnlyList<string> IgnoredColumns);

/// <summary>The file's header read into columns, or what is wrong with it.</summary>
public sealed record ImportHeader(IReadOnlyDictionary<ImportColumn, int> Columns, IReadOnlyList<string> Ignored, DirectoryProblem? Problem);

/// <summary>The keys of the directory's entries as an import matches against them.</summary>
public sealed record ExistingKeys(IReadOnlyDictionary<string, long> ByEmail, IReadOnlyDictionary<string, long> ByOrganisation);

/// <summary>
/// How an organiser's CSV becomes directory entries. Required columns: organisation, stakeholder group, country;
/// optional: contact name, e-mail, themes, consent to contact, consent to list. A row is a duplicate of an entry when
/// its e-mail matches (any case) or, failing that, its folded organisation name does; a duplicate merges into the
/// entry (filling what it lacks, adding themes, recording consent given) and never overwrites what is there.
/// </summary>
public static class ImportRules
{
    public static IReadOnlyList<ImportColumn> Required { get; } = [ImportColumn.Organisation, ImportColumn.StakeholderGroup, ImportColumn.Country];

    /// <summary>The header names each column is recognised by (folded: lower case, punctuation as spaces).</summary>
    private static readonly IReadOnlyDictionary<string, ImportColumn> HeaderNames = new Dictionary<string, ImportColumn>(StringComparer.Ordinal)
    {
        ["organisation"] = ImportColumn.Organisation,
        ["organization"] = ImportColumn.Organisation,
        ["organisation name"] = ImportColumn.Organisation,
        ["organization name"] = ImportColumn.Organisation,
        ["org"] = ImportColumn.Organisation,
        ["stakeholder group"] = ImportColumn.StakeholderGroup,
        ["group"] = ImportColumn.StakeholderGroup,
        ["country"] = ImportColumn.Country,
        ["contact name"] = ImportColumn.ContactName,
        ["contact person"] = ImportColumn.ContactName,
        ["contact"] = ImportColumn.ContactName,
        ["name"] = ImportColumn.ContactName,
        ["email"] = ImportColumn.Email,
        ["e mail"] = ImportColumn.Email,
        ["email address"] = ImportColumn.Email,
        ["e mail address"] = ImportColumn.Email,
        ["themes"] = ImportColumn.Themes,
        ["theme"] = ImportColumn.Themes,
        ["consent to contact"] = ImportColumn.ConsentToContact,
        ["consent contact"] = ImportColumn.ConsentToContact,
        ["consent to list"] = ImportColumn.ConsentToList,
        ["consent to be listed"] = ImportColumn.ConsentToList,
        ["consent list"] = ImportColumn.ConsentToList,
    };

    /// <summary>The header line as the docs and the help text show it.</summary>
    public const string ExampleHeader = "organisation,stakeholder_group,country,contact_name,email,themes,consent_to_contact,consent_to_list";

    public static ImportHeader ReadHeader(IReadOnlyList<string> header)
    {
        var columns = new Dictionary<ImportColumn, int>();
        var ignored = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i];
            if (!HeaderNames.TryGetValue(DirectoryKeys.Fold(name), out var column))
            {
                if (!string.IsNullOrWhiteSpace(name))
                {
                    ignored.Add(Shorten(name, 40));
                }

                continue;
            }

            if (!columns.TryAdd(column, i))
            {
                return new ImportHeader(columns, ignored, new DirectoryProblem(DirectoryProblemKind.ColumnTwice, Shorten(name, 40)));
            }
        }

        var missing = Required.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return new ImportHeader(columns, ignored, new DirectoryProblem(DirectoryProblemKind.ColumnsMissing, Columns: missing));
        }

        return new ImportHeader(columns, ignored, null);
    }

    /// <summary>Checks one row; returns the tidy row, or every reason it cannot be imported.</summary>
    public static (ImportCandidate? Row, IReadOnlyList<DirectoryProblem> Problems) ReadRow(CsvRow row, IReadOnlyDictionary<ImportColumn, int> columns)
    {
        var problems = new List<DirectoryProblem>();
        string Cell(ImportColumn column) =>
            columns.TryGetValue(column, out var index) && index < row.Cells.Count ? TypedText.SingleLine(row.Cells[index]) : string.Empty;

        var organisation = Cell(ImportColumn.Organisation);
        var groupText = Cell(ImportColumn.StakeholderGroup);
        var countryText = Cell(ImportColumn.Country);
        var name = Cell(ImportColumn.ContactName);
        var email = Cell(ImportColumn.Email);
        var themesText = Cell(ImportColumn.Themes);

        Check(problems, organisation, ImportColumn.Organisation, DirectoryLimits.OrganisationLength, required: true);
        Check(problems, name, ImportColumn.ContactName, DirectoryLimits.NameLength, required: false);
        var key = DirectoryKeys.Organisation(organisation);
        if (organisation.Length is > 0 and <= DirectoryLimits.OrganisationLength && key.Length == 0)
        {
            problems.Add(new DirectoryProblem(DirectoryProblemKind.NoLettersOrDigits, Shorten(organisation, 40)));
        }

        string? group = null;
        if (groupText.Length == 0)
        {
            problems.Add(new DirectoryProblem(DirectoryProblemKind.Missing, Column: ImportColumn.StakeholderGroup));
        }
        else if (FindGroup(groupText) is { } g)
        {
            group = g;
        }
        else
        {
            problems.Add(new DirectoryProblem(DirectoryProblemKind.UnknownGroup, Shorten(groupText, 40)));
        }

        Country? country = null;
        if (countryText.Length == 0)
        {
            problems.Add(new DirectoryProblem(DirectoryProblemKind.Missing, Column: ImportColumn.Country));
        }
        else if (FindCountry(countryText) is { } c)
        {
            country = c;
        }
        else
        {
            problems.Add(new DirectoryProblem(DirectoryProblemKind.UnknownCountry, Shorten(countryText, 40)));
        }

        if (email.Length > DirectoryLimits.EmailLength)
        {
            problems.Add(new DirectoryProblem(DirectoryProblemKind.EmailTooLong, Number: DirectoryLimits.EmailLength));
        }
        else if (email.Length > 0 && !DirectoryKeys.IsValidEmail(email))
        {
            problems.Add(new DirectoryProblem(DirectoryProblemKind.EmailInvalid, Shorten(email, 60)));
        }

        var themes = GcmTagRules.ParseThemes(themesText, required: false);
        if (!themes.IsValid)
        {
            problems.Add(new DirectoryProblem(DirectoryProblemKind.Themes, Tags: themes.Problem));
        }

        var contact = ReadConsent(Cell(ImportColumn.ConsentToContact), ImportColumn.ConsentToContact, problems);
        var listing = ReadConsent(Cell(ImportColumn.ConsentToList), ImportColumn.ConsentToList, problems);

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        return (new ImportCandidate(
            row.Line,
            organisation,
            key,
            group!,
            country!.Code,
            GcmTagRules.StoreThemes(themes.Value),
            name.Length == 0 ? null : name,
            email.Length == 0 ? null : email,
            contact,
            listing), problems);
    }

    /// <summary>The dry run: every data row accepted, merged into an existing entry, or rejected with reasons.</summary>
    public static ImportPlan Plan(CsvTable table, ImportHeader header, ExistingKeys existing)
    {
        var accepted = new List<StagedRow>();
        var merged = new List<StagedRow>();
        var rejected = new List<RejectedRow>();
        var seenEmails = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenOrganisations = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var csvRow in table.Rows)
        {
            var (row, problems) = ReadRow(csvRow, header.Columns);
            if (row is null)
            {
                rejected.Add(new RejectedRow(csvRow.Line, problems));
                continue;
            }

            // A second row for the same e-mail or organisation would merge into the first: say so instead of guessing.
            if (row.EmailKey is { } ek && seenEmails.TryGetValue(ek, out var firstByEmail))
            {
                rejected.Add(new RejectedRow(row.Line, [new DirectoryProblem(DirectoryProblemKind.DuplicateEmail, Number: firstByEmail)]));
                continue;
            }

            if (seenOrganisations.TryGetValue(row.OrganisationKey, out var firstByName))
            {
                rejected.Add(new RejectedRow(row.Line, [new DirectoryProblem(DirectoryProblemKind.DuplicateOrganisation, Number: firstByName)]));
                continue;
            }

            if (row.EmailKey is { } key)
            {
                seenEmails[key] = row.Line;
            }

            seenOrganisations[row.OrganisationKey] = row.Line;
            if (row.EmailKey is { } emailKey && existing.ByEmail.TryGetValue(emailKey, out var byEmail))
            {
                merged.Add(new StagedRow(row, byEmail, MergedByEmail));
            }
            else if (existing.ByOrganisation.TryGetValue(row.OrganisationKey, out var byName))
            {
                merged.Add(new StagedRow(row, byName, MergedByOrganisation));
            }
            else
            {
                accepted.Add(new StagedRow(row, null, null));
            }
        }

        return new ImportPlan(accepted, merged, rejected, header.Ignored);
    }

    /// <summary>What a merged row matched on (kept with the staged row; cards word it).</summary>
    public const string MergedByEmail = "e-mail";

    public const string MergedByOrganisation = "organisation";

    /// <summary>A column's name in the header, as organisers write it.</summary>
    public static string Describe(ImportColumn column) => column switch
    {
        ImportColumn.Organisation => "organisation",
        ImportColumn.StakeholderGroup => "stakeholder_group",
        ImportColumn.Country => "country",
        ImportColumn.ContactName => "contact_name",
        ImportColumn.Email => "email",
        ImportColumn.Themes => "themes",
        ImportColumn.ConsentToContact => "consent_to_contact",
        _ => "consent_to_list",
    };

    /// <summary>A group by its code ("civil-society") or its label ("Civil society organisations"), any case.</summary>
    public static string? FindGroup(string text)
    {
        var folded = DirectoryKeys.Fold(text);
        return StakeholderReference.Groups.FirstOrDefault(g =>
            DirectoryKeys.Fold(g.Code) == folded || DirectoryKeys.Fold(g.Label) == folded)?.Code;
    }

    /// <summary>A country by its ISO code ("NP") or its name ("Nepal", "Viet Nam"), any case or accents.</summary>
    public static Country? FindCountry(string text)
    {
        var folded = DirectoryKeys.Fold(text);
        return StakeholderReference.Countries.FirstOrDefault(c =>
            c.Code != "OTHER" && (DirectoryKeys.Fold(c.Code) == folded || DirectoryKeys.Fold(c.Name) == folded));
    }

    private static ConsentState ReadConsent(string text, ImportColumn column, List<DirectoryProblem> problems)
    {
        switch (DirectoryKeys.Fold(text))
        {
            case "":
            case "not confirmed":
            case "unknown":
                return ConsentState.NotConfirmed;
            case "yes":
            case "y":
            case "true":
            case "1":
                return ConsentState.Yes;
            case "no":
            case "n":
            case "false":
            case "0":
                return ConsentState.No;
            default:
                problems.Add(new DirectoryProblem(DirectoryProblemKind.ConsentInvalid, Shorten(text, 20), Column: column));
                return ConsentState.NotConfirmed;
        }
    }

    private static void Check(List<DirectoryProblem> problems, string value, ImportColumn column, int max, bool required)
    {
        if (required && value.Length == 0)
        {
            problems.Add(new DirectoryProblem(DirectoryProblemKind.Missing, Column: column));
        }
        else if (value.Length > max)
        {
            problems.Add(new DirectoryProblem(DirectoryProblemKind.TooLong, Number: max, Column: column));
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
