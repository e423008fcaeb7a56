using GcmBot.Bot.StakeholderDirectory;

namespace GcmBot.Bot.Tests.StakeholderDirectory;

public sealed class CsvParserTests
{
    [Fact]
    public void Parse_QuotedFieldsWithCommasQuotesAndLineBreaks_KeepsThem()
    {
        var table = CsvParser.Parse("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z", 10);

        Assert.True(table.IsValid);
        Assert.Equal(["a", "b"], table.Header);
        Assert.Equal(["x, y", "say \"hi\""], table.Rows[0].Cells);
        Assert.Equal(["two\nlines", "z"], table.Rows[1].Cells);
    }

    [Fact]
    public void Parse_LineNumbers_CountLinesInsideQuotes()
    {
        var table = CsvParser.Parse("a,b\n\"1\n2\",x\ny,z", 10);

        Assert.Equal([2, 4], table.Rows.Select(r => r.Line));
    }

    [Fact]
    public void Parse_ByteOrderMark_IsDropped()
    {
        var table = CsvParser.Parse("\uFEFForganisation,country\nX,TH", 10);

        Assert.Equal("organisation", table.Header[0]);
    }

    [Fact]
    public void Parse_SemicolonsOnTheHeader_AreTheDelimiter()
    {
        var table = CsvParser.Parse("a;b;c\n\"1,5\";2;3", 10);

        Assert.Equal(';', table.Delimiter);
        Assert.Equal(["1,5", "2", "3"], table.Rows[0].Cells);
    }

    [Fact]
    public void Parse_BlankLines_AreSkipped()
    {
        var table = CsvParser.Parse("a,b\n\n1,2\n\n", 10);

        Assert.Single(table.Rows);
    }

    [Fact]
    public void Parse_UnclosedQuote_IsAProblemNamingItsLine()
    {
        var table = CsvParser.Parse("a,b\n1,2\n\"open,3\n4,5", 10);

        Assert.False(table.IsValid);
        Assert.Equal(new DirectoryProblem(DirectoryProblemKind.QuoteNeverClosed, Number: 3), table.Problem);
    }

    [Fact]
    public void Parse_QuoteInsideAnUnquotedField_IsAProblem()
    {
        var table = CsvParser.Parse("a,b\nab\"c,2", 10);

        Assert.Equal(new DirectoryProblem(DirectoryProblemKind.QuoteInField, Number: 2), table.Problem);
    }

    [Fact]
    public void Parse_TextAfterAClosingQuote_IsAProblem()
    {
        var table = CsvParser.Parse("a,b\n\"ab\"c,2", 10);

        Assert.Equal(new DirectoryProblem(DirectoryProblemKind.TextAfterQuote, Number: 2), table.Problem);
    }

    [Fact]
    public void Parse_MoreRowsThanAllowed_IsAProblem()
    {
        var table = CsvParser.Parse("a\n1\n2\n3", 2);

        Assert.Equal(new DirectoryProblem(DirectoryProblemKind.TooManyRows, Number: 2), table.Problem);
    }

    [Fact]
    public void Parse_Empty_IsAProblem()
    {
        Assert.Equal(DirectoryProblemKind.Empty, CsvParser.Parse("\r\n", 10).Problem!.Kind);
    }
}

public sealed class DirectoryKeysTests
{
    [Theory]
    [InlineData("Migrant Forum Asia, Inc.", "migrant forum asia")]
    [InlineData("  MIGRANT   forum asia ", "migrant forum asia")]
    [InlineData("The Migrant Forum Asia Ltd", "migrant forum asia")]
    [InlineData("Acme Pvt. Ltd.", "acme")]
    [InlineData("Maju Sdn Bhd", "maju")]
    [InlineData("Đoàn Kết Việt", "doan ket viet")]
    [InlineData("Workers' Union & Friends", "workers union and friends")]
    [InlineData("Company", "company")]
    [InlineData("Limited Inc", "limited")]
    [InlineData("!!!", "")]
    public void Organisation_Variants_FoldToOneKey(string name, string expected)
    {
        Assert.Equal(expected, DirectoryKeys.Organisation(name));
    }

    [Theory]
    [InlineData("asha@example.org", true)]
    [InlineData("a.b+c@sub.example.co.th", true)]
    [InlineData("not-an-email", false)]
    [InlineData("Asha <asha@example.org>", false)]
    [InlineData("asha@localhost", false)]
    [InlineData("asha @example.org", false)]
    [InlineData("asha@example.org.", false)]
    public void IsValidEmail_Addresses_AreJudged(string email, bool valid)
    {
        Assert.Equal(valid, DirectoryKeys.IsValidEmail(email));
    }

    [Fact]
    public void Email_Key_IgnoresCaseAndSpaces()
    {
        Assert.Equal("asha@example.org", DirectoryKeys.Email("  Asha@Example.ORG "));
    }
}

public sealed class ImportRulesTests
{
    private static readonly ExistingKeys NoEntries = new(new Dictionary<string, long>(), new Dictionary<string, long>());

    [Fact]
    public void ReadHeader_AliasesAndExtraColumns_AreRecognisedOrIgnored()
    {
        var header = ImportRules.ReadHeader(["Organization Name", "Group", "COUNTRY", "E-mail", "Notes"]);

        Assert.Null(header.Problem);
        Assert.Equal(3, header.Columns[ImportColumn.Email]);
        Assert.Equal(["Notes"], header.Ignored);
    }

    [Fact]
    public void ReadHeader_ColumnTwice_IsAProblem()
    {
        var header = ImportRules.ReadHeader(["organisation", "organization", "stakeholder_group", "country"]);

        Assert.Equal(new DirectoryProblem(DirectoryProblemKind.ColumnTwice, "organization"), header.Problem);
    }

    [Fact]
    public void ReadRow_LabelsAndNames_AreReadAsCodes()
    {
        var header = ImportRules.ReadHeader(["organisation", "stakeholder_group", "country", "themes", "consent_to_contact"]);

        var (row, problems) = ImportRules.ReadRow(new CsvRow(2, ["Org", "National human rights institutions", "viet nam", "c a", "Y"]), header.Columns);

        Assert.Empty(problems);
        Assert.Equal(("nhri", "VN", "ac", ConsentState.Yes, ConsentState.NotConfirmed), (row!.StakeholderGroup, row.CountryCode, row.Themes, row.ContactConsent, row.ListingConsent));
    }

    [Fact]
    public void ReadRow_SeveralProblems_AreAllReported()
    {
        var header = ImportRules.ReadHeader(["organisation", "stakeholder_group", "country", "email", "consent_to_list"]);

        var (row, problems) = ImportRules.ReadRow(new CsvRow(2, ["", "", "XX", "bad", "maybe"]), header.Columns);

        Assert.Null(row);
        Assert.Equal(5, problems.Count);
    }

    [Fact]
    public void Plan_MatchesByEmailBeforeOrganisation()
    {
        var table = CsvParser.Parse("organisation,stakeholder_group,country,email\nOther Name,academia,TH,X@Y.org\nKnown Org Ltd,academia,TH,", 10);
        var existing = new ExistingKeys(new Dictionary<string, long> { ["x@y.org"] = 7 }, new Dictionary<string, long> { ["known org"] = 9 });

        var plan = ImportRules.Plan(table, ImportRules.ReadHeader(table.Header), existing);

        Assert.Equal([(7L, "e-mail"), (9L, "organisation")], plan.Merged.Select(m => (m.MergeInto!.Value, m.MergedBy!)));
    }

    [Fact]
    public void Plan_SameEmailTwiceInTheFile_RejectsTheSecond()
    {
        var table = CsvParser.Parse("organisation,stakeholder_group,country,email\nA,academia,TH,x@y.org\nB,academia,TH,X@y.org", 10);

        var plan = ImportRules.Plan(table, ImportRules.ReadHeader(table.Header), NoEntries);

        Assert.Single(plan.Accepted);
        Assert.Equal(new DirectoryProblem(DirectoryProblemKind.DuplicateEmail, Number: 2), Assert.Single(plan.Rejected).Reasons.Single());
    }
}
