using System.Text;

namespace GcmBot.Bot.StakeholderDirectory;

/// <summary>One data row of a CSV file: its cells and the line it starts on (as a spreadsheet numbers it).</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Cells);

/// <summary>A parsed CSV file: the header, the data rows and the delimiter found; or why it could not be read.</summary>
public sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<CsvRow> Rows, char Delimiter, DirectoryProblem? Problem)
{
    public bool IsValid => Problem is null;

    public static CsvTable Failed(DirectoryProblem problem) => new([], [], ',', problem);
}

/// <summary>
/// Reads RFC 4180 CSV as spreadsheets write it: quoted fields with doubled quotes, delimiters and line breaks inside
/// quotes, CRLF or LF, an optional UTF-8 byte-order mark. The delimiter is a comma or a semicolon (European spreadsheets
/// save with ';'): whichever appears more often outside quotes on the header line. Blank lines are skipped.
/// </summary>
public static class CsvParser
{
    public static CsvTable Parse(string text, int maxRows)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var delimiter = DetectDelimiter(text);
        var records = new List<CsvRow>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var quotedCell = false;
        var quoteOpenedLine = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    cell.Append(c);
                }

                continue;
            }

            if (c == '"')
            {
                // A quote opens a quoted field only at its start; "ab"c" or ab"c is malformed, not guessed at.
                if (cell.Length > 0 || quotedCell)
                {
                    return CsvTable.Failed(new DirectoryProblem(DirectoryProblemKind.QuoteInField, Number: line));
                }

                inQuotes = true;
                quotedCell = true;
                quoteOpenedLine = line;
            }
            else if (c == delimiter)
            {
                cells.Add(cell.ToString());
                cell.Clear();
                quotedCell = false;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                cells.Add(cell.ToString());
                cell.Clear();
                quotedCell = false;
                if (!EndRecord(records, cells, recordLine, maxRows))
                {
                    return TooMany(maxRows);
                }

                cells = [];
                line++;
                recordLine = line;
            }
            else
            {
                if (quotedCell)
                {
                    return CsvTable.Failed(new DirectoryProblem(DirectoryProblemKind.TextAfterQuote, Number: line));
                }

                cell.Append(c);
            }
        }

        if (inQuotes)
        {
            return CsvTable.Failed(new DirectoryProblem(DirectoryProblemKind.QuoteNeverClosed, Number: quoteOpenedLine));
        }

        cells.Add(cell.ToString());
        if (!EndRecord(records, cells, recordLine, maxRows))
        {
            return TooMany(maxRows);
        }

        if (records.Count == 0)
        {
            return CsvTable.Failed(new DirectoryProblem(DirectoryProblemKind.Empty));
        }

        var header = records[0].Cells.Select(h => h.Trim()).ToList();
        return new CsvTable(header, records.Skip(1).ToList(), delimiter, null);
    }

    private static CsvTable TooMany(int maxRows) =>
        CsvTable.Failed(new DirectoryProblem(DirectoryProblemKind.TooManyRows, Number: maxRows));

    /// <summary>Adds a record unless it is blank; false when the header plus <paramref name="maxRows"/> rows are exceeded.</summary>
    private static bool EndRecord(List<CsvRow> records, List<string> cells, int line, int maxRows)
    {
        if (cells.Count == 1 && string.IsNullOrWhiteSpace(cells[0]))
        {
            return true;
        }

        records.Add(new CsvRow(line, cells.ToList()));
        return records.Count <= maxRows + 1;
    }

    private static char DetectDelimiter(string text)
    {
        int commas = 0, semicolons = 0;
        var inQuotes = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && c is '\r' or '\n')
            {
                break;
            }
            else if (!inQuotes && c == ',')
            {
                commas++;
            }
            else if (!inQuotes && c == ';')
            {
                semicolons++;
            }
        }

        return semicolons > commas ? ';' : ',';
    }
}
