namespace GcmBot.Cards.StakeholderDirectory;

/// <summary>The verbs of the stakeholder directory's cards (Universal Actions) and the keys of their data.</summary>
public static class DirectoryVerbs
{
    /// <summary>Search with the filters of the card's inputs (also a page of results, with the filters as data).</summary>
    public const string Search = "directory.search";

    /// <summary>Export the entries matching the filters carried by the button.</summary>
    public const string Export = "directory.export";

    /// <summary>Apply a staged import exactly as its dry run showed.</summary>
    public const string ApplyImport = "directory.import.apply";

    public const string DiscardImport = "directory.import.discard";

    public const string Text = "dirText";
    public const string Group = "dirGroup";
    public const string Country = "dirCountry";
    public const string Subregion = "dirSubregion";
    public const string Theme = "dirTheme";
    public const string Page = "page";

    /// <summary>The filter choice that means "no filter" (a compact choice set cannot be cleared once chosen).</summary>
    public const string Any = "any";
    public const string Import = "import";
}
