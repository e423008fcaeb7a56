using System.Text;

namespace GcmBot.Bot.Exports;

/// <summary>
/// RFC 4180 CSV in UTF-8 (with a byte-order mark, so that spreadsheet programs read non-Latin names correctly),
/// safe against formula injection: a cell that a spreadsheet would run as a formula (starting with = + - @, tab or
/// carriage return) is prefixed with an apostrophe.
/// </summary>
public sealed class CsvWriter
{
    private readonly StringBuilder _text = new();

    public CsvWriter(IEnumerable<string> header)
    {
        Row(header);
    }

    public CsvWriter Row(IEnumerable<string?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                _text.Append(',');
            }

            _text.Append(Escape(cell));
            first = false;
        }

        _text.Append("\r\n");
        return this;
    }

    public byte[] ToUtf8Bytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];

    public override string ToString() => _text.ToString();

    public static string Escape(string? cell)
    {
        var value = cell ?? string.Empty;
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || value != value.Trim()
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
